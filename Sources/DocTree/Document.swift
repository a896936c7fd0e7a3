/// One page after the read phase: its tree, the file it came from, and what
/// went wrong while reading it. Produced independently for every page.
public struct Document: Sendable, Codable {
    /// The page name: path relative to the source root without extension, `/`-separated
    /// (`index`, `guide/replication`). This is what `:doc:` and toctrees name.
    public var name: String
    public var source: SourceFile
    /// The `document` root node.
    public var root: Node
    public var diagnostics: [Diagnostic]
    /// Front-matter / file-wide metadata (`orphan`, `title` …).
    public var metadata: [String: String]
    /// Files the page includes (`.. include::`): a reference from one is reported
    /// in that file, at its own line (its `pending_xref` carries the path as `source`).
    public var includedFiles: [SourceFile] = []

    public init(name: String, source: SourceFile, root: Node, diagnostics: [Diagnostic] = [],
                metadata: [String: String] = [:]) {
        self.name = name
        self.source = source
        self.root = root
        self.diagnostics = diagnostics
        self.metadata = metadata
    }

    /// The text of the first section title, used for navigation and `:doc:` link text.
    public var title: String? {
        if let explicit = metadata["title"] { return explicit }
        for child in root.children {
            if child.kind == .title { return child.textContent }
            if child.kind == .section, let title = child.children.first(where: { $0.kind == .title }) {
                return title.textContent
            }
        }
        return nil
    }
}
