import DocTree
import Foundation
import Markdown
import Testing

/// Runs the CommonMark spec examples through the Markdown reader when
/// `scripts/commonmark` provides them (`VELLUM_COMMONMARK_SPEC` = the spec's
/// JSON, `VELLUM_COMMONMARK_OUT` = where to write our HTML for each example).
struct CommonMarkSpecTests {
    static let environment = ProcessInfo.processInfo.environment

    @Test(.enabled(if: environment["VELLUM_COMMONMARK_SPEC"] != nil))
    func renderSpecExamples() throws {
        let specPath = try #require(Self.environment["VELLUM_COMMONMARK_SPEC"])
        let outPath = Self.environment["VELLUM_COMMONMARK_OUT"] ?? "commonmark-results.json"
        let data = try Data(contentsOf: URL(fileURLWithPath: specPath))
        let examples = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        #expect(examples.count > 500)
        // Destinations as written: MyST's link classification (page, label, download) is not CommonMark's business.
        let parser = MarkdownParser(options: MarkdownOptions(rawHTMLEnabled: true, pageLinks: false))
        var results: [[String: Any]] = []
        for example in examples {
            guard let markdown = example["markdown"] as? String, let number = example["example"] as? Int else { continue }
            let document = parser.parse(SourceFile(path: "spec.md", text: markdown), name: "spec")
            results.append(["example": number, "html": CommonMarkHTML.render(document)])
        }
        let output = try JSONSerialization.data(withJSONObject: results, options: [.sortedKeys])
        try output.write(to: URL(fileURLWithPath: outPath))
    }

    @Test func rendersOwnExamples() {
        let cases: [(String, String)] = [
            ("# Title\n\nSome *text* and `code`.\n", "<h1>Title</h1>\n<p>Some <em>text</em> and <code>code</code>.</p>\n"),
            ("- a\n- b\n", "<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n"),
            ("1. a\n\n2. b\n", "<ol>\n<li>\n<p>a</p>\n</li>\n<li>\n<p>b</p>\n</li>\n</ol>\n"),
            ("Setext\n---\n\n> quote\n", "<h2>Setext</h2>\n<blockquote>\n<p>quote</p>\n</blockquote>\n"),
            ("[x](<a b.md#c>) ![i](p.png \"t\")\n", "<p><a href=\"a%20b.md#c\">x</a> <img src=\"p.png\" alt=\"i\" title=\"t\" /></p>\n"),
        ]
        let parser = MarkdownParser(options: MarkdownOptions(rawHTMLEnabled: true))
        for (markdown, html) in cases {
            let document = parser.parse(SourceFile(path: "t.md", text: markdown), name: "t")
            #expect(CommonMarkHTML.render(document) == html, "\(markdown)")
        }
    }
}
