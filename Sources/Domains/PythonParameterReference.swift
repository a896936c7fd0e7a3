import CrossRef
import DocTree
import Extensions
import Markup

/// sphinx-paramlinks' `:paramref:` (`:paramref:`.Config.get_section.default``): a link to one
/// parameter of a function, method or class, at the anchor `<object>.params.<name>` that its
/// documented parameters get (``ParameterLinks``).
///
/// As the extension does: everything before the last dot is looked up as a method, a class or
/// a function of this project (never in another project's inventory), and the anchor is added
/// to the link without checking that the parameter is documented there.
enum PythonParameterReference {
    static let role = "paramref"

    static func resolve(_ xref: PendingXref, domain: PythonDomain, context: ResolveContext) -> Resolution {
        var target = xref.target
        while target.hasPrefix(".") || target.hasPrefix("~") { target.removeFirst() }
        guard let dot = target.lastIndex(of: "."), dot != target.startIndex else {
            return context.unresolved(xref, "no \(xref.roleName) named '\(xref.target)'",
                                      notes: [.init("name the object and the parameter, e.g. :paramref:`Object.method.\(target)`")])
        }
        let parameter = String(target[target.index(after: dot)...])
        var object = xref
        object.target = String(target[..<dot])
        var local = context.options
        local.inventories = []
        let search = ResolveContext(index: context.index, document: context.document, options: local,
                                    domains: context.domains, file: context.file)
        for type in ["meth", "class", "func"] {
            object.type = type
            switch domain.resolve(object, context: search) {
            case .resolved(let node) where node.kind == .reference:
                return .resolved(anchored(node, parameter: parameter, xref: xref))
            case .linked(let node, let warning) where node.kind == .reference:
                return .linked(anchored(node, parameter: parameter, xref: xref), warning: warning)
            default:
                continue
            }
        }
        return context.unresolved(xref, "no \(xref.roleName) named '\(xref.target)'",
                                  notes: [.init("no method, class or function named '\(object.target)' in this project "
                                      + "(sphinx-paramlinks does not look in intersphinx inventories)")])
    }

    /// The object's link, at its parameter, with the reference's own text.
    static func anchored(_ link: Node, parameter: String, xref: PendingXref) -> Node {
        var copy = link
        if let uri = link.string("refuri") {
            copy.attributes["refuri"] = .string(uri + (uri.contains("#") ? "" : "#") + ".params." + parameter)
        }
        copy.children = xref.content
        return copy
    }
}

/// sphinx-paramlinks (`extensions = ['sphinx_paramlinks']`): the `:py:paramref:` role (also
/// `:paramref:` while Python is the primary domain). The anchors it links to are added to
/// autodoc's docstrings (`AutodocSettings.parameterLinks`).
public struct ParameterLinksExtension: Extension {
    public init() {}

    public func setup(_ registry: inout Registry) {
        let role = XrefRole(domain: "py", type: PythonParameterReference.role, scopeSeparator: ".", warn: false).role
        registry.roles.register("py:" + PythonParameterReference.role, role)
        if registry.primaryDomain == "py" { registry.roles.register(PythonParameterReference.role, role) }
    }
}
