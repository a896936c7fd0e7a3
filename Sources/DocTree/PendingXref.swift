/// The typed view of a `pending_xref` node: a cross-reference waiting for
/// the resolve phase. Roles of every markup, docstring field lists and the
/// API renderers build it through `node`, so the attributes a domain reads
/// are always the same ones.
public struct PendingXref: Sendable, Hashable {
    /// `py`, `std`, `c` …; empty for `:doc:`, `:any:` and Markdown page links.
    public var domain: String
    /// The role's reference type: `class`, `func`, `ref`, `doc` …
    public var type: String
    /// What the reference names, as the domain looks it up.
    public var target: String
    /// Whether the reference has an explicit title (`title <target>`).
    public var explicit: Bool
    /// The page the reference stands in.
    public var document: String
    /// The link content (a literal or inline holding the title).
    public var content: [Node]
    public var range: SourceRange?
    /// Scope the reference was written in, keyed `domain:name` (`py:module`,
    /// `py:class`, `std:program`, `cpp:parent` …), filled by the context pass.
    public var scope: [String: String]
    /// `.name`: search the current scope first (Sphinx's `refspecific`).
    public var specific: Bool
    /// Whether an unresolved reference is reported even when the domain does
    /// not ask for it (Sphinx's `refwarn`).
    public var warn: Bool
    /// The source file the reference came from when it is not the page (a docstring's `.py` file).
    public var sourcePath: String?
    /// Extra attributes a role or renderer keeps on the node (`refanchor`, `classes` …).
    public var extra: [String: AttributeValue]

    public init(domain: String, type: String, target: String, explicit: Bool = false, document: String,
                content: [Node], range: SourceRange? = nil, scope: [String: String] = [:], specific: Bool = false,
                warn: Bool = true, sourcePath: String? = nil, extra: [String: AttributeValue] = [:]) {
        self.domain = domain
        self.type = type
        self.target = target
        self.explicit = explicit
        self.document = document
        self.content = content
        self.range = range
        self.scope = scope
        self.specific = specific
        self.warn = warn
        self.sourcePath = sourcePath
        self.extra = extra
    }

    static let ownKeys: Set<String> = ["refdomain", "reftype", "reftarget", "refexplicit", "refdoc", "refspecific",
                                       "refwarn", "source"]

    /// Reads a `pending_xref` node; nil for any other kind.
    public init?(_ node: Node) {
        guard node.kind == .pendingXref else { return nil }
        domain = node.string("refdomain") ?? ""
        type = node.string("reftype") ?? ""
        target = node.string("reftarget") ?? ""
        explicit = node.attributes["refexplicit"] == .bool(true)
        document = node.string("refdoc") ?? ""
        content = node.children
        range = node.range
        specific = node.attributes["refspecific"] == .bool(true)
        warn = node.attributes["refwarn"] == .bool(true)
        sourcePath = node.string("source")
        var scope: [String: String] = [:]
        var extra: [String: AttributeValue] = [:]
        for (key, value) in node.attributes where !Self.ownKeys.contains(key) {
            if key.contains(":") { scope[key] = value.stringValue } else { extra[key] = value }
        }
        self.scope = scope
        self.extra = extra
    }

    /// The node, with the attribute names docutils and Sphinx use.
    public var node: Node {
        var node = Node(.pendingXref, children: content, range: range)
        for (key, value) in extra { node.attributes[key] = value }
        for (key, value) in scope { node.attributes[key] = .string(value) }
        node.attributes["refdomain"] = .string(domain)
        node.attributes["reftype"] = .string(type)
        node.attributes["reftarget"] = .string(target)
        node.attributes["refexplicit"] = .bool(explicit)
        node.attributes["refdoc"] = .string(document)
        if warn { node.attributes["refwarn"] = .bool(true) }
        if specific { node.attributes["refspecific"] = .bool(true) }
        if let sourcePath { node.attributes["source"] = .string(sourcePath) }
        return node
    }

    /// `domain:type` as written in a role (`py:class`; `ref` for the standard domain).
    public var roleName: String { domain.isEmpty || domain == "std" ? type : "\(domain):\(type)" }
}
