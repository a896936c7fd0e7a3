import Autodoc
import Foundation

/// The operations, built-in functions, methods and modules the conf.py
/// evaluator models. What is not here is `unknown`.
enum ConfPyBuiltins {
    // MARK: - Attributes

    static func attribute(_ value: PyValue, _ name: String, evaluator: ConfPyEvaluator) -> PyValue {
        switch value {
        case .unknown:
            return value
        case .module(let module):
            let dotted = module + "." + name
            switch dotted {
            case "sys.version_info": return .tuple([.int(3), .int(13), .int(0)])
            case "sys.platform": return .str("linux")
            case "os.sep": return .str("/")
            case "os.environ": return .module("os.environ")
            case "os.path.sep": return .str("/")
            default: return .module(dotted)
            }
        case .path(let path):
            switch name {
            case "parent": return .path((path as NSString).deletingLastPathComponent)
            case "name": return .str((path as NSString).lastPathComponent)
            case "stem": return .str(((path as NSString).lastPathComponent as NSString).deletingPathExtension)
            case "suffix":
                let ext = (path as NSString).pathExtension
                return .str(ext.isEmpty ? "" : "." + ext)
            case "parents":
                var parents: [PyValue] = []
                var current = path
                while current != "/", !current.isEmpty {
                    current = (current as NSString).deletingLastPathComponent
                    parents.append(.path(current))
                }
                return .list(parents)
            default: return .boundMethod(value, name)
            }
        case .date(let y, let m, let d):
            switch name {
            case "year": return .int(y)
            case "month": return .int(m)
            case "day": return .int(d)
            default: return .boundMethod(value, name)
            }
        default:
            return .boundMethod(value, name)
        }
    }

    static func index(_ value: PyValue, _ index: PyValue) -> PyValue {
        if value.isUnknown { return value }
        if index.isUnknown { return index }
        if case .dict(let slice) = index, slice.keys == [.str("slice")], case .tuple(let bounds)? = slice[.str("slice")] {
            return sliced(value, bounds)
        }
        switch value {
        case .list(let l), .tuple(let l):
            guard case .int(let i) = index, i >= -l.count, i < l.count else { return .unknown("index out of range") }
            return l[i < 0 ? i + l.count : i]
        case .str(let s):
            let chars = Array(s)
            guard case .int(let i) = index, i >= -chars.count, i < chars.count else { return .unknown("index out of range") }
            return .str(String(chars[i < 0 ? i + chars.count : i]))
        case .dict(let d):
            return d[index] ?? .unknown("key \(index.repr ?? "?") is not in the dict")
        case .module("os.environ"):
            return .unknown("environment variables are not read")
        default:
            return .unknown("cannot index \(value.typeName)")
        }
    }

    static func sliced(_ value: PyValue, _ bounds: [PyValue]) -> PyValue {
        func int(_ v: PyValue) -> Int? { if case .int(let i) = v { return i } else { return nil } }
        let step = int(bounds[2]) ?? 1
        guard step == 1 else { return .unknown("slices with a step are not evaluated") }
        func range(_ count: Int) -> Range<Int> {
            func clamp(_ v: Int?, _ fallback: Int) -> Int {
                guard var v else { return fallback }
                if v < 0 { v += count }
                return max(0, min(count, v))
            }
            let a = clamp(int(bounds[0]), 0), b = clamp(int(bounds[1]), count)
            return a..<max(a, b)
        }
        switch value {
        case .list(let l): return .list(Array(l[range(l.count)]))
        case .tuple(let l): return .tuple(Array(l[range(l.count)]))
        case .str(let s):
            let chars = Array(s)
            return .str(String(chars[range(chars.count)]))
        default: return .unknown("cannot slice \(value.typeName)")
        }
    }

    static func unique(_ items: [PyValue]) -> [PyValue] {
        var out: [PyValue] = []
        for item in items where !out.contains(item) { out.append(item) }
        return out
    }

    // MARK: - Methods that change their receiver

