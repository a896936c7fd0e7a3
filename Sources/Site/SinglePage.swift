import DocTree
import Foundation

/// Parses one file outside any project (for `vellum parse`).
public enum SinglePage {
    public static func parse(text: String, path: String, sourceName: String, markdown: Bool = false) -> Document {
        let file = SourceFile(path: path, text: text)
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let reader = PageReader(config: SiteConfig(), sourceURL: URL(fileURLWithPath: "."), displayRoot: ".")
        let page = PageSource(relativePath: path, name: name, markup: markdown ? .markdown : .rst)
        var document = reader.parse(file, page: page, sourceName: sourceName)
        document.diagnostics.sort(by: Diagnostic.ordered)
        return document
    }
}
