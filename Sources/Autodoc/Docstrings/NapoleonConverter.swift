import DocTree

/// Converts Google- and NumPy-style docstring sections (`Args:`, `Returns:`,
/// `Parameters\n----------` …) into reStructuredText field lists and
/// directives, the way Sphinx's napoleon extension does with its defaults.
///
/// The result keeps a source position for every line, so a diagnostic found
/// while parsing the converted text still points at the `.py` line it came from:
///
/// ```swift
/// let rst = NapoleonConverter.convert(docstring)   // NumPy pass, then Google pass
/// ```
public enum NapoleonConverter {
    /// A docstring convention napoleon understands.
    public enum Style: Sendable {
        case google
        case numpy
    }

    /// Applies the given passes in order (napoleon with both styles enabled runs NumPy, then Google).
    /// Docstrings that are not reStructuredText (Swift Markdown) are returned unchanged.
    public static func convert(_ docstring: Docstring, styles: [Style] = [.numpy, .google]) -> Docstring {
        guard docstring.format == .restructuredText else { return docstring }
        let texts = docstring.text.split(separator: "\n", omittingEmptySubsequences: false)
        var lines = texts.enumerated().map { index, text in
            NapoleonLine(String(text), index < docstring.lineStarts.count
                ? docstring.lineStarts[index] : docstring.sourceLocation(line: index + 1, column: 1))
        }
        for style in styles {
            lines = NapoleonParser.convert(lines, style: style == .google ? .google : .numpy)
        }
        var result = docstring
        result.text = lines.map(\.text).joined(separator: "\n")
        result.lineStarts = lines.map(\.start)
        return result
    }

    /// Converts plain text (for tests and tools); positions are relative to the text itself.
    public static func convert(text: String, styles: [Style] = [.numpy, .google]) -> String {
        let file = SourceFile(path: "<docstring>", text: text)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let docstring = Docstring(text: text, format: .restructuredText, file: file,
                                  lineStarts: lines.indices.map { SourceLocation(line: $0 + 1, column: 1) })
        return convert(docstring, styles: styles).text
    }
}
