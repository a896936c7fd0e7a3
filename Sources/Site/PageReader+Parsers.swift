import DocTree

extension PageReader {
    /// Chooses the parser by markup.
    func parse(_ file: SourceFile, page: PageSource, sourceName: String? = nil) -> Document {
        // Parsers are wired in as they land.
        let root = Node(.document, attributes: ["source": .string(sourceName ?? file.path)])
        return Document(name: page.name, source: file, root: root)
    }
}
