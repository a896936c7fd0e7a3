"""Filters, as a dict from names to functions (Jinja's FILTERS)."""
import operator
import typing as t

V = t.TypeVar("V")

if t.TYPE_CHECKING:
    import typing_extensions as te


def newline(sep: "te.Literal['\\n', '\\r\\n']" = "\n", mode: t.Literal["a", "b"] = "a") -> None:
    """Join with ``sep``.

    :param sep: the separator.
    """


def pass_context(f):
    return f


def async_variant(normal):
    def decorator(f):
        return f

    return decorator


@pass_context
def do_upper(context, value: str) -> str:
    """Upper-case the value."""


def do_first(seq: "t.Iterable[V]") -> V:
    """The first item."""


@async_variant(do_first)
async def do_first_async(seq):
    pass


def do_default(value: V, default_value: V = "", boolean: bool = False) -> t.Optional[V]:
    """The value, or ``default_value``."""


FILTERS = {
    "upper": do_upper,
    "u": do_upper,
    "first": do_first_async,
    "d": do_default,
    "default": do_default,
    "abs": abs,
    "==": operator.eq,
    "eq": operator.eq,
    "equalto": operator.eq,
}
