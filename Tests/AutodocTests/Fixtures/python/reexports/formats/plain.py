"""Plain text output."""


def render(value: object) -> str:
    """Renders a value as plain text."""
    return str(value)
