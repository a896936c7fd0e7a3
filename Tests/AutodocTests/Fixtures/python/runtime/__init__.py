"""Names a module hands out at run time, and values Python computes."""
from ._impl import _Legacy as Legacy
from ._impl import Store as Store


def __getattr__(name):
    if name == "OldStore":
        from ._impl import _OldStore

        return _OldStore

    if name == "open_store":
        from ._impl import _open_store

        return _open_store

    raise AttributeError(name)
