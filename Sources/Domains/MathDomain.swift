import CrossRef
import DocTree
import Markup

/// Sphinx's math domain: numbered equations (`.. math::` with `:label:`)
/// and the references to them, `:eq:` (a role without prefix, as Sphinx
/// registers it) and `:math:numref:`. A reference shows the equation's
/// number, `(2)`, whatever its written text (Sphinx's `math_eqref_format`
/// default). Equations are link targets but, as in Sphinx, not listed in
/// `objects.inv`.
public struct MathDomain: Domain {
    public let name = "math"
    public let label = "Math"

    public init() {}

    public let objectTypes: [ObjectType] = [ObjectType("eq", roles: ["eq", "numref"], label: "equation")]

    /// The reference role, shared by `:eq:` and `:math:numref:`.
    static func role(_ type: String) -> Role {
        XrefRole(domain: "math", type: type, codeStyle: false).role
    }

    /// Only `numref` is a domain role in Sphinx; `:eq:` is installed without prefix by ``DomainMarkupExtension``.
    public func roles() -> [String: Role] { ["numref": Self.role("numref")] }

    public func resolve(_ xref: PendingXref, context: ResolveContext) -> Resolution {
        let equations = context.index.objects[name] ?? [:]
        guard let equation = equations[xref.target]?.first else {
            return context.unresolved(xref, "no equation labelled '\(xref.target)'",
                                      suggestions: TargetIndex.suggestions(for: xref.target, among: equations.keys))
        }
        // The link is the number alone, as plain text, even with an explicit title (as in Sphinx).
        var resolution = context.link(xref, to: equation)
        if case .resolved(var link) = resolution {
            link.children = [.text(equation.title ?? xref.target)]
            resolution = .resolved(link)
        }
        return resolution
    }

    /// Equations are found by `:any:` under their label.
    public func resolveAny(_ target: String, context: ResolveContext) -> [AnyMatch] {
        (context.index.objects[name]?[target] ?? []).map {
            AnyMatch(document: $0.document, anchor: $0.anchor, title: $0.title, description: "equation '\($0.name)'")
        }
    }
}

/// Numbers the labelled equations of one page in document order, as Sphinx
/// does per document (`math_numfig` with `numfig` off, the default): each
/// `math_block` with a `label` gets `number`, the id `equation-<label>`
/// (docutils' `make_id`, so lower case) first among its ids, and the
/// attributes that make it a `math:eq` object. Unlabelled equations get no
/// number. Idempotent.
enum EquationNumbers {
    static func apply(_ root: Node) -> Node {
        // Most pages have no labelled equation: leave their tree as it is.
        guard root.first(where: { $0.kind == .mathBlock && $0.string(AttributeKey.label) != nil }) != nil else {
            return root
        }
        var next = 1
        return number(root, next: &next)
    }

    static func number(_ node: Node, next: inout Int) -> Node {
        if node.kind == .mathBlock, let label = node.string(AttributeKey.label) {
            // Numbered again when the pass runs twice (autodoc fragments, then the whole page):
            // the page's pass, which comes last, decides.
            var copy = node
            let id = "equation-" + Names.makeID(label)
            copy.attributes[AttributeKey.number] = .string(String(next))
            copy.attributes[AttributeKey.ids] = .list([id] + node.ids.filter { $0 != id })
            copy.attributes[AttributeKey.domain] = .string("math")
            copy.attributes[AttributeKey.objtype] = .string("eq")
            copy.attributes[AttributeKey.fullname] = .string(label)
            copy.attributes[AttributeKey.objectTitle] = .string("(\(next))")
            copy.attributes[AttributeKey.noInventory] = .bool(true)
            next += 1
            return copy
        }
        guard node.children.contains(where: { !$0.isText }) else { return node }
        var copy = node
        copy.children = node.children.map { $0.isText ? $0 : number($0, next: &next) }
        return copy
    }
}
