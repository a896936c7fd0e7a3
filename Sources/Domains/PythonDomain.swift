import CrossRef
import DocTree
import Markup

/// Sphinx's Python domain: `py:module` … `py:decorator`, the `:py:class:`
/// family of roles, and resolution in the current module and class first
/// (the context comes from ``DomainContext``).
public struct PythonDomain: Domain {
    public let name = "py"
    public let label = "Python"

    public init() {}

    public var indices: [DomainIndex] {
        [DomainIndex(name: "modindex", title: "Python Module Index", shortTitle: "Module Index", objectType: "module")]
    }

    public let objectTypes: [ObjectType] = [
        ObjectType("module", roles: ["mod", "obj"], indexTemplate: "module; %s"),
        ObjectType("class", roles: ["class", "obj"], indexTemplate: "%s (class)"),
        ObjectType("exception", roles: ["exc", "class", "obj"], indexTemplate: "%s"),
        ObjectType("function", roles: ["func", "obj"], indexTemplate: "%s() (built-in function)"),
        ObjectType("method", roles: ["meth", "obj"], indexTemplate: "%s() (method)"),
        ObjectType("classmethod", roles: ["meth", "obj"], label: "class method", indexTemplate: "%s() (class method)"),
        ObjectType("staticmethod", roles: ["meth", "obj"], label: "static method", indexTemplate: "%s() (static method)"),
        ObjectType("attribute", roles: ["attr", "const", "obj"], indexTemplate: "%s (attribute)"),
        ObjectType("property", roles: ["attr", "obj"], indexTemplate: "%s (property)"),
        ObjectType("data", roles: ["data", "const", "obj"], indexTemplate: "%s (built-in variable)"),
        ObjectType("type", roles: ["type", "class", "obj"], label: "type alias", indexTemplate: "%s (type alias)"),
        ObjectType("decorator", roles: ["deco", "obj"], indexTemplate: "@%s (decorator)"),
        ObjectType("decoratormethod", roles: ["deco", "obj"], label: "decorator method",
                   indexTemplate: "@%s (decorator method)"),
    ]

    public func roles() -> [String: Role] {
        var roles: [String: Role] = [:]
        for role in roleNames {
            roles[role] = XrefRole(domain: name, type: role, functionParentheses: role == "func" || role == "meth",
                                   scopeSeparator: ".", warn: false).role
        }
        return roles
    }

    public func directives() -> [String: Directive] { PythonDirectives.directives }

    public func resolve(_ xref: PendingXref, context: ResolveContext) -> Resolution {
        if xref.type == PythonParameterReference.role {
            return PythonParameterReference.resolve(xref, domain: self, context: context)
        }
        var lookup = ObjectLookup(domain: self)
        lookup.exactNameOfAnyType = true
        lookup.warnsOnSuffixMatch = true
        // Sphinx's find_obj drops a trailing `()` whatever the role (`:class:`Manager.add()``).
        lookup.key = { target, _ in target.hasSuffix("()") ? String(target.dropLast(2)) : target }
        lookup.scoped = { name, xref in
            Self.contextNames(name, module: xref.scope["py:module"], type: xref.scope["py:class"])
        }
        let resolution = lookup.resolve(xref, context: context)
        if case .unresolved = resolution, PythonBuiltins.isQuietTarget(xref.target, type: xref.type) {
            // A built-in class or a `typing` name: shown as written, never reported (as Sphinx does).
            return .resolved(xref.content.count == 1 ? xref.content[0] : Node(.inline, children: xref.content))
        }
        return resolution
    }

    /// `:any:` in Python, as Sphinx's refspecific search: `()` dropped, then the name inside the
    /// current module and class, the name itself, and else every object whose name ends with
    /// `.name` (a name that is an alias of another is left out when several match).
    public func resolveAny(_ xref: PendingXref, context: ResolveContext) -> [AnyMatch] {
        var target = xref.target
        if target.hasSuffix("()") { target.removeLast(2) }
        guard !target.isEmpty else { return [] }
        let byName = context.index.objects[name] ?? [:]
        let module = xref.scope["py:module"], type = xref.scope["py:class"]
        var candidates: [String] = []
        if let module, let type { candidates.append("\(module).\(type).\(target)") }
        if let module { candidates.append("\(module).\(target)") }
        candidates.append(target)
        var found = candidates.lazy.compactMap { byName[$0] }.first { !$0.isEmpty } ?? []
        if found.isEmpty {
            let suffix = "." + target
            found = byName.keys.filter { $0.hasSuffix(suffix) }.sorted().flatMap { byName[$0] ?? [] }
        }
        var places: Set<String> = []
        found = found.filter { places.insert($0.document + "#" + $0.anchor).inserted }
        if found.count > 1 { found = found.filter { !$0.isAlias } }
        return found.map {
            AnyMatch(document: $0.document, anchor: $0.anchor, title: nil, description: "\($0.kindName) '\($0.name)'")
        }
    }

    /// The full names `name` may mean inside a module and a type, most specific first
    /// (`module.Type.name`, `Type.name`, `module.name`).
    static func contextNames(_ name: String, module: String?, type: String?) -> [String] {
        var names: [String] = []
        if let module, let type { names.append("\(module).\(type).\(name)") }
        if let type { names.append("\(type).\(name)") }
        if let module { names.append("\(module).\(name)") }
        return names
    }
}
