import DocTree

/// A Python string literal token taken apart: prefix, quotes, body, decoded value.
package struct PythonStringLiteral {
    package var prefix: String
    package var quoteLength: Int
    /// The text between the quotes, as written.
    package var body: String
    package var isRaw: Bool { prefix.contains("r") }
    package var isBytes: Bool { prefix.contains("b") }
    package var isFormatted: Bool { prefix.contains("f") || prefix.contains("t") }

    package init?(_ token: PythonToken) {
        guard token.kind == .string else { return nil }
        let scalars = Array(token.text.unicodeScalars)
        var index = 0
        while index < scalars.count, scalars[index] != "'", scalars[index] != "\"" { index += 1 }
        guard index < scalars.count else { return nil }
        prefix = String(String.UnicodeScalarView(scalars[..<index])).lowercased()
        let quote = scalars[index]
        let triple = index + 2 < scalars.count && scalars[index + 1] == quote && scalars[index + 2] == quote
            && scalars.count - index >= 6
        quoteLength = triple ? 3 : 1
        let start = index + quoteLength, end = scalars.count - quoteLength
        guard start <= end else { return nil }
        body = String(String.UnicodeScalarView(scalars[start..<end]))
    }

    /// The literal's value: escapes decoded (unless raw), newlines normalised to `\n`.
    package var value: String {
        let scalars = Array(body.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        func hex(_ count: Int) -> Unicode.Scalar? {
            guard i + count < scalars.count else { return nil }
            let digits = String(String.UnicodeScalarView(scalars[(i + 1)...(i + count)]))
            guard let code = UInt32(digits, radix: 16) else { return nil }
            return Unicode.Scalar(code)
        }
        while i < scalars.count {
            let c = scalars[i]
            if c == "\r" {
                out.append("\n")
                i += i + 1 < scalars.count && scalars[i + 1] == "\n" ? 2 : 1
                continue
            }
            guard c == "\\", i + 1 < scalars.count else {
                out.append(c)
                i += 1
                continue
            }
            let next = scalars[i + 1]
            if isRaw {
                out.append(c)
                i += 1
                continue
            }
            switch next {
            case "\n": i += 2
            case "\r": i += i + 2 < scalars.count && scalars[i + 2] == "\n" ? 3 : 2
            case "\\", "'", "\"": out.append(next); i += 2
            case "a": out.append("\u{07}"); i += 2
            case "b": out.append("\u{08}"); i += 2
            case "f": out.append("\u{0C}"); i += 2
            case "n": out.append("\n"); i += 2
            case "r": out.append("\r"); i += 2
            case "t": out.append("\t"); i += 2
            case "v": out.append("\u{0B}"); i += 2
            case "x":
                i += 1
                if let s = hex(2) { out.append(s); i += 3 } else { out.append("\\"); out.append("x"); i += 1 }
            case "u" where !isBytes, "U" where !isBytes:
                let count = next == "u" ? 4 : 8
                i += 1
                if let s = hex(count) { out.append(s); i += count + 1 } else { out.append("\\"); out.append(next); i += 1 }
            case "0"..."7":
                var code: UInt32 = 0
                var j = i + 1
                while j < scalars.count, j < i + 4, scalars[j] >= "0", scalars[j] <= "7" {
                    code = code * 8 + (scalars[j].value - 48)
                    j += 1
                }
                out.append(Unicode.Scalar(code) ?? "?")
                i = j
            default:
                out.append(c)
                i += 1
            }
        }
        return String(out)
    }
}

/// Docstring cleaning and position mapping.
enum PythonDocstrings {
    /// Whitespace as Python's `str.strip()` sees it.
    static func isSpace(_ c: Unicode.Scalar) -> Bool {
        c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{0B}" || c == "\u{0C}" || c.properties.isWhitespace
    }

    /// Expands tabs to the next multiple of 8 like `str.expandtabs()`.
    static func expandTabs(_ line: Substring) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        for c in line.unicodeScalars {
            if c == "\t" {
                repeat { out.append(" ") } while out.count % 8 != 0
            } else {
                out.append(c)
            }
        }
        return out
    }

    /// Cleans a docstring like `inspect.cleandoc` and records, for each kept
    /// line, which input line it came from and how many columns were removed
    /// from its start.
    static func clean(_ value: String) -> (lines: [String], origins: [(line: Int, removed: Int)]) {
        let raw = value.split(separator: "\n", omittingEmptySubsequences: false)
        let expanded = raw.map(expandTabs)
        var margin = Int.max
        for line in expanded.dropFirst() {
            let indent = line.prefix(while: isSpace).count
            if indent < line.count { margin = min(margin, indent) }
        }
        var lines: [[Unicode.Scalar]] = []
        var origins: [(line: Int, removed: Int)] = []
        for (index, line) in expanded.enumerated() {
            if index == 0 {
                let removed = line.prefix(while: isSpace).count
                lines.append(Array(line.dropFirst(removed)))
                origins.append((0, removed))
            } else {
                let removed = margin == Int.max ? 0 : min(margin, line.count)
                lines.append(Array(line.dropFirst(removed)))
                origins.append((index, removed))
            }
        }
        while let last = lines.last, last.isEmpty { lines.removeLast(); origins.removeLast() }
        while let first = lines.first, first.isEmpty { lines.removeFirst(); origins.removeFirst() }
        return (lines.map { String(String.UnicodeScalarView($0)) }, origins)
    }

    /// Builds a ``Docstring`` from a statement made of string literal tokens, or nil
    /// when the statement is not a plain (non-bytes, non-f) string.
    static func docstring(from statement: ArraySlice<PythonToken>, file: SourceFile) -> Docstring? {
        guard let first = statement.first, statement.allSatisfy({ $0.kind == .string }) else { return nil }
        var value = ""
        for token in statement {
            guard let literal = PythonStringLiteral(token), !literal.isBytes, !literal.isFormatted else { return nil }
            value += literal.value
        }
        guard let literal = PythonStringLiteral(first) else { return nil }
        let (lines, origins) = clean(value)
        // Map each kept line to the source. Tabs in the source make the expanded
        // margin differ from the scalar count; convert it back per line.
        let sourceLines = literal.body.split(separator: "\n", omittingEmptySubsequences: false)
        let bodyColumn = first.start.column + literal.prefix.unicodeScalars.count + literal.quoteLength
        var starts: [SourceLocation] = []
        for origin in origins {
            let sourceLine = origin.line < sourceLines.count ? sourceLines[origin.line] : ""
            var width = 0, scalarsUsed = 0
            for c in sourceLine.unicodeScalars {
                if width >= origin.removed { break }
                width = c == "\t" ? (width / 8 + 1) * 8 : width + 1
                scalarsUsed += 1
            }
            let column = origin.line == 0 ? bodyColumn + scalarsUsed : 1 + scalarsUsed
            starts.append(SourceLocation(line: first.start.line + origin.line, column: column))
        }
        return Docstring(text: lines.joined(separator: "\n"), format: .restructuredText, file: file, lineStarts: starts)
    }
}
