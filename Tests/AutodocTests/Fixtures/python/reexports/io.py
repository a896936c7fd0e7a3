"""Reading."""


class Reader:
    """Reads records from a stream."""
