import DocTree

/// A described object: a Python class or function, a command-line option,
/// an environment variable, a glossary term, a custom object type …
public struct ObjectTarget: Sendable, Hashable {
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

    /// `domain:type`, as shown in messages (`py:class`).
    public var kindName: String { "\(domain):\(type)" }
}

/// The object types each role may refer to, per domain (Sphinx's role → object-type table).
public enum RoleTypes {
    static let python: [String: [String]] = [
        "class": ["class", "exception"],
        "func": ["function"],
        "meth": ["method", "classmethod", "staticmethod"],
        "attr": ["attribute", "property"],
        "exc": ["exception"],
        "mod": ["module"],
        "data": ["data"],
        "const": ["data", "attribute"],
        "property": ["property"],
        "deco": ["decorator", "decoratormethod"],
        "obj": ["class", "exception", "function", "method", "classmethod", "staticmethod", "attribute",
                "property", "module", "data", "decorator", "decoratormethod"],
    ]

    static let swift: [String: [String]] = [
        "type": ["struct", "class", "enum", "protocol", "actor", "typealias"],
        "struct": ["struct"], "class": ["class"], "enum": ["enum"], "protocol": ["protocol"],
        "actor": ["actor"],
        "func": ["function", "method", "initializer", "subscript"],
        "meth": ["method", "initializer", "subscript"],
        "init": ["initializer"],
        "prop": ["property"], "var": ["property", "variable"],
        "case": ["case"],
        "typealias": ["typealias", "associatedtype"],
        "symbol": ["struct", "class", "enum", "protocol", "actor", "typealias", "associatedtype", "function",
                   "method", "initializer", "subscript", "property", "variable", "case"],
    ]

    static let standard: [String: [String]] = [
        "term": ["term"],
        "option": ["option"],
        "envvar": ["envvar"],
        "keyword": ["keyword"],
        "program": ["program"],
    ]

    /// The roles of the Swift domain (`:swift:type:`, `:swift:func:` …).
    public static var swiftRoles: [String] { swift.keys.sorted() }

    /// The object types `domain:role` may link to; custom object types map their role to their own type.
    public static func types(domain: String, role: String, custom: [String: String]) -> [String]? {
        switch domain {
        case "py": return python[role]
        case "swift": return swift[role]
        case "std", "":
            if let type = custom[role] { return [type] }
            return standard[role]
        default: return nil
        }
    }
}
