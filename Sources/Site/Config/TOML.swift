import DocTree

/// A TOML value with the place it was written, so configuration problems can
/// be reported at their line.
indirect enum TOMLValue: Sendable, Equatable {
    case string(String)
    case integer(Int)
    case float(Double)
    case bool(Bool)
    case array([Located])
    case table(TOMLTable)

    struct Located: Sendable, Equatable {
        var value: TOMLValue
        var range: SourceRange
    }

    var typeName: String {
        switch self {
        case .string: return "string"
        case .integer: return "integer"
        case .float: return "float"
        case .bool: return "boolean"
        case .array: return "array"
        case .table: return "table"
        }
    }
}

/// An ordered TOML table: keys keep the order they were written in.
struct TOMLTable: Sendable, Equatable {
    var keys: [String] = []
    var values: [String: TOMLValue.Located] = [:]
    /// Where the table header (or first key) stands.
    var range: SourceRange

    subscript(key: String) -> TOMLValue.Located? { values[key] }

    mutating func set(_ key: String, _ value: TOMLValue.Located) {
        if values[key] == nil { keys.append(key) }
        values[key] = value
    }
}

/// A small TOML reader covering what configuration files use: tables, dotted
/// keys, strings (basic, literal, multi-line), integers, floats, booleans,
/// arrays and inline tables. Errors are diagnostics, never crashes.
struct TOMLParser {
    let file: SourceFile
    private var scalars: [Unicode.Scalar]
    private var index = 0
    private var line = 1
    private var lineStart = 0
    private(set) var diagnostics: [Diagnostic] = []
    /// Nesting of arrays and inline tables; bounded so hostile input cannot exhaust the stack.
    private var depth = 0
    private static let maximumDepth = 64

    /// Whether `[[array.of.tables]]` headers are read (pyproject.toml); vellum.toml has none.
    let allowsArraysOfTables: Bool

    init(file: SourceFile, allowsArraysOfTables: Bool = false) {
        self.file = file
        self.allowsArraysOfTables = allowsArraysOfTables
        scalars = Array(file.text.unicodeScalars)
    }

    private var location: SourceLocation { SourceLocation(line: line, column: index - lineStart + 1) }
    private var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    private mutating func advance() {
        guard index < scalars.count else { return }
        if scalars[index] == "\n" {
            line += 1
            lineStart = index + 1
        }
        index += 1
    }

    private mutating func fail(_ message: String, at start: SourceLocation? = nil) {
        let start = start ?? location
        diagnostics.append(.error("config.syntax", message, file: file,
                                  range: SourceRange(start: start, end: SourceLocation(line: start.line, column: start.column + 1))))
    }

    private mutating func skipSpaces() {
        while let c = current, c == " " || c == "\t" { advance() }
    }

    private mutating func skipToLineEnd() {
        while let c = current, c != "\n" { advance() }
    }

    /// Skips blanks, comments and newlines.
    private mutating func skipTrivia() {
        while let c = current {
            if c == " " || c == "\t" || c == "\r" || c == "\n" { advance() }
            else if c == "#" { skipToLineEnd() }
            else { break }
        }
    }

    /// After a value: only blanks and a comment may follow on the line.
    private mutating func expectLineEnd() {
        skipSpaces()
        if current == "#" { skipToLineEnd() }
        if current == "\r" { advance() }
        if let c = current, c != "\n" {
            fail("unexpected '\(c)' after value; each key = value pair needs its own line")
            skipToLineEnd()
        }
    }

    /// The headers read as arrays of tables: a path through one goes into its last table.
    private var arrayPaths: Set<[String]> = []

    mutating func parse() -> TOMLTable {
        var root = TOMLTable(range: SourceRange(line: 1))
        var currentPath: [String] = []
        var definedTables: Set<[String]> = []
        while true {
            skipTrivia()
            guard let c = current else { break }
            let start = location
            if c == "[" {
                advance()
                let isArray = current == "["
                if isArray { advance() }
                skipSpaces()
                guard let path = parseKeyPath() else { skipToLineEnd(); continue }
                skipSpaces()
                if current == "]" { advance() } else { fail("expected ']' to close the table header"); skipToLineEnd(); continue }
                if isArray {
                    if current == "]" { advance() } else { fail("expected ']]' to close the array-of-tables header") }
                    guard allowsArraysOfTables else {
                        fail("arrays of tables ([[…]]) are not used in vellum.toml", at: start)
                        expectLineEnd()
                        currentPath = ["\u{0}ignored"]
                        continue
                    }
                    // A new table at the end of the array; the keys that follow go into it.
                    let range = SourceRange(start: start, end: location)
                    appendTable(&root, path: path, range: range)
                    // Tables below the array's previous element may be defined again for this one.
                    definedTables = definedTables.filter { !$0.starts(with: path) }
                    currentPath = path
                    arrayPaths.insert(path)
                    expectLineEnd()
                    continue
                }
                if definedTables.contains(path) {
                    fail("table [\(path.joined(separator: "."))] is defined twice", at: start)
                }
                definedTables.insert(path)
                let range = SourceRange(start: start, end: location)
                ensureTable(&root, path: path, range: range)
                currentPath = path
                expectLineEnd()
                continue
            }
            guard let keyPath = parseKeyPath() else { skipToLineEnd(); continue }
            skipSpaces()
            guard current == "=" else {
                fail("expected '=' after key '\(keyPath.joined(separator: "."))'")
                skipToLineEnd()
                continue
            }
            advance()
            skipSpaces()
            guard let value = parseValue() else { skipToLineEnd(); continue }
            expectLineEnd()
            if currentPath.first == "\u{0}ignored" { continue }
            insert(&root, path: currentPath + keyPath, value: value, keyStart: start)
        }
        return root
    }

