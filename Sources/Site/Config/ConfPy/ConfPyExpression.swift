import Autodoc
import Foundation

/// Parses and evaluates one Python expression from its tokens, by
/// precedence climbing. Where Python would not evaluate a part (the other
/// side of `and`/`or`, the unchosen branch of `x if c else y`, a
/// comprehension's element before its loop runs) the part is parsed with
/// `evaluating` off, so it has no effect.
struct ConfPyExpression {
    let tokens: [PythonToken]
    var position = 0
    unowned let evaluator: ConfPyEvaluator
    var evaluating = true
    /// Names bound by a comprehension being evaluated.
    var scopes: [[String: PyValue]] = []

    init(tokens: ArraySlice<PythonToken>, evaluator: ConfPyEvaluator) {
        self.tokens = Array(tokens)
        self.evaluator = evaluator
    }

    var atEnd: Bool { position >= tokens.count }
    var current: PythonToken? { position < tokens.count ? tokens[position] : nil }

    func peekOp(_ op: String) -> Bool { current?.isOp(op) == true }
    func peekName(_ name: String) -> Bool { current?.isName(name) == true }

    mutating func take(op: String) -> Bool {
        guard peekOp(op) else { return false }
        position += 1
        return true
    }

    mutating func take(name: String) -> Bool {
        guard peekName(name) else { return false }
        position += 1
        return true
    }

    static let failed = PyValue.unknown("cannot evaluate this expression")

    /// `a, b` (a tuple) or one expression.
    mutating func parseTupleOrExpression() -> PyValue {
        let first = parseExpression()
        guard peekOp(",") else { return first }
        var items = [first]
        while take(op: ",") {
            if atEnd || peekOp(")") || peekOp("]") || peekOp("=") { break }
            items.append(parseExpression())
        }
        return .tuple(items)
    }

    mutating func parseExpression() -> PyValue {
        if take(name: "lambda") {
            // The body is parsed but a lambda is not something configuration keys hold as data.
            while let token = current, !token.isOp(":") { position += 1 }
            _ = take(op: ":")
            let saved = evaluating
            evaluating = false
            _ = parseExpression()
            evaluating = saved
            return .unknown("a lambda is not evaluated")
        }
        // `x if condition else y`: x is evaluated first (conf.py values have no side effects
        // worth avoiding), then the condition picks; one pass, so nesting stays linear.
        let value = parseOr()
        guard take(name: "if") else { return value }
        let condition = parseOr()
        guard take(name: "else") else { return Self.failed }
        let saved = evaluating
        if condition.truth != false { evaluating = false }
        let other = parseExpression()
        evaluating = saved
        switch condition.truth {
        case true?: return value
        case false?: return other
        case nil: return .unknown("the condition cannot be evaluated")
        }
    }

    mutating func parseOr() -> PyValue {
        var value = parseAnd()
        while take(name: "or") {
            let skip = value.truth == true
            let saved = evaluating
            if skip { evaluating = false }
            let right = parseAnd()
            evaluating = saved
            if !skip { value = value.truth == nil ? .unknown("cannot evaluate 'or'") : right }
        }
        return value
    }

    mutating func parseAnd() -> PyValue {
        var value = parseNot()
        while take(name: "and") {
            let skip = value.truth == false
            let saved = evaluating
            if skip { evaluating = false }
            let right = parseNot()
            evaluating = saved
            if !skip { value = value.truth == nil ? .unknown("cannot evaluate 'and'") : right }
        }
        return value
    }

    mutating func parseNot() -> PyValue {
        if take(name: "not") {
            let value = parseNot()
            return value.truth.map { .bool(!$0) } ?? .unknown("cannot evaluate 'not'")
        }
        return parseComparison()
    }

