class Secret:
    """Only imported under TYPE_CHECKING."""