    /// `list.append(x)` … on a named variable: (the call's result, the changed value); nil when not a mutation.
    static func mutate(_ receiver: PyValue, _ method: String, _ arguments: [PyValue]) -> (PyValue, PyValue)? {
        switch (receiver, method) {
        case (.list(var l), "append"):
            guard arguments.count == 1 else { return nil }
            l.append(arguments[0])
            return (.none, .list(l))
        case (.list(var l), "extend"):
            guard let items = arguments.first?.elements else { return (.none, .unknown("extended with unknown values")) }
            l += items
            return (.none, .list(l))
        case (.list(var l), "insert"):
            guard arguments.count == 2, case .int(var i) = arguments[0] else { return nil }
            if i < 0 { i += l.count }
            l.insert(arguments[1], at: max(0, min(l.count, i)))
            return (.none, .list(l))
        case (.list(var l), "remove"):
            guard let item = arguments.first, let index = l.firstIndex(of: item) else { return nil }
            l.remove(at: index)
            return (.none, .list(l))
        case (.list(var l), "pop"):
            guard !l.isEmpty else { return nil }
            let item = l.removeLast()
            return (item, .list(l))
        case (.dict(var d), "update"):
            guard case .dict(let other)? = arguments.first else { return (.none, .unknown("updated with unknown values")) }
            for (k, v) in zip(other.keys, other.values) { d[k] = v }
            return (.none, .dict(d))
        case (.dict(var d), "setdefault"):
            guard let key = arguments.first else { return nil }
            if let existing = d[key] { return (existing, .dict(d)) }
            let value = arguments.count > 1 ? arguments[1] : .none
            d[key] = value
            return (value, .dict(d))
        case (.dict(var d), "pop"):
            guard let key = arguments.first else { return nil }
            let value = d[key] ?? (arguments.count > 1 ? arguments[1] : .unknown("key not found"))
            d[key] = nil
            return (value, .dict(d))
        case (.set(var s), "add"):
            guard let item = arguments.first else { return nil }
            if !s.contains(item) { s.append(item) }
            return (.none, .set(s))
        default:
            return nil
        }
    }

    // MARK: - Calls

    static func call(_ callee: PyValue, _ arguments: [PyValue], _ keywords: [String: PyValue],
                     evaluator: ConfPyEvaluator) -> PyValue {
        switch callee {
        case .unknown:
            return callee
        case .function(let function):
            return evaluator.call(function, arguments, keywords)
        case .boundMethod(let receiver, let method):
            return callMethod(receiver, method, arguments, keywords, evaluator: evaluator)
        case .module(let name):
            return callModule(name, arguments, keywords, evaluator: evaluator)
        default:
            return .unknown("\(callee.typeName) is not callable")
        }
    }

    static func callMethod(_ receiver: PyValue, _ method: String, _ arguments: [PyValue], _ keywords: [String: PyValue],
                           evaluator: ConfPyEvaluator) -> PyValue {
        if let unknown = arguments.first(where: \.isUnknown) { return unknown }
        switch receiver {
        case .str(let s):
            return stringMethod(s, method, arguments, keywords)
        case .list(let l), .tuple(let l):
            switch method {
            case "index": return arguments.first.flatMap { a in l.firstIndex(of: a) }.map { .int($0) } ?? .unknown("not in list")
            case "count": return .int(l.filter { $0 == arguments.first }.count)
            case "copy": return receiver
            default: return mutate(receiver, method, arguments)?.0 ?? .unknown("list.\(method) is not evaluated")
            }
        case .dict(let d):
            switch method {
            case "get": return arguments.first.flatMap { d[$0] } ?? (arguments.count > 1 ? arguments[1] : .none)
            case "keys": return .list(d.keys)
            case "values": return .list(d.values)
            case "items": return .list(zip(d.keys, d.values).map { .tuple([$0, $1]) })
            case "copy": return receiver
            default: return mutate(receiver, method, arguments)?.0 ?? .unknown("dict.\(method) is not evaluated")
            }
        case .path(let path):
            switch method {
            case "resolve", "absolute": return .path(standardized(path, evaluator))
            case "joinpath": return .path(arguments.compactMap(\.str).reduce(path) { ($0 as NSString).appendingPathComponent($1) })
            case "as_posix": return .str(path)
            case "exists", "is_dir", "is_file": return .unknown("the file system is not consulted")
            default: return .unknown("Path.\(method) is not evaluated")
            }
        case .date(let y, let m, let d):
            if method == "strftime", case .str(let format)? = arguments.first { return .str(strftime(format, y, m, d)) }
            if method == "isoformat" { return .str(String(format: "%04d-%02d-%02d", y, m, d)) }
            return .unknown("date.\(method) is not evaluated")
        default:
            return .unknown("\(receiver.typeName).\(method) is not evaluated")
        }
    }

