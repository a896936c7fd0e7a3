import DocTree

/// The documentation text of a module or declaration, with the map back to
/// the source file so that diagnostics found while parsing the text can
/// point at the `.py` / `.swift` line it came from.
public struct Docstring: Hashable, Sendable {
    /// The markup language of ``text``.
    public enum Format: String, Hashable, Sendable {
        /// Python docstrings.
        case restructuredText
        /// Swift doc comments (DocC Markdown).
        case markdown
    }

    /// The text, cleaned: Python docstrings dedented like `inspect.cleandoc`,
    /// Swift comments without their `///` / `/** */` markers.
    public var text: String
    public var format: Format
    /// The file the text was found in.
    public var file: SourceFile
    /// For each line of ``text`` (split on `\n`), the source position of its first character.
    public var lineStarts: [SourceLocation]
    /// Swift: the DocC `- Parameters:` / `- Returns:` / `- Throws:` fields taken out of ``text``.
    public var fields: DocFields

    public init(text: String, format: Format, file: SourceFile, lineStarts: [SourceLocation],
                fields: DocFields = DocFields()) {
        self.text = text
        self.format = format
        self.file = file
        self.lineStarts = lineStarts
        self.fields = fields
    }

    /// The source line of the text's first line.
    public var line: Int { lineStarts.first?.line ?? 1 }

    /// Maps a position inside ``text`` (1-based line and column) to the source file.
    ///
    /// Lines past the end map to the last known line.
    public func sourceLocation(line: Int, column: Int) -> SourceLocation {
        guard !lineStarts.isEmpty else { return SourceLocation(line: 1, column: 1) }
        let index = min(max(line, 1), lineStarts.count) - 1
        let start = lineStarts[index]
        return SourceLocation(line: start.line, column: start.column + max(column, 1) - 1)
    }

    /// Maps a range inside ``text`` to the source file.
    public func sourceRange(_ range: SourceRange) -> SourceRange {
        SourceRange(start: sourceLocation(line: range.start.line, column: range.start.column),
                    end: sourceLocation(line: range.end.line, column: range.end.column))
    }
}

/// Structured fields of a DocC comment.
public struct DocFields: Hashable, Sendable {
    /// One field: a name (for parameters) and its text, which may span several lines.
    public struct Field: Hashable, Sendable {
        /// The parameter name; empty for `Returns`/`Throws`.
        public var name: String
        public var text: String
        /// The source position of each line of ``text``.
        public var lineStarts: [SourceLocation]

        public init(name: String, text: String, lineStarts: [SourceLocation]) {
            self.name = name
            self.text = text
            self.lineStarts = lineStarts
        }
    }

    public var parameters: [Field]
    public var returns: Field?
    public var `throws`: Field?

    public init(parameters: [Field] = [], returns: Field? = nil, throws: Field? = nil) {
        self.parameters = parameters
        self.returns = returns
        self.throws = `throws`
    }

    public var isEmpty: Bool { parameters.isEmpty && returns == nil && `throws` == nil }
}
