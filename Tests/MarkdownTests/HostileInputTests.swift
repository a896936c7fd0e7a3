import DocTree
import Markdown
import Testing

/// Bad or adversarial input gives diagnostics, never a crash or a hang.
struct HostileInputTests {
    func parse(_ text: String) -> Document {
        MarkdownParser().parse(SourceFile(path: "h.md", text: text), name: "h")
    }

    @Test func deepBlockQuoteNestingIsCut() {
        let document = parse(String(repeating: ">", count: 20_000) + " deep\n")
        #expect(document.diagnostics.contains { $0.id == "md.nesting-too-deep" })
        var depth = 0
        var node = document.root
        while let child = node.children.first {
            depth += 1
            node = child
        }
        #expect(depth <= 110)
    }

    @Test func deepListNestingIsCut() {
        var text = ""
        for level in 0..<3000 { text += String(repeating: " ", count: level * 2) + "- x\n" }
        let document = parse(text)
        #expect(document.diagnostics.contains { $0.id == "md.nesting-too-deep" })
    }

    @Test func deeplyNestedDirectivesAreCut() {
        let levels = 40
        var text = ""
        for level in 0..<levels { text += String(repeating: "`", count: 3 + levels - level) + "{note}\n" }
        text += "core\n"
        for level in (0..<levels).reversed() { text += String(repeating: "`", count: 3 + levels - level) + "\n" }
        let document = parse(text)
        #expect(document.diagnostics.contains { $0.id == "md.nesting-too-deep" })
    }

    @Test func pathologicalInlinesFinish() {
        let inputs = [
            String(repeating: "[", count: 50_000) + "x" + String(repeating: "]", count: 50_000),
            String(repeating: "*a ", count: 50_000),
            String(repeating: "{r}`", count: 20_000),
            String(repeating: "(x)=\n", count: 5_000),
            "é" + String(repeating: "`x` ", count: 20_000),
            "---\n" + String(repeating: "key: value\n", count: 10_000),
            "```{note}\n---\n" + String(repeating: "a: b\n", count: 10_000),
            "\u{0}\r\n\r# x\u{FEFF}\n",
        ]
        for input in inputs {
            let document = parse(input)
            #expect(document.root.kind == .document)
        }
    }

    @Test func labelsThatCollideAreReported() {
        let document = parse("(a)=\n# A\n\n(a)=\ntext\n")
        #expect(document.diagnostics.map(\.id) == ["md.duplicate-name", "md.duplicate-label"])
    }
}
