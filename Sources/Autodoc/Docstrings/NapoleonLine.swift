import DocTree

/// One line of docstring text and the source position of its first character.
///
/// Text inserted by a conversion (field prefixes such as `:param x: `) shifts
/// the position left, so that the *original* text on the line keeps mapping
/// to its exact column in the source file.
struct NapoleonLine: Equatable {
    var text: String
    var start: SourceLocation

    init(_ text: String, _ start: SourceLocation) {
        self.text = text
        self.start = start
    }

    /// Python's truthiness of the line: only the empty string is false.
    var isEmpty: Bool { text.isEmpty }

    /// Number of leading whitespace characters (the whole length for a blank line).
    var indent: Int { text.unicodeScalars.prefix(while: NapoleonLine.isSpace).count }

    /// Whether the line has at least `indent` leading whitespace characters before any text.
    func isIndented(_ indent: Int) -> Bool {
        var index = 0
        for scalar in text.unicodeScalars {
            if index >= indent { return true }
            if !NapoleonLine.isSpace(scalar) { return false }
            index += 1
        }
        return false
    }

    /// The line without its first `count` characters.
    func dropping(_ count: Int) -> NapoleonLine {
        let scalars = text.unicodeScalars
        let n = min(count, scalars.count)
        return NapoleonLine(String(String.UnicodeScalarView(scalars.dropFirst(n))),
                            SourceLocation(line: start.line, column: start.column + n))
    }

    /// The line with `prefix` in front of it.
    func prefixed(_ prefix: String) -> NapoleonLine {
        NapoleonLine(prefix + text, SourceLocation(line: start.line, column: start.column - prefix.unicodeScalars.count))
    }

    /// The line without trailing whitespace.
    var rstripped: NapoleonLine {
        var scalars = text.unicodeScalars[...]
        while let last = scalars.last, NapoleonLine.isSpace(last) { scalars = scalars.dropLast() }
        return NapoleonLine(String(String.UnicodeScalarView(scalars)), start)
    }

    /// The line without leading and trailing whitespace.
    var stripped: NapoleonLine {
        rstripped.dropping(indent)
    }

    /// Whitespace as Python's `str.isspace()` sees it.
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || (scalar.value >= 0x1C && scalar.value <= 0x1F)
    }
}
