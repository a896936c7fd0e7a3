import DocTree
import RST
import Testing

@Suite struct SphinxDirectiveTests {
    func parse(_ text: String, tags: Set<String> = []) -> Document {
        RSTParser(options: RSTOptions(tags: tags)).parse(SourceFile(path: "p.rst", text: text), name: "p")
    }

    @Test func onlyKeepsContentWhenTheExpressionHolds() {
        let text = ".. only:: html and not latex\n\n   Kept.\n\n.. only:: latex\n\n   Dropped.\n"
        let doc = parse(text, tags: ["html"])
        #expect(doc.root.textContent.contains("Kept."))
        #expect(!doc.root.textContent.contains("Dropped."))
        #expect(parse(text).root.children.isEmpty)
    }

    /// Titles in `only` have title styles of their own, as Sphinx parses them: a style first used there
    /// does not set the page's (so `~` after it is no skipped level), and one the page already uses
    /// puts the section at its level. Sphinx 9.2 gives these headings.
    @Test func titlesInOnlyHaveTheirOwnStyles() {
        let text = """
            Title
            =====

            Sub
            ---

            .. only:: html

               Inner
               ^^^^^

               Deeper
               ~~~~~~

            Next
            ----

            Child
            ~~~~~

            .. only:: html

               Again
               -----

            """
        let doc = parse(text, tags: ["html"])
        #expect(doc.diagnostics.filter { $0.severity >= .warning }.isEmpty)
        var headings: [String] = []
        func walk(_ node: Node, _ depth: Int) {
            for child in node.children where child.kind == .section {
                headings.append("h\(depth) " + (child.children.first?.textContent ?? ""))
                walk(child, depth + 1)
            }
        }
        walk(doc.root, 1)
        #expect(headings == ["h1 Title", "h2 Sub", "h3 Inner", "h4 Deeper", "h2 Next", "h3 Child", "h2 Again"])
    }

    @Test func invalidOnlyExpressionIsAnError() {
        let doc = parse(".. only:: html and\n\n   x\n")
        #expect(doc.diagnostics.contains { $0.id == "rst.only" && $0.severity == .error })
    }

    @Test func highlightSetsTheDefaultLanguage() {
        let doc = parse(".. highlight:: python\n\n.. code-block::\n\n   x = 1\n")
        #expect(doc.root.first { $0.kind == .literalBlock }?.string("language") == "python")
    }

    @Test func everySystemMessageHasADiagnosticWithALocation() {
        let doc = parse("Title\n===\n\n*a\n\n.. nope::\n\n:nope:`x`\n\n- a\nb\n")
        var messages = 0
        doc.root.walk { if $0.kind == .systemMessage { messages += 1 } }
        #expect(messages == doc.diagnostics.count)
        #expect(doc.diagnostics.allSatisfy { $0.range != nil && $0.file != nil })
    }

    @Test func toctreeEntriesKeepTheirSourceRanges() {
        let doc = parse(".. toctree::\n   :maxdepth: 1\n\n   intro\n   Title <guide/index>\n")
        let entries = doc.root.first { $0.kind == .toctree }?.children ?? []
        #expect(entries.count == 2)
        #expect(entries[1].string("title") == "Title")
        #expect(entries[1].string("target") == "guide/index")
        #expect(entries[1].range?.start == SourceLocation(line: 5, column: 4))
        #expect(doc.root.first { $0.kind == .toctree }?.attributes["maxdepth"] == .int(1))
    }

    @Test func doctestDirectivesShowCodeAndHideSetup() {
        let doc = parse("""
            .. testsetup::

               import widgets

            .. doctest::

               >>> widgets.count()  # doctest: +ELLIPSIS
               3

            .. testcode::
               :hide:

               print(1)

            .. testoutput::

               1
            """)
        #expect(doc.diagnostics.filter { $0.severity >= .warning }.isEmpty)
        let blocks = doc.root.children.filter { $0.kind == .literalBlock }
        #expect(blocks.map { $0.string("language") ?? "" } == ["pycon", "none"])
        #expect(blocks.first?.textContent == ">>> widgets.count()\n3")
    }
}
