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
    private(set) var rstOptions: RSTOptions
    /// Extracted API documentation for `automodule` and friends (nil outside a project).
    let apiStore: APIStore?
    /// What may be read: the project.
    let files: ProjectFiles
    /// Where the inputs of the page being read are recorded (an incremental build's dependencies).
    private(set) var inputs: InputLog?

    init(config: SiteConfig, sourceURL: URL, displayRoot: String, apiStore: APIStore? = nil,
         registry: Registry? = nil, files: ProjectFiles? = nil) {
        self.config = config
        self.sourceURL = sourceURL
        self.displayRoot = displayRoot
        self.apiStore = apiStore
        let files = files ?? ProjectFiles(sourceURL: sourceURL, config: config)
        self.files = files
        rstOptions = Self.rstOptions(config: config, sourceURL: sourceURL, registry: registry ?? .site(config),
                                     files: files)
    }

    /// A reader for one page that records every file it reads into `log`
    /// (included files, literal includes, autodoc sources).
    func recording(into log: InputLog) -> PageReader {
        var copy = self
        copy.inputs = log
        let files = self.files
        copy.rstOptions.readBytes = { path in
            var stamp: FileStamp?
            let result = files.read(path, stamp: &stamp)
            log.record(file: path, result, stamp: stamp)
            return result
        }
        copy.rstOptions.readFile = { path in
            var stamp: FileStamp?
            let result = files.read(path, stamp: &stamp)
            log.record(file: path, result, stamp: stamp)
            return try? result.map { String(decoding: $0, as: UTF8.self) }.get()
        }
        return copy
    }

    func read(_ page: PageSource) -> Document {
        let path = displayRoot + "/" + page.relativePath
        var diagnostics: [Diagnostic] = []
        let text: String
        switch files.read(sourceURL.appendingPathComponent(page.relativePath).path) {
        case .success(let bytes):
            if let decoded = String(bytes: bytes, encoding: .utf8) {
                text = decoded.hasPrefix("\u{FEFF}") ? String(decoded.dropFirst()) : decoded
            } else {
                text = String(decoding: bytes, as: UTF8.self)
                diagnostics.append(.error("read.encoding", "file is not valid UTF-8; invalid bytes were replaced",
                                          file: SourceFile(path: path, text: text), range: SourceRange(line: 1)))
            }
        case .failure(let failure):
            text = ""
            diagnostics.append(.error(failure.isMissing ? "read.io" : failure.id,
                                      "cannot read this page: it \(failure.isMissing ? "does not exist" : failure.message)",
                                      file: SourceFile(path: path, text: "")))
        }
        let file = SourceFile(path: path, text: text)
        var document = parse(file, page: page)
        document.diagnostics = diagnostics + document.diagnostics
        Self.takeDocinfo(&document)
        return document
    }

    /// The page's leading field list (docutils' docinfo: `:orphan:`, `:tocdepth: 2`,
    /// `:author: …`) is file-wide metadata, as in Sphinx: each field is recorded and the list
    /// is left out of the page, which Sphinx does not show either.
    static func takeDocinfo(_ document: inout Document) {
        guard let position = document.root.children.firstIndex(where: { $0.kind != .comment }) else { return }
        let first = document.root.children[position]
        guard first.kind == .fieldList || first.kind == "docinfo" else { return }
        for field in first.children {
            guard let name = field.children.first(where: { $0.kind == .fieldName })?.textContent else { continue }
            let body = field.children.first(where: { $0.kind == .fieldBody })?.textContent ?? ""
            // `title` is the page title's key (MyST front matter, `.. title::`); a docinfo field is not that.
            if name != "title", document.metadata[name] == nil {
                document.metadata[name] = body.trimmingCharacters(in: .whitespacesAndNewlines)
            }
        }
        document.root.children.remove(at: position)
    }

    /// Files the page uses (images) as paths relative to the source
    /// directory; a missing one is an error at the directive.
    func assets(of document: Document) -> ([String], [Diagnostic]) {
        var assets: [String] = []
        var diagnostics: [Diagnostic] = []
        document.root.walk { node in
            guard node.kind == .image, let uri = node.string("uri"), !uri.contains("://"), !uri.hasPrefix("data:") else { return }
            let path = PageURL.sourcePath(uri, from: document.name)
            if let problem = files.assetProblem(sourceURL.appendingPathComponent(path).path) {
                diagnostics.append(problem.isMissing
                    ? .error("asset.missing", "image file '\(uri)' does not exist", file: document.source, range: node.range)
                    : .error(problem.id, "image file '\(uri)' \(problem.message)", file: document.source, range: node.range))
            } else {
                assets.append(path)
            }
        }
        return (assets, diagnostics)
    }
}
