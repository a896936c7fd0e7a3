import DocTree

/// A Python type annotation parsed into the few shapes annotations take
/// (`pkg.Name`, `X[a, b]`, `[a, b]`, `a | b`, literals, `...`), so that it
/// can be shown the way Sphinx shows it — spaced after commas and around `|`,
/// strings in single quotes — with every name a `py:class` reference
/// (`None` a `py:obj` one), as Sphinx's Python domain does for the
/// annotations in signatures.
public indirect enum PythonTypeExpression: Hashable, Sendable {
    /// A dotted name as written (`t.Optional`, `Context`, `None`).
    case name(String)
    /// `base[arguments]` (a subscript); a tuple slice (`Dict[str, int]`) is its elements.
    case item(PythonTypeExpression, [PythonTypeExpression])
    /// `[a, b]` (the parameter list of `Callable[[a, b], r]`).
    case list([PythonTypeExpression])
    /// `(a, b)` outside a subscript.
    case tuple([PythonTypeExpression])
    /// `a | b | c`.
    case union([PythonTypeExpression])
    /// A string, number or other literal, already in the form Sphinx shows (`'utf-8'`, `-1`).
    case literal(String)
    /// `...`.
    case ellipsis

    /// Parses an annotation; nil when it is not one of the shapes above (Sphinx then shows it as one name).
    public static func parse(_ text: String) -> PythonTypeExpression? {
        guard let tokens = Lexer.tokens(text), !tokens.isEmpty else { return nil }
        var parser = Parser(tokens: tokens)
        guard let expression = parser.union(depth: 0), parser.atEnd else { return nil }
        return expression
    }

    /// The text Sphinx shows.
    public var text: String {
        switch self {
        case .name(let name): return name
        case .item(let base, let arguments): return base.text + "[" + arguments.map(\.text).joined(separator: ", ") + "]"
        case .list(let items): return "[" + items.map(\.text).joined(separator: ", ") + "]"
        case .tuple(let items): return "(" + items.map(\.text).joined(separator: ", ") + (items.count == 1 ? ",)" : ")")
        case .union(let items): return items.map(\.text).joined(separator: " | ")
        case .literal(let value): return value
        case .ellipsis: return "..."
        }
    }

    /// Whether a subscript's base is `Literal`, however it is spelled (`typing.Literal`, `te.Literal`):
    /// its arguments are values, not names.
    public static func isLiteral(_ name: String) -> Bool { name == "Literal" || name.hasSuffix(".Literal") }

    /// Every name in the expression, in order (not those inside `Literal[...]`).
    public var names: [String] {
        switch self {
        case .name(let name): return [name]
        case .item(let base, let arguments):
            if case .name(let name) = base, Self.isLiteral(name) { return [name] }
            return base.names + arguments.flatMap(\.names)
        case .list(let items), .tuple(let items), .union(let items): return items.flatMap(\.names)
        case .literal, .ellipsis: return []
        }
    }

    /// The expression with every name replaced by `transform` (which may return a whole expression).
    public func mapNames(_ transform: (String) -> PythonTypeExpression) -> PythonTypeExpression {
        switch self {
        case .name(let name): return transform(name)
        case .item(let base, let arguments):
            if case .name(let name) = base, Self.isLiteral(name) {
                return .item(transform(name), arguments)
            }
            return .item(base.mapNames(transform), arguments.map { $0.mapNames(transform) })
        case .list(let items): return .list(items.map { $0.mapNames(transform) })
        case .tuple(let items): return .tuple(items.map { $0.mapNames(transform) })
        case .union(let items): return .union(items.map { $0.mapNames(transform) })
        case .literal, .ellipsis: return self
        }
    }

    /// Signature nodes: text, and a pending `py` reference for each name. `display` gives the text
    /// shown for a name (Sphinx's `~pkg.mod.Name` shows `Name`); the target is the name itself.
    public func nodes(document: String, display: (String) -> String = { $0 }) -> [Node] {
        var out: [Node] = []
        append(to: &out, document: document, display: display)
        // Adjacent text merges into one node.
        return Self.mergingText(out)
    }

    /// The nodes of a type written in a docstring field (`:type x:`, `:rtype:`), split into references the
    /// way Sphinx's typed fields split them, which is not the way signatures are: only `Literal` and
    /// `typing.Literal` are known as Literal, and from that name on nothing in the field is a reference
    /// (`Literal['a'] | None` links neither); under any other spelling (`te.Literal['\\n']`) each value
    /// is a `py:class` reference to its text, and `sphinx-build -n` reports it.
    public func fieldNodes(document: String, display: (String) -> String = { $0 }) -> [Node] {
        var out: [Node] = []
        var state = FieldState()
        append(to: &out, document: document, display: display, field: &state)
        return Self.mergingText(out)
    }

    /// Whether a field type names Literal in a way Sphinx's typed fields recognise.
    public static func isFieldLiteral(_ name: String) -> Bool { name == "Literal" || name == "typing.Literal" }

    struct FieldState {
        var active = true
        var inLiteral = false
    }

    private static func mergingText(_ out: [Node]) -> [Node] {
        var merged: [Node] = []
        for node in out {
            if node.isText, let last = merged.last, last.isText {
                merged[merged.count - 1] = .text(last.textContent + node.textContent)
            } else {
                merged.append(node)
            }
        }
        return merged
    }

    private func append(to out: inout [Node], document: String, display: (String) -> String) {
        var signature = FieldState(active: false)
        append(to: &out, document: document, display: display, field: &signature)
    }

    private func append(to out: inout [Node], document: String, display: (String) -> String, field: inout FieldState) {
        func list(_ items: [PythonTypeExpression], _ separator: String) {
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(.text(separator)) }
                item.append(to: &out, document: document, display: display, field: &field)
            }
        }
        switch self {
        case .name(let name):
            if field.inLiteral {
                out.append(.text(display(name)))
            } else {
                out.append(Self.reference(name, text: display(name), document: document))
            }
            if field.active, Self.isFieldLiteral(name) { field.inLiteral = true }
        case .item(let base, let arguments):
            base.append(to: &out, document: document, display: display, field: &field)
            out.append(.text("["))
            if case .name(let name) = base, Self.isLiteral(name), !field.active || field.inLiteral {
                out.append(.text(arguments.map(\.text).joined(separator: ", ")))
            } else {
                list(arguments, ", ")
            }
            out.append(.text("]"))
        case .list(let items):
            out.append(.text("["))
            list(items, ", ")
            out.append(.text("]"))
        case .tuple(let items):
            out.append(.text("("))
            list(items, ", ")
            out.append(.text(items.count == 1 ? ",)" : ")"))
        case .union(let items):
            list(items, " | ")
        case .literal(let value):
            if field.active, !field.inLiteral {
                out.append(Self.reference(value, text: value, document: document))
            } else {
                out.append(.text(value))
            }
        case .ellipsis:
            out.append(.text("..."))
        }
    }

    /// A reference to a type named in a signature: `py:class`, or `py:obj` for `None` (as Sphinx's `type_to_xref`).
    public static func reference(_ target: String, text: String, document: String) -> Node {
        let type = target == "None" ? "obj" : "class"
        return PendingXref(domain: "py", type: type, target: target, document: document, content: [.text(text)],
                           warn: false, extra: [AttributeKey.classes: .list(["sig-type"])]).node
    }

    /// An annotation as signature nodes; one reference when it does not parse.
    public static func annotationNodes(_ text: String, document: String) -> [Node] {
        guard let parsed = parse(text) else { return [reference(text, text: text, document: document)] }
        return parsed.nodes(document: document)
    }

    /// The text Sphinx shows for an annotation written `text` (spacing and quotes normalised).
    public static func normalizedText(_ text: String) -> String { parse(text)?.text ?? text }
}

