/// The attribute keys and node kinds more than one module relies on,
/// declared once. Common attributes have typed accessors on `Node`
/// (`node.ids` for `node.list("ids")`); the contracts between modules have
/// typed views (`PendingXref`, `DescSignature`).
public enum AttributeKey {
    /// Text smart quotes leave alone (Sphinx's `not_smartquotable` nodes, such as a field's type).
    public static let noSmartQuotes = "nosmartquotes"
    public static let ids = "ids"
    public static let names = "names"
    public static let dupnames = "dupnames"
    public static let classes = "classes"
    public static let refuri = "refuri"
    public static let refid = "refid"
    public static let refname = "refname"
    public static let fullname = "fullname"
    public static let domain = "domain"
    public static let objtype = "objtype"
    public static let noindex = "noindex"
    public static let module = "module"
    public static let className = "class"
    public static let canonical = "canonical"
    public static let program = "program"
    public static let isModule = "ismod"
    public static let idFormat = "idformat"
    public static let caption = "caption"
    public static let language = "language"
    public static let anonymous = "anonymous"
    public static let auto = "auto"
    public static let allNames = "allnames"
    public static let refdomain = "refdomain"
    public static let reftype = "reftype"
    public static let reftarget = "reftarget"
    public static let refexplicit = "refexplicit"
    public static let refdoc = "refdoc"
    public static let scopeSeparator = "scopesep"
    public static let nests = "nests"
    /// On an object that is no description: the link text of references without a title (an equation's `(1)`).
    public static let objectTitle = "objtitle"
    /// On an object that is no description: not listed in `objects.inv`.
    public static let noInventory = "noinventory"
    /// A `math_block`'s equation label, number (set per page) and `:nowrap:`.
    public static let label = "label"
    public static let number = "number"
    public static let nowrap = "nowrap"
    /// On a `desc`: the object type indexed when it is not the directive's (`cpp:struct` → `class`).
    public static let targettype = "targettype"
    /// On a `desc_signature`: what tells overloads of one name apart (C++ parameter types).
    public static let overload = "overload"
    /// On a `desc_signature`: what joins a scope and a name (`::` in C++).
    public static let scopesep = "scopesep"
    /// On a `desc_signature`: objects it declares besides itself, `type name` (C++ template parameters).
    public static let memberobjects = "memberobjects"
}

extension Node {
    /// The element's ids; the first is its anchor.
    public var ids: [String] {
        get { list(AttributeKey.ids) }
        set { attributes[AttributeKey.ids] = .list(newValue) }
    }

    /// Reference names (`.. _name:` targets, section titles).
    public var names: [String] {
        get { list(AttributeKey.names) }
        set { attributes[AttributeKey.names] = .list(newValue) }
    }

    public var classes: [String] {
        get { list(AttributeKey.classes) }
        set { attributes[AttributeKey.classes] = .list(newValue) }
    }

    /// An external or resolved link's URI.
    public var refuri: String? { string(AttributeKey.refuri) }
    /// A link to an id in the same page.
    public var refid: String? { string(AttributeKey.refid) }
    /// An unresolved reference name (`` `name`_ ``).
    public var refname: String? { string(AttributeKey.refname) }
}

extension NodeKind {
    /// Sphinx's object descriptions: a `desc` holds `desc_signature`s and one `desc_content`.
    public static let desc: NodeKind = "desc"
    public static let descSignature: NodeKind = "desc_signature"
    public static let descContent: NodeKind = "desc_content"
    public static let descName: NodeKind = "desc_name"
    public static let descAddname: NodeKind = "desc_addname"
    public static let descAnnotation: NodeKind = "desc_annotation"
    public static let descParameterList: NodeKind = "desc_parameterlist"
    public static let descParameter: NodeKind = "desc_parameter"
    public static let descReturns: NodeKind = "desc_returns"
    public static let glossary: NodeKind = "glossary"
    public static let substitutionDefinition: NodeKind = "substitution_definition"
    public static let footnote: NodeKind = "footnote"
    public static let citation: NodeKind = "citation"
    public static let footnoteReference: NodeKind = "footnote_reference"
    public static let citationReference: NodeKind = "citation_reference"
    public static let downloadReference: NodeKind = "download_reference"
    public static let math: NodeKind = "math"
    public static let mathBlock: NodeKind = "math_block"
}

/// The typed view of an object description (`desc`): what the domains write
/// and the target collector, the index and the HTML writer read.
public struct DescNode: Sendable {
    public var domain: String
    public var objtype: String
    /// `:no-index:`: shown, but no link target.
    public var noindex: Bool
    /// The object type stored in the index and `objects.inv`: `objtype`, unless the domain
    /// says otherwise (Sphinx's `cpp:struct` and `cpp:var` describe a `class` and a `member`).
    public var targetType: String
    public var signatures: [DescSignature]

    public init?(_ node: Node) {
        guard node.kind == .desc else { return nil }
        domain = node.string(AttributeKey.domain) ?? "py"
        objtype = node.string(AttributeKey.objtype) ?? ""
        noindex = node.attributes[AttributeKey.noindex] == .bool(true)
        targetType = node.string(AttributeKey.targettype) ?? objtype
        signatures = node.children.compactMap(DescSignature.init)
    }
}

/// The typed view of one `desc_signature`.
public struct DescSignature: Sendable {
    /// The object's full name (`routers.MasterSlave`, `ns::parse`); nil when it could not be parsed.
    public var fullname: String?
    /// Its anchor first.
    public var ids: [String]
    /// Every name an option signature gives (`-v`, `--verbose`).
    public var allnames: [String]
    /// The program an option belongs to.
    public var program: String?
    /// The shown name (`desc_name`'s text).
    public var shownName: String?
    /// A second name for the object: where it is defined when documented under
    /// the name a package re-exports it by (Sphinx's `:canonical:`).
    public var canonical: String?
    /// What tells overloads of the same name apart (C++ parameter types, `int,double`).
    public var overload: String?
    /// What joins a scope and a name in this domain (`::`, `.`).
    public var scopeSeparator: String?
    /// Objects the signature declares besides itself, `type name` (`templateParam T`):
    /// named under it with its scope separator, sharing its anchor.
    public var memberObjects: [String]
    public var range: SourceRange?

    public init?(_ node: Node) {
        guard node.kind == .descSignature else { return nil }
        fullname = node.string(AttributeKey.fullname)
        ids = node.ids
        allnames = node.list("allnames")
        program = node.string("program")
        shownName = node.first(where: { $0.kind == .descName })?.textContent
        canonical = node.string("canonical")
        overload = node.string(AttributeKey.overload)
        scopeSeparator = node.string(AttributeKey.scopesep)
        memberObjects = node.list(AttributeKey.memberobjects)
        range = node.range
    }
}
