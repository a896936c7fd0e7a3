import CrossRef
import DocTree
import Foundation
import HTMLWriter

/// Parses one file outside any project (for `vellum parse`).
public enum SinglePage {
    public enum OutputFormat: String, Sendable { case pseudoxml, html }

    /// The page's tree as pseudo-XML or its HTML body, and the diagnostics;
    /// all on a deep stack, since trees may nest deeply.
    public static func render(text: String, path: String, sourceName: String, markdown: Bool,
                              format: OutputFormat) -> (String, [Diagnostic]) {
        let result = try? Workers.runWithLargeStack { () -> (String, [Diagnostic]) in
            let document = parseOnCurrentThread(text: text, path: path, sourceName: sourceName, markdown: markdown)
            switch format {
            case .pseudoxml: return (document.root.pseudoXML(), document.diagnostics)
            case .html:
                // The HTML view shows the page with its own references resolved (as a build would).
                var (resolved, problems) = LocalReferences.resolve(TargetCollector.process(document).0)
                let (safe, unsafeLinks) = UnsafeLinks.apply(resolved, rawEnabled: false)
                resolved.root = safe
                return (HTMLWriter().render(resolved.root), document.diagnostics + problems + unsafeLinks)
            }
        }
        return result ?? ("", [])
    }

    static func parseOnCurrentThread(text: String, path: String, sourceName: String, markdown: Bool) -> Document {
        let file = SourceFile(path: path, text: text)
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let reader = PageReader(config: SiteConfig(), sourceURL: URL(fileURLWithPath: "."), displayRoot: ".")
        let page = PageSource(relativePath: path, name: name, markup: markdown ? .markdown : .rst)
        var document = reader.parse(file, page: page, sourceName: sourceName)
        document.diagnostics.sort(by: Diagnostic.ordered)
        return document
    }
}
