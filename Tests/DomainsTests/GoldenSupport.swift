import DocTree
import Domains
import Extensions
import Foundation
import RST
import Testing

/// Golden pseudo-XML files next to the tests (regenerate with VELLUM_UPDATE_GOLDEN=1 and review).
enum DomainsGolden {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures").path

    static var updating: Bool { ProcessInfo.processInfo.environment["VELLUM_UPDATE_GOLDEN"] == "1" }

    static func options(objectTypes: [String: (directive: String, role: String)] = ["setting": ("setting", "setting")]) -> RSTOptions {
        var registry = Registry(directives: .standard, roles: .standard)
        BuiltinDomains.install(into: &registry, customTypes: objectTypes.map {
            StandardDomain.CustomType(name: $0.key, directive: $0.value.directive, role: $0.value.role)
        })
        var options = RSTOptions(directives: registry.directives, roles: registry.roles)
        options.sourceLabel = "test data"
        return options
    }

    /// Parses `text`, applies the context pass, returns the document.
    static func parse(_ text: String, name: String = "page") -> Document {
        var document = RSTParser(options: options()).parse(SourceFile(path: name + ".rst", text: text), name: name)
        document.root = DomainContext.apply(document.root)
        return document
    }

    /// Parses Fixtures/<name>.rst and compares the tree and diagnostics with <name>.pseudoxml.
    static func check(_ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let input = try String(contentsOfFile: fixtures + "/" + name + ".rst", encoding: .utf8)
        let document = parse(input, name: name)
        var actual = document.root.pseudoXML()
        for diagnostic in document.diagnostics.sorted(by: Diagnostic.ordered) {
            actual += "# \(diagnostic.range?.start.description ?? "-") \(diagnostic.severity.label) [\(diagnostic.id)] \(diagnostic.message)\n"
        }
        let path = fixtures + "/" + name + ".pseudoxml"
        if updating {
            try actual.write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOfFile: path, encoding: .utf8)
        #expect(actual == expected, "golden \(name).pseudoxml differs", sourceLocation: sourceLocation)
        if actual != expected {
            let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
            if let i = zip(a, e).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset {
                Issue.record("line \(i + 1):\n  expected: \(e[i])\n  actual:   \(a[i])", sourceLocation: sourceLocation)
            }
        }
    }
}
