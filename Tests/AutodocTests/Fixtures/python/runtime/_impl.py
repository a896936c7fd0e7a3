import enum


def header_property(name, doc=None):
    """Builds a property for a header."""
    if doc is None:
        doc = f"The {name} header."
    return property(lambda self: self.headers.get(name), doc=doc)


def plain_property(name):
    """Builds a property without a docstring."""
    return property(lambda self: self.headers.get(name))


class Accessor:
    """A descriptor."""

    def __init__(self, key, doc=None):
        self.key = key
        self.__doc__ = doc

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        return obj.headers.get(self.key)


class Mapping:
    """The base of stores."""

    def keys(self):
        """The keys."""

    def values(self):
        """The values."""


class Base(Mapping):
    """Between the store and the mapping."""

    def values(self):
        """Values, defined again here."""

    def items(self):
        """Pairs."""


class Store(Base):
    """A store of headers."""

    #: A documented attribute.
    limit = 10

    #: The class that reads one header.
    accessor_class = Accessor

    stream = Accessor(
        "wsgi.input",
        doc="""The raw input stream.

        Read it once.
        """,
    )
    origin = Accessor("Origin", doc=("Where the request " "came from."))
    silent = Accessor("Silent")
    age: int = header_property("Age")
    etag = header_property("ETag", doc="The entity tag.")
    bare = plain_property("Bare")
    make_header = staticmethod(header_property)

    def close(self):
        """Close the store.

        :internal:
        """


class _OldStore(Store):
    """The store before version 2."""


class _Legacy:
    """A class imported under another name."""


def _open_store(path):
    """Open a store at ``path``."""


class Color(enum.Enum):
    """Colours."""

    RED = enum.auto()
    GREEN = enum.auto()
    BLUE = 10
    CYAN = enum.auto()


class Perm(enum.Flag):
    """Permissions."""

    READ = enum.auto()
    WRITE = enum.auto()
    EXEC = enum.auto()


class Mode(enum.StrEnum):
    """Modes."""

    FAST = enum.auto()
    SAFE = enum.auto()
