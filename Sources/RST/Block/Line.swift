/// One input line after preprocessing (tabs expanded, trailing whitespace
/// removed). `text` is a slice of the line's scalars; dedenting drops a prefix
/// without copying, so nested blocks cost O(lines), not O(characters).
struct Line {
    var text: ArraySlice<Unicode.Scalar>
    /// 1-based line number in the source file.
    var number: Int
    /// Leading spaces of `text`.
    var indent: Int
    /// Columns before the start of the underlying array (for text re-parsed from directive content).
    var columnBase: Int = 0

    init(text: ArraySlice<Unicode.Scalar>, number: Int, columnBase: Int = 0) {
        self.text = text
        self.number = number
        self.columnBase = columnBase
        var n = 0
        for s in text { if s == " " { n += 1 } else { break } }
        self.indent = n
    }

    var isBlank: Bool { text.isEmpty || indent == text.count }
    /// 1-based column of the first scalar of `text`.
    var column: Int { columnBase + text.startIndex + 1 }
    /// 1-based column just after the last scalar of `text`.
    var endColumn: Int { columnBase + text.endIndex + 1 }

    /// The line without its first `n` scalars (or empty).
    func dropping(_ n: Int) -> Line {
        var copy = self
        let k = Swift.min(n, text.count)
        copy.text = text.dropFirst(k)
        copy.indent = Swift.max(0, indent - k)
        if k > indent {
            var m = 0
            for s in copy.text { if s == " " { m += 1 } else { break } }
            copy.indent = m
        }
        return copy
    }

    var string: String { InlineParser.string(text) }

    /// The line with its leading spaces removed.
    var stripped: ArraySlice<Unicode.Scalar> { text.dropFirst(indent) }

    func hasPrefix(_ s: String) -> Bool {
        var i = text.startIndex
        for c in s.unicodeScalars {
            guard i < text.endIndex, text[i] == c else { return false }
            i += 1
        }
        return true
    }

    func scalar(at offset: Int) -> Unicode.Scalar? {
        let i = text.startIndex + offset
        return i < text.endIndex && offset >= 0 ? text[i] : nil
    }
}

enum LineSplitter {
    /// Splits text into lines like docutils: tabs expanded to 8-column stops,
    /// form feeds / vertical tabs become spaces, trailing whitespace removed.
    static func lines(_ text: String, firstLine: Int = 1, tabWidth: Int = 8) -> [Line] {
        var result: [Line] = []
        var current: [Unicode.Scalar] = []
        var number = firstLine
        var pendingCR = false
        func flush() {
            while let last = current.last, CharClasses.isWhitespace(last) { current.removeLast() }
            result.append(Line(text: current[...], number: number))
            current = []
            number += 1
        }
        for s in text.unicodeScalars {
            if pendingCR {
                pendingCR = false
                if s == "\n" { continue }
            }
            switch s {
            case "\n", "\u{1C}", "\u{1D}", "\u{1E}", "\u{85}", "\u{2028}", "\u{2029}": flush()
            case "\r": flush(); pendingCR = true
            case "\t" where tabWidth > 0:
                let spaces = tabWidth - current.count % tabWidth
                for _ in 0..<spaces { current.append(" ") }
            case "\u{0B}", "\u{0C}": current.append(" ")
            default: current.append(s)
            }
        }
        if !current.isEmpty { flush() }
        return result
    }
}