    mutating func parseComparison() -> PyValue {
        var left = parseBinary(0)
        var result: PyValue = .bool(true)
        var compared = false
        while let token = current {
            var op: String?
            if token.kind == .op, ["==", "!=", "<", ">", "<=", ">="].contains(token.text) {
                op = token.text
                position += 1
            } else if token.isName("in") {
                op = "in"
                position += 1
            } else if token.isName("not"), position + 1 < tokens.count, tokens[position + 1].isName("in") {
                op = "not in"
                position += 2
            } else if token.isName("is") {
                position += 1
                op = take(name: "not") ? "is not" : "is"
            }
            guard let op else { break }
            let right = parseBinary(0)
            compared = true
            let outcome = Self.compare(op, left, right)
            if result.truth == true { result = outcome } else if outcome.isUnknown, !result.isUnknown, result.truth == nil { result = outcome }
            left = right
        }
        return compared ? result : left
    }

    static func compare(_ op: String, _ a: PyValue, _ b: PyValue) -> PyValue {
        if a.isUnknown || b.isUnknown { return .unknown("cannot compare unknown values") }
        switch op {
        case "==": return .bool(equal(a, b))
        case "!=": return .bool(!equal(a, b))
        case "is": return .bool(a == b)
        case "is not": return .bool(a != b)
        case "in", "not in":
            let found: Bool?
            switch b {
            case .str(let s): if case .str(let t) = a { found = s.contains(t) } else { found = nil }
            case .dict(let d): found = d.keys.contains { equal($0, a) }
            default: found = b.elements.map { $0.contains { equal($0, a) } }
            }
            guard let found else { return .unknown("cannot test membership") }
            return .bool(op == "in" ? found : !found)
        default:
            guard let order = ordering(a, b) else { return .unknown("cannot order \(a.typeName) and \(b.typeName)") }
            switch op {
            case "<": return .bool(order < 0)
            case ">": return .bool(order > 0)
            case "<=": return .bool(order <= 0)
            default: return .bool(order >= 0)
            }
        }
    }

    static func number(_ v: PyValue) -> Double? {
        switch v {
        case .int(let i): return Double(i)
        case .float(let d): return d
        case .bool(let b): return b ? 1 : 0
        default: return nil
        }
    }

    static func equal(_ a: PyValue, _ b: PyValue) -> Bool {
        if let x = number(a), let y = number(b) { return x == y }
        return a == b
    }

    static func ordering(_ a: PyValue, _ b: PyValue) -> Int? {
        if let x = number(a), let y = number(b) { return x < y ? -1 : (x > y ? 1 : 0) }
        if case .str(let x) = a, case .str(let y) = b { return x < y ? -1 : (x > y ? 1 : 0) }
        if let x = a.elements, let y = b.elements, a.typeName == b.typeName, a.typeName != "str" {
            for (p, q) in zip(x, y) where !equal(p, q) { return ordering(p, q) }
            return x.count < y.count ? -1 : (x.count > y.count ? 1 : 0)
        }
        return nil
    }

    /// Binary operators by precedence level, lowest first.
    static let levels: [[String]] = [["|"], ["^"], ["&"], ["<<", ">>"], ["+", "-"], ["*", "/", "//", "%", "@"]]

    mutating func parseBinary(_ level: Int) -> PyValue {
        guard level < Self.levels.count else { return parseUnary() }
        var value = parseBinary(level + 1)
        while let token = current, token.kind == .op, Self.levels[level].contains(token.text) {
            position += 1
            let right = parseBinary(level + 1)
            if evaluating { value = evaluator.charge(ConfPyEvaluator.binary(token.text, value, right)) }
        }
        return value
    }

    mutating func parseUnary() -> PyValue {
        if take(op: "-") {
            let v = parseUnary()
            switch v {
            case .int(let i): return i == .min ? .unknown("number too large") : .int(-i)
            case .float(let d): return .float(-d)
            default: return v.isUnknown ? v : Self.failed
            }
        }
        if take(op: "+") { return parseUnary() }
        if take(op: "~") {
            if case .int(let i) = parseUnary() { return .int(~i) }
            return Self.failed
        }
        return parsePower()
    }

