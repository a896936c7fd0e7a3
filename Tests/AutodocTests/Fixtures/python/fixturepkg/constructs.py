# -*- coding: utf-8 -*-
r'''Every construct the extractor must understand.

    An indented line (kept relative to the margin).

Last paragraph.
'''
from __future__ import annotations

import abc
import dataclasses
import functools
from typing import TYPE_CHECKING, Generic, TypeVar, overload

if TYPE_CHECKING:
    from collections.abc import Iterator

try:
    import json
except ImportError:  # pragma: no cover
    json = None

T = TypeVar("T")

#: Default size of a shape.
#: Spans two comment lines.
DEFAULT_SIZE: int = 10

MAX = 3  #: Trailing doc comment.

ORIGIN = (0, 0)
"""Docstring after an assignment."""

UNDOCUMENTED = {"a": [1, 2, {3: 4}],
                "b": (5,
                      6)}

first = second = "chained"  #: Both names get this.

PREFIXES = [r"\d", b"bytes", rb"\x00", Rb'x', u"unicode", f"{MAX}", F'{MAX!r:>{10}}', fr"\{MAX}", BR"raw"]

NESTED = f"{'a' + f'{MAX:{"0"}>{3}}'}" f"{ {'k': 1}['k'] }" f'''{
    MAX
}'''

TOTAL = 1 + \
    2 + \
    3

square = lambda x=1, *, y=2: x * y


def area(width: float, height: float = 1.0, /, *, unit: str = "m", **extra) -> float:
    """Compute an area.

    :param width: the width
    :returns: ``width * height``
    """
    return width * height


async def fetch(url, *args: str, timeout: float | None = None, **kwargs: "dict[str, int]"):
    '''Fetch *url* asynchronously.'''
    async with session() as s:
        return await s.get(url, f"{url!r}")


def only_positional(a, b, /): ...


def star_only(*, key=lambda: (1, 2), other=dict(a=1, b=2)):
    def inner():
        """Not extracted: inside a function body."""
    class Hidden:
        pass


def typed[K, V: (int, str)](mapping: dict[K, V], *keys: K) -> list[V]:
    """A PEP 695 generic function."""


@functools.lru_cache(maxsize=None)
@decorator.with_args("x", key=[1,
                              2])
def decorated(
    first,  # a comment inside the parameter list
    second: "Shape" = None,
):
    """Decorated with arguments spanning lines."""


@overload
def coerce(value: int) -> int: ...
@overload
def coerce(value: str) -> str: ...
def coerce(value):
    """Overloaded function."""
    return value


class ShapeError(ValueError):
    """Raised for invalid shapes."""


class TooSmall(ShapeError):
    pass


class Shape(abc.ABC, Generic[T], metaclass=abc.ABCMeta):
    """A shape.

    Has nested classes, properties and every kind of method.
    """

    #: Number of sides.
    sides: int = 0

    name = "shape"
    """The shape's name."""

    registry: dict[str, "Shape"]

    class Meta:
        """Nested options class."""

        ordering = ["name"]  #: Sort order.

        class Deeper:
            """Two levels down."""

    def __init__(self, size: int = DEFAULT_SIZE, *, color: str = "red") -> None:
        """Create a shape."""
        #: The size given at creation.
        self.size = size
        self.color = color
        """The shape's colour."""
        self.undocumented = True
        if size > 100:
            self.big: bool = True  #: Set for big shapes.

    @property
    def perimeter(self) -> float:
        """The perimeter."""
        return 0.0

    @perimeter.setter
    def perimeter(self, value: float) -> None:
        pass

    @functools.cached_property
    def cached(self):
        """Computed once."""

    @classmethod
    def create(cls, *args, **kwargs) -> "Shape":
        """Alternative constructor."""

    @staticmethod
    def helper(x, y=[1, 2], z={"k": (1, 2)}):
        """A static helper."""

    @abc.abstractmethod
    async def draw(self, canvas, /, scale=1.0):
        """Draw on *canvas*."""

    def _private(self):
        """Private method."""

    def __repr__(self):
        return f"Shape({self.size!r})"

    def method_with_match(self, command):
        match command:
            case {"action": action}:
                return action
            case _:
                return None


@dataclasses.dataclass(frozen=True)
class Point:
    """A dataclass point."""

    x: int
    y: int = 0
    label: str = dataclasses.field(default="p")
    origin: "typing.ClassVar[Point]"


class Empty: "One-liner class with a docstring."


class Weird(
    Shape,  # a comment between bases
    Generic[T],
):
    """Bases across lines."""

    def method(self): return 1


class Généralisé:
    """Unicode identifiers work."""

    def naïve(self, façade=1):
        """Méthode."""


if True:
    def conditional():
        """Defined inside an if block."""
else:
    pass

while False:
    pass

with open("x") as handle:
    WITH_VALUE = 1

type Pair[A] = tuple[A, A]  #: A PEP 695 type alias.

if __name__ == "__main__":
    def script_only():
        """Not API: only defined when run as a script."""


class InheritsInit(Shape):
    """Takes Shape's constructor signature."""


class UsesNew:
    """Signature from __new__."""

    def __new__(cls, value: int, /):
        return super().__new__(cls)
