import DocTree
import Markdown

extension PageReader {
    /// Chooses the parser by markup.
    func parse(_ file: SourceFile, page: PageSource, sourceName: String? = nil) -> Document {
        var document: Document
        switch page.markup {
        case .markdown:
            document = MarkdownParser(options: MarkdownOptions(rawHTMLEnabled: config.rawEnabled)).parse(file, name: page.name)
        case .rst:
            // The reStructuredText parser is wired in as it lands.
            document = Document(name: page.name, source: file, root: Node(.document))
        }
        if let sourceName { document.root.attributes["source"] = .string(sourceName) }
        return document
    }
}
