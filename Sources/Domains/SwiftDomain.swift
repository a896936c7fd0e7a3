import CrossRef
import DocTree
import Markup

/// The Swift domain: symbols extracted from `///` comments (types, members,
/// cases), found from `:swift:type:` … `:swift:symbol:` roles and DocC
/// ``` ``Type/member`` ``` links, in the current type and module first.
public struct SwiftDomain: Domain {
    public let name = "swift"
    public let label = "Swift"

    public init() {}

    public let objectTypes: [ObjectType] = [
        ObjectType("struct", roles: ["struct", "type", "symbol"], indexTemplate: "%s (Swift structure)"),
        ObjectType("class", roles: ["class", "type", "symbol"], indexTemplate: "%s (Swift class)"),
        ObjectType("enum", roles: ["enum", "type", "symbol"], indexTemplate: "%s (Swift enumeration)"),
        ObjectType("protocol", roles: ["protocol", "type", "symbol"], indexTemplate: "%s (Swift protocol)"),
        ObjectType("actor", roles: ["actor", "type", "symbol"], indexTemplate: "%s (Swift actor)"),
        ObjectType("typealias", roles: ["typealias", "type", "symbol"], label: "type alias",
                   indexTemplate: "%s (Swift type alias)"),
        ObjectType("associatedtype", roles: ["typealias", "symbol"], label: "associated type",
                   indexTemplate: "%s (Swift associated type)"),
        ObjectType("function", roles: ["func", "symbol"], indexTemplate: "%s (Swift function)"),
        ObjectType("method", roles: ["func", "meth", "symbol"], indexTemplate: "%s (Swift method)"),
        ObjectType("initializer", roles: ["func", "meth", "init", "symbol"], indexTemplate: "%s (Swift initializer)"),
        ObjectType("subscript", roles: ["func", "meth", "symbol"], indexTemplate: "%s (Swift subscript)"),
        ObjectType("property", roles: ["prop", "var", "symbol"], indexTemplate: "%s (Swift property)"),
        ObjectType("variable", roles: ["var", "symbol"], indexTemplate: "%s (Swift variable)"),
        ObjectType("case", roles: ["case", "symbol"], label: "enumeration case", indexTemplate: "%s (Swift case)"),
    ]

    public func roles() -> [String: Role] {
        var roles: [String: Role] = [:]
        for role in roleNames { roles[role] = XrefRole(domain: name, type: role, scopeSeparator: ".").role }
        return roles
    }

    /// `name(label:)-4xfa9` → `name(label:)`; nil when there is no DocC suffix.
    static func withoutDocCDisambiguation(_ name: String) -> String? {
        for dash in name.indices where name[dash] == "-" && dash > name.startIndex {
            let before = name[name.index(before: dash)]
            guard before.isLetter || before.isNumber || before == "_" || before == ")" else { continue }
            let suffix = name[name.index(after: dash)...]
            let isHash = (4...6).contains(suffix.count) && suffix.allSatisfy { $0.isNumber || ("a"..."z").contains($0) }
            if isHash || suffix.hasPrefix("swift.") || suffix.hasPrefix("(") || suffix.hasPrefix(">") {
                return String(name[..<dash])
            }
        }
        return nil
    }

    public func resolve(_ xref: PendingXref, context: ResolveContext) -> Resolution {
        var lookup = ObjectLookup(domain: self)
        lookup.scoped = { name, xref in
            PythonDomain.contextNames(name, module: xref.scope["swift:module"], type: xref.scope["swift:type"])
        }
        // Members may be written with argument labels (`tagged(_:)`) for ones registered without them (cases).
        lookup.spellings = { written in
            // DocC's disambiguation (`isEqualSet(to:)-4xfa9`, `init(_:)-swift.init`, `f(_:)-(Int)`): a USR hash we
            // cannot compute, or a kind or types; without it, the name finds the overload Vellum lists first.
            var names = [written]
            if let name = Self.withoutDocCDisambiguation(written), name != written { names.append(name) }
            for name in names {
                if let paren = name.firstIndex(of: "("), name.hasSuffix(")") { names.append(String(name[..<paren])) }
            }
            return names
        }
        return lookup.resolve(xref, context: context)
    }
}
