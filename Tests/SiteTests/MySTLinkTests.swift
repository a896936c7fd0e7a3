import DocTree
import Foundation
import Site
import Testing

/// One Markdown link of every MyST form (external, page path with and without
/// suffix, absolute, label, `#anchor`, `project:`, `path:`, `inv:`, object,
/// glossary term, download, myst_url_schemes templates, a label with a colon, a
/// `{.glossary}` definition list), in a project where all resolve and one where each
/// is broken. The HTML goldens hold only the page body (`<article>`), so theme
/// changes do not touch them.
@Suite struct MySTLinkTests {
    static func article(_ html: String) -> String {
        guard let start = html.range(of: "<article"), let end = html.range(of: "</article>") else { return html }
        return String(html[start.lowerBound..<end.upperBound]) + "\n"
    }

    @Test func everyLinkFormResolves() throws {
        let tmp = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let out = tmp.appendingPathComponent("site")
        let report = try buildFixture("myst-links", output: out)
        #expect(report.diagnostics.isEmpty, "\(rendered(report.diagnostics))")
        for page in ["index", "guide/setup"] {
            let html = try String(contentsOf: out.appendingPathComponent(page + ".html"), encoding: .utf8)
            expectGolden(Self.article(html), "myst-links/\(page.replacingOccurrences(of: "/", with: "-")).html")
        }
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("_downloads/files/data.csv").path))
    }

    @Test func everyBrokenLinkIsReportedAtItsLine() throws {
        let report = try buildFixture("myst-links-broken", output: nil)
        expectGolden(rendered(report.diagnostics, .text), "myst-links-broken/diagnostics.txt")
        #expect(report.errorCount == 17)
        #expect(report.diagnostics.allSatisfy { $0.range != nil })
    }
}
