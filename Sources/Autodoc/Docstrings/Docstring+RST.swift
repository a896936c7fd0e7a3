import DocTree
import RST

extension Docstring {
    /// Parses the docstring as reStructuredText and maps every node range and
    /// diagnostic back to the file the docstring came from, so that a problem in
    /// a docstring is reported at its `.py` line and column.
    ///
    /// - Parameters:
    ///   - parser: The RST parser (with the site's roles and directives).
    ///   - name: The page name the nodes will live in (for `refdoc`).
    /// - Returns: The body nodes (the children of the parsed document) and the diagnostics.
    public func parseRST(with parser: RSTParser, name: String) -> (nodes: [Node], diagnostics: [Diagnostic]) {
        let scratch = SourceFile(path: file.path, text: text)
        let document = parser.parse(scratch, name: name)
        let nodes = document.root.children.map(mapToSource)
        let diagnostics = document.diagnostics.map { mapToSource($0, scratch: scratch) }
        return (nodes, diagnostics)
    }

    /// A node tree whose ranges (and `system_message` `line` attributes) are
    /// positions in ``text``, moved to positions in ``file``.
    public func mapToSource(_ node: Node) -> Node {
        var mapped = node
        if let range = node.range { mapped.range = sourceRange(range) }
        if node.kind == .systemMessage, case let .int(line)? = node.attributes["line"] {
            mapped.attributes["line"] = .int(sourceLocation(line: line, column: 1).line)
        }
        mapped.children = node.children.map(mapToSource)
        return mapped
    }

    /// A diagnostic about ``text`` (reported against `scratch`, the file the text was
    /// parsed from), moved to ``file``; diagnostics about other files are kept as they are.
    public func mapToSource(_ diagnostic: Diagnostic, scratch: SourceFile) -> Diagnostic {
        var mapped = diagnostic
        if diagnostic.file == nil || diagnostic.file === scratch {
            mapped.file = file
            mapped.range = diagnostic.range.map(sourceRange)
        }
        mapped.notes = diagnostic.notes.map { note in
            guard note.file === scratch else { return note }
            return Diagnostic.Note(note.message, file: file, range: note.range.map(sourceRange))
        }
        return mapped
    }
}
