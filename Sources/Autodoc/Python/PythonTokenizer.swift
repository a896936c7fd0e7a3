import DocTree

/// Splits Python 3 source into tokens: names, numbers, strings (f-strings
/// scanned with their nested replacement fields), operators, and the
/// NEWLINE / INDENT / DEDENT structure. Comments are collected separately.
///
/// Linear in the input; stops at the first error.
package struct PythonTokenizer {
    private let scalars: [Unicode.Scalar]
    private var lineStarts: [Int] = [0]
    private(set) var tokens: [PythonToken] = []
    private(set) var comments: [PythonComment] = []

    /// Deepest nesting of f-strings inside f-strings (guards the recursion).
    private static let maxStringNesting = 100
    /// Deepest nesting of brackets and indentation (Python's own limits are lower).
    private static let maxDepth = 200

    init(text: String) {
        scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let width = newlineWidth(at: i)
            if width > 0 {
                i += width
                lineStarts.append(i)
            } else {
                i += 1
            }
        }
    }

    package static func tokenize(_ text: String) -> Result<(tokens: [PythonToken], comments: [PythonComment]), PythonSyntaxError> {
        var tokenizer = PythonTokenizer(text: text)
        do {
            try tokenizer.run()
            return .success((tokenizer.tokens, tokenizer.comments))
        } catch let error as PythonSyntaxError {
            return .failure(error)
        } catch {
            return .failure(PythonSyntaxError(message: "\(error)", location: SourceLocation(line: 1, column: 1)))
        }
    }

    // MARK: - Positions

    private func newlineWidth(at i: Int) -> Int {
        guard i < scalars.count else { return 0 }
        switch scalars[i] {
        case "\n": return 1
        case "\r": return i + 1 < scalars.count && scalars[i + 1] == "\n" ? 2 : 1
        default: return 0
        }
    }

    func location(_ index: Int) -> SourceLocation {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= index { low = mid } else { high = mid - 1 }
        }
        return SourceLocation(line: low + 1, column: index - lineStarts[low] + 1)
    }

    private func error(_ message: String, at index: Int) -> PythonSyntaxError {
        PythonSyntaxError(message: message, location: location(min(index, scalars.count)))
    }

    private func text(_ from: Int, _ to: Int) -> String {
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars[from..<to])
        return String(result)
    }

    private mutating func emit(_ kind: PythonToken.Kind, _ from: Int, _ to: Int) {
        tokens.append(PythonToken(kind: kind, text: text(from, to), start: location(from), end: location(to)))
    }

    private func scalar(_ i: Int) -> Unicode.Scalar? { i < scalars.count ? scalars[i] : nil }

    // MARK: - Main loop

    private mutating func run() throws {
        var indents = [0]
        var brackets: [(Unicode.Scalar, Int)] = []
        var atLineStart = true
        var lineHasTokens = false
        var i = 0
        let n = scalars.count
        if scalar(0) == "\u{FEFF}" { i = 1 }

        while i < n {
            if atLineStart {
                atLineStart = false
                var width = 0
                var j = i
                while j < n {
                    let c = scalars[j]
                    if c == " " { width += 1 } else if c == "\t" { width = (width / 8 + 1) * 8 } else if c == "\u{0C}" { width = 0 } else { break }
                    j += 1
                }
                if j >= n { i = j; break }
                if scalars[j] == "#" || newlineWidth(at: j) > 0 {
                    // Blank or comment-only line: no indentation change.
                    i = j
                } else if scalars[j] == "\\", newlineWidth(at: j + 1) > 0 {
                    i = j
                } else {
                    if width > indents[indents.count - 1] {
                        guard indents.count < Self.maxDepth else { throw error("too many levels of indentation", at: j) }
                        indents.append(width)
                        emit(.indent, j, j)
                    } else {
                        while width < indents[indents.count - 1] {
                            indents.removeLast()
                            emit(.dedent, j, j)
                        }
                        if width != indents[indents.count - 1] {
                            throw error("unindent does not match any outer indentation level", at: j)
                        }
                    }
                    i = j
                }
            }
            let c = scalars[i]
            if c == " " || c == "\t" || c == "\u{0C}" {
                i += 1
                continue
            }
            if c == "#" {
                var j = i
                while j < n, newlineWidth(at: j) == 0 { j += 1 }
                let start = location(i)
                let ownLine = !lineHasTokens && brackets.isEmpty
                    && scalars[lineStarts[start.line - 1]..<i].allSatisfy { $0 == " " || $0 == "\t" || $0 == "\u{0C}" }
                comments.append(PythonComment(text: text(i, j), start: start, ownLine: ownLine))
                i = j
                continue
            }
            let nl = newlineWidth(at: i)
            if nl > 0 {
                if brackets.isEmpty {
                    if lineHasTokens { emit(.newline, i, i + nl) }
                    lineHasTokens = false
                    atLineStart = true
                }
                i += nl
                continue
            }
            if c == "\\" {
                let width = newlineWidth(at: i + 1)
                guard width > 0 else { throw error("unexpected character after line continuation character", at: i) }
                i += 1 + width
                if i >= n { throw error("unexpected end of file after line continuation character", at: i) }
                continue
            }
            lineHasTokens = true
            if Self.isIdentifierStart(c) {
                var j = i + 1
                while j < n, Self.isIdentifierContinue(scalars[j]) { j += 1 }
                if let quote = scalar(j), quote == "'" || quote == "\"", let prefix = Self.stringPrefix(text(i, j)) {
                    let end = try scanString(quoteAt: j, prefix: prefix, nesting: 0)
                    emit(.string, i, end)
                    i = end
                } else {
                    emit(.name, i, j)
                    i = j
                }
                continue
            }
            if c == "'" || c == "\"" {
                let end = try scanString(quoteAt: i, prefix: "", nesting: 0)
                emit(.string, i, end)
                i = end
                continue
            }
            if Self.isDigit(c) || (c == "." && scalar(i + 1).map(Self.isDigit) == true) {
                let end = scanNumber(i)
                emit(.number, i, end)
                i = end
                continue
            }
            if c == "(" || c == "[" || c == "{" {
                guard brackets.count < Self.maxDepth else { throw error("too many nested parentheses", at: i) }
                brackets.append((c, i))
                emit(.op, i, i + 1)
                i += 1
                continue
            }
            if c == ")" || c == "]" || c == "}" {
                guard let (open, _) = brackets.popLast() else { throw error("unmatched '\(c)'", at: i) }
                let expected: Unicode.Scalar = open == "(" ? ")" : open == "[" ? "]" : "}"
                guard expected == c else {
                    throw error("closing parenthesis '\(c)' does not match opening parenthesis '\(open)'", at: i)
                }
                emit(.op, i, i + 1)
                i += 1
                continue
            }
            if let width = operatorWidth(at: i) {
                emit(.op, i, i + width)
                i += width
                continue
            }
            throw error("invalid character '\(c)' (U+\(String(c.value, radix: 16, uppercase: true)))", at: i)
        }
        if let (open, index) = brackets.last { throw error("'\(open)' was never closed", at: index) }
        if lineHasTokens { emit(.newline, n, n) }
        for _ in indents.dropFirst() { emit(.dedent, n, n) }
        emit(.endOfFile, n, n)
    }

    // MARK: - Pieces

    private static let operators3: Set<String> = ["**=", "//=", ">>=", "<<=", "..."]
    private static let operators2: Set<String> = [
        "**", "//", "<<", ">>", "<=", ">=", "==", "!=", "->", ":=",
        "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=",
    ]
    private static let operators1: Set<Unicode.Scalar> = [
        "+", "-", "*", "/", "%", "@", "&", "|", "^", "~", "<", ">", ",", ":", ";", ".", "=", "!",
    ]

    private func operatorWidth(at i: Int) -> Int? {
        if i + 3 <= scalars.count, Self.operators3.contains(text(i, i + 3)) { return 3 }
        if i + 2 <= scalars.count, Self.operators2.contains(text(i, i + 2)) { return 2 }
        return Self.operators1.contains(scalars[i]) ? 1 : nil
    }

    static func isDigit(_ c: Unicode.Scalar) -> Bool { c >= "0" && c <= "9" }

    static func isIdentifierStart(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII { return (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || c == "_" }
        return c.properties.isXIDStart
    }

    static func isIdentifierContinue(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII { return isIdentifierStart(c) || isDigit(c) }
        return c.properties.isXIDContinue
    }

    /// The lower-cased prefix if `word` is a valid string prefix (`rb`, `f`, `Rt` …).
    static func stringPrefix(_ word: String) -> String? {
        let lower = word.lowercased()
        let valid: Set<String> = ["r", "u", "b", "br", "rb", "f", "fr", "rf", "t", "tr", "rt"]
        return valid.contains(lower) ? lower : nil
    }

    /// Scans a numeric literal (Python's grammar: decimal, `0x`/`0o`/`0b`, fractions,
    /// exponents, `_` separators, `j` suffix) and stops where it ends, so that
    /// `1if x else 2` splits into `1`, `if` … as in Python.
    private func scanNumber(_ start: Int) -> Int {
        var j = start
        func digits(_ accept: (Unicode.Scalar) -> Bool) {
            while let c = scalar(j), accept(c) || (c == "_" && scalar(j + 1).map(accept) == true) { j += 1 }
        }
        let isDecimal: (Unicode.Scalar) -> Bool = { $0 >= "0" && $0 <= "9" }
        if scalar(j) == "0", let base = scalar(j + 1), "xXoObB".unicodeScalars.contains(base) {
            j += 2
            switch base {
            case "x", "X": digits { isDecimal($0) || ("a"..."f").contains($0) || ("A"..."F").contains($0) }
            case "o", "O": digits { $0 >= "0" && $0 <= "7" }
            default: digits { $0 == "0" || $0 == "1" }
            }
            return j
        }
        digits(isDecimal)
        if scalar(j) == "." {
            j += 1
            digits(isDecimal)
        }
        if let e = scalar(j), e == "e" || e == "E" {
            var k = j + 1
            if let sign = scalar(k), sign == "+" || sign == "-" { k += 1 }
            if let d = scalar(k), isDecimal(d) {
                j = k
                digits(isDecimal)
            }
        }
        if let suffix = scalar(j), suffix == "j" || suffix == "J" { j += 1 }
        return j
    }

    /// Scans a string literal whose opening quote is at `quoteAt`; returns the index after it.
    private func scanString(quoteAt q: Int, prefix: String, nesting: Int) throws -> Int {
        guard nesting < Self.maxStringNesting else { throw error("f-string nesting too deep", at: q) }
        let quote = scalars[q]
        let triple = scalar(q + 1) == quote && scalar(q + 2) == quote
        let isFormat = prefix.contains("f") || prefix.contains("t")
        var j = q + (triple ? 3 : 1)
        while true {
            guard let c = scalar(j) else {
                throw error(triple ? "unterminated triple-quoted string literal" : "unterminated string literal", at: q)
            }
            if c == "\\" {
                // A backslash never escapes the braces of an f-string.
                let next = scalar(j + 1)
                j += isFormat && (next == "{" || next == "}") ? 1 : 1 + max(newlineWidth(at: j + 1), 1)
            } else if c == quote {
                if !triple { return j + 1 }
                if scalar(j + 1) == quote, scalar(j + 2) == quote { return j + 3 }
                j += 1
            } else if newlineWidth(at: j) > 0 {
                guard triple else { throw error("unterminated string literal", at: q) }
                j += newlineWidth(at: j)
            } else if isFormat, c == "{" {
                if scalar(j + 1) == "{" { j += 2 } else { j = try scanReplacementField(j + 1, nesting: nesting) }
            } else {
                j += 1
            }
        }
    }

    /// Scans an f-string replacement field starting after its `{`; returns the index after its `}`.
    private func scanReplacementField(_ start: Int, nesting: Int) throws -> Int {
        var depth = 0
        var j = start
        while true {
            guard let c = scalar(j) else { throw error("'{' was never closed", at: start - 1) }
            switch c {
            case "(", "[", "{":
                depth += 1
                j += 1
            case ")", "]":
                depth -= 1
                j += 1
            case "}":
                if depth == 0 { return j + 1 }
                depth -= 1
                j += 1
            case ":" where depth == 0:
                return try scanFormatSpec(j + 1, nesting: nesting)
            case "'", "\"":
                j = try scanString(quoteAt: j, prefix: "", nesting: nesting + 1)
            case "#":
                // A comment inside a multi-line replacement field runs to the end of the line.
                while j < scalars.count, newlineWidth(at: j) == 0 { j += 1 }
            default:
                if Self.isIdentifierStart(c) {
                    var k = j + 1
                    while let d = scalar(k), Self.isIdentifierContinue(d) { k += 1 }
                    if let quote = scalar(k), quote == "'" || quote == "\"", let prefix = Self.stringPrefix(text(j, k)) {
                        j = try scanString(quoteAt: k, prefix: prefix, nesting: nesting + 1)
                    } else {
                        j = k
                    }
                } else {
                    j += 1
                }
            }
        }
    }

    /// Scans a format spec (after `:`) up to and including the field's closing `}`.
    private func scanFormatSpec(_ start: Int, nesting: Int) throws -> Int {
        var j = start
        while true {
            guard let c = scalar(j) else { throw error("'{' was never closed", at: start - 1) }
            if c == "}" { return j + 1 }
            if c == "{" {
                j = try scanReplacementField(j + 1, nesting: nesting + 1)
            } else {
                j += 1
            }
        }
    }
}