    static func stringMethod(_ s: String, _ method: String, _ arguments: [PyValue], _ keywords: [String: PyValue]) -> PyValue {
        func arg(_ i: Int) -> String? { i < arguments.count ? arguments[i].str : nil }
        switch method {
        case "format": return format(s, arguments, keywords)
        case "join":
            guard let items = arguments.first?.elements else { return .unknown("join of unknown values") }
            var parts: [String] = []
            for item in items {
                guard case .str(let part) = item else { return .unknown("join of non-strings") }
                parts.append(part)
            }
            return .str(parts.joined(separator: s))
        case "split":
            if let separator = arg(0), !separator.isEmpty {
                return .list(s.components(separatedBy: separator).map { .str($0) })
            }
            return .list(s.split(whereSeparator: { $0.isWhitespace }).map { .str(String($0)) })
        case "rsplit":
            guard let separator = arg(0), case .int(let limit)? = arguments.dropFirst().first, limit == 1 else {
                return stringMethod(s, "split", arguments, keywords)
            }
            guard let range = s.range(of: separator, options: .backwards) else { return .list([.str(s)]) }
            return .list([.str(String(s[..<range.lowerBound])), .str(String(s[range.upperBound...]))])
        case "splitlines": return .list(s.split(separator: "\n", omittingEmptySubsequences: false).map { .str(String($0)) })
        case "strip", "lstrip", "rstrip":
            let set = arg(0).map { Set($0) }
            func drop(_ c: Character) -> Bool { set?.contains(c) ?? c.isWhitespace }
            var chars = Substring(s)
            if method != "rstrip" { while let f = chars.first, drop(f) { chars.removeFirst() } }
            if method != "lstrip" { while let l = chars.last, drop(l) { chars.removeLast() } }
            return .str(String(chars))
        case "replace":
            guard let a = arg(0), let b = arg(1), !a.isEmpty else { return .str(s) }
            return .str(s.replacingOccurrences(of: a, with: b))
        case "lower": return .str(s.lowercased())
        case "upper": return .str(s.uppercased())
        case "title": return .str(s.capitalized)
        case "capitalize": return .str(s.prefix(1).uppercased() + s.dropFirst().lowercased())
        case "startswith", "endswith":
            let options = arguments.first?.elements.flatMap { items in items.compactMap(\.str) }
                ?? arg(0).map { [$0] } ?? []
            return .bool(options.contains { method == "startswith" ? s.hasPrefix($0) : s.hasSuffix($0) })
        case "isdigit": return .bool(!s.isEmpty && s.allSatisfy(\.isNumber))
        case "count": return .int(arg(0).map { s.components(separatedBy: $0).count - 1 } ?? 0)
        case "find":
            guard let needle = arg(0), let range = s.range(of: needle) else { return .int(-1) }
            return .int(s.distance(from: s.startIndex, to: range.lowerBound))
        case "removeprefix": return .str(arg(0).flatMap { s.hasPrefix($0) ? String(s.dropFirst($0.count)) : nil } ?? s)
        case "removesuffix": return .str(arg(0).flatMap { s.hasSuffix($0) ? String(s.dropLast($0.count)) : nil } ?? s)
        case "encode", "decode": return .str(s)
        default: return .unknown("str.\(method) is not evaluated")
        }
    }