extension PythonTypeExpression {
    enum Token: Equatable {
        case name(String)
        case literal(String)
        case punctuation(Character)
        case ellipsis
    }

    enum Lexer {
        static func tokens(_ text: String) -> [Token]? {
            var out: [Token] = []
            let chars = Array(text)
            var i = 0
            while i < chars.count {
                let c = chars[i]
                if c == " " || c == "\t" || c == "\n" { i += 1; continue }
                if c.isLetter || c == "_" {
                    var j = i
                    var name = ""
                    // dotted name: identifiers joined by dots (spaces around dots are not Python style; refused)
                    while j < chars.count, chars[j].isLetter || chars[j].isNumber || chars[j] == "_"
                            || (chars[j] == "." && j + 1 < chars.count && (chars[j + 1].isLetter || chars[j + 1] == "_")) {
                        name.append(chars[j])
                        j += 1
                    }
                    out.append(.name(name))
                    i = j
                    continue
                }
                if c.isNumber || (c == "-" && i + 1 < chars.count && chars[i + 1].isNumber) {
                    var j = i + 1
                    while j < chars.count, chars[j].isNumber || chars[j] == "." || chars[j] == "_" || chars[j].isLetter { j += 1 }
                    // Python prints numbers without the underscores that group digits (`500_000` → `500000`).
                    out.append(.literal(String(chars[i..<j]).filter { $0 != "_" }))
                    i = j
                    continue
                }
                if c == "'" || c == "\"" {
                    var j = i + 1
                    var value = ""
                    while j < chars.count, chars[j] != c {
                        if chars[j] == "\\", j + 1 < chars.count { value.append(chars[j]); j += 1 }
                        value.append(chars[j])
                        j += 1
                    }
                    guard j < chars.count else { return nil }
                    out.append(.literal(pythonRepr(value)))
                    i = j + 1
                    continue
                }
                if c == ".", i + 2 < chars.count, chars[i + 1] == ".", chars[i + 2] == "." {
                    out.append(.ellipsis)
                    i += 3
                    continue
                }
                guard "[](),|".contains(c) else { return nil }
                out.append(.punctuation(c))
                i += 1
            }
            return out
        }

