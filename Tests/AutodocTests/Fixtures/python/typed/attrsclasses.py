import attr
import attrs


@attr.s
class Old:
    """Old style."""

    x = attr.ib()
    y = attr.ib(default=1)
    _z = attr.ib(factory=list)


@attrs.define
class New:
    """New style."""

    x: int
    y: str = "y"
    z: list = attrs.field(factory=list)
    w: int = attrs.field(default=3, kw_only=True)
    v: int = attrs.field(init=False, default=0)


@attrs.frozen(kw_only=True)
class Frozen:
    """Frozen."""

    a: int
