import DocTree

/// One logical line of Python and, for compound statements, its indented suite.
package struct PythonStatement: Sendable {
    package var tokens: [PythonToken]
    package var body: [PythonStatement]

    package var line: Int { tokens.first?.start.line ?? 0 }

    /// Keywords that may start a line ending in `:` followed by a suite.
    static let compoundKeywords: Set<String> = [
        "if", "elif", "else", "for", "while", "try", "except", "finally", "with", "def", "class",
        "async", "match", "case",
    ]

    /// Groups a token stream into statements with nested suites.
    package static func parse(_ tokens: [PythonToken]) throws -> [PythonStatement] {
        var position = 0
        return try parseBlock(tokens, &position, nested: false)
    }

    private static func parseBlock(_ tokens: [PythonToken], _ position: inout Int, nested: Bool) throws -> [PythonStatement] {
        var statements: [PythonStatement] = []
        while position < tokens.count {
            let token = tokens[position]
            switch token.kind {
            case .endOfFile:
                return statements
            case .dedent:
                position += 1
                if nested { return statements }
                throw PythonSyntaxError(message: "unexpected unindent", location: token.start)
            case .indent:
                throw PythonSyntaxError(message: "unexpected indent", location: token.start)
            default:
                break
            }
            var line: [PythonToken] = []
            while position < tokens.count, tokens[position].kind != .newline, tokens[position].kind != .endOfFile {
                line.append(tokens[position])
                position += 1
            }
            if position < tokens.count, tokens[position].kind == .newline { position += 1 }
            try checkAdjacentAtoms(line)
            try checkOperators(line)
            var statement = PythonStatement(tokens: line, body: [])
            let endsWithColon = line.last?.isOp(":") == true
            if position < tokens.count, tokens[position].kind == .indent {
                guard endsWithColon else {
                    throw PythonSyntaxError(message: "unexpected indent", location: tokens[position].start)
                }
                position += 1
                statement.body = try parseBlock(tokens, &position, nested: true)
            } else if endsWithColon, let last = line.last {
                let next = position < tokens.count && tokens[position].kind != .endOfFile ? tokens[position].start : last.end
                throw PythonSyntaxError(message: "expected an indented block after line \(line[0].start.line)", location: next)
            }
            if endsWithColon, let first = line.first, !(first.kind == .name && compoundKeywords.contains(first.text)) {
                throw PythonSyntaxError(message: "invalid syntax", location: line[line.count - 1].start)
            }
            statements.append(statement)
        }
        return statements
    }
}

extension PythonStatement {
    /// Keywords that are also values.
    private static let valueKeywords: Set<String> = ["True", "False", "None"]
    /// Soft keywords that start statements followed directly by an expression (`match x:`, `case 1:`, `type X = …`).
    private static let softKeywords: Set<String> = ["match", "case", "type"]

    private static func isAtom(_ token: PythonToken) -> Bool {
        switch token.kind {
        case .number, .string: return true
        case .name: return !PythonModuleBuilder.keywords.contains(token.text) || valueKeywords.contains(token.text)
        default: return false
        }
    }

    /// Operators that can only stand between two operands (`/` is missing: it also
    /// marks positional-only parameters, `def f(a, /)`).
    private static let binaryOnly: Set<String> = [
        "=", "==", "!=", "<", ">", "<=", ">=", "//", "%", "&", "|", "^", "<<", ">>", "->", ":=",
        "+=", "-=", "*=", "/=", "//=", "%=", "&=", "|=", "^=", ">>=", "<<=", "**=", "@=",
    ]
    /// Operators that cannot end a statement (a `*` can: `from x import *`).
    private static let cannotEnd: Set<String> = binaryOnly.union(["+", "-", "/", "**", "~", "@", "."])

    /// A binary-only operator right after another operator or at the start of a statement
    /// (`x = = 1`, `= 2`), or a statement ending in an operator (`x = 1 +`).
    static func checkOperators(_ line: [PythonToken]) throws {
        for index in line.indices {
            let token = line[index]
            guard token.kind == .op else { continue }
            let statementEnds = index == line.count - 1 || line[index + 1].isOp(";")
            if statementEnds, cannotEnd.contains(token.text) {
                throw PythonSyntaxError(message: "invalid syntax", location: token.end)
            }
            guard binaryOnly.contains(token.text) else { continue }
            if index == 0 || line[index - 1].isOp(";") {
                throw PythonSyntaxError(message: "invalid syntax", location: token.start)
            }
            let previous = line[index - 1]
            // `first, = pair` unpacks a one-element tuple.
            if previous.kind == .op, !PythonTokens.isClose(previous), !(previous.isOp(",") && token.isOp("=")) {
                throw PythonSyntaxError(message: "invalid syntax", location: token.start)
            }
        }
    }