    /// `[[path]]`: appends an empty table to the array at `path` (made when missing).
    private mutating func appendTable(_ table: inout TOMLTable, path: [String], range: SourceRange, prefix: [String] = []) {
        guard let first = path.first else { return }
        let here = prefix + [first]
        if path.count == 1 {
            var items: [TOMLValue.Located] = []
            if let existing = table[first] {
                guard case .array(let array) = existing.value, arrayPaths.contains(here) else {
                    fail("'\(first)' is already a \(existing.value.typeName), not an array of tables", at: range.start)
                    return
                }
                items = array
            }
            items.append(.init(value: .table(TOMLTable(range: range)), range: range))
            table.set(first, .init(value: .array(items), range: table[first]?.range ?? range))
            return
        }
        var located = table[first] ?? .init(value: .table(TOMLTable(range: range)), range: range)
        switch located.value {
        case .table(var child):
            appendTable(&child, path: Array(path.dropFirst()), range: range, prefix: here)
            located.value = .table(child)
        case .array(var items) where arrayPaths.contains(here):
            guard case .table(var last)? = items.last?.value else { return }
            appendTable(&last, path: Array(path.dropFirst()), range: range, prefix: here)
            items[items.count - 1].value = .table(last)
            located.value = .array(items)
        default:
            fail("'\(first)' is already a \(located.value.typeName), not a table", at: range.start)
            return
        }
        table.set(first, located)
    }

    private mutating func ensureTable(_ table: inout TOMLTable, path: [String], range: SourceRange, prefix: [String] = []) {
        guard let first = path.first else { return }
        if let existing = table[first], case .array(var items) = existing.value, arrayPaths.contains(prefix + [first]),
           case .table(var last)? = items.last?.value {
            ensureTable(&last, path: Array(path.dropFirst()), range: range, prefix: prefix + [first])
            items[items.count - 1].value = .table(last)
            table.set(first, .init(value: .array(items), range: existing.range))
            return
        }
        var child: TOMLTable
        if let existing = table[first] {
            guard case .table(let t) = existing.value else {
                fail("'\(first)' is already a \(existing.value.typeName), not a table", at: range.start)
                return
            }
            child = t
        } else {
            child = TOMLTable(range: range)
        }
        ensureTable(&child, path: Array(path.dropFirst()), range: range, prefix: prefix + [first])
        table.set(first, .init(value: .table(child), range: table[first]?.range ?? range))
    }

    private mutating func insert(_ table: inout TOMLTable, path: [String], value: TOMLValue.Located,
                                 keyStart: SourceLocation, prefix: [String] = []) {
        guard let first = path.first else { return }
        if path.count > 1, let existing = table[first], case .array(var items) = existing.value,
           arrayPaths.contains(prefix + [first]), case .table(var last)? = items.last?.value {
            // A key below an array of tables goes into its last table.
            insert(&last, path: Array(path.dropFirst()), value: value, keyStart: keyStart, prefix: prefix + [first])
            items[items.count - 1].value = .table(last)
            table.set(first, .init(value: .array(items), range: existing.range))
            return
        }
        if path.count == 1 {
            if table[first] != nil {
                fail("key '\(first)' is set twice", at: keyStart)
                return
            }
            var located = value
            located.range = SourceRange(start: keyStart, end: value.range.end)
            table.set(first, located)
            return
        }
        var child: TOMLTable
        if let existing = table[first] {
            guard case .table(let t) = existing.value else {
                fail("'\(first)' is already a \(existing.value.typeName), not a table", at: keyStart)
                return
            }
            child = t
        } else {
            child = TOMLTable(range: SourceRange(start: keyStart, end: keyStart))
        }
        insert(&child, path: Array(path.dropFirst()), value: value, keyStart: keyStart, prefix: prefix + [first])
        table.set(first, .init(value: .table(child), range: table[first]?.range ?? SourceRange(start: keyStart, end: keyStart)))
    }

    private mutating func parseKeyPath() -> [String]? {
        var parts: [String] = []
        while true {
            skipSpaces()
            guard let c = current else { fail("expected a key"); return nil }
            if c == "\"" || c == "'" {
                guard case .string(let s)? = parseString()?.value else { return nil }
                parts.append(s)
            } else if c.isBareKeyCharacter {
                var key = ""
                while let k = current, k.isBareKeyCharacter { key.unicodeScalars.append(k); advance() }
                parts.append(key)
            } else {
                fail("expected a key, found '\(c)'")
                return nil
            }
            skipSpaces()
            if current == "." { advance() } else { return parts }
        }
    }

