import SwiftSyntax

/// Which branches of `#if` a compiler would read, decided without building:
/// `compiler(>=6.2)` and `swift(<6)` against the toolchain version, a
/// compilation flag that nobody defines (`COLLECTIONS_SINGLE_MODULE`) as
/// false — as a plain `swift build` sees them, and as the compiler's symbol
/// graph documents the module — with `!`, `&&`, `||` and parentheses. Whatever
/// depends on the platform or the build (`os(…)`, `canImport(…)`,
/// `hasFeature(…)`, `$Feature`) is undecided, and then every branch is read,
/// so declarations for any platform are documented.
enum SwiftConditions {
    /// The Swift version `compiler(…)` and `swift(…)` are compared with (the toolchain Vellum is built with).
    static let toolchainVersion = [6, 3]

    static func activeClauses(_ ifConfig: IfConfigDeclSyntax) -> [IfConfigClauseSyntax] {
        var out: [IfConfigClauseSyntax] = []
        for clause in ifConfig.clauses {
            guard let condition = clause.condition else {   // #else
                out.append(clause)
                break
            }
            switch evaluate(condition) {
            case true?:
                out.append(clause)
                return out
            case false?:
                continue
            case nil:
                out.append(clause)
            }
        }
        return out
    }

    /// true, false, or nil when it cannot be decided here.
    static func evaluate(_ expression: ExprSyntax) -> Bool? {
        if let prefix = expression.as(PrefixOperatorExprSyntax.self), prefix.operator.text == "!" {
            return evaluate(prefix.expression).map { !$0 }
        }
        if let tuple = expression.as(TupleExprSyntax.self), tuple.elements.count == 1, let only = tuple.elements.first {
            return evaluate(only.expression)
        }
        if let sequence = expression.as(SequenceExprSyntax.self) {
            return evaluateSequence(Array(sequence.elements))
        }
        if let infix = expression.as(InfixOperatorExprSyntax.self), let op = infix.operator.as(BinaryOperatorExprSyntax.self) {
            return combine(evaluate(infix.leftOperand), op.operator.text, evaluate(infix.rightOperand))
        }
        if let boolean = expression.as(BooleanLiteralExprSyntax.self) { return boolean.literal.text == "true" }
        if let reference = expression.as(DeclReferenceExprSyntax.self) {
            let name = reference.baseName.text
            // `$Feature` (a language feature check) depends on the compiler; a flag nobody passes is false.
            return name.hasPrefix("$") ? nil : false
        }
        if let call = expression.as(FunctionCallExprSyntax.self),
           let callee = call.calledExpression.as(DeclReferenceExprSyntax.self)?.baseName.text,
           callee == "compiler" || callee == "swift", let argument = call.arguments.first {
            return versionCheck(argument.expression.trimmedDescription)
        }
        return nil
    }

    /// `a && b || c`: `&&` binds tighter than `||`.
    static func evaluateSequence(_ elements: [ExprSyntax]) -> Bool? {
        var orTerms: [[Bool?]] = [[]]
        var index = 0
        while index < elements.count {
            let element = elements[index]
            if let op = element.as(BinaryOperatorExprSyntax.self) {
                if op.operator.text == "||" { orTerms.append([]) } else if op.operator.text != "&&" { return nil }
            } else {
                orTerms[orTerms.count - 1].append(evaluate(element))
            }
            index += 1
        }
        let ands = orTerms.map { terms -> Bool? in
            if terms.contains(false) { return false }
            return terms.contains(where: { $0 == nil }) ? nil : true
        }
        if ands.contains(true) { return true }
        return ands.contains(where: { $0 == nil }) ? nil : false
    }

    static func combine(_ left: Bool?, _ op: String, _ right: Bool?) -> Bool? {
        switch op {
        case "&&": return left == false || right == false ? false : (left == nil || right == nil ? nil : true)
        case "||": return left == true || right == true ? true : (left == nil || right == nil ? nil : false)
        default: return nil
        }
    }

    /// `>=6.2` or `<5.9` against ``toolchainVersion``.
    static func versionCheck(_ text: String) -> Bool? {
        let compact = text.filter { $0 != " " }
        let (op, number): (String, Substring)
        if compact.hasPrefix(">=") { (op, number) = (">=", compact.dropFirst(2)) }
        else if compact.hasPrefix("<") { (op, number) = ("<", compact.dropFirst(1)) }
        else { return nil }
        let parts = number.split(separator: ".").map { Int($0) }
        guard !parts.isEmpty, !parts.contains(nil) else { return nil }
        let wanted = parts.compactMap { $0 }
        var atLeast = true
        for position in 0..<max(wanted.count, toolchainVersion.count) {
            let have = position < toolchainVersion.count ? toolchainVersion[position] : 0
            let want = position < wanted.count ? wanted[position] : 0
            if have != want { atLeast = have > want; break }
        }
        return op == ">=" ? atLeast : !atLeast
    }
}
