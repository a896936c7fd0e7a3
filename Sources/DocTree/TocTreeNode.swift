/// The typed view of a `toctree` node: what the `toctree` directive writes
/// and the site's navigation reads.
public struct TocTreeNode: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        /// As written: a page name (relative or `/absolute`), `self`, a URL or a glob.
        public var target: String
        /// An explicit title (`Title <target>`).
        public var title: String?
        public var range: SourceRange?

        public init(target: String, title: String? = nil, range: SourceRange? = nil) {
            self.target = target
            self.title = title
            self.range = range
        }
    }

    /// The page that holds the toctree.
    public var parent: String
    public var entries: [Entry]
    /// `:maxdepth:`; -1 when not given.
    public var maxDepth: Int = -1
    public var caption: String?
    public var hidden = false
    public var glob = false
    public var titlesOnly = false
    public var reversed = false
    public var includeHidden = false
    public var numbered = false
    public var numberedDepth: Int?
    public var range: SourceRange?

    public init(parent: String, entries: [Entry] = [], range: SourceRange? = nil) {
        self.parent = parent
        self.entries = entries
        self.range = range
    }

    static let entryKind: NodeKind = "toctree_entry"

    public init?(_ node: Node) {
        guard node.kind == .toctree else { return nil }
        parent = node.string("parent") ?? ""
        entries = node.children.filter { $0.kind == Self.entryKind }.map {
            Entry(target: $0.string("target") ?? "", title: $0.string("title"), range: $0.range)
        }
        if case .int(let depth)? = node.attributes["maxdepth"] { maxDepth = depth }
        caption = node.string(AttributeKey.caption)
        func flag(_ name: String) -> Bool { node.attributes[name] == .bool(true) }
        hidden = flag("hidden")
        glob = flag("glob")
        titlesOnly = flag("titlesonly")
        reversed = flag("reversed")
        includeHidden = flag("includehidden")
        numbered = flag("numbered")
        if case .int(let depth)? = node.attributes["numbereddepth"] { numberedDepth = depth }
        range = node.range
    }

    public var node: Node {
        var node = Node(.toctree, range: range)
        node.attributes["parent"] = .string(parent)
        node.attributes["maxdepth"] = .int(maxDepth)
        if let caption { node.attributes[AttributeKey.caption] = .string(caption) }
        for (name, value) in [("hidden", hidden), ("glob", glob), ("titlesonly", titlesOnly), ("reversed", reversed),
                              ("includehidden", includeHidden), ("numbered", numbered)] {
            node.attributes[name] = .bool(value)
        }
        if let numberedDepth { node.attributes["numbereddepth"] = .int(numberedDepth) }
        node.children = entries.map { entry in
            var child = Node(Self.entryKind, range: entry.range)
            if let title = entry.title { child.attributes["title"] = .string(title) }
            child.attributes["target"] = .string(entry.target)
            return child
        }
        return node
    }
}

/// The typed view of a `target` node (`.. _name:`, `.. _name: https://…`,
/// `` `text <uri>`_ ``, anonymous `__` targets).
public struct TargetNode: Sendable, Hashable {
    public var ids: [String]
    /// Reference names, duplicates included (the parser demotes a repeated name to `dupnames`).
    public var names: [String]
    public var refuri: String?
    public var refid: String?
    public var refname: String?
    public var anonymous: Bool
    /// Whether it stands inline, with text (`` _`name` ``).
    public var isInline: Bool

    public init?(_ node: Node) {
        guard node.kind == .target else { return nil }
        ids = node.ids
        names = node.names + node.list(AttributeKey.dupnames)
        refuri = node.refuri
        refid = node.refid
        refname = node.refname
        anonymous = node.attributes[AttributeKey.anonymous] != nil
        isInline = !node.children.isEmpty
    }

    /// An internal label (`.. _name:` with nothing after the colon): it names the element that follows.
    public var isLabel: Bool {
        refuri == nil && refname == nil && refid == nil && !names.isEmpty && !isInline
    }
}
