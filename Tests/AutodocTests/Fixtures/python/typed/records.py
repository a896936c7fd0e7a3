import dataclasses
import enum
import typing as t
from typing import NamedTuple


@dataclasses.dataclass(frozen=True)
class Point:
    """A dataclass point."""

    x: int
    y: int = 0
    label: str = dataclasses.field(default="p")
    tags: list = dataclasses.field(default_factory=list)
    origin: t.ClassVar[int] = 0


class Pair(NamedTuple):
    """A named tuple."""

    left: int
    right: str = "r"


class Color(enum.Enum):
    """Colours."""

    RED = 1
    GREEN = "g"


class Movie(t.TypedDict):
    """A typed dict."""

    title: str