    mutating func parsePower() -> PyValue {
        let base = parsePrimary()
        guard take(op: "**") else { return base }
        let exponent = parseUnary()
        if case .int(let b) = base, case .int(let e) = exponent, e >= 0, e < 64 {
            var result = 1
            for _ in 0..<e {
                let (next, overflow) = result.multipliedReportingOverflow(by: b)
                if overflow { return .unknown("number too large") }
                result = next
            }
            return .int(result)
        }
        if let b = Self.number(base), let e = Self.number(exponent) { return .float(pow(b, e)) }
        return Self.failed
    }

    // MARK: - Primary: atom and trailers

    mutating func parsePrimary() -> PyValue {
        let atomStart = position
        var value = parseAtom()
        var receiverName: String?
        if position == atomStart + 1, tokens[atomStart].kind == .name { receiverName = tokens[atomStart].text }
        var path: [String] = []
        while let token = current {
            if token.isOp(".") {
                position += 1
                guard let name = current, name.kind == .name else { return Self.failed }
                position += 1
                path.append(name.text)
                value = evaluating ? ConfPyBuiltins.attribute(value, name.text, evaluator: evaluator) : .none
            } else if token.isOp("(") {
                position += 1
                let (arguments, keywords) = parseArguments()
                guard take(op: ")") else { return Self.failed }
                if evaluating, evaluator.budget <= 0 {
                    value = .unknown("too much work to evaluate")
                } else if evaluating {
                    // Methods that change a named list or dict change the variable itself.
                    if case .boundMethod(let receiver, let method) = value, path.count == 1, let name = receiverName,
                       let (result, changed) = ConfPyBuiltins.mutate(receiver, method, arguments) {
                        evaluator.assignExisting(name, evaluator.charge(changed), scopes: &scopes)
                        value = result
                    } else {
                        value = evaluator.charge(ConfPyBuiltins.call(value, arguments, keywords, evaluator: evaluator))
                    }
                }
                receiverName = nil
            } else if token.isOp("[") {
                position += 1
                let index = parseSubscript()
                guard take(op: "]") else { return Self.failed }
                if evaluating { value = ConfPyBuiltins.index(value, index) }
                receiverName = nil
            } else {
                break
            }
        }
        return value
    }

    mutating func parseArguments() -> ([PyValue], [String: PyValue]) {
        var arguments: [PyValue] = []
        var keywords: [String: PyValue] = [:]
        while !atEnd, !peekOp(")") {
            if take(op: "*") || take(op: "**") {
                _ = parseExpression()
                arguments.append(.unknown("unpacked arguments are not evaluated"))
            } else if let token = current, token.kind == .name, position + 1 < tokens.count, tokens[position + 1].isOp("=") {
                position += 2
                keywords[token.text] = parseExpression()
            } else {
                let start = position
                let value = parseExpression()
                if peekName("for") {
                    // `f(x for x in xs)`: the call's parenthesis closes the generator.
                    position = start
                    arguments.append(parseComprehension(close: nil, make: { .list($0) }))
                    continue
                }
                arguments.append(value)
            }
            if !take(op: ",") { break }
        }
        return (arguments, keywords)
    }

    /// `[i]`, `[a:b]`, `[a:b:c]` (slices as a tuple of start, stop, step).
    mutating func parseSubscript() -> PyValue {
        func bound() -> PyValue? { peekOp(":") || peekOp("]") ? nil : parseExpression() }
        let start = bound()
        guard take(op: ":") else { return start ?? .none }
        let stop = bound()
        var step: PyValue?
        if take(op: ":") { step = bound() }
        return .dict(PyDict(keys: [.str("slice")], values: [.tuple([start ?? .none, stop ?? .none, step ?? .none])]))
    }

