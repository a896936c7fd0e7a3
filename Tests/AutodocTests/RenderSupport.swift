import Autodoc
import DocTree
import Domains
import Extensions
import Foundation
import RST
import Testing

/// Shared setup for the autodoc rendering tests: parser options with the
/// domain and autodoc directives, a store over the fixture package and the
/// Routers sources, and golden pseudo-XML files under Fixtures/render.
enum RenderSupport {
    static let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let fixtures = here.appendingPathComponent("Fixtures").path
    static let repositoryRoot = here.deletingLastPathComponent().deletingLastPathComponent().path

    static var options: RSTOptions {
        var registry = Registry(directives: .standard, roles: .standard)
        BuiltinDomains.install(into: &registry)
        registry.install([AutodocExtension(), PalletsJinjaExtension()])
        var options = RSTOptions(directives: registry.directives, roles: registry.roles)
        options.sourceLabel = "test data"
        return options
    }

    static let store: APIStore = {
        let (store, diagnostics) = APIStore.load(pythonPaths: [fixtures + "/python"],
                                                 swiftModules: [(name: "Routers", path: repositoryRoot + "/Sources/Routers")])
        precondition(diagnostics.isEmpty, "\(diagnostics)")
        return store
    }()

    /// Parse, expand, apply the context pass.
    static func build(_ text: String, name: String, store: APIStore = RenderSupport.store) -> Document {
        let parsed = RSTParser(options: options).parse(SourceFile(path: name + ".rst", text: text), name: name)
        var document = AutodocExpander.expand(parsed, store: store, parserOptions: options)
        document.root = DomainContext.apply(document.root)
        return document
    }

    static func relative(_ path: String) -> String {
        path.hasPrefix(repositoryRoot + "/") ? String(path.dropFirst(repositoryRoot.count + 1)) : path
    }

    /// The tree and diagnostics as text (paths relative to the repository).
    static func dump(_ document: Document) -> String {
        var out = document.root.pseudoXML()
            .replacingOccurrences(of: repositoryRoot + "/", with: "")
        for d in document.diagnostics.sorted(by: Diagnostic.ordered) {
            out += "# \(relative(d.file?.path ?? "-")):\(d.range?.start.description ?? "-") \(d.severity.label) [\(d.id)] \(d.message)\n"
            for note in d.notes {
                out += "#   note: \(relative(note.file?.path ?? "-")):\(note.range?.start.description ?? "-") \(note.message)\n"
            }
        }
        return out
    }

    static func check(_ name: String, store: APIStore = RenderSupport.store,
                      sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let base = fixtures + "/render/" + name
        let input = try String(contentsOfFile: base + ".rst", encoding: .utf8)
        let actual = dump(build(input, name: name, store: store))
        if ProcessInfo.processInfo.environment["VELLUM_UPDATE_GOLDEN"] == "1" {
            try actual.write(toFile: base + ".pseudoxml", atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOfFile: base + ".pseudoxml", encoding: .utf8)
        if actual != expected {
            let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let i = zip(a, e).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, e.count)
            Issue.record("render/\(name).pseudoxml differs at line \(i + 1):\n  expected: \(i < e.count ? String(e[i]) : "<end>")\n  actual:   \(i < a.count ? String(a[i]) : "<end>")",
                         sourceLocation: sourceLocation)
        }
    }
}
