import DocTree
import Domains
import RST

/// Turns an extracted docstring into document nodes: Python docstrings are
/// converted like napoleon and parsed as reStructuredText, Swift comments are
/// read as DocC Markdown. Every node range and diagnostic points into the
/// `.py` / `.swift` file the text came from.
enum DocstringRenderer {
    /// `typeFields`: fields autodoc adds from the annotations (`autodoc_typehints = "description"`), merged into
    /// the docstring's first field list before its fields are grouped; their references stand at `fieldRange`.
    static func render(_ docstring: Docstring, documentName: String, options: RSTOptions,
                       context: SwiftContext? = nil, typeFields: TypeFields? = nil,
                       fieldRange: SourceRange? = nil, parameterLinks object: String? = nil) -> (nodes: [Node], diagnostics: [Diagnostic]) {
        switch docstring.format {
        case .restructuredText:
            var (nodes, diagnostics) = parseRST(NapoleonConverter.convert(docstring), documentName: documentName,
                                                options: options)
            // References from added type fields have no place of their own: they stand at `fieldRange`
            // when given, else they are the docstring's (reported in its file, at its first line).
            let described = object == nil ? [] : ParameterLinks.describedNames(nodes)
            if let typeFields { nodes = typeFields.merged(into: nodes) }
            var transformed = DocFieldTransformer.transform(nodes, documentName: documentName)
            if let object { transformed = ParameterLinks.apply(transformed, object: object, names: described) }
            if let fieldRange { return (located(markSource(transformed, docstring.file), fieldRange), diagnostics) }
            let start = docstring.sourceLocation(line: 1, column: 1)
            return (markSource(located(transformed, SourceRange(start: start, end: start)), docstring.file), diagnostics)
        case .markdown:
            return (markSource(DocCRenderer(docstring: docstring, documentName: documentName,
                                            context: context ?? SwiftContext(module: "", type: nil)).render(), docstring.file), [])
        }
    }

    /// A field list of the annotations alone (an object whose docstring has none).
    static func fields(_ typeFields: TypeFields, documentName: String, range: SourceRange?) -> [Node] {
        located(DocFieldTransformer.transform(typeFields.merged(into: [], appendIfNone: true), documentName: documentName), range)
    }

    /// References without a position (from added type fields) stand at `range`.
    static func located(_ nodes: [Node], _ range: SourceRange?) -> [Node] {
        guard let range else { return nodes }
        return nodes.flatMap { node in
            node.rewritten { child in
                guard child.kind == .pendingXref, child.range == nil else { return [child] }
                var copy = child
                copy.range = range
                return [copy]
            }
        }
    }

    /// References from a docstring carry the path of the file they were written in (`source`),
    /// since their ranges point into that file rather than the page; ``APIStore/sourceFile(path:)`` finds it.
    static func markSource(_ nodes: [Node], _ file: SourceFile) -> [Node] {
        nodes.flatMap { node in
            node.rewritten { child in
                guard child.kind == .pendingXref, child.range != nil else { return [child] }
                var copy = child
                copy.attributes["source"] = .string(file.path)
                return [copy]
            }
        }
    }

    /// Parses reStructuredText held in `docstring` and maps positions back to its source file.
    static func parseRST(_ docstring: Docstring, documentName: String, options: RSTOptions) -> ([Node], [Diagnostic]) {
        let fragment = SourceFile(path: docstring.file.path, text: docstring.text)
        var fragmentOptions = options
        fragmentOptions.sourceLabel = docstring.file.path
        let parsed = RSTParser(options: fragmentOptions).parse(fragment, name: documentName)
        let nodes = parsed.root.children.flatMap { child in
            child.rewritten { node in
                var copy = node
                if let range = copy.range { copy.range = map(range, docstring) }
                if copy.kind == .systemMessage, case .int(let line)? = copy.attributes["line"] {
                    copy.attributes["line"] = .int(map(SourceLocation(line: line, column: 1), docstring).line)
                }
                return [copy]
            }
        }
        let diagnostics = parsed.diagnostics.map { diagnostic -> Diagnostic in
            guard diagnostic.file === fragment || diagnostic.file == nil else { return diagnostic }
            var copy = diagnostic
            copy.file = docstring.file
            copy.range = diagnostic.range.map { map($0, docstring) }
            return copy
        }
        return (nodes, diagnostics)
    }

    static func map(_ location: SourceLocation, _ docstring: Docstring) -> SourceLocation {
        var mapped = docstring.sourceLocation(line: location.line, column: location.column)
        if mapped.column < 1 { mapped.column = 1 }
        return mapped
    }

    static func map(_ range: SourceRange, _ docstring: Docstring) -> SourceRange {
        var start = map(range.start, docstring)
        var end = map(range.end, docstring)
        if end < start { end = start }
        if range.end.line > docstring.lineStarts.count, let last = docstring.lineStarts.last {
            // A range running past the text ends at the end of its last line.
            end = SourceLocation(line: last.line + 1, column: 1)
            if end < start { start = end }
        }
        return SourceRange(start: start, end: end)
    }
}