    mutating func parseAtom() -> PyValue {
        guard let token = current else { return Self.failed }
        switch token.kind {
        case .name:
            position += 1
            guard evaluating else { return .none }
            for scope in scopes.reversed() { if let v = scope[token.text] { return v } }
            return evaluator.lookup(token.text)
        case .number:
            position += 1
            let text = token.text.replacingOccurrences(of: "_", with: "")
            if let i = Int(text) { return .int(i) }
            if text.lowercased().hasPrefix("0x"), let i = Int(text.dropFirst(2), radix: 16) { return .int(i) }
            if let d = Double(text) { return .float(d) }
            return .unknown("number '\(token.text)'")
        case .string:
            var text = ""
            var known = true
            while let next = current, next.kind == .string {
                position += 1
                guard let literal = PythonStringLiteral(next), !literal.isBytes else { known = false; continue }
                if literal.isFormatted {
                    if !evaluating {
                        continue
                    } else if let formatted = ConfPyBuiltins.formatString(literal, evaluator: evaluator, scopes: scopes) { text += formatted } else { known = false }
                } else {
                    text += literal.value
                }
            }
            return known ? .str(text) : .unknown("a formatted string with values that cannot be evaluated")
        case .op:
            switch token.text {
            case "(":
                position += 1
                if take(op: ")") { return .tuple([]) }
                let start = position
                let first = parseExpression()
                if peekName("for") {
                    position = start
                    return parseComprehension(close: ")", make: { .list($0) })
                }
                if take(op: ")") { return first }
                var items = [first]
                while take(op: ",") {
                    if peekOp(")") { break }
                    items.append(parseExpression())
                }
                guard take(op: ")") else { return Self.failed }
                return .tuple(items)
            case "[":
                position += 1
                if take(op: "]") { return .list([]) }
                let start = position
                let first = parseExpression()
                if peekName("for") {
                    position = start
                    return parseComprehension(close: "]", make: { .list($0) })
                }
                var items = [first]
                while take(op: ",") {
                    if peekOp("]") { break }
                    items.append(parseExpression())
                }
                guard take(op: "]") else { return Self.failed }
                return .list(items)
            case "{":
                position += 1
                if take(op: "}") { return .dict(PyDict()) }
                let start = position
                if take(op: "**") {
                    position = start
                }
                let firstKey = parseExpression()
                if take(op: ":") {
                    let firstValue = parseExpression()
                    if peekName("for") {
                        position = start
                        return parseDictComprehension()
                    }
                    var dict = PyDict()
                    dict[firstKey] = firstValue
                    while take(op: ",") {
                        if peekOp("}") { break }
                        if take(op: "**") {
                            if case .dict(let other) = parseExpression() {
                                for (k, v) in zip(other.keys, other.values) { dict[k] = v }
                            }
                            continue
                        }
                        let key = parseExpression()
                        guard take(op: ":") else { return Self.failed }
                        dict[key] = parseExpression()
                    }
                    guard take(op: "}") else { return Self.failed }
                    return .dict(dict)
                }
                if peekName("for") {
                    position = start
                    return parseComprehension(close: "}", make: { .set(ConfPyBuiltins.unique($0)) })
                }
                var items = [firstKey]
                while take(op: ",") {
                    if peekOp("}") { break }
                    items.append(parseExpression())
                }
                guard take(op: "}") else { return Self.failed }
                return .set(ConfPyBuiltins.unique(items))
            case "...":
                position += 1
                return .unknown("Ellipsis")
            default:
                return Self.failed
            }
        default:
            return Self.failed
        }
    }

    // MARK: - Comprehensions

    /// The `for … in … [if …]` clauses after an element, from `position` (just after the element).
    mutating func clauses() -> [(target: [String], iterable: Range<Int>, conditions: [Range<Int>])] {
        var result: [(target: [String], iterable: Range<Int>, conditions: [Range<Int>])] = []
        let saved = evaluating
        evaluating = false
        defer { evaluating = saved }
        while take(name: "for") {
            var names: [String] = []
            while let token = current, !token.isName("in") {
                if token.kind == .name { names.append(token.text) }
                position += 1
            }
            guard take(name: "in") else { return result }
            let start = position
            _ = parseOr()
            let iterable = start..<position
            var conditions: [Range<Int>] = []
            while take(name: "if") {
                let conditionStart = position
                _ = parseOr()
                conditions.append(conditionStart..<position)
            }
            result.append((names, iterable, conditions))
        }
        return result
    }

