/// The part of Jinja2 that changelog templates use (towncrier renders its
/// news with one), read and rendered without Python: text, `{{ expression }}`
/// with filters (`join`, `default`, `length`, `lower`, `upper`, `trim`,
/// `string`, `first`, `last`, `safe`), `{% if %}`/`{% elif %}`/`{% else %}`,
/// `{% for a, b in expression if condition %}` (with `loop.index`, `loop.first`
/// and friends) and `{% else %}` for an empty loop, `{% set %}`, `{# comments #}`,
/// `-` whitespace control and `trim_blocks`. Expressions are evaluated by the
/// conf.py evaluator; anything outside this subset is an error naming it,
/// never a guess.
struct JinjaTemplate {
    struct Failure: Error, Equatable {
        var message: String
    }

    indirect enum Part {
        case text(String)
        case output(String)
        case conditional([(condition: String?, body: [Part])])
        case loop(targets: [String], iterable: String, filter: String?, body: [Part], empty: [Part])
        case assignment(name: String, expression: String)
    }

    let parts: [Part]

    init(_ source: String, trimBlocks: Bool = false) throws(Failure) {
        var tokens = JinjaLexer.tokens(source, trimBlocks: trimBlocks)[...]
        parts = try Self.parse(&tokens, until: [])
        if let extra = tokens.first { throw Failure(message: "unexpected {% \(extra.text) %}") }
    }

    /// Parses parts up to a block tag whose first word is one of `enders` (left in `tokens`).
    private static func parse(_ tokens: inout ArraySlice<JinjaLexer.Token>, until enders: Set<String>) throws(Failure) -> [Part] {
        var parts: [Part] = []
        while let token = tokens.first {
            switch token.kind {
            case .text:
                tokens.removeFirst()
                if !token.text.isEmpty { parts.append(.text(token.text)) }
            case .output:
                tokens.removeFirst()
                parts.append(.output(token.text))
            case .block:
                let (keyword, rest) = split(token.text)
                if enders.contains(keyword) { return parts }
                tokens.removeFirst()
                switch keyword {
                case "if": parts.append(try conditional(first: rest, &tokens))
                case "for": parts.append(try loop(rest, &tokens))
                case "set":
                    guard let equals = rest.firstIndex(of: "=") else { throw Failure(message: "{% set %} without '='") }
                    parts.append(.assignment(name: rest[..<equals].trimmingCharacters(in: .whitespaces),
                                             expression: String(rest[rest.index(after: equals)...])))
                default:
                    throw Failure(message: "{% \(keyword) %} is not part of the Jinja Vellum reads")
                }
            }
        }
        if !enders.isEmpty { throw Failure(message: "missing {% \(enders.sorted().last ?? "end") %}") }
        return parts
    }

    private static func conditional(first condition: String, _ tokens: inout ArraySlice<JinjaLexer.Token>) throws(Failure) -> Part {
        var branches: [(condition: String?, body: [Part])] = []
        var current: String? = condition
        while true {
            let body = try parse(&tokens, until: ["elif", "else", "endif"])
            branches.append((current, body))
            guard let tag = tokens.popFirst() else { throw Failure(message: "missing {% endif %}") }
            let (keyword, rest) = split(tag.text)
            switch keyword {
            case "elif": current = rest
            case "else":
                branches.append((nil, try parse(&tokens, until: ["endif"])))
                tokens.removeFirst()
                return .conditional(branches)
            default: return .conditional(branches)
            }
        }
    }

    private static func loop(_ header: String, _ tokens: inout ArraySlice<JinjaLexer.Token>) throws(Failure) -> Part {
        guard let inRange = header.range(of: " in ") else { throw Failure(message: "{% for %} without 'in'") }
        let targets = header[..<inRange.lowerBound].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        var iterable = String(header[inRange.upperBound...])
        var filter: String?
        if let ifRange = JinjaExpression.topLevelKeyword(" if ", in: iterable) {
            filter = String(iterable[ifRange.upperBound...])
            iterable = String(iterable[..<ifRange.lowerBound])
        }
        let body = try parse(&tokens, until: ["else", "endfor"])
        var empty: [Part] = []
        if let tag = tokens.popFirst(), split(tag.text).0 == "else" {
            empty = try parse(&tokens, until: ["endfor"])
            tokens.removeFirst()
        }
        return .loop(targets: targets, iterable: iterable, filter: filter, body: body, empty: empty)
    }

    private static func split(_ statement: String) -> (String, String) {
        let trimmed = statement.trimmingCharacters(in: .whitespaces)
        guard let space = trimmed.firstIndex(of: " ") else { return (trimmed, "") }
        return (String(trimmed[..<space]), String(trimmed[trimmed.index(after: space)...]))
    }

    // MARK: rendering

    func render(_ names: [String: PyValue]) throws(Failure) -> String {
        var scope = names
        for (name, value) in [("true", PyValue.bool(true)), ("false", .bool(false)), ("none", .none)] where scope[name] == nil {
            scope[name] = value
        }
        var out = ""
        try Self.render(parts, scope: &scope, into: &out)
        return out
    }

    private static func render(_ parts: [Part], scope: inout [String: PyValue], into out: inout String) throws(Failure) {
        for part in parts {
            switch part {
            case .text(let text):
                out += text
            case .output(let expression):
                let value = try JinjaExpression.evaluate(expression, scope)
                guard let text = value.str else { throw Failure(message: "'\(expression)' cannot be shown as text") }
                out += text
            case .conditional(let branches):
                for branch in branches {
                    if let condition = branch.condition {
                        guard try truth(condition, scope) else { continue }
                    }
                    try render(branch.body, scope: &scope, into: &out)
                    break
                }
            case .loop(let targets, let iterable, let filter, let body, let empty):
                let value = try JinjaExpression.evaluate(iterable, scope)
                guard let elements = value.elements else { throw Failure(message: "'\(iterable)' is not something to loop over") }
                var selected: [PyValue] = []
                var inner = scope
                for element in elements {
                    try bind(targets, to: element, in: &inner)
                    if let filter, !(try truth(filter, inner)) { continue }
                    selected.append(element)
                }
                if selected.isEmpty { try render(empty, scope: &scope, into: &out); continue }
                for (index, element) in selected.enumerated() {
                    var iteration = scope
                    try bind(targets, to: element, in: &iteration)
                    iteration["loop"] = JinjaExpression.loopValue(index: index, count: selected.count)
                    try render(body, scope: &iteration, into: &out)
                }
            case .assignment(let name, let expression):
                scope[name] = try JinjaExpression.evaluate(expression, scope)
            }
        }
    }

    private static func truth(_ expression: String, _ scope: [String: PyValue]) throws(Failure) -> Bool {
        let value = try JinjaExpression.evaluate(expression, scope)
        guard let truth = value.truth else { throw Failure(message: "'\(expression)' is neither true nor false") }
        return truth
    }

    private static func bind(_ targets: [String], to element: PyValue, in scope: inout [String: PyValue]) throws(Failure) {
        if targets.count == 1 { scope[targets[0]] = element; return }
        guard let items = element.elements, items.count == targets.count else {
            throw Failure(message: "cannot unpack into \(targets.joined(separator: ", "))")
        }
        for (target, item) in zip(targets, items) { scope[target] = item }
    }
}