    static func callModule(_ name: String, _ arguments: [PyValue], _ keywords: [String: PyValue],
                           evaluator: ConfPyEvaluator) -> PyValue {
        if name.hasPrefix("builtins.") { return builtin(String(name.dropFirst(9)), arguments, keywords) }
        if name.hasPrefix(ConfPyEvaluator.application + ".") {
            evaluator.recordSetupCall(String(name.dropFirst(ConfPyEvaluator.application.count + 1)), arguments, keywords)
            return .none
        }
        if name == "docutils.parsers.rst.roles.GenericRole" { return .object(name, arguments) }
        if let unknown = arguments.first(where: \.isUnknown) { return unknown }
        let env = evaluator.environment
        let now = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: env.now)
        let today = PyValue.date(now.year ?? 1970, now.month ?? 1, now.day ?? 1)
        switch name {
        case "tags.has":
            guard case .str(let tag)? = arguments.first else { return .unknown("tags.has needs a tag name") }
            return .bool(env.tags.contains(tag))
        case "os.path.abspath", "os.path.realpath", "os.path.normpath":
            guard let path = arguments.first?.str else { return .unknown("a path that cannot be evaluated") }
            return .str(standardized(path, evaluator))
        case "os.path.join":
            let parts = arguments.compactMap(\.str)
            guard parts.count == arguments.count, let first = parts.first else { return .unknown("a path that cannot be evaluated") }
            return .str(parts.dropFirst().reduce(first) { $1.hasPrefix("/") ? $1 : ($0 as NSString).appendingPathComponent($1) })
        case "os.path.dirname": return arguments.first?.str.map { .str(($0 as NSString).deletingLastPathComponent) } ?? .none
        case "os.path.basename": return arguments.first?.str.map { .str(($0 as NSString).lastPathComponent) } ?? .none
        case "os.path.splitext":
            guard let path = arguments.first?.str else { return .none }
            let ext = (path as NSString).pathExtension
            return .tuple([.str(ext.isEmpty ? path : String(path.dropLast(ext.count + 1))), .str(ext.isEmpty ? "" : "." + ext)])
        case "os.path.exists", "os.path.isdir", "os.path.isfile", "os.listdir":
            return .unknown("the file system is not consulted")
        case "os.environ.get", "os.getenv":
            // Configuration must not depend on the environment of one machine: the default stands.
            return arguments.count > 1 ? arguments[1] : keywords["default"] ?? .none
        case "os.getcwd": return .str(env.directory)
        case "sys.path.insert", "sys.path.append":
            guard let path = (name == "sys.path.insert" ? arguments.dropFirst().first : arguments.first)?.str else {
                return .unknown("a path that cannot be evaluated")
            }
            let absolute = standardized(path, evaluator)
            if name == "sys.path.insert", case .int(0)? = arguments.first {
                evaluator.sysPath.insert(absolute, at: 0)
            } else {
                evaluator.sysPath.append(absolute)
            }
            return .none
        case "pathlib.Path", "pathlib.PurePath", "pathlib.PurePosixPath":
            let parts = arguments.compactMap { v -> String? in if case .path(let p) = v { return p } else { return v.str } }
            guard let first = parts.first else { return .path(env.directory) }
            return .path(parts.dropFirst().reduce(first) { ($0 as NSString).appendingPathComponent($1) })
        case "pathlib.Path.cwd": return .path(env.directory)
        case "datetime.date.today", "datetime.datetime.now", "datetime.datetime.utcnow", "datetime.datetime.today",
             "time.localtime", "time.gmtime":
            return today
        case "datetime.date", "datetime.datetime":
            guard arguments.count >= 3, case .int(let y) = arguments[0], case .int(let m) = arguments[1],
                  case .int(let d) = arguments[2] else { return .unknown("a date that cannot be evaluated") }
            return .date(y, m, d)
        case "time.strftime":
            guard case .str(let format)? = arguments.first else { return .unknown("time.strftime needs a format") }
            if case .date(let y, let m, let d)? = arguments.dropFirst().first { return .str(strftime(format, y, m, d)) }
            guard case .date(let y, let m, let d) = today else { return .none }
            return .str(strftime(format, y, m, d))
        case "time.time": return .int(Int(env.now.timeIntervalSince1970))
        default:
            return .unknown("'\(name)' is not modelled")
        }
    }

    static func standardized(_ path: String, _ evaluator: ConfPyEvaluator) -> String {
        let absolute = path.hasPrefix("/") ? path : (evaluator.environment.directory as NSString).appendingPathComponent(path)
        return (absolute as NSString).standardizingPath
    }

    static func builtin(_ name: String, _ arguments: [PyValue], _ keywords: [String: PyValue]) -> PyValue {
        if let unknown = arguments.first(where: \.isUnknown) { return unknown }
        let first = arguments.first
        switch name {
        case "len":
            if case .str(let s)? = first { return .int(s.count) }
            return first?.elements.map { .int($0.count) } ?? .unknown("len of \(first?.typeName ?? "nothing")")
        case "str": return first.map { $0.str.map { .str($0) } ?? .unknown("str of \($0.typeName)") } ?? .str("")
        case "repr": return first?.repr.map { .str($0) } ?? .unknown("repr")
        case "int":
            switch first {
            case .int?: return first!
            case .float(let d)?: return Int(exactly: d.rounded(.towardZero)).map { .int($0) } ?? .unknown("int(\(d))")
            case .bool(let b)?: return .int(b ? 1 : 0)
            case .str(let s)?: return Int(s.trimmingCharacters(in: .whitespaces)).map { .int($0) } ?? .unknown("int('\(s)')")
            default: return .int(0)
            }
        case "float": return first.flatMap(ConfPyExpression.number).map { .float($0) } ?? .unknown("float")
        case "bool": return first.map { $0.truth.map { .bool($0) } ?? .unknown("bool") } ?? .bool(false)
        case "list": return first.map { $0.elements.map { .list($0) } ?? .unknown("list of \($0.typeName)") } ?? .list([])
        case "tuple": return first.map { $0.elements.map { .tuple($0) } ?? .unknown("tuple") } ?? .tuple([])
        case "set", "frozenset": return first.map { $0.elements.map { .set(unique($0)) } ?? .unknown("set") } ?? .set([])
        case "dict":
            var dict = PyDict()
            if case .dict(let d)? = first { dict = d }
            else if let pairs = first?.elements {
                for pair in pairs { if let kv = pair.elements, kv.count == 2 { dict[kv[0]] = kv[1] } }
            }
            for key in keywords.keys.sorted() { dict[.str(key)] = keywords[key] }
            return .dict(dict)
        case "sorted":
            guard var items = first?.elements else { return .unknown("sorted of unknown values") }
            items.sort { (ConfPyExpression.ordering($0, $1) ?? 0) < 0 }
            if keywords["reverse"]?.truth == true { items.reverse() }
            return .list(items)
        case "reversed": return first?.elements.map { .list($0.reversed()) } ?? .unknown("reversed")
        case "range":
            let ints = arguments.compactMap { v -> Int? in if case .int(let i) = v { return i } else { return nil } }
            guard ints.count == arguments.count, !ints.isEmpty else { return .unknown("range") }
            let (lower, upper) = ints.count == 1 ? (0, ints[0]) : (ints[0], ints[1])
            let step = ints.count > 2 ? ints[2] : 1
            // In floating point: the span of two far-apart ints overflows Int.
            guard step != 0, abs((Double(upper) - Double(lower)) / Double(step)) <= 100_000 else {
                return .unknown("range too large")
            }
            return .list(Swift.stride(from: lower, to: upper, by: step).map { .int($0) })
        case "enumerate": return first?.elements.map { .list($0.enumerated().map { .tuple([.int($0.offset), $0.element]) }) } ?? .unknown("enumerate")
        case "zip":
            let lists = arguments.compactMap(\.elements)
            guard lists.count == arguments.count, let shortest = lists.map(\.count).min() else { return .unknown("zip") }
            return .list((0..<shortest).map { i in .tuple(lists.map { $0[i] }) })
        case "min", "max":
            let items = arguments.count == 1 ? (first?.elements ?? []) : arguments
            guard var best = items.first else { return .unknown(name) }
            for item in items.dropFirst() {
                guard let order = ConfPyExpression.ordering(item, best) else { return .unknown(name) }
                if name == "min" ? order < 0 : order > 0 { best = item }
            }
            return best
        case "sum":
            var total = 0
            for item in first?.elements ?? [] {
                guard case .int(let i) = item else { return .unknown("sum") }
                let (next, overflow) = total.addingReportingOverflow(i)
                if overflow { return .unknown("number too large") }
                total = next
            }
            return .int(total)
        case "any": return first?.elements.map { items in .bool(items.contains { $0.truth == true }) } ?? .unknown("any")
        case "all": return first?.elements.map { items in .bool(items.allSatisfy { $0.truth == true }) } ?? .unknown("all")
        case "abs":
            if case .int(let i)? = first { return i == .min ? .unknown("number too large") : .int(abs(i)) }
            return first.flatMap(ConfPyExpression.number).map { .float(abs($0)) } ?? .unknown("abs")
        case "print": return .none
        default: return .unknown("'\(name)()' is not evaluated")
        }
    }

    // MARK: - Formatting

    /// `"%s-%d" % (a, b)` and `"%(name)s" % {...}`.
    static func percentFormat(_ format: String, _ values: PyValue) -> PyValue {
        var items = values.elements ?? [values]
        if case .str = values { items = [values] }
        if case .dict = values { items = [] }
        var out = ""
        var chars = Array(format)[...]
        var next = 0
        while let c = chars.popFirst() {
            guard c == "%" else { out.append(c); continue }
            guard let spec = chars.first else { return .unknown("incomplete format") }
            if spec == "%" { chars.removeFirst(); out.append("%"); continue }
            var value: PyValue?
            if spec == "(" {
                guard let close = chars.firstIndex(of: ")"), case .dict(let dict) = values else { return .unknown("format key") }
                let key = String(chars[chars.index(after: chars.startIndex)..<close])
                value = dict[.str(key)]
                chars = chars[chars.index(after: close)...]
            } else {
                guard next < items.count else { return .unknown("not enough values to format") }
                value = items[next]
                next += 1
            }
            // Flags and width are kept simple: `%s`, `%d`, `%r`, `%i`, `%f`.
            while let f = chars.first, "-+ #0123456789.".contains(f) { chars.removeFirst() }
            guard let kind = chars.popFirst(), let value else { return .unknown("format") }
            if value.isUnknown { return value }
            switch kind {
            case "r": out += value.repr ?? ""
            case "d", "i":
                guard let number = ConfPyExpression.number(value), let whole = Int(exactly: number.rounded(.towardZero)) else {
                    return .unknown("%\(kind) of \(value.typeName)")
                }
                out += String(whole)
            default: out += value.str ?? ""
            }
        }
        return .str(out)
    }

    /// Replaces each `{field}` of a template (`{{`/`}}` are braces) by what `value` gives for
    /// the field's text; nil as soon as one field has no value.
    static func replacingFields(_ template: String, _ value: (String) -> String?) -> String? {
        var out = ""
        var chars = Array(template)[...]
        while let c = chars.popFirst() {
            if c == "{" {
                if chars.first == "{" { chars.removeFirst(); out.append("{"); continue }
                var depth = 1
                var field = ""
                while let d = chars.popFirst() {
                    if d == "{" { depth += 1 } else if d == "}" { depth -= 1; if depth == 0 { break } }
                    field.append(d)
                }
                guard let text = value(field) else { return nil }
                out += text
            } else if c == "}" {
                if chars.first == "}" { chars.removeFirst() }
                out.append("}")
            } else {
                out.append(c)
            }
        }
        return out
    }

    /// `"{} {name} {0}".format(...)`.
    static func format(_ template: String, _ arguments: [PyValue], _ keywords: [String: PyValue]) -> PyValue {
        var automatic = 0
        var missing = ""
        let result = replacingFields(template) { written in
            var field = written
            if let colon = field.firstIndex(of: ":") { field = String(field[..<colon]) }
            if let bang = field.firstIndex(of: "!") { field = String(field[..<bang]) }
            let value: PyValue?
            if field.isEmpty {
                value = automatic < arguments.count ? arguments[automatic] : nil
                automatic += 1
            } else if let index = Int(field) {
                value = index < arguments.count ? arguments[index] : nil
            } else {
                value = keywords[field]
            }
            missing = field
            return value?.str
        }
        return result.map { .str($0) } ?? .unknown("format field '\(missing)'")
    }

    /// An f-string: each `{expression}` evaluated (format specs beyond `!r` are dropped).
    static func formatString(_ literal: PythonStringLiteral, evaluator: ConfPyEvaluator,
                             scopes: [[String: PyValue]] = []) -> String? {
        replacingFields(literal.isRaw ? literal.body : literal.value) { field in
            var expression = field
            var repr = false
            if let bang = expression.range(of: "!r") { repr = true; expression = String(expression[..<bang.lowerBound]) }
            if let colon = expression.lastIndex(of: ":"), !expression[colon...].contains("]") {
                expression = String(expression[..<colon])
            }
            guard case .success(let (tokens, _)) = PythonTokenizer.tokenize(expression) else { return nil }
            var parser = ConfPyExpression(tokens: tokens.filter { $0.kind != .newline && $0.kind != .endOfFile }[...],
                                          evaluator: evaluator)
            parser.scopes = scopes
            let value = parser.parseTupleOrExpression()
            return value.isUnknown ? nil : (repr ? value.repr : value.str)
        }
    }

    static func strftime(_ format: String, _ y: Int, _ m: Int, _ d: Int) -> String {
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                      "October", "November", "December"]
        var out = ""
        var chars = Array(format)[...]
        while let c = chars.popFirst() {
            guard c == "%", let spec = chars.popFirst() else { out.append(c); continue }
            switch spec {
            case "Y": out += String(y)
            case "y": out += String(format: "%02d", y % 100)
            case "m": out += String(format: "%02d", m)
            case "d": out += String(format: "%02d", d)
            case "B": out += months[max(0, min(11, m - 1))]
            case "b": out += String(months[max(0, min(11, m - 1))].prefix(3))
            case "%": out += "%"
            default: out += "%" + String(spec)
            }
        }
        return out
    }
}

