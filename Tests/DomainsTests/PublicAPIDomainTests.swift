import CrossRef
import DocTree
import Domains
import Extensions
import HTMLWriter
import Markup
import RST
import Testing

/// A domain and an extension defined outside the library, through the
/// public API only (no `@testable`): the same path a third-party domain takes.
struct RecipeDomain: Domain {
    let name = "recipe"
    let label = "Recipe"
    let objectTypes = [ObjectType("dish", roles: ["dish"], indexTemplate: "%s (dish)")]

    func directives() -> [String: Directive] {
        ["dish": ObjectDescription(domain: name, objtype: "dish", parse: ParsedSignature.nameOnly).directive]
    }
}

/// An extension that adds a role producing a node kind of its own, and the HTML writer for it.
struct SpiceExtension: Extension {
    func setup(_ registry: inout Registry) {
        registry.roles.register("spice", Role { call, _ in
            ([Node("spice", children: [.text(call.text)], range: call.range)], [])
        })
        registry.nodeWriters["spice"] = NodeHTMLWriter { node, render in
            "<span class=\"spice\">" + render(node.children) + "</span>"
        }
    }
}

struct PublicAPIDomainTests {
    func registry(extensions: [any Extension]) -> Registry {
        var registry = Registry(directives: .standard, roles: .standard)
        BuiltinDomains.install(into: &registry)
        registry.install(extensions)
        return registry
    }

    func build(_ text: String, registry: Registry) -> (Document, [Diagnostic], String, [Node]) {
        let options = RSTOptions(directives: registry.directives, roles: registry.roles)
        var page = RSTParser(options: options).parse(SourceFile(path: "menu.rst", text: text), name: "menu")
        page.root = DomainContext.apply(page.root)
        let (document, targets) = TargetCollector.process(page)
        let (index, _) = TargetIndex.collect([targets])
        let outcome = Resolver(index: index, domains: registry.sortedDomains).resolve(document)
        let (html, unknown) = HTMLWriter(nodeWriters: registry.nodeWriters).renderPage(outcome.document.root)
        return (outcome.document, document.diagnostics + outcome.diagnostics, html, unknown)
    }

    @Test func aDomainFromOutsideDescribesAndResolves() {
        let registry = registry(extensions: [DomainExtension(RecipeDomain()), SpiceExtension()])
        let (_, diagnostics, html, unknown) = build("""
            .. recipe:dish:: Lentil soup

               Warming. Season with :spice:`cumin`.

            Try :recipe:dish:`Lentil soup`, not :recipe:dish:`Lentil soop`.
            """, registry: registry)
        #expect(unknown.isEmpty)
        #expect(html.contains("<dt class=\"sig sig-object recipe\" id=\"recipe.Lentil-soup\">"))
        #expect(html.contains("<a class=\"reference internal\" href=\"#recipe.Lentil-soup\">"))
        #expect(html.contains("<span class=\"spice\">cumin</span>"))
        #expect(diagnostics.map(\.id) == ["ref.recipe.dish"])
        #expect(diagnostics.first?.suggestions == ["Lentil soup"])
        #expect(diagnostics.first?.range?.start == SourceLocation(line: 5, column: 37))
    }

    @Test func aNodeKindWithoutWriterIsReported() {
        let registry = registry(extensions: [DomainExtension(RecipeDomain())])
        var withoutWriter = registry
        withoutWriter.roles.register("spice", Role { call, _ in
            ([Node("spice", children: [.text(call.text)], range: call.range)], [])
        })
        let (_, _, html, unknown) = build("A :spice:`pinch`.\n", registry: withoutWriter)
        #expect(unknown.map(\.kind) == ["spice"])
        #expect(html.contains("pinch"))
        let diagnostics = HTMLWriter.unknownNodeDiagnostics(unknown, file: SourceFile(path: "menu.rst", text: ""))
        #expect(diagnostics.map(\.id) == ["html.unknown-node"])
        #expect(diagnostics.first?.severity == .error)
    }
}
