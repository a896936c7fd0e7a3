import Foundation
import Testing
@testable import Site

/// The sidebar (issue 14, part 2): the top level, the path to the page, the
/// page's siblings and children; every other branch collapsed.
@Suite struct NavigationTests {
    /// index → a, b; a → a1, a2; a1 → a1x; b → b1.
    func makeProject(templates: [String: String] = [:]) throws -> (URL, URL) {
        let root = try temporaryDirectory()
        let source = root.appendingPathComponent("docs")
        func page(_ name: String, _ title: String, _ children: [String], caption: String? = nil) throws {
            var text = "\(title)\n\(String(repeating: "=", count: title.count))\n\nText of \(title).\n"
            if !children.isEmpty {
                text += "\n.. toctree::\n" + (caption.map { "   :caption: \($0)\n" } ?? "") + "\n"
                    + children.map { "   \($0)\n" }.joined()
            }
            let url = source.appendingPathComponent(name + ".rst")
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        try page("index", "Home", ["a/index"])
        try Data("""
            Home
            ====

            Text of Home.

            .. toctree::

               a/index

            .. toctree::
               :caption: More <parts>

               b
            """.utf8).write(to: source.appendingPathComponent("index.rst"))
        try page("a/index", "Part A", ["a1", "a2"])
        try page("a/a1", "A one", ["a1x"])
        try page("a/a1x", "A one x", [])
        try page("a/a2", "A two & more", [])
        try page("b", "Part B", ["b1"])
        try page("b1", "B one", [])
        var toml = "[project]\nname = \"Nav\"\n"
        if !templates.isEmpty {
            toml += "templates = \"../templates\"\n"
            for (name, text) in templates {
                let url = root.appendingPathComponent("templates/\(name).mustache")
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url)
            }
        }
        try Data(toml.utf8).write(to: source.appendingPathComponent("vellum.toml"))
        return (root, source)
    }

    func build(_ source: URL, into output: URL) throws {
        let report = try SiteBuilder.build(BuildOptions(sourceDirectory: source.path, outputDirectory: output.path))
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
    }

    /// The sidebar's lists, without the links to the indices.
    func sidebar(_ html: String) -> String {
        guard let start = html.range(of: "<nav class=\"sidebar\" aria-label=\"Site navigation\">"),
              let end = html.range(of: "</nav>", range: start.upperBound..<html.endIndex) else { return "" }
        var text = String(html[start.upperBound..<end.lowerBound])
        if let indices = text.range(of: "<ul class=\"nav nav-indices\">") { text = String(text[..<indices.lowerBound]) }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func deepPageShowsItsBranchOnly() throws {
        let (root, source) = try makeProject()
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("out")
        try build(source, into: output)
        let a1 = try String(contentsOf: output.appendingPathComponent("a/a1.html"), encoding: .utf8)
        #expect(sidebar(a1) == """
            <ul class="nav">
            <li class=" ancestor"><a href="index.html">Part A</a><ul>\
            <li class="current"><a href="a1.html" aria-current="page">A one</a><ul>\
            <li class=""><a href="a1x.html">A one x</a></li>
            </ul></li>
            <li class=""><a href="a2.html">A two &amp; more</a></li>
            </ul></li>
            </ul>
            <p class="caption" role="heading">More &lt;parts&gt;</p>
            <ul class="nav">
            <li class=" collapsed"><a href="../b.html">Part B</a></li>
            </ul>
            """)
        let home = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(sidebar(home) == """
            <ul class="nav">
            <li class=" collapsed"><a href="a/index.html">Part A</a></li>
            </ul>
            <p class="caption" role="heading">More &lt;parts&gt;</p>
            <ul class="nav">
            <li class=" collapsed"><a href="b.html">Part B</a></li>
            </ul>
            """)
    }

    /// A project's own copy of the built-in `nav-item.mustache` renders the same
    /// bytes as the built-in sidebar, which is written without Mustache.
    @Test func builtInSidebarMatchesItsTemplate() throws {
        let template = try #require(DefaultTheme.files["nav-item.mustache"])
        let (root, source) = try makeProject(templates: ["nav-item": template])
        defer { try? FileManager.default.removeItem(at: root) }
        let (plainRoot, plainSource) = try makeProject()
        defer { try? FileManager.default.removeItem(at: plainRoot) }
        try build(source, into: root.appendingPathComponent("out"))
        try build(plainSource, into: plainRoot.appendingPathComponent("out"))
        for page in ["index", "a/index", "a/a1", "a/a1x", "a/a2", "b", "b1"] {
            let templated = try String(contentsOf: root.appendingPathComponent("out/\(page).html"), encoding: .utf8)
            let direct = try String(contentsOf: plainRoot.appendingPathComponent("out/\(page).html"), encoding: .utf8)
            #expect(!sidebar(direct).isEmpty)
            #expect(templated == direct, "\(page)")
        }
    }
}
