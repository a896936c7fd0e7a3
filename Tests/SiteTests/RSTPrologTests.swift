import DocTree
import Foundation
import Testing
@testable import Site

/// Sphinx's `rst_prolog`: read before every reStructuredText page, after its
/// docinfo fields, without moving the page's own line numbers.
@Suite struct RSTPrologTests {
    @Test func thePrologBeforeEveryPageAndKeepsItsLines() throws {
        let root = try temporaryProject([
            "conf.py": """
                rst_prolog = '''
                .. |product| replace:: Vellum Deluxe
                .. _homepage: https://example.org/
                .. |broken| replace:: :ref:`no-such-label`
                '''
                """,
            "vellum.toml": "[diagnostics]\nseverity = { \"ref.ref\" = \"warning\" }\n",
            "index.rst": """
                Home
                ====

                Welcome to |product| (see homepage_).

                .. toctree::

                   notes

                See :ref:`missing-here`.
                """,
            "notes.rst": """
                :orphan:
                :tocdepth: 1

                Notes
                =====

                |product| notes, |broken|.
                """,
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("_site")
        let report = try SiteBuilder.build(BuildOptions(sourceDirectory: root.path, outputDirectory: out.path))
        let refs = report.diagnostics.filter { $0.id == "ref.ref" }
            .map { "\(($0.file?.path as NSString?)?.lastPathComponent ?? "?"):\($0.range?.start.line ?? 0) \($0.message)" }
        // The page's own reference stays on its line; the prolog's is reported once, in the prolog
        // (its fourth line: the first is the empty one after the opening quotes).
        #expect(refs.contains { $0.hasPrefix("index.rst:10 ") && $0.contains("missing-here") })
        #expect(!refs.contains { $0.hasPrefix("index.rst") && $0.contains("no-such-label") })
        #expect(refs.contains { $0.hasPrefix("<rst_prolog>:4 ") && $0.contains("no-such-label") })
        let index = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.contains("Welcome to Vellum Deluxe (see <a class=\"reference external\" href=\"https://example.org/\">homepage</a>)."))
        let notes = try String(contentsOf: out.appendingPathComponent("notes.html"), encoding: .utf8)
        #expect(notes.contains("Vellum Deluxe notes"))
        // The docinfo fields stay first: the page is still an orphan (no toctree warning), and,
        // as in Sphinx, they are metadata, not a field list on the page.
        #expect(!notes.contains("tocdepth"))
        #expect(!report.diagnostics.contains { $0.id.hasPrefix("toctree") })
    }
}
