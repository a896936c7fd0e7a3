import DocTree
import Foundation
import Testing
@testable import Site

/// Sphinx's standard labels `genindex`, `modindex` and `search` link to the
/// site's own pages, from `:ref:` and from MyST links alike.
@Suite struct BuiltinLabelTests {
    @Test func genindexModindexAndSearchAreLabels() throws {
        let root = try temporaryProject([
            "index.rst": "Home\n====\n\n:ref:`genindex`, :ref:`modindex`, :ref:`search`.\n\n.. toctree::\n\n   other\n",
            "other.md": "# Other\n\n[Full Index](genindex)\n",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("site")
        let report = try SiteBuilder.build(BuildOptions(sourceDirectory: root.path, outputDirectory: out.path))
        #expect(report.diagnostics.isEmpty, "\(rendered(report.diagnostics))")
        let index = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.contains("href=\"genindex.html\"><span class=\"xref std std-ref\">Index</span>"))
        #expect(index.contains("href=\"py-modindex.html\"><span class=\"xref std std-ref\">Module Index</span>"))
        #expect(index.contains("href=\"search.html\"><span class=\"xref std std-ref\">Search Page</span>"))
        let other = try String(contentsOf: out.appendingPathComponent("other.html"), encoding: .utf8)
        #expect(other.contains("href=\"genindex.html\">Full Index</a>"))
    }
}
