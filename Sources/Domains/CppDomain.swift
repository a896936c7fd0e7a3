import CrossRef
import DocTree
import Markup

/// Sphinx's C++ domain: `cpp:class`, `cpp:struct`, `cpp:union`, `cpp:function`,
/// `cpp:member`/`cpp:var`, `cpp:type`, `cpp:concept`, `cpp:enum`,
/// `cpp:enum-struct`, `cpp:enum-class`, `cpp:enumerator`, the `cpp:namespace`
/// family and `cpp:alias`; the roles `:cpp:any:`, `:cpp:class:`,
/// `:cpp:struct:`, `:cpp:union:`, `:cpp:func:`, `:cpp:member:`/`:cpp:var:`,
/// `:cpp:type:`, `:cpp:concept:`, `:cpp:enum:`, `:cpp:enumerator:`, and
/// `:cpp:expr:`/`:cpp:texpr:` (code or text, never a link).
///
/// Names are scoped with `::` by namespaces and by the declaration whose
/// content describes them (classes, unions, enums — every declaration, as in
/// Sphinx); a `template<…>` prefix is shown and is not part of the name.
/// Template and named function parameters are objects inside their
/// declaration (`templateParam`, `functionParam`), found from its
/// description (`:cpp:type:`T``) and linking to it. References may carry template arguments and a
/// parameter list (`ds::Stack<int>::push(const T&)`): the arguments are
/// ignored, the parameter types select an overload. As in Sphinx, `struct`s
/// are stored as `class` objects and `var`s as `member`s (so `objects.inv`
/// says `cpp:class`), and `:cpp:class:` finds both.
///
/// Anchors are readable rather than Sphinx's mangled `_CPPv4…` ids: `cpp.`
/// and the full name made id-safe (`cpp.ds-Stack-push`), with a function's
/// parameter types appended when it has any (`cpp.ds-swap-T-ref-T-ref`).
public struct CppDomain: Domain {
    public let name = "cpp"
    public let label = "C++"

    public init() {}

    public let objectTypes: [ObjectType] = [
        ObjectType("class", roles: ["class", "struct", "type", "any"], indexTemplate: "%s (C++ class)"),
        ObjectType("union", roles: ["union", "type", "any"], indexTemplate: "%s (C++ union)"),
        ObjectType("function", roles: ["func", "type", "any"], indexTemplate: "%s (C++ function)"),
        ObjectType("member", roles: ["member", "var", "any"], indexTemplate: "%s (C++ member)"),
        ObjectType("type", roles: ["type", "any"], indexTemplate: "%s (C++ type)"),
        ObjectType("concept", roles: ["concept", "any"], indexTemplate: "%s (C++ concept)"),
        ObjectType("enum", roles: ["enum", "type", "any"], indexTemplate: "%s (C++ enum)"),
        ObjectType("enumerator", roles: ["enumerator", "any"], indexTemplate: "%s (C++ enumerator)"),
        ObjectType("functionParam", roles: ["member", "var", "any"], label: "function parameter"),
        ObjectType("templateParam", roles: ["class", "struct", "union", "member", "var", "type", "any"],
                   label: "template parameter"),
    ]

    static let objects: [CFamilyObject] = [
        CFamilyObject(directive: "class", targetType: "class", shape: .named, keyword: .fixed("class")),
        CFamilyObject(directive: "struct", targetType: "class", shape: .named, keyword: .fixed("struct")),
        CFamilyObject(directive: "union", targetType: "union", shape: .named, keyword: .fixed("union")),
        CFamilyObject(directive: "function", targetType: "function", shape: .declaration),
        CFamilyObject(directive: "member", targetType: "member", shape: .declaration),
        CFamilyObject(directive: "var", targetType: "member", shape: .declaration),
        CFamilyObject(directive: "type", targetType: "type", shape: .declaration, keyword: .typeDeclaration),
        CFamilyObject(directive: "concept", targetType: "concept", shape: .named, keyword: .fixed("concept")),
        CFamilyObject(directive: "enum", targetType: "enum", shape: .named, keyword: .fixed("enum"), transparent: true),
        CFamilyObject(directive: "enum-struct", targetType: "enum", shape: .named, keyword: .fixed("enum struct")),
        CFamilyObject(directive: "enum-class", targetType: "enum", shape: .named, keyword: .fixed("enum class")),
        CFamilyObject(directive: "enumerator", targetType: "enumerator", shape: .declaration),
    ]

    public func directives() -> [String: Directive] {
        var directives = CFamilyDirectives.scopeDirectives(domain: name, separator: "::")
        for object in Self.objects {
            directives[object.directive] = CFamilyDirectives.description(domain: name, language: .cpp, object,
                                                                         idPrefix: "cpp.")
        }
        directives["alias"] = CFamilyDirectives.alias(domain: name, separator: "::")
        return directives
    }

    public func roles() -> [String: Role] {
        var roles: [String: Role] = [:]
        for role in roleNames {
            roles[role] = XrefRole(domain: name, type: role, functionParentheses: role == "func",
                                   scopeSeparator: "::").role
        }
        roles["expr"] = CFamilyExpressionRole.role(domain: name, asCode: true)
        roles["texpr"] = CFamilyExpressionRole.role(domain: name, asCode: false)
        return roles
    }

    public func resolve(_ xref: PendingXref, context: ResolveContext) -> Resolution {
        CFamilyLookup(domain: self, language: .cpp).resolve(xref, context: context)
    }

    public func resolveAny(_ target: String, context: ResolveContext) -> [AnyMatch] {
        CFamilyLookup(domain: self, language: .cpp).resolveAny(target, context: context)
    }
}
