import Foundation

/// A value of the Python subset `conf.py` is evaluated in. Anything the
/// evaluator cannot know (an import of a package, a call it does not model)
/// is `unknown`, with the reason; operations on unknown values stay unknown.
indirect enum PyValue: Sendable, Equatable {
    case none
    case bool(Bool)
    case int(Int)
    case float(Double)
    case str(String)
    case list([PyValue])
    case tuple([PyValue])
    case set([PyValue])
    case dict(PyDict)
    /// A function defined in the file.
    case function(PyFunction)
    /// A module or object the evaluator models (`os.path`, `sys`, `datetime`), by dotted name.
    case module(String)
    /// A method of a value, waiting for its call (`", ".join`).
    case boundMethod(PyValue, String)
    /// A filesystem path (`pathlib.Path`).
    case path(String)
    /// A date (`datetime.date.today()`): year, month, day.
    case date(Int, Int, Int)
    /// An instance of a class the evaluator models, by its dotted class name and
    /// constructor arguments (`GenericRole("kbd", nodes.literal)` in `setup(app)`).
    case object(String, [PyValue])
    case unknown(String)

    var isUnknown: Bool { if case .unknown = self { return true } else { return false } }

    /// Python's truth value; nil when unknown.
    var truth: Bool? {
        switch self {
        case .none: return false
        case .bool(let b): return b
        case .int(let i): return i != 0
        case .float(let d): return d != 0
        case .str(let s): return !s.isEmpty
        case .list(let l), .tuple(let l), .set(let l): return !l.isEmpty
        case .dict(let d): return !d.keys.isEmpty
        case .unknown: return nil
        default: return true
        }
    }

    /// The elements when iterated (`for x in v`, `list(v)`); nil when not iterable or unknown.
    var elements: [PyValue]? {
        switch self {
        case .list(let l), .tuple(let l), .set(let l): return l
        case .dict(let d): return d.keys
        case .str(let s): return s.map { .str(String($0)) }
        default: return nil
        }
    }

    /// `str(v)`.
    var str: String? {
        switch self {
        case .none: return "None"
        case .bool(let b): return b ? "True" : "False"
        case .int(let i): return String(i)
        case .float(let d): return d == d.rounded() && abs(d) < 1e16 ? String(format: "%.1f", d) : String(d)
        case .str(let s): return s
        case .path(let p): return p
        case .date(let y, let m, let d): return String(format: "%04d-%02d-%02d", y, m, d)
        case .list, .tuple, .set, .dict: return repr
        default: return nil
        }
    }

    /// `repr(v)`.
    var repr: String? {
        switch self {
        case .str(let s): return "'" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
        case .list(let l): return Self.join(l, "[", "]")
        case .tuple(let l): return l.count == 1 ? Self.join(l, "(", ",)") : Self.join(l, "(", ")")
        case .set(let l): return l.isEmpty ? "set()" : Self.join(l, "{", "}")
        case .dict(let d):
            var parts: [String] = []
            for (k, v) in zip(d.keys, d.values) {
                guard let a = k.repr, let b = v.repr else { return nil }
                parts.append(a + ": " + b)
            }
            return "{" + parts.joined(separator: ", ") + "}"
        default: return str
        }
    }

    private static func join(_ items: [PyValue], _ open: String, _ close: String) -> String? {
        var parts: [String] = []
        for item in items {
            guard let r = item.repr else { return nil }
            parts.append(r)
        }
        return open + parts.joined(separator: ", ") + close
    }

    /// The type name Python would show (for messages).
    var typeName: String {
        switch self {
        case .none: return "NoneType"
        case .bool: return "bool"
        case .int: return "int"
        case .float: return "float"
        case .str: return "str"
        case .list: return "list"
        case .tuple: return "tuple"
        case .set: return "set"
        case .dict: return "dict"
        case .function: return "function"
        case .module: return "module"
        case .boundMethod: return "method"
        case .path: return "Path"
        case .date: return "date"
        case .object(let type, _): return String(type.split(separator: ".").last ?? "object")
        case .unknown: return "unknown"
        }
    }
}

/// An insertion-ordered dict, as Python's.
struct PyDict: Sendable, Equatable {
    var keys: [PyValue] = []
    var values: [PyValue] = []

    subscript(key: PyValue) -> PyValue? {
        get { keys.firstIndex(of: key).map { values[$0] } }
        set {
            if let index = keys.firstIndex(of: key) {
                if let newValue { values[index] = newValue } else { keys.remove(at: index); values.remove(at: index) }
            } else if let newValue {
                keys.append(key)
                values.append(newValue)
            }
        }
    }
}

/// `def name(params): body` in conf.py.
struct PyFunction: Sendable, Equatable {
    var name: String
    var parameters: [String]
    /// Defaults of the last parameters, evaluated at definition.
    var defaults: [String: PyValue]
    /// Index into the evaluator's table of function bodies.
    var body: Int
}
