import DocTree
import Markdown
import Testing

/// Source ranges of nodes and diagnostics (columns count Unicode scalars, 1-based, end exclusive).
struct RangeTests {
    func parse(_ text: String, options: MarkdownOptions = .site()) -> Document {
        MarkdownParser(options: options).parse(SourceFile(path: "t.md", text: text), name: "dir/t")
    }

    func firstRange(_ kind: NodeKind, in text: String) -> String? {
        parse(text).root.first(where: { $0.kind == kind })?.range?.description
    }

    @Test func roleSpansTheWholeRole() {
        #expect(firstRange(.pendingXref, in: "See {ref}`intro` here.\n") == "1:5-1:17")
        #expect(firstRange(.pendingXref, in: "See {ref}`` a `b` `` here.\n") == "1:5-1:21")
    }

    @Test func linksOnContinuationLines() {
        #expect(firstRange(.pendingXref, in: "para\n  [x](y.md) after\n") == "2:3-2:12")
        #expect(firstRange(.pendingXref, in: "> quote\n> more [x](y.md)\n") == "2:8-2:17")
        #expect(firstRange(.pendingXref, in: "- item\n  text [x](y.md)\n") == "2:8-2:17")
        #expect(firstRange(.pendingXref, in: "hard\\\n[x](y.md)\n") == "2:1-2:10")
        #expect(firstRange(.pendingXref, in: "two  \nspaces [x](y.md)\n") == "2:8-2:17")
    }

    @Test func linkSpanningLines() {
        #expect(firstRange(.pendingXref, in: "a [link\ntext](x.md) b\n") == "1:3-2:12")
        #expect(firstRange(.emphasis, in: "a *b\nc* d\n") == "1:3-2:3")
    }

    @Test func columnsCountUnicodeScalars() {
        #expect(firstRange(.pendingXref, in: "héllo wörld [x](y.md)\n") == "1:13-1:22")
        #expect(firstRange(.literal, in: "日本 `code`\n") == "1:4-1:10")
    }

    @Test func blockRanges() {
        let document = parse("# Title\n\nText\nmore.\n\nSetext\n======\nnext\n")
        let sections = document.root.children.filter { $0.kind == .section }
        #expect(sections.first?.children.first?.range?.description == "1:1-1:8")
        #expect(sections.first?.children.dropFirst().first?.range?.description == "3:1-4:6")
        #expect(sections.last?.children.first?.range?.description == "6:1-7:7")
    }

    @Test func autolinkRange() {
        #expect(firstRange(.reference, in: "see <https://a.example/x> now\n") == "1:5-1:26")
    }

    @Test func directiveBodyPositionsPointIntoTheFile() {
        #expect(firstRange(.pendingXref, in: "```{note}\n[x](y.md)\n```\n") == "2:1-2:10")
        #expect(firstRange(.pendingXref, in: "```{note}\n:class: c\n\nsee [x](y.md)\n```\n") == "4:5-4:14")
        #expect(firstRange(.pendingXref, in: "- ```{note}\n  [x](y.md)\n  ```\n") == "2:3-2:12")
        #expect(firstRange(.pendingXref, in: "````{note}\n```{tip}\n[x](y.md)\n```\n````\n") == "3:1-3:10")
    }

    @Test func diagnosticsCarryRanges() {
        let document = parse("Text {nosuchrole}`x` and <b>bold</b>.\n\n```{nosuchdirective}\nbody\n```\n")
        let found = document.diagnostics.map { "\($0.id)@\($0.range?.description ?? "-")" }
        #expect(found == [
            "md.unknown-role@1:6-1:21", "md.raw-html@1:26-1:29", "md.raw-html@1:33-1:37",
            "md.unknown-directive@3:1-5:4",
        ])
        #expect(document.diagnostics.allSatisfy { $0.file?.path == "t.md" })
    }

    @Test func frontMatterKeepsLineNumbers() {
        let document = parse("---\ntitle: Hello\norphan: true\n---\n\n# Heading {unknown}`x`\n")
        #expect(document.metadata == ["title": "Hello", "orphan": ""])
        #expect(document.title == "Hello")
        #expect(document.diagnostics.first?.range?.description == "6:11-6:23")
    }
}
