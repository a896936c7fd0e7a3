import DocTree
import Foundation
import Markdown
import Testing

/// Each `Fixtures/<case>.md` is parsed as page `<case>` and compared with
/// `<case>.pseudoxml` (the tree) and `<case>.diagnostics` (one line per
/// diagnostic: range, severity, id, message; absent when there are none).
/// Regenerate with `VELLUM_UPDATE_GOLDEN=1` and review the diff.
struct GoldenTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    static var cases: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: fixtures.path)) ?? []
        return names.filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) }.sorted()
    }

    static func diagnosticLines(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map { d in
            let where_ = d.range.map { "\($0.start.line):\($0.start.column)-\($0.end.line):\($0.end.column)" } ?? "-"
            return "\(where_) \(d.severity.label) [\(d.id)] \(d.message)\n"
        }.joined()
    }

    @Test(arguments: cases)
    func fixture(_ name: String) throws {
        let input = Self.fixtures.appendingPathComponent("\(name).md")
        let text = try String(contentsOf: input, encoding: .utf8)
        var options = MarkdownOptions.site(rawHTMLEnabled: name.hasPrefix("rawhtml-enabled"))
        if name == "myst-extensions" {
            // Every optional MyST extension on (myst-extensions-off is the same page with none).
            options.extensions = ["dollarmath", "amsmath", "fieldlist", "tasklist", "strikethrough", "linkify",
                                  "replacements", "smartquotes", "substitution", "deflist", "attrs_block", "attrs_inline",
                                  "html_image", "html_admonition"]
            options.substitutions = ["product": "Vellum", "styled": "*very* `fast`"]
        }
        let document = MarkdownParser(options: options).parse(SourceFile(path: "\(name).md", text: text), name: name)
        var tree = document.root.pseudoXML()
        if !document.metadata.isEmpty {
            tree += document.metadata.keys.sorted().map { "metadata \($0)=\(document.metadata[$0]!)\n" }.joined()
        }
        let diagnostics = Self.diagnosticLines(document.diagnostics)
        let treeURL = Self.fixtures.appendingPathComponent("\(name).pseudoxml")
        let diagnosticsURL = Self.fixtures.appendingPathComponent("\(name).diagnostics")
        if ProcessInfo.processInfo.environment["VELLUM_UPDATE_GOLDEN"] != nil {
            try tree.write(to: treeURL, atomically: true, encoding: .utf8)
            if diagnostics.isEmpty {
                try? FileManager.default.removeItem(at: diagnosticsURL)
            } else {
                try diagnostics.write(to: diagnosticsURL, atomically: true, encoding: .utf8)
            }
            return
        }
        let expectedTree = try String(contentsOf: treeURL, encoding: .utf8)
        #expect(tree == expectedTree, "tree of \(name).md differs from \(name).pseudoxml")
        let expectedDiagnostics = (try? String(contentsOf: diagnosticsURL, encoding: .utf8)) ?? ""
        #expect(diagnostics == expectedDiagnostics, "diagnostics of \(name).md differ")
    }
}
