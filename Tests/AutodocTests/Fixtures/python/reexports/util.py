"""Helpers; only `slugify` is exported."""

__all__ = ["slugify"]


def slugify(text: str) -> str:
    """Lower-cases `text` and joins its words with hyphens."""
    return "-".join(text.lower().split())


def not_exported() -> None:
    """Not in __all__, so a star import does not bring it."""