    /// Evaluates the tokens of `range` again: an element (a full expression) or a
    /// loop's iterable or condition (an `or`-level expression, so a following `if` is not its own).
    mutating func evaluate(_ range: Range<Int>, element: Bool = false) -> PyValue {
        let saved = position
        position = range.lowerBound
        let value = element ? parseExpression() : parseOr()
        position = saved
        return value
    }

    /// `[element for x in xs if c]`, `(… for …)`, `{… for …}`; `close` nil when the
    /// bracket belongs to an enclosing call.
    mutating func parseComprehension(close: String?, make: ([PyValue]) -> PyValue) -> PyValue {
        let elementStart = position
        let saved = evaluating
        evaluating = false
        _ = parseExpression()
        evaluating = saved
        let element = elementStart..<position
        let loops = clauses()
        if let close, !take(op: close) { return Self.failed }
        guard evaluating else { return .none }
        var out: [PyValue] = []
        var failed: PyValue?
        iterate(loops[...], element: element, into: &out, failed: &failed) { parser, range in
            parser.evaluate(range, element: true)
        }
        if let failed { return failed }
        return make(out)
    }

    mutating func parseDictComprehension() -> PyValue {
        let keyStart = position
        let saved = evaluating
        evaluating = false
        _ = parseExpression()
        let key = keyStart..<position
        guard take(op: ":") else { evaluating = saved; return Self.failed }
        let valueStart = position
        _ = parseExpression()
        let valueRange = valueStart..<position
        evaluating = saved
        let loops = clauses()
        guard take(op: "}") else { return Self.failed }
        guard evaluating else { return .none }
        var keys: [PyValue] = []
        var values: [PyValue] = []
        var failed: PyValue?
        iterate(loops[...], element: key, into: &keys, failed: &failed) { parser, range in
            parser.evaluate(range, element: true)
        }
        iterate(loops[...], element: valueRange, into: &values, failed: &failed) { parser, range in
            parser.evaluate(range, element: true)
        }
        if let failed { return failed }
        var dict = PyDict()
        for (k, v) in zip(keys, values) { dict[k] = v }
        return .dict(dict)
    }

    mutating func iterate(_ loops: ArraySlice<(target: [String], iterable: Range<Int>, conditions: [Range<Int>])>,
                          element: Range<Int>, into out: inout [PyValue], failed: inout PyValue?,
                          produce: (inout ConfPyExpression, Range<Int>) -> PyValue) {
        guard let loop = loops.first else {
            out.append(produce(&self, element))
            return
        }
        let iterable = evaluate(loop.iterable)
        // Each item costs the tokens evaluated for it.
        let cost = 1 + element.count + loop.conditions.map(\.count).reduce(0, +)
        guard let items = iterable.elements, items.count <= evaluator.budget / cost else {
            failed = .unknown("a comprehension over a value that cannot be evaluated")
            return
        }
        evaluator.budget -= items.count * cost
        for item in items {
            var scope: [String: PyValue] = [:]
            if loop.target.count == 1 {
                scope[loop.target[0]] = item
            } else {
                let parts = item.elements ?? []
                for (offset, name) in loop.target.enumerated() {
                    scope[name] = offset < parts.count ? parts[offset] : .unknown("cannot unpack")
                }
            }
            if evaluator.budget <= 0 {
                failed = .unknown("too much work to evaluate")
                return
            }
            scopes.append(scope)
            let keep = loop.conditions.allSatisfy { evaluate($0).truth == true }
            if keep { iterate(loops.dropFirst(), element: element, into: &out, failed: &failed, produce: produce) }
            scopes.removeLast()
            if failed != nil { return }
        }
    }
}

extension ConfPyEvaluator {
    /// Writes back a variable changed by a method (`extensions.append(...)`), where it lives.
    func assignExisting(_ name: String, _ value: PyValue, scopes: inout [[String: PyValue]]) {
        for index in scopes.indices.reversed() where scopes[index][name] != nil {
            scopes[index][name] = value
            return
        }
        if !locals.isEmpty, locals[locals.count - 1][name] != nil {
            locals[locals.count - 1][name] = value
            return
        }
        if globals[name] != nil { globals[name] = value }
    }
}
