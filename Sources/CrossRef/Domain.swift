import DocTree
import Markup

/// A kind of object a domain describes (Sphinx's `ObjType`): its name, the
/// roles that find it, and how it appears in the general index.
public struct ObjectType: Sendable, Hashable {
    /// The object type as stored with each object (`function`, `class`, `confval`).
    public var name: String
    /// The roles whose references may resolve to it (`func`, `obj`).
    public var roles: [String]
    /// How messages and the index name the kind (`function`, `C macro`).
    public var label: String
    /// The index entry for an object, `%s` standing for its name (`%s (C function)`); nil: not indexed.
    public var indexTemplate: String?

    public init(_ name: String, roles: [String], label: String? = nil, indexTemplate: String? = nil) {
        self.name = name
        self.roles = roles
        self.label = label ?? name
        self.indexTemplate = indexTemplate
    }
}

/// How one reference came out.
public enum Resolution: Sendable {
    /// The node that replaces the `pending_xref` (usually a `reference`).
    case resolved(Node)
    /// The reference stays unresolved; the diagnostic says why.
    case unresolved(Diagnostic)
    /// The reference is linked, with a warning about how it was found (Sphinx would not find it).
    case linked(Node, warning: Diagnostic)
}

/// One candidate for `:any:`.
public struct AnyMatch: Sendable {
    public var document: String
    public var anchor: String?
    /// Link text when the reference has no explicit title (nil: keep the written text).
    public var title: String?
    /// How the ambiguity message names it: `label 'intro'`, `py:class 'routers.Router'`.
    public var description: String

    public init(document: String, anchor: String?, title: String?, description: String) {
        self.document = document
        self.anchor = anchor
        self.title = title
        self.description = description
    }
}

/// A domain: the object types it describes, the directives that describe
/// them, the roles that refer to them, and how a reference is resolved.
/// The built-in domains (std, py, swift, c, cpp, js, rst, math) and the ones
/// declared in `vellum.toml` all come in through this protocol.
public protocol Domain: Sendable {
    /// The prefix of its directives and roles (`py` in `py:function`, `:py:func:`).
    var name: String { get }
    /// The name shown to people (`Python`, `C++`).
    var label: String { get }
    var objectTypes: [ObjectType] { get }
    /// Directives by name without the domain prefix.
    func directives() -> [String: Directive]
    /// Roles by name without the domain prefix.
    func roles() -> [String: Role]
    /// Resolves a reference whose `domain` is this domain's name.
    func resolve(_ xref: PendingXref, context: ResolveContext) -> Resolution
    /// What `:any:`\`target\`` may mean in this domain.
    func resolveAny(_ target: String, context: ResolveContext) -> [AnyMatch]
    /// What one `:any:` reference may mean, with its context (the module and class it stands in).
    func resolveAny(_ xref: PendingXref, context: ResolveContext) -> [AnyMatch]
    /// The indices of its own the domain has (Sphinx's Python Module Index).
    var indices: [DomainIndex] { get }
}

/// A domain's own index page, `DOMAIN-NAME.html` (`py-modindex.html`): the
/// objects of one type, grouped by initial letter, nested by dotted name.
public struct DomainIndex: Sendable, Hashable {
    /// `modindex` in `py-modindex.html`.
    public var name: String
    /// The page title (`Python Module Index`).
    public var title: String
    /// The link text in the layout (`Module Index`).
    public var shortTitle: String
    /// The object type listed (`module`).
    public var objectType: String

    public init(name: String, title: String, shortTitle: String, objectType: String) {
        self.name = name
        self.title = title
        self.shortTitle = shortTitle
        self.objectType = objectType
    }
}

extension Domain {
    /// The object types a role finds.
    public func objectTypes(forRole role: String) -> [String] {
        objectTypes.filter { $0.roles.contains(role) }.map(\.name)
    }

    /// Every role named by an object type, in declaration order.
    public var roleNames: [String] {
        var seen: Set<String> = []
        return objectTypes.flatMap(\.roles).filter { seen.insert($0).inserted }
    }

    /// By default each role is a code-style cross-reference.
    public func roles() -> [String: Role] {
        var roles: [String: Role] = [:]
        for role in roleNames { roles[role] = XrefRole(domain: name, type: role).role }
        return roles
    }

    public func directives() -> [String: Directive] { [:] }

    public var indices: [DomainIndex] { [] }

    /// By default a reference is an object lookup by exact name, then by a unique suffix.
    public func resolve(_ xref: PendingXref, context: ResolveContext) -> Resolution {
        ObjectLookup(domain: self).resolve(xref, context: context)
    }

    /// Objects of this domain with exactly that name.
    public func resolveAny(_ xref: PendingXref, context: ResolveContext) -> [AnyMatch] {
        resolveAny(xref.target, context: context)
    }

    public func resolveAny(_ target: String, context: ResolveContext) -> [AnyMatch] {
        (context.index.objects[name]?[target] ?? []).map {
            AnyMatch(document: $0.document, anchor: $0.anchor, title: nil, description: "\($0.kindName) '\($0.name)'")
        }
    }
}
