/// A Jinja expression: a Python expression (evaluated by the conf.py
/// evaluator) followed by `| filter` or `| filter(arguments)`, where
/// `loop.index` and friends read the loop's state.
enum JinjaExpression {
    static func evaluate(_ expression: String, _ scope: [String: PyValue]) throws(JinjaTemplate.Failure) -> PyValue {
        let segments = topLevelSplit(expression, on: "|")
        var filters = segments.dropFirst()
        var value: PyValue
        do throws(JinjaTemplate.Failure) {
            value = try python(segments[0], scope)
        } catch {
            // `default` stands in for what is not defined (not for None, as in Jinja).
            guard let first = filters.first, let filter = parseFilter(first), ["default", "d"].contains(filter.name) else {
                throw error
            }
            value = try filter.arguments.first.map { argument throws(JinjaTemplate.Failure) in try python(argument, scope) } ?? .str("")
            filters = filters.dropFirst()
        }
        for filter in filters {
            guard let (name, sources) = parseFilter(filter) else { throw JinjaTemplate.Failure(message: "an empty filter") }
            var arguments: [PyValue] = []
            for source in sources { arguments.append(try python(source, scope)) }
            value = try apply(name, to: value, arguments)
        }
        return value
    }

    /// A filter's name and the source of its arguments (`join(", ")` → `join`, [`", "`]).
    private static func parseFilter(_ filter: String) -> (name: String, arguments: [String])? {
        let text = filter.trimmingCharacters(in: .whitespaces)
        guard let open = text.firstIndex(of: "("), text.hasSuffix(")") else { return text.isEmpty ? nil : (text, []) }
        let inside = String(text[text.index(after: open)..<text.index(before: text.endIndex)])
        let arguments = topLevelSplit(inside, on: ",").filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        return (String(text[..<open]).trimmingCharacters(in: .whitespaces), arguments)
    }

    private static func python(_ source: String, _ scope: [String: PyValue]) throws(JinjaTemplate.Failure) -> PyValue {
        let value = ConfPyEvaluator.evaluateExpression(loopAttributes(source.trimmingCharacters(in: .whitespaces)),
                                                       names: scope)
        if case .unknown(let reason) = value {
            throw JinjaTemplate.Failure(message: "'\(source.trimmingCharacters(in: .whitespaces))' could not be evaluated (\(reason))")
        }
        return value
    }

    private static func apply(_ filter: String, to value: PyValue, _ arguments: [PyValue]) throws(JinjaTemplate.Failure) -> PyValue {
        switch filter {
        case "join":
            guard let elements = value.elements else { break }
            let separator = arguments.first?.str ?? ""
            let texts = elements.compactMap(\.str)
            guard texts.count == elements.count else { break }
            return .str(texts.joined(separator: separator))
        case "default", "d":
            return value
        case "length", "count":
            if let elements = value.elements { return .int(elements.count) }
        case "lower", "upper", "trim", "string", "safe", "e", "escape":
            guard let text = value.str else { break }
            switch filter {
            case "lower": return .str(text.lowercased())
            case "upper": return .str(text.uppercased())
            case "trim": return .str(text.trimmingCharacters(in: .whitespacesAndNewlines))
            // Towncrier renders text, not HTML: nothing to escape.
            default: return .str(text)
            }
        case "first", "last":
            if let elements = value.elements, let element = filter == "first" ? elements.first : elements.last { return element }
        default:
            throw JinjaTemplate.Failure(message: "the filter '\(filter)' is not part of the Jinja Vellum reads")
        }
        throw JinjaTemplate.Failure(message: "the filter '\(filter)' does not apply to \(value.typeName)")
    }

    /// The value of `loop` in a loop's body: `loop.index` (from 1), `index0`, `first`, `last`, `length`.
    static func loopValue(index: Int, count: Int) -> PyValue {
        var loop = PyDict()
        for (key, value) in [("index", PyValue.int(index + 1)), ("index0", .int(index)), ("first", .bool(index == 0)),
                             ("last", .bool(index == count - 1)), ("length", .int(count)),
                             ("revindex", .int(count - index)), ("revindex0", .int(count - index - 1))] {
            loop[.str(key)] = value
        }
        return .dict(loop)
    }

    /// `loop.last` read as `loop["last"]` (the evaluator reads Python, where a dict has no attributes).
    static func loopAttributes(_ source: String) -> String {
        guard source.contains("loop.") else { return source }
        var out = ""
        var quote: Character?
        var index = source.startIndex
        while index < source.endIndex {
            let character = source[index]
            if let open = quote {
                out.append(character)
                if character == open { quote = nil }
                index = source.index(after: index)
                continue
            }
            if character == "'" || character == "\"" { quote = character }
            let rest = source[index...]
            let previous = index == source.startIndex ? " " : source[source.index(before: index)]
            if rest.hasPrefix("loop."), !(previous.isLetter || previous.isNumber || previous == "_" || previous == ".") {
                let nameStart = source.index(index, offsetBy: 5)
                let nameEnd = source[nameStart...].firstIndex { !($0.isLetter || $0.isNumber || $0 == "_") } ?? source.endIndex
                out += "loop[\"\(source[nameStart..<nameEnd])\"]"
                index = nameEnd
                continue
            }
            out.append(character)
            index = source.index(after: index)
        }
        return out
    }

    /// `text` split at `separator` where it stands outside quotes and brackets (`a | join(", ")`).
    static func topLevelSplit(_ text: String, on separator: Character) -> [String] {
        var parts: [String] = []
        var current = ""
        var depth = 0
        var quote: Character?
        for character in text {
            if let open = quote {
                current.append(character)
                if character == open { quote = nil }
                continue
            }
            switch character {
            case "'", "\"": quote = character
            case "(", "[", "{": depth += 1
            case ")", "]", "}": depth -= 1
            default: break
            }
            if character == separator, depth == 0 {
                parts.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        parts.append(current)
        return parts
    }

    /// Where `keyword` (with its spaces) stands outside quotes and brackets, if it does.
    static func topLevelKeyword(_ keyword: String, in text: String) -> Range<String.Index>? {
        var depth = 0
        var quote: Character?
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "'" || character == "\"" {
                quote = character
            } else if "([{".contains(character) {
                depth += 1
            } else if ")]}".contains(character) {
                depth -= 1
            } else if depth == 0, text[index...].hasPrefix(keyword) {
                return index..<text.index(index, offsetBy: keyword.count)
            }
            index = text.index(after: index)
        }
        return nil
    }
}
