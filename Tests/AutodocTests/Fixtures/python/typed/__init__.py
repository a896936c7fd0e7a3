"""Annotations as real packages write them."""
from __future__ import annotations

import typing as t
from collections.abc import Callable

from ._model import Node as Node
from ._model import NodeList

if t.TYPE_CHECKING:
    from ._hidden import Secret

Plugin = object
Namespace = t.Union["Node", type]
T = t.TypeVar("T")


def connect(target: t.Optional[Node] = None, retries: int = 3, mode: str = "fast") -> NodeList:
    """Every name binds: evaluated, shortened, Optional written as ``| None``."""


def register(plugin: Plugin, space: Namespace, hook: Callable[..., object]) -> t.Optional[t.List[T]]:
    """Aliases replaced by their values; ``Callable[..., R]`` as autodoc writes it."""


def reveal(secret: Secret, label: t.Optional[str]) -> None:
    """A name imported only for type checkers: every annotation stays as written."""


@t.final
class Sealed:
    """A final class."""


class Handler:
    """A handler."""

    def handle(self, node: "Node", *args: t.Any, key: str = 'k', **kwargs: t.Any) -> t.Literal["a", "b"]:
        """Forward references and ``Literal`` values."""

    @t.overload
    def get(self, key: int) -> int: ...
    @t.overload
    def get(self, key: str) -> str: ...
    def get(self, key):
        """Overloads."""


RETRIES = 3


def wait(times: int = RETRIES) -> None:
    """A default that names a module constant."""
