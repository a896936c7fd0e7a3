/// A Python object signature as written in a directive argument:
/// `module.Class.method[T](a, b: int = 1, *args) -> str`. Parsed statically.
public struct PythonSignature: Hashable, Sendable {
    /// The dotted prefix before the name, without the trailing dot (`module.Class`); nil when absent.
    public var prefix: String?
    public var name: String
    /// Type parameters as written, without brackets (`T, U`); nil when absent.
    public var typeParameters: String?
    /// The parameters split at top-level commas; nil when the signature has no parentheses.
    public var parameters: [String]?
    /// The return annotation after `->`; nil when absent.
    public var returnAnnotation: String?

    public init(prefix: String? = nil, name: String, typeParameters: String? = nil, parameters: [String]? = nil,
                returnAnnotation: String? = nil) {
        self.prefix = prefix
        self.name = name
        self.typeParameters = typeParameters
        self.parameters = parameters
        self.returnAnnotation = returnAnnotation
    }

    /// Parses `text`; nil when it is not a Python signature.
    public static func parse(_ text: String) -> PythonSignature? {
        let chars = Array(text.trimming(" \t\n"))
        var k = 0
        while k < chars.count, isWord(chars[k]) || chars[k] == "." { k += 1 }
        let path = String(chars[0..<k])
        guard !path.isEmpty, !path.hasSuffix("."), !path.hasPrefix("."), !path.contains("..") else { return nil }
        var result: PythonSignature
        if let dot = path.lastIndex(of: ".") {
            result = PythonSignature(prefix: String(path[..<dot]), name: String(path[path.index(after: dot)...]))
        } else {
            result = PythonSignature(name: path)
        }
        skipSpaces(chars, &k)
        if k < chars.count, chars[k] == "[" {
            guard let close = matching(chars, from: k) else { return nil }
            result.typeParameters = String(chars[(k + 1)..<close]).trimming(" \t\n")
            k = close + 1
            skipSpaces(chars, &k)
        }
        if k < chars.count, chars[k] == "(" {
            guard let close = matching(chars, from: k) else { return nil }
            result.parameters = splitTopLevel(Array(chars[(k + 1)..<close]))
            k = close + 1
            skipSpaces(chars, &k)
            if k + 1 < chars.count, chars[k] == "-", chars[k + 1] == ">" {
                let annotation = String(chars[(k + 2)...]).trimming(" \t\n")
                guard !annotation.isEmpty else { return nil }
                result.returnAnnotation = annotation
                k = chars.count
            }
        }
        return k == chars.count ? result : nil
    }

    static func isWord(_ c: Character) -> Bool { c == "_" || c.isLetter || c.isNumber }

    static func skipSpaces(_ chars: [Character], _ k: inout Int) {
        while k < chars.count, chars[k] == " " || chars[k] == "\t" || chars[k] == "\n" { k += 1 }
    }

    /// The index of the bracket closing the one at `start`, skipping nested brackets and strings.
    static func matching(_ chars: [Character], from start: Int) -> Int? {
        var depth = 0
        var quote: Character?
        var k = start
        while k < chars.count {
            let c = chars[k]
            if let q = quote {
                if c == "\\" { k += 2; continue }
                if c == q { quote = nil }
            } else if c == "'" || c == "\"" {
                quote = c
            } else if c == "(" || c == "[" || c == "{" {
                depth += 1
            } else if c == ")" || c == "]" || c == "}" {
                depth -= 1
                if depth == 0 { return k }
            }
            k += 1
        }
        return nil
    }

    /// Splits an argument list at commas outside brackets and strings; parts trimmed, empty parts dropped.
    public static func splitTopLevel(_ chars: [Character]) -> [String] {
        var parts: [String] = []
        var current = ""
        var depth = 0
        var quote: Character?
        var k = 0
        while k < chars.count {
            let c = chars[k]
            if let q = quote {
                current.append(c)
                if c == "\\", k + 1 < chars.count { current.append(chars[k + 1]); k += 2; continue }
                if c == q { quote = nil }
            } else if c == "'" || c == "\"" {
                quote = c
                current.append(c)
            } else if c == "(" || c == "[" || c == "{" {
                depth += 1
                current.append(c)
            } else if c == ")" || c == "]" || c == "}" {
                depth -= 1
                current.append(c)
            } else if c == ",", depth == 0 {
                parts.append(current)
                current = ""
            } else {
                current.append(c)
            }
            k += 1
        }
        parts.append(current)
        return parts.map { normalizeParameter($0) }.filter { !$0.isEmpty }
    }

    /// `a:int=1` → `a: int = 1`, `b = 2` → `b=2` (Sphinx's spacing); whitespace runs collapsed.
    static func normalizeParameter(_ raw: String) -> String {
        let text = raw.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).joined(separator: " ")
        let chars = Array(text)
        var colon: Int?
        var equals: Int?
        var depth = 0
        var quote: Character?
        for (k, c) in chars.enumerated() {
            if let q = quote { if c == q { quote = nil }; continue }
            if c == "'" || c == "\"" { quote = c; continue }
            if c == "(" || c == "[" || c == "{" { depth += 1 } else if c == ")" || c == "]" || c == "}" { depth -= 1 }
            guard depth == 0 else { continue }
            if c == ":", colon == nil, equals == nil { colon = k }
            if c == "=", equals == nil { equals = k }
        }
        func piece(_ a: Int, _ b: Int) -> String {
            String(chars[a..<b]).trimming(" ")
        }
        let nameEnd = colon ?? equals ?? chars.count
        var out = piece(0, nameEnd)
        if let colon {
            out += ": " + piece(colon + 1, equals ?? chars.count)
        }
        if let equals {
            out += (colon == nil ? "=" : " = ") + piece(equals + 1, chars.count)
        }
        return out
    }
}

extension String {
    func trimming(_ set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s.removeFirst() }
        while let l = s.last, set.contains(l) { s.removeLast() }
        return String(s)
    }
}
