/// Python's built-in names. References to them are shown as code without a
/// link (Sphinx leaves them unresolved unless an inventory for Python is
/// configured), so they never count as broken cross-references.
public enum PythonBuiltins {
    public static let names: Set<String> = [
        "object", "type", "None", "NoneType", "bool", "int", "float", "complex", "str", "bytes", "bytearray",
        "memoryview", "list", "tuple", "dict", "set", "frozenset", "range", "slice", "property", "classmethod",
        "staticmethod", "super", "callable", "iter", "Ellipsis", "NotImplemented",
        "BaseException", "Exception", "ArithmeticError", "AssertionError", "AttributeError", "BlockingIOError",
        "BrokenPipeError", "BufferError", "ChildProcessError", "ConnectionAbortedError", "ConnectionError",
        "ConnectionRefusedError", "ConnectionResetError", "EOFError", "EnvironmentError", "FileExistsError",
        "FileNotFoundError", "FloatingPointError", "GeneratorExit", "IOError", "ImportError", "IndentationError",
        "IndexError", "InterruptedError", "IsADirectoryError", "KeyError", "KeyboardInterrupt", "LookupError",
        "MemoryError", "ModuleNotFoundError", "NameError", "NotADirectoryError", "NotImplementedError", "OSError",
        "OverflowError", "PermissionError", "ProcessLookupError", "RecursionError", "ReferenceError",
        "RuntimeError", "StopAsyncIteration", "StopIteration", "SyntaxError", "SystemError", "SystemExit",
        "TabError", "TimeoutError", "TypeError", "UnboundLocalError", "UnicodeDecodeError", "UnicodeEncodeError",
        "UnicodeError", "UnicodeTranslateError", "ValueError", "ZeroDivisionError", "ExceptionGroup",
        "BaseExceptionGroup", "Warning", "BytesWarning", "DeprecationWarning", "FutureWarning", "ImportWarning",
        "PendingDeprecationWarning", "ResourceWarning", "RuntimeWarning", "SyntaxWarning", "UnicodeWarning",
        "UserWarning", "EncodingWarning",
    ]

    /// Built-in names that are not classes (a reference to them is still checked).
    static let functions: Set<String> = ["callable", "iter", "Ellipsis", "NotImplemented", "None"]

    /// Whether a built-in name is a function or constant rather than a class.
    public static func isFunction(_ name: String) -> Bool { functions.contains(name) }

    /// The names `typing` exports (its `__all__`).
    static let typing: Set<String> = [
        "Annotated", "Any", "Callable", "ClassVar", "Concatenate", "Final", "ForwardRef", "Generic", "Literal",
        "Optional", "ParamSpec", "Protocol", "Tuple", "Type", "TypeVar", "TypeVarTuple", "Union", "AbstractSet",
        "ByteString", "Container", "ContextManager", "Hashable", "ItemsView", "Iterable", "Iterator", "KeysView",
        "Mapping", "MappingView", "MutableMapping", "MutableSequence", "MutableSet", "Sequence", "Sized",
        "ValuesView", "Awaitable", "AsyncIterator", "AsyncIterable", "Coroutine", "Collection", "AsyncGenerator",
        "AsyncContextManager", "Reversible", "SupportsAbs", "SupportsBytes", "SupportsComplex", "SupportsFloat",
        "SupportsIndex", "SupportsInt", "SupportsRound", "ChainMap", "Counter", "Deque", "Dict", "DefaultDict",
        "List", "OrderedDict", "Set", "FrozenSet", "NamedTuple", "TypedDict", "Generator", "BinaryIO", "IO",
        "Match", "Pattern", "TextIO", "AnyStr", "assert_type", "assert_never", "cast", "clear_overloads",
        "dataclass_transform", "final", "get_args", "get_origin", "get_overloads", "get_protocol_members",
        "get_type_hints", "is_protocol", "is_typeddict", "LiteralString", "Never", "NewType", "no_type_check",
        "no_type_check_decorator", "NoDefault", "NoReturn", "NotRequired", "overload", "override",
        "ParamSpecArgs", "ParamSpecKwargs", "ReadOnly", "Required", "reveal_type", "runtime_checkable", "Self",
        "Text", "TYPE_CHECKING", "TypeAlias", "TypeGuard", "TypeIs", "TypeAliasType", "Unpack",
    ]

    /// Whether Sphinx stays quiet about an unresolved `:py:ROLE:` reference to
    /// `target`: `None` as a class or object, a built-in class, or a `typing` name
    /// (with or without its `typing.` prefix), for the class, obj and exc roles.
    public static func isQuietTarget(_ target: String, type: String) -> Bool {
        if ["class", "obj"].contains(type), target == "None" { return true }
        guard ["class", "obj", "exc"].contains(type) else { return false }
        let bare = target.hasPrefix("builtins.") ? String(target.dropFirst(9)) : target
        if names.contains(bare), !functions.contains(bare) { return true }
        let typed = target.hasPrefix("typing.") ? String(target.dropFirst(7)) : target
        return typing.contains(typed)
    }

    public static func contains(_ name: String) -> Bool {
        names.contains(name.hasPrefix("builtins.") ? String(name.dropFirst(9)) : name)
    }
}
