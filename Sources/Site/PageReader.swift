import CrossRef
import Extensions
import DocTree
import Autodoc
import Foundation
import RST

/// The read phase for one page: bytes → text → document tree. Pure per file;
/// runs in parallel over all pages.
struct PageReader: Sendable {
    let config: SiteConfig
    let sourceURL: URL
    let displayRoot: String
    let rstOptions: RSTOptions
    /// Extracted API documentation for `automodule` and friends (nil outside a project).
    let apiStore: APIStore?

    init(config: SiteConfig, sourceURL: URL, displayRoot: String, apiStore: APIStore? = nil,
         registry: Registry? = nil) {
        self.config = config
        self.sourceURL = sourceURL
        self.displayRoot = displayRoot
        self.apiStore = apiStore
        rstOptions = Self.rstOptions(config: config, sourceURL: sourceURL, registry: registry ?? .site(config))
    }

    func read(_ page: PageSource) -> Document {
        let path = displayRoot + "/" + page.relativePath
        var diagnostics: [Diagnostic] = []
        let text: String
        if let data = FileManager.default.contents(atPath: sourceURL.appendingPathComponent(page.relativePath).path) {
            if let decoded = String(data: data, encoding: .utf8) {
                text = decoded.hasPrefix("\u{FEFF}") ? String(decoded.dropFirst()) : decoded
            } else {
                text = String(decoding: data, as: UTF8.self)
                diagnostics.append(.error("read.encoding", "file is not valid UTF-8; invalid bytes were replaced",
                                          file: SourceFile(path: path, text: text), range: SourceRange(line: 1)))
            }
        } else {
            text = ""
            diagnostics.append(.error("read.io", "cannot read file", file: SourceFile(path: path, text: "")))
        }
        let file = SourceFile(path: path, text: text)
        var document = parse(file, page: page)
        document.diagnostics = diagnostics + document.diagnostics
        if document.metadata["orphan"] == nil, Self.hasOrphanField(document.root) {
            document.metadata["orphan"] = ""
        }
        return document
    }

    /// A leading `:orphan:` field (Sphinx file-wide metadata).
    static func hasOrphanField(_ root: Node) -> Bool {
        guard let first = root.children.first(where: { $0.kind != .comment }) else { return false }
        let fields: [Node]
        if first.kind == .fieldList || first.kind == "docinfo" { fields = first.children } else { return false }
        return fields.contains { field in
            field.children.first(where: { $0.kind == .fieldName })?.textContent == "orphan"
        }
    }

    /// Files the page uses (images) as paths relative to the source
    /// directory; a missing one is an error at the directive.
    func assets(of document: Document) -> ([String], [Diagnostic]) {
        var assets: [String] = []
        var diagnostics: [Diagnostic] = []
        document.root.walk { node in
            guard node.kind == .image, let uri = node.string("uri"), !uri.contains("://"), !uri.hasPrefix("data:") else { return }
            let path = PageURL.sourcePath(uri, from: document.name)
            if FileManager.default.fileExists(atPath: sourceURL.appendingPathComponent(path).path) {
                assets.append(path)
            } else {
                diagnostics.append(.error("asset.missing", "image file '\(uri)' does not exist",
                                          file: document.source, range: node.range))
            }
        }
        return (assets, diagnostics)
    }
}
