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

    public static func contains(_ name: String) -> Bool {
        names.contains(name.hasPrefix("builtins.") ? String(name.dropFirst(9)) : name)
    }
}
