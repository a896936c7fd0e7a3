import CrossRef
import DocTree
import Foundation
import Testing
@testable import Site

/// The pages around the pages (issue 14, parts 1, 3 and 4): the search index,
/// the general index, the module index, 404.html, sitemap.xml and "Show source".
@Suite struct SiteExtrasTests {
    func makeProject() throws -> (URL, URL) {
        let root = try temporaryDirectory()
        let source = root.appendingPathComponent("docs")
        try FileManager.default.createDirectory(at: source, withIntermediateDirectories: true)
        func write(_ path: String, _ text: String) throws {
            try Data(text.utf8).write(to: source.appendingPathComponent(path))
        }
        try write("vellum.toml", """
            [project]
            name = "Extras"
            base_url = "https://docs.example.org/extras/"
            [html]
            show_source = true
            modindex_common_prefix = ["pkg."]
            """)
        try write("index.rst", """
            Home
            ====

            .. index::
               single: loop; statement
               pair: replication; database
               triple: one; two; three
               see: lag; replication delay
               seealso: router; strategy
               !primary, replica

            Intro text about :index:`round robin` and :index:`weights <!balancing; weights>`.

            Later section
            -------------

            Replicas take reads while the primary takes writes.

            .. toctree::

               api
            """)
        try write("api.rst", """
            API
            ===

            .. py:module:: pkg.core

            .. py:function:: connect(url)

               Opens a connection.

            .. py:module:: pkg.core.sub
            """)
        return (root, source)
    }

    @Test func indexEntriesOfEveryType() throws {
        var index = GeneralIndex()
        for text in ["single: loop; statement", "pair: replication; database", "triple: one; two; three",
                     "see: lag; replication delay", "seealso: router; strategy", "!primary, replica",
                     "module: pkg"] {
            index.add(RawIndexEntry(text: text, document: "guide/intro", anchor: "index-1"))
        }
        let url = "guide/intro.html#index-1"
        #expect(index.terms["loop"]?.subterms["statement"] == [.init(url: url, main: false)])
        #expect(index.terms["replication"]?.subterms["database"] != nil)
        #expect(index.terms["database"]?.subterms["replication"] != nil)
        #expect(index.terms["one"]?.subterms["two three"] != nil)
        #expect(index.terms["two"]?.subterms["three, one"] != nil)
        #expect(index.terms["three"]?.subterms["one two"] != nil)
        #expect(index.terms["lag"]?.references == ["see replication delay"])
        #expect(index.terms["router"]?.references == ["see also strategy"])
        #expect(index.terms["primary"]?.links == [.init(url: url, main: true)])
        #expect(index.terms["replica"]?.links == [.init(url: url, main: true)])
        #expect(index.terms["module"]?.subterms["pkg"] != nil)
        #expect(index.terms["pkg"]?.subterms["module"] != nil)
    }

    @Test func sectionsCarryTheirOwnText() throws {
        let (root, source) = try makeProject()
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("out")
        let report = try SiteBuilder.build(BuildOptions(sourceDirectory: source.path, outputDirectory: output.path))
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        let script = try String(contentsOf: output.appendingPathComponent("searchindex.js"), encoding: .utf8)
        let encoded = try #require(script.split(separator: "\"").dropFirst().first)
        let json = try String(decoding: Zlib.decompress(#require(Data(base64Encoded: String(encoded)))), as: UTF8.self)
        #expect(json.contains(#"["Home","index.html"]"#))
        #expect(json.contains(#"["pkg.core.connect","py:function",0,"pkg.core.connect"]"#))
        #expect(json.contains(#"[1,"home","Home","Intro text about round robin and weights."]"#))
        // The module's target right after the title gives the section its anchor, as in Sphinx.
        #expect(json.contains(#"[0,"module-pkg.core","API","pkg.core.connect url Opens a connection."]"#))
        #expect(json.contains(#"[1,"later-section","Later section","Replicas take reads while the primary takes writes."]"#))
    }

    @Test func indicesSearch404SitemapAndSources() throws {
        let (root, source) = try makeProject()
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("out")
        _ = try SiteBuilder.build(BuildOptions(sourceDirectory: source.path, outputDirectory: output.path))
        func read(_ path: String) throws -> String {
            try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
        }
        let genindex = try read("genindex.html")
        #expect(genindex.contains(#"<li><a href="index.html#index-4"><strong>primary</strong></a></li>"#))
        #expect(genindex.contains(#"<li><a href="index.html#index-12-18">round robin</a></li>"#))
        #expect(genindex.contains(#"<li>balancing\#n<ul>\#n<li><a href="index.html#index-12-43"><strong>weights</strong></a></li>"#))
        #expect(genindex.contains(#"<a href="api.html#pkg.core.connect">pkg.core.connect() (built-in function)</a>"#))
        #expect(genindex.contains(#"<li><em>see replication delay</em></li>"#))
        let modindex = try read("py-modindex.html")
        #expect(modindex.contains(#"<tr class="cap" id="cap-c">"#))
        #expect(modindex.contains(#"<tr class="submodule"><td><a href="api.html#module-pkg.core.sub"><code class="xref">core.sub</code>"#))
        let home = try read("index.html")
        #expect(home.contains(#"<li><a href="genindex.html">Index</a></li><li><a href="py-modindex.html">Module Index</a></li>"#))
        #expect(home.contains(#"<link rel="canonical" href="https://docs.example.org/extras/index.html">"#))
        #expect(home.contains(#"<a href="_sources/index.rst.txt" rel="nofollow">Show source</a>"#))
        #expect(try read("_sources/api.rst.txt").hasPrefix("API\n===\n"))
        let search = try read("search.html")
        #expect(search.contains("<noscript><p class=\"search-status\">Search needs JavaScript"))
        #expect(search.contains(#"<meta name="robots" content="noindex">"#))
        #expect(search.contains("<script src=\"searchindex.js\"></script>\n<script src=\"_static/search.js\"></script>"))
        let notFound = try read("404.html")
        #expect(notFound.contains(#"href="https://docs.example.org/extras/_static/vellum.css""#))
        #expect(notFound.contains(#"<a href="https://docs.example.org/extras/api.html">API</a>"#))
        let sitemap = try read("sitemap.xml")
        #expect(sitemap.contains("<url><loc>https://docs.example.org/extras/api.html</loc></url>"))
        #expect(sitemap.contains("<url><loc>https://docs.example.org/extras/genindex.html</loc></url>"))
    }
}