extension ConfPyEvaluator {
    /// An int result, or unknown when it overflowed.
    static func checked(_ result: (partialValue: Int, overflow: Bool)) -> PyValue {
        result.overflow ? .unknown("number too large") : .int(result.partialValue)
    }

    /// A binary operator on two values.
    static func binary(_ op: String, _ a: PyValue, _ b: PyValue) -> PyValue {
        if a.isUnknown { return a }
        if b.isUnknown { return b }
        switch (op, a, b) {
        case ("+", .str(let x), .str(let y)): return .str(x + y)
        case ("+", .list(let x), .list(let y)): return .list(x + y)
        case ("+", .tuple(let x), .tuple(let y)): return .tuple(x + y)
        case ("%", .str(let x), _): return ConfPyBuiltins.percentFormat(x, b)
        case ("*", .str(let x), .int(let n)), ("*", .int(let n), .str(let x)):
            return n >= 0 && (x.isEmpty || n <= 1_000_000 / x.count) ? .str(String(repeating: x, count: n)) : .unknown("string too long")
        case ("*", .list(let x), .int(let n)):
            return n >= 0 && (x.isEmpty || n <= 100_000 / x.count) ? .list(Array(repeating: x, count: n).flatMap { $0 }) : .unknown("list too long")
        case ("/", .path(let p), _):
            guard let part = b.str else { return .unknown("path part") }
            return .path((p as NSString).appendingPathComponent(part))
        case ("|", .dict(var x), .dict(let y)):
            for (k, v) in zip(y.keys, y.values) { x[k] = v }
            return .dict(x)
        case ("|", .set(let x), .set(let y)): return .set(ConfPyBuiltins.unique(x + y))
        case (_, .int(let x), .int(let y)):
            switch op {
            // Python's ints have no bound; a result beyond Int's is unknown, never wrapped.
            case "+": return checked(x.addingReportingOverflow(y))
            case "-": return checked(x.subtractingReportingOverflow(y))
            case "*": return checked(x.multipliedReportingOverflow(by: y))
            case "//":
                if y == 0 { return .unknown("division by zero") }
                if y == -1 { return checked(0.subtractingReportingOverflow(x)) }
                // Rounded toward negative infinity, as Python does.
                return .int(x / y - (x % y != 0 && (x < 0) != (y < 0) ? 1 : 0))
            case "%":
                if y == 0 { return .unknown("division by zero") }
                if y == -1 { return .int(0) }
                // The sign of the divisor, as Python's.
                let r = x % y
                return .int(r != 0 && (r < 0) != (y < 0) ? r + y : r)
            case "/": return y == 0 ? .unknown("division by zero") : .float(Double(x) / Double(y))
            case "|": return .int(x | y)
            case "&": return .int(x & y)
            case "^": return .int(x ^ y)
            default: return .unknown("operator \(op)")
            }
        default:
            guard let x = ConfPyExpression.number(a), let y = ConfPyExpression.number(b) else {
                return .unknown("\(a.typeName) \(op) \(b.typeName)")
            }
            switch op {
            case "+": return .float(x + y)
            case "-": return .float(x - y)
            case "*": return .float(x * y)
            case "/": return y == 0 ? .unknown("division by zero") : .float(x / y)
            default: return .unknown("operator \(op)")
            }
        }
    }
}
