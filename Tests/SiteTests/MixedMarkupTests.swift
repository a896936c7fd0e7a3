import DocTree
import Foundation
import Testing
@testable import Site

@Suite struct MixedMarkupTests {
    func build(_ project: String, output: URL?) throws -> BuildReport {
        try buildFixture(project, output: output)
    }

    /// RST ↔ Markdown references both ways, MyST directives, one broken link and one broken anchor.
    @Test func mixedSiteDiagnostics() throws {
        let report = try build("mixed", output: nil)
        expectGolden(rendered(report.diagnostics, .text), "mixed/diagnostics.txt")
        #expect(report.diagnostics.map(\.id) == ["ref.mdlink", "ref.mdlink"])
    }

    /// The same site with the broken line removed builds, and both pages render as expected.
    @Test func mixedSiteOutput() throws {
        let tmp = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let project = try copyProject("mixed", to: tmp)
        let page = project.appendingPathComponent("howto.md")
        let text = try String(contentsOf: page, encoding: .utf8)
        try text.components(separatedBy: "\n").filter { !$0.hasPrefix("A broken page link") }.joined(separator: "\n")
            .write(to: page, atomically: true, encoding: .utf8)
        let out = tmp.appendingPathComponent("site")
        let report = try SiteBuilder.build(BuildOptions(sourceDirectory: project.path, outputDirectory: out.path))
        #expect(report.diagnostics.isEmpty, "\(rendered(report.diagnostics))")
        for name in ["index", "howto"] {
            expectGolden(try String(contentsOf: out.appendingPathComponent(name + ".html"), encoding: .utf8),
                         "mixed/\(name).html")
        }
    }

    /// A broken reference inside a docstring fails the build at the .py file's line, with a note
    /// naming the page that shows the docstring.
    @Test func brokenReferenceInDocstringPointsAtPythonSource() throws {
        let report = try build("pydoc", output: nil)
        #expect(report.errorCount == 1)
        let diagnostic = try #require(report.diagnostics.first)
        #expect(diagnostic.file?.path.hasSuffix("pydoc/src/shop/cart.py") == true)
        #expect(diagnostic.range?.start == SourceLocation(line: 8, column: 51))
        #expect(diagnostic.message == "no py:class named 'PriceList'")
        let page = try #require(diagnostic.notes.last)
        #expect(page.message == "shown on this page")
        #expect(page.file?.path.hasSuffix("pydoc/index.rst") == true)
        #expect(page.range == nil)
    }
}
