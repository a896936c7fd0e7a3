"""A package whose public names all come from its submodules."""
from typing import TYPE_CHECKING

from ._core import Engine as Engine
from ._core import start
from .util import *
from . import formats as formats
import reexports.formats.plain as plainfmt

__all__ = ["Engine", "start"]
__all__ += ["slugify"]
__all__.extend(["Reader"])

if TYPE_CHECKING:
    from .io import Reader
else:
    try:
        from .io import Reader
    except ImportError:
        Reader = None