    /// Two operands with nothing between them (`print "x"`, `f(a b)`, `x = 1 2`) never
    /// form valid Python, except adjacent strings (implicit concatenation) and the soft
    /// keywords at the start of a statement.
    static func checkAdjacentAtoms(_ line: [PythonToken]) throws {
        guard line.count > 1 else { return }
        var depth = PythonTokens.isOpen(line[0]) ? 1 : 0
        for index in 1..<line.count {
            let previous = line[index - 1], token = line[index]
            defer {
                if PythonTokens.isOpen(token) { depth += 1 } else if PythonTokens.isClose(token) { depth -= 1 }
            }
            guard isAtom(token) else { continue }
            let previousEndsOperand = isAtom(previous) || previous.isOp(")") || previous.isOp("]") || previous.isOp("}")
            guard previousEndsOperand else { continue }
            if previous.kind == .string, token.kind == .string {
                let bytes = [previous, token].map { PythonStringLiteral($0)?.isBytes == true }
                if bytes[0] != bytes[1] {
                    throw PythonSyntaxError(message: "cannot mix bytes and nonbytes literals", location: token.start)
                }
                continue
            }
            if previous.kind == .name, softKeywords.contains(previous.text),
               index == 1 || line[index - 2].isOp(";") || line[index - 2].isOp(":") {
                continue
            }
            let atStatementStart = index == 1 || line[index - 2].isOp(";")
            if previous.kind == .name, previous.text == "print" || previous.text == "exec", atStatementStart {
                throw PythonSyntaxError(
                    message: "Missing parentheses in call to '\(previous.text)'. Did you mean \(previous.text)(...)?",
                    location: previous.start)
            }
            if depth > 0 {
                throw PythonSyntaxError(message: "invalid syntax. Perhaps you forgot a comma?", location: previous.start)
            }
            throw PythonSyntaxError(message: "invalid syntax", location: token.start)
        }
    }
}

/// Token-slice helpers shared by the Python parser.
package enum PythonTokens {
    package static func isOpen(_ token: PythonToken) -> Bool {
        token.kind == .op && (token.text == "(" || token.text == "[" || token.text == "{")
    }

    package static func isClose(_ token: PythonToken) -> Bool {
        token.kind == .op && (token.text == ")" || token.text == "]" || token.text == "}")
    }

    /// Splits at `separator` operators outside brackets.
    package static func split(_ tokens: ArraySlice<PythonToken>, on separator: String) -> [ArraySlice<PythonToken>] {
        var parts: [ArraySlice<PythonToken>] = []
        var depth = 0
        var start = tokens.startIndex
        for index in tokens.indices {
            let token = tokens[index]
            if isOpen(token) { depth += 1 } else if isClose(token) { depth -= 1 } else if depth == 0, token.isOp(separator) {
                parts.append(tokens[start..<index])
                start = index + 1
            }
        }
        parts.append(tokens[start..<tokens.endIndex])
        return parts
    }

    /// Index of the first `op` outside brackets at or after `from`.
    package static func firstIndex(of op: String, in tokens: ArraySlice<PythonToken>, from: Int? = nil) -> Int? {
        var depth = 0
        for index in (from ?? tokens.startIndex)..<tokens.endIndex {
            let token = tokens[index]
            if isOpen(token) { depth += 1 } else if isClose(token) { depth -= 1 } else if depth == 0, token.isOp(op) {
                return index
            }
        }
        return nil
    }

    /// Index of the bracket closing the one at `open`.
    package static func matchingClose(_ tokens: ArraySlice<PythonToken>, open: Int) -> Int? {
        var depth = 0
        for index in open..<tokens.endIndex {
            if isOpen(tokens[index]) { depth += 1 } else if isClose(tokens[index]) {
                depth -= 1
                if depth == 0 { return index }
            }
        }
        return nil
    }

    /// Source text of the tokens with whitespace normalised: the original
    /// spacing on one line becomes at most one space; line breaks inside
    /// brackets disappear.
    package static func render(_ tokens: ArraySlice<PythonToken>) -> String {
        var result = ""
        var previous: PythonToken?
        for token in tokens {
            if let previous {
                if previous.end.line == token.start.line {
                    if previous.end.column < token.start.column { result += " " }
                } else if !isOpen(previous), !isClose(token), !token.isOp(",") {
                    result += " "
                }
            }
            result += token.text
            previous = token
        }
        return result
    }
}
