import DocTree

/// A described object: a Python class or function, a command-line option,
/// an environment variable, a glossary term, a custom object type …
public struct ObjectTarget: Sendable, Hashable, Codable {
    /// `py`, `std`, `swift` …
    public var domain: String
    /// The object type: `class`, `function`, `method`, `option`, `envvar`, `term`, `setting` …
    public var type: String
    /// The full name (`routers.MasterSlave`, `--verbose`, `DATABASE_URL`).
    public var name: String
    public var document: String
    public var anchor: String
    public var file: SourceFile
    public var range: SourceRange?
    /// The text a reference without an explicit title shows instead of the
    /// written target (an equation's `(2)`); nil keeps the written text.
    public var title: String? = nil
    /// Whether the object is listed in `objects.inv` (Sphinx's math domain lists no equations).
    public var inInventory = true
    /// What tells overloads of one name apart (C++ parameter types, `int,double`); nil: the
    /// name alone identifies the object, and a second description of it is a duplicate.
    public var overload: String? = nil
    /// A canonical name (the defining path of a re-exported object): links
    /// resolve by it, but it never counts as a second description.
    public var isAlias = false

    /// `domain:type`, as shown in messages (`py:class`).
    public var kindName: String { "\(domain):\(type)" }
}