    private mutating func parseValue() -> TOMLValue.Located? {
        let start = location
        guard let c = current else { fail("expected a value"); return nil }
        if c == "[" || c == "{" {
            guard depth < Self.maximumDepth else {
                fail("arrays and tables nest more than \(Self.maximumDepth) levels deep")
                return nil
            }
            depth += 1
        }
        defer { if c == "[" || c == "{" { depth -= 1 } }
        switch c {
        case "\"", "'":
            return parseString()
        case "[":
            advance()
            var items: [TOMLValue.Located] = []
            while true {
                skipTrivia()
                if current == "]" { advance(); break }
                guard current != nil else { fail("unterminated array", at: start); return nil }
                guard let item = parseValue() else { return nil }
                items.append(item)
                skipTrivia()
                if current == "," { advance(); continue }
                if current == "]" { advance(); break }
                fail("expected ',' or ']' in array")
                return nil
            }
            return .init(value: .array(items), range: SourceRange(start: start, end: location))
        case "{":
            advance()
            var table = TOMLTable(range: SourceRange(start: start, end: start))
            skipSpaces()
            if current == "}" { advance(); return .init(value: .table(table), range: SourceRange(start: start, end: location)) }
            while true {
                skipSpaces()
                let keyStart = location
                guard let path = parseKeyPath() else { return nil }
                skipSpaces()
                guard current == "=" else { fail("expected '=' in inline table"); return nil }
                advance()
                skipSpaces()
                guard let value = parseValue() else { return nil }
                insert(&table, path: path, value: value, keyStart: keyStart)
                skipSpaces()
                if current == "," { advance(); continue }
                if current == "}" { advance(); break }
                fail("expected ',' or '}' in inline table")
                return nil
            }
            return .init(value: .table(table), range: SourceRange(start: start, end: location))
        default:
            var word = ""
            while let k = current, !(k == "," || k == "]" || k == "}" || k == "#" || k == "\n" || k == "\r" || k == " " || k == "\t") {
                word.unicodeScalars.append(k)
                advance()
            }
            let range = SourceRange(start: start, end: location)
            if word == "true" { return .init(value: .bool(true), range: range) }
            if word == "false" { return .init(value: .bool(false), range: range) }
            let digits = word.replacingOccurrences(of: "_", with: "")
            if let i = Int(digits) { return .init(value: .integer(i), range: range) }
            if let d = Double(digits), digits.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) {
                return .init(value: .float(d), range: range)
            }
            if word.isEmpty {
                fail("expected a value")
            } else {
                fail("'\(word)' is not a TOML value (strings need quotes)", at: start)
            }
            return nil
        }
    }

    private mutating func parseString() -> TOMLValue.Located? {
        let start = location
        guard let quote = current else { return nil }
        let literal = quote == "'"
        advance()
        var multiline = false
        if current == quote, index + 1 < scalars.count, scalars[index + 1] == quote {
            advance(); advance()
            multiline = true
            if current == "\r" { advance() }
            if current == "\n" { advance() }
        } else if current == quote {
            advance()
            return .init(value: .string(""), range: SourceRange(start: start, end: location))
        }
        var result = ""
        while true {
            guard let c = current else { fail("unterminated string", at: start); return nil }
            if c == quote {
                if !multiline { advance(); break }
                if index + 2 < scalars.count, scalars[index + 1] == quote, scalars[index + 2] == quote {
                    advance(); advance(); advance()
                    break
                }
                result.unicodeScalars.append(c)
                advance()
                continue
            }
            if c == "\n" && !multiline { fail("unterminated string", at: start); return nil }
            if c == "\\" && !literal {
                advance()
                guard let e = current else { continue }
                advance()
                switch e {
                case "n": result += "\n"
                case "t": result += "\t"
                case "r": result += "\r"
                case "\"": result += "\""
                case "\\": result += "\\"
                case "b": result += "\u{8}"
                case "f": result += "\u{C}"
                case "u", "U":
                    let count = e == "u" ? 4 : 8
                    var hex = ""
                    for _ in 0..<count { if let h = current { hex.unicodeScalars.append(h); advance() } }
                    if let v = UInt32(hex, radix: 16), let s = Unicode.Scalar(v) {
                        result.unicodeScalars.append(s)
                    } else {
                        fail("invalid unicode escape '\\\(e)\(hex)'")
                    }
                case "\n" where multiline, " " where multiline, "\t" where multiline, "\r" where multiline:
                    while let w = current, w == " " || w == "\t" || w == "\n" || w == "\r" { advance() }
                default:
                    fail("invalid escape '\\\(e)' in string")
                }
                continue
            }
            result.unicodeScalars.append(c)
            advance()
        }
        return .init(value: .string(result), range: SourceRange(start: start, end: location))
    }
}

private extension Unicode.Scalar {
    var isBareKeyCharacter: Bool {
        (self >= "a" && self <= "z") || (self >= "A" && self <= "Z") || (self >= "0" && self <= "9")
            || self == "_" || self == "-"
    }
}
