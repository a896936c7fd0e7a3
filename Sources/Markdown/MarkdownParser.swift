import DocTree

/// Reads one Markdown page (CommonMark through libcmark, plus MyST extensions)
/// into the same document tree the RST reader produces.
public struct MarkdownParser: Sendable {
    public var options: MarkdownOptions

    public init(options: MarkdownOptions = .init()) {
        self.options = options
    }

    /// Parses `file` as the page `name` (path relative to the source root, without extension).
    public func parse(_ file: SourceFile, name: String) -> Document {
        var metadata: [String: String] = [:]
        var diagnostics: [Diagnostic] = []
        var body = file.text
        var options = self.options
        if options.mystExtensions {
            let frontMatter = FrontMatter(splitting: file.text, file: file)
            metadata = frontMatter.metadata
            diagnostics += frontMatter.diagnostics
            body = MySTLineSyntax.rewrite(frontMatter.body)
            // The page's own substitutions win over the project's, as in myst-parser.
            options.substitutions.merge(frontMatter.substitutions) { _, page in page }
        }
        let converter = MarkdownConverter(file: file, documentName: name, options: options)
        let parsed = CmarkReader.parse(body, maxDepth: options.maxNestingDepth)
        converter.reportTruncation(parsed.truncated)
        let root = MarkdownConverter.movingFootnotesToEnd(converter.convertDocument(parsed.root))
        diagnostics += converter.diagnostics
        metadata.merge(converter.metadata) { frontMatter, _ in frontMatter }
        diagnostics.sort(by: Diagnostic.ordered)
        var document = Document(name: name, source: file, root: root, diagnostics: diagnostics, metadata: metadata)
        document.includedFiles = converter.includedSources
        return document
    }
}
