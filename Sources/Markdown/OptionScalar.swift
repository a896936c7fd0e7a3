/// A directive option's value as myst-parser reads it: its option block
/// (`:key: value` lines or a `---` block) is a small subset of YAML, so a
/// value may be quoted (`'…'` with `''` for a quote, `"…"` with backslash
/// escapes), and a plain value ends before a ` #` comment.
enum OptionScalar {
    /// The value written after `key:` on one line (leading spaces already removed).
    static func value(_ raw: String) -> String {
        let text = raw.trimmingTrailingSpace()
        guard let first = text.unicodeScalars.first else { return "" }
        if first == "'" || first == "\"", let quoted = quoted(text, quote: first) { return quoted }
        return plain(text)
    }

    /// A plain scalar: up to a `#` that starts the value or follows a space.
    static func plain(_ text: String) -> String {
        var previous: Unicode.Scalar = " "
        var end = text.unicodeScalars.endIndex
        for index in text.unicodeScalars.indices {
            let scalar = text.unicodeScalars[index]
            if scalar == "#", previous == " " || previous == "\t" {
                end = index
                break
            }
            previous = scalar
        }
        return String(text.unicodeScalars[..<end]).trimmingTrailingSpace()
    }

    /// A quoted scalar that makes up the whole value (a comment may follow it), else nil.
    static func quoted(_ text: String, quote: Unicode.Scalar) -> String? {
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var index = 1
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == quote {
                if quote == "'", index + 1 < scalars.count, scalars[index + 1] == "'" {
                    out.append("'")
                    index += 2
                    continue
                }
                let rest = String(String.UnicodeScalarView(scalars[(index + 1)...])).trimmingLeadingSpace()
                guard rest.isEmpty || rest.hasPrefix("#") else { return nil }
                return String(out)
            }
            if quote == "\"", scalar == "\\", index + 1 < scalars.count {
                guard let (escaped, length) = escape(scalars, at: index + 1) else { return nil }
                out.append(contentsOf: escaped.unicodeScalars)
                index += 1 + length
                continue
            }
            out.append(scalar)
            index += 1
        }
        return nil
    }

    private static let escapes: [Unicode.Scalar: String] = [
        "0": "\0", "a": "\u{07}", "b": "\u{08}", "t": "\t", "\t": "\t", "n": "\n", "v": "\u{0B}", "f": "\u{0C}",
        "r": "\r", "e": "\u{1B}", " ": " ", "\"": "\"", "/": "/", "\\": "\\", "N": "\u{85}", "_": "\u{A0}",
        "L": "\u{2028}", "P": "\u{2029}",
    ]

    /// A double-quoted scalar's escape after its backslash: the text and how many scalars it took.
    private static func escape(_ scalars: [Unicode.Scalar], at index: Int) -> (String, Int)? {
        let code = scalars[index]
        if let simple = escapes[code] { return (simple, 1) }
        let digits = ["x": 2, "u": 4, "U": 8][String(code)]
        guard let digits, index + digits < scalars.count else { return nil }
        let hex = String(String.UnicodeScalarView(scalars[(index + 1)...(index + digits)]))
        guard let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) else { return nil }
        return (String(scalar), 1 + digits)
    }
}

extension OptionScalar {
    /// A `|` (literal) or `>` (folded) block value from its indented lines: their common
    /// indentation removed, lines kept (or folded into one with spaces, a blank line a break),
    /// one final line break unless the indicator is followed by `-` (or all of them with `+`).
    static func block(_ lines: [String], folded: Bool, chomping: Character?) -> String {
        let indent = lines.filter { !$0.trimmingLeadingSpace().isEmpty }
            .map { $0.prefix(while: { $0 == " " }).count }.min() ?? 0
        let content = lines.map { String($0.dropFirst(min(indent, $0.prefix(while: { $0 == " " }).count))) }
        let text = folded
            ? content.split(separator: "", omittingEmptySubsequences: false)
                .map { $0.joined(separator: " ") }.joined(separator: "\n")
            : content.joined(separator: "\n")
        guard !text.isEmpty else { return "" }
        return chomping == "-" ? text : text + "\n"
    }
}
