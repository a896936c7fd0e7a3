import DocTree
import Foundation
import Testing

/// The `contents` directive as Sphinx renders it, whatever the markup: each
/// entry's link has a made-up id that continues the page's numbering (after
/// the parser's ids and those Sphinx's AutoNumbering gives captioned tables
/// and figures), and each listed title links back to its entry (`:backlinks:
/// entry`, the default), to the table (`top`) or nowhere (`none`). The
/// fixture's ids and backlinks are the ones Sphinx 9.2 with myst-parser 5
/// gives the same project.
@Suite struct ContentsTests {
    @Test func tablesOfContentsNumberAndLinkBackAsSphinx() throws {
        let tmp = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let out = tmp.appendingPathComponent("site")
        let report = try buildFixture("contents", output: out)
        #expect(report.diagnostics.isEmpty, "\(rendered(report.diagnostics))")
        var pages: [String: String] = [:]
        for page in ["index", "top", "guide", "changes"] {
            let html = MySTLinkTests.article(try String(contentsOf: out.appendingPathComponent(page + ".html"), encoding: .utf8))
            expectGolden(html, "contents/\(page).html")
            pages[page] = html
        }
        let index = try #require(pages["index"])
        // The topic is `id1` ("contents" is the page title's); a footnote reference and a repeated
        // title take `id2` and `id3`, the captioned table `id4`; the entries follow.
        #expect(index.contains("<nav id=\"id1\" class=\"contents\">"))
        #expect(index.contains("<table id=\"id4\" class=\"docutils\">"))
        #expect(index.contains("<a class=\"reference internal\" href=\"#id3\" id=\"id7\">Setup</a>"))
        #expect(index.contains("<h2><a class=\"toc-backref\" href=\"#id7\" role=\"doc-backlink\">Setup</a>"))
        // A title with a link of its own has no backlink, and its entry shows the link's text only.
        #expect(index.contains("<h2>Links <a class=\"reference external\""))
        #expect(index.contains("href=\"#links-elsewhere\" id=\"id8\">Links elsewhere</a>"))
        let top = try #require(pages["top"])
        // `:backlinks: top` links to the table; a later table with `none` changes nothing.
        #expect(top.components(separatedBy: "href=\"#on-this-page\" role=\"doc-backlink\"").count == 4)
        #expect(top.contains("<figure id=\"id1\">"))
        let guide = try #require(pages["guide"])
        #expect(guide.contains("<a class=\"reference internal\" href=\"#configure\" id=\"id4\">Configure</a>"))
        // `:depth: 1`: the subsection is not listed.
        #expect(!guide.contains("href=\"#deeper\" id="))
    }
}
