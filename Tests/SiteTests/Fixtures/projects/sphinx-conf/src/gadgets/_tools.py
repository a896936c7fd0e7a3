"""Where the tools are made."""


class Wrench:
    """Turns nuts of one size."""

    def turn(self, degrees: int = 90) -> None:
        """Turns by ``degrees``."""