        /// How Python's `repr` quotes a string: single quotes unless it holds one and no double quote.
        static func pythonRepr(_ value: String) -> String {
            value.contains("'") && !value.contains("\"") ? "\"" + value + "\"" : "'" + value + "'"
        }
    }

    struct Parser {
        let tokens: [Token]
        var position = 0
        var atEnd: Bool { position == tokens.count }

        init(tokens: [Token]) { self.tokens = tokens }

        mutating func take(_ c: Character) -> Bool {
            guard position < tokens.count, tokens[position] == .punctuation(c) else { return false }
            position += 1
            return true
        }

        mutating func union(depth: Int) -> PythonTypeExpression? {
            guard depth < 64, var first = primary(depth: depth) else { return nil }
            var items = [first]
            while take("|") {
                guard let next = primary(depth: depth) else { return nil }
                items.append(next)
            }
            if items.count > 1 { first = .union(items) }
            return first
        }

        /// Comma-separated items up to `close`.
        mutating func items(until close: Character, depth: Int) -> [PythonTypeExpression]? {
            var out: [PythonTypeExpression] = []
            if take(close) { return out }
            while true {
                guard let item = union(depth: depth + 1) else { return nil }
                out.append(item)
                if take(close) { return out }
                guard take(",") else { return nil }
                if take(close) { return out }
            }
        }

        mutating func primary(depth: Int) -> PythonTypeExpression? {
            guard position < tokens.count else { return nil }
            let token = tokens[position]
            position += 1
            var expression: PythonTypeExpression
            switch token {
            case .name(let name): expression = .name(name)
            case .literal(let value): expression = .literal(value)
            case .ellipsis: expression = .ellipsis
            case .punctuation("["):
                guard let items = items(until: "]", depth: depth) else { return nil }
                expression = .list(items)
            case .punctuation("("):
                guard let items = items(until: ")", depth: depth) else { return nil }
                expression = items.count == 1 && tokens[position - 2] != .punctuation(",") ? items[0] : .tuple(items)
            default: return nil
            }
            while take("[") {
                guard let arguments = items(until: "]", depth: depth) else { return nil }
                expression = .item(expression, arguments)
            }
            return expression
        }
    }
}
