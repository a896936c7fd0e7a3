"""Nodes of a small expression language."""
import typing as t


class NodeMeta(type):
    """Joins each class's ``fields`` to its base's."""


class Node(metaclass=NodeMeta):
    """The base of every node."""

    fields: t.Tuple[str, ...] = ()
    abstract = True

    def iter_fields(self, only=None):
        """Yield ``(name, value)`` for each field."""

    def find(self, kind):
        """The first node of ``kind`` below this one."""

    def _walk(self):
        """Private: not listed."""

    @classmethod
    def make(cls):
        """A classmethod object is not callable: not listed."""


class Expr(Node):
    """An expression."""

    abstract = True

    def as_const(self, context=None):
        """The value, when it is constant."""

    def find(self, kind):
        """Overrides the base's: not listed again."""


class Const(Expr):
    """A constant."""

    fields = ("value",)


class BinExpr(Expr):
    """Two operands."""

    fields = ("left", "right")
    abstract = True


class Sub(BinExpr):
    """Subtraction."""


class add(BinExpr):
    """Addition (a lower-case name sorts among the others as if capitalised)."""

    fields = ("carry",)


class Stmt(Node):
    """A statement."""

    abstract = True


class Other:
    """Not a node."""
