/// One documented declaration: a class, function, method, property, attribute …
/// Members nest (methods in classes, nested classes), forming a tree of values.
public struct APIObject: Hashable, Sendable {
    /// What the declaration is (class, method, property …).
    public var kind: APIObjectKind
    /// The declared name (`MasterSlave`, `db_for_read`, `init(primary:replicas:)` for Swift).
    public var name: String
    /// Dotted path from the module: `RestAuth.common.routers.MasterSlave.db_for_read`.
    public var qualifiedName: String
    /// Parameters and return annotation of callables (for a Python class: its `__init__` without `self`).
    public var signature: APISignature?
    /// Overloads declared before the implementation (Python `@typing.overload`).
    public var overloads: [APISignature]
    /// The documentation text with its source positions; nil when undocumented.
    public var docstring: Docstring?
    /// Base classes / inherited types and protocols, as written.
    public var bases: [String]
    /// Decorators (Python, without `@`) or attributes (Swift, with `@`), as written.
    public var decorators: [String]
    /// Flags such as `async`, `classmethod`, `staticmethod`, `abstractmethod` (Python) or
    /// `static`, `mutating`, `throws`, `open` (Swift), in source order.
    public var modifiers: [String]
    /// Attributes and properties: the annotation or type as written.
    public var annotation: String?
    /// Attributes: the assigned value as written.
    public var value: String?
    /// Generic / type parameters as written, brackets included (`[T]`, `<Element: Equatable>`).
    public var genericParameters: String?
    /// Swift `where` clause text, without the `where` keyword.
    public var whereClause: String?
    /// Nested declarations (methods, attributes, nested types) in source order.
    public var members: [APIObject]
    /// Where the declaration starts in its file.
    public var location: APILocation

    public init(kind: APIObjectKind, name: String, qualifiedName: String, location: APILocation,
                signature: APISignature? = nil, overloads: [APISignature] = [], docstring: Docstring? = nil,
                bases: [String] = [], decorators: [String] = [], modifiers: [String] = [],
                annotation: String? = nil, value: String? = nil, genericParameters: String? = nil,
                whereClause: String? = nil, members: [APIObject] = []) {
        self.kind = kind
        self.name = name
        self.qualifiedName = qualifiedName
        self.location = location
        self.signature = signature
        self.overloads = overloads
        self.docstring = docstring
        self.bases = bases
        self.decorators = decorators
        self.modifiers = modifiers
        self.annotation = annotation
        self.value = value
        self.genericParameters = genericParameters
        self.whereClause = whereClause
        self.members = members
    }

    /// The member with the given name, if any.
    public func member(named name: String) -> APIObject? { members.first { $0.name == name } }

    /// Whether the member is private: by Python convention (`_x`, not `__x__`), or by
    /// `:meta private:` in its docstring (`:meta public:` makes `_x` public), as Sphinx decides.
    public var isPrivate: Bool {
        if let meta = metaVisibility { return meta == "private" }
        return name.hasPrefix("_") && !isSpecial
    }

    /// `private` or `public` from a `:meta private:` / `:meta public:` line of the docstring.
    var metaVisibility: String? {
        guard let text = docstring?.text, text.contains(":meta ") else { return nil }
        for line in text.split(separator: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix(":meta private:") { return "private" }
            if trimmed.hasPrefix(":meta public:") { return "public" }
        }
        return nil
    }

    /// A module-level variable or class attribute.
    public var isVariable: Bool { kind == .data || kind == .attribute }

    /// Whether the name is a Python special ("dunder") name such as `__init__`.
    public var isSpecial: Bool { name.count > 4 && name.hasPrefix("__") && name.hasSuffix("__") }
}
