import CrossRef
import DocTree
import Markup

/// Sphinx's C domain: `c:function`, `c:member`/`c:var`, `c:macro`, `c:struct`,
/// `c:union`, `c:enum`, `c:enumerator`, `c:type`, the `c:namespace` family and
/// `c:alias`; the roles `:c:func:`, `:c:member:`/`:c:var:`/`:c:data:`,
/// `:c:macro:`, `:c:struct:`, `:c:union:`, `:c:enum:`, `:c:enumerator:`,
/// `:c:type:`, and `:c:expr:`/`:c:texpr:` (code or text, never a link).
///
/// Names are scoped with `.` as in Sphinx: members described inside
/// `c:struct:: point` are `point.x`, and `c:namespace:: net` puts what follows
/// in `net`. As in Sphinx every declaration is the scope of its description,
/// and a function's named parameters are objects inside it (`functionParam`,
/// found by `:c:var:` there, linking to the function). Anchors are Sphinx's: `c.` and the full name (`c.point.x`).
/// The roles that find each type follow Sphinx's object types (`:c:type:` also
/// finds structs, unions, enums and functions). Resolution: ``CFamilyLookup``.
public struct CDomain: Domain {
    public let name = "c"
    public let label = "C"

    public init() {}

    public let objectTypes: [ObjectType] = [
        ObjectType("member", roles: ["member", "var", "data"], indexTemplate: "%s (C member)"),
        ObjectType("var", roles: ["member", "var", "data"], label: "variable", indexTemplate: "%s (C variable)"),
        ObjectType("function", roles: ["func", "type"], indexTemplate: "%s (C function)"),
        ObjectType("macro", roles: ["macro"], indexTemplate: "%s (C macro)"),
        ObjectType("struct", roles: ["struct", "type"], indexTemplate: "%s (C struct)"),
        ObjectType("union", roles: ["union", "type"], indexTemplate: "%s (C union)"),
        ObjectType("enum", roles: ["enum", "type"], indexTemplate: "%s (C enum)"),
        ObjectType("enumerator", roles: ["enumerator"], indexTemplate: "%s (C enumerator)"),
        ObjectType("type", roles: ["type"], indexTemplate: "%s (C type)"),
        ObjectType("functionParam", roles: ["var", "member", "data"], label: "function parameter"),
    ]

    static let objects: [CFamilyObject] = [
        CFamilyObject(directive: "function", targetType: "function", shape: .declaration),
        CFamilyObject(directive: "member", targetType: "member", shape: .declaration),
        CFamilyObject(directive: "var", targetType: "member", shape: .declaration),
        CFamilyObject(directive: "macro", targetType: "macro", shape: .declaration),
        CFamilyObject(directive: "struct", targetType: "struct", shape: .named, keyword: .fixed("struct")),
        CFamilyObject(directive: "union", targetType: "union", shape: .named, keyword: .fixed("union")),
        CFamilyObject(directive: "enum", targetType: "enum", shape: .named, keyword: .fixed("enum"), transparent: true),
        CFamilyObject(directive: "enumerator", targetType: "enumerator", shape: .declaration),
        CFamilyObject(directive: "type", targetType: "type", shape: .declaration, keyword: .typeDeclaration),
    ]

    public func directives() -> [String: Directive] {
        var directives = CFamilyDirectives.scopeDirectives(domain: name, separator: ".")
        for object in Self.objects {
            directives[object.directive] = CFamilyDirectives.description(domain: name, language: .c, object, idPrefix: "c.")
        }
        directives["alias"] = CFamilyDirectives.alias(domain: name, separator: ".")
        return directives
    }

    public func roles() -> [String: Role] {
        var roles: [String: Role] = [:]
        for role in roleNames {
            roles[role] = XrefRole(domain: name, type: role, functionParentheses: role == "func", scopeSeparator: ".").role
        }
        roles["expr"] = CFamilyExpressionRole.role(domain: name, asCode: true)
        roles["texpr"] = CFamilyExpressionRole.role(domain: name, asCode: false)
        return roles
    }

    public func resolve(_ xref: PendingXref, context: ResolveContext) -> Resolution {
        CFamilyLookup(domain: self, language: .c).resolve(xref, context: context)
    }

    public func resolveAny(_ target: String, context: ResolveContext) -> [AnyMatch] {
        CFamilyLookup(domain: self, language: .c).resolveAny(target, context: context)
    }
}
