import Extensions
import HTMLWriter

/// What the built-in domains add outside their own prefixes: the `:eq:`
/// role (Sphinx registers it without a domain; it is the math domain's
/// equation reference) and the HTML of the standard domain's grammar
/// nodes (`productionlist`, `production`).
public struct DomainMarkupExtension: Extension {
    public init() {}

    public func setup(_ registry: inout Registry) {
        registry.roles.register("eq", MathDomain.role("eq"))
        registry.nodeWriters[ProductionListDirective.listKind] = NodeHTMLWriter { node, render in
            ProductionListDirective.html(node, render: render)
        }
        // Productions are written by their list; one on its own shows its definition.
        registry.nodeWriters[ProductionListDirective.productionKind] = NodeHTMLWriter { node, render in
            render(node.children)
        }
    }
}
