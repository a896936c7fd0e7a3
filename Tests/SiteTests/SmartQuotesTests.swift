import DocTree
import Foundation
import Testing
@testable import Site

/// Sphinx's default smart quotes (issue 11, part 5), on text and never on code.
@Suite struct SmartQuotesTests {
    func educate(_ text: String, _ actions: SmartQuotes.Actions = .init()) -> String {
        var previous: Character? = nil
        return SmartQuotes.educate(text, previous: &previous, actions: actions)
    }

    @Test func quotesDashesAndEllipses() {
        #expect(educate("Contributor's Guide") == "Contributor\u{2019}s Guide")
        #expect(educate("say \"hello\" and 'bye'.") == "say \u{201C}hello\u{201D} and \u{2018}bye\u{2019}.")
        #expect(educate("(\"quoted\")") == "(\u{201C}quoted\u{201D})")
        #expect(educate("back in the '80s") == "back in the \u{2019}80s")
        #expect(educate("pages 3--5 --- or not...") == "pages 3\u{2013}5 \u{2014} or not\u{2026}")
        #expect(educate("a -- b", .init("q")) == "a -- b")
        #expect(educate("\"", .init("qDe")) == "\u{201D}")
    }

    @Test func codeKeepsItsCharactersAndContextCrossesInlineMarkup() {
        let paragraph = Node(.paragraph, children: [
            .text("Use "), Node(.literal, children: [.text("\"x\" -- y")]), .text("'s value, "),
            Node(.emphasis, children: [.text("Bob")]), .text("'s \"idea\"."),
        ])
        let code = Node(.literalBlock, children: [.text("print('it''s') -- ...")])
        let out = SmartQuotes.apply(Node(.document, children: [paragraph, code]))
        #expect(out.children[0].textContent == "Use \"x\" -- y\u{2019}s value, Bob\u{2019}s \u{201C}idea\u{201D}.")
        #expect(out.children[1].textContent == "print('it''s') -- ...")
    }

    /// Sphinx's transform runs on MyST pages too: "Click's Wrapping Behavior" becomes "Click’s …".
    @Test func markdownPagesGetThemToo() throws {
        let root = try temporaryProject(["index.md": "# Home\n\n## Click's Wrapping Behavior\n\nIt's `it's` code.\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("site")
        _ = try SiteBuilder.build(BuildOptions(sourceDirectory: root.path, outputDirectory: out.path))
        let page = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(page.contains("Click\u{2019}s Wrapping Behavior"))
        #expect(page.contains("It\u{2019}s <code"))
        #expect(page.contains("it&#39;s</code>"))
    }
}
