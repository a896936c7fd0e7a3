import Foundation
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

    /// Random soup of Markdown and MyST punctuation (fixed seed): every parse
    /// finishes and every range lies inside the file.
    @Test func randomInputNeverCrashes() {
        let alphabet = Array("  \n\n\t#*_`~[]()<>!{}:=-+.|\\&;'\"é日aZ09---```{note}:::(x)=[l](a.md#b){ref}`")
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33)
        }
        for _ in 0..<1500 {
            var text = ""
            for _ in 0..<(next() % 120) { text.append(alphabet[next() % alphabet.count]) }
            let file = SourceFile(path: "r.md", text: text)
            let document = MarkdownParser().parse(file, name: "r")
            let lastLine = max(file.lineCount, 1)
            document.root.walk { node in
                if let range = node.range {
                    #expect(range.start.line >= 1 && range.end.line <= lastLine + 1, "\(text.debugDescription)")
                    #expect(range.start <= range.end, "\(text.debugDescription)")
                }
            }
        }
    }

    static let allExtensions: Set<String> = ["dollarmath", "amsmath", "fieldlist", "tasklist", "strikethrough", "linkify",
                                             "replacements", "smartquotes", "substitution", "deflist", "attrs_block",
                                             "attrs_inline", "html_image", "html_admonition"]

    /// The optional MyST extensions stay linear on input built to make them rescan.
    @Test func pathologicalInputWithEveryExtensionFinishes() {
        var options = MarkdownOptions()
        options.extensions = Self.allExtensions
        options.substitutions = ["a": "*b* {{ a }}"]
        let inputs = [
            String(repeating: "$", count: 100_000),
            String(repeating: "$a ", count: 50_000),
            String(repeating: "~~", count: 50_000) + "x",
            String(repeating: "{{ ", count: 50_000),
            String(repeating: "{{ a }}", count: 20_000),
            "http://a" + String(repeating: ")", count: 100_000),
            String(repeating: "www.", count: 50_000),
            String(repeating: "(c)--...\"'", count: 20_000),
            String(repeating: ":a: b\n", count: 20_000),
            "$$\n" + String(repeating: "x\n", count: 50_000) + "$$ (l)\n",
            "\\begin{align}\n" + String(repeating: "a \\\\\n", count: 50_000),
            String(repeating: "- [ ] x\n", count: 20_000),
        ]
        let clock = ContinuousClock()
        for input in inputs {
            let start = clock.now
            let document = MarkdownParser(options: options).parse(SourceFile(path: "h.md", text: input), name: "h")
            #expect(document.root.kind == .document)
            let elapsed = clock.now - start
            #expect(elapsed < .seconds(60), "\(input.prefix(20).debugDescription)… took too long")
            if ProcessInfo.processInfo.environment["VELLUM_TIMINGS"] != nil {
                print("\(input.prefix(12).debugDescription): \(elapsed)")
            }
        }
    }

    /// Substitutions that refer to themselves are reported, and values that double at each
    /// level (`a1` → `a2 a2` → …, 2^30 nodes) stop at the page's budget.
    @Test func substitutionsCannotExplode() {
        var options = MarkdownOptions()
        options.extensions = ["substitution"]
        options.substitutions = ["self": "*again* {{ self }}"]
        for level in 1..<30 { options.substitutions["a\(level)"] = "*x* {{ a\(level + 1) }} {{ a\(level + 1) }}" }
        options.substitutions["a30"] = "*end*"
        let clock = ContinuousClock()
        let start = clock.now
        let document = MarkdownParser(options: options).parse(
            SourceFile(path: "h.md", text: "{{ self }}\n\nand {{ a1 }}\n"), name: "h")
        #expect(clock.now - start < .seconds(60))
        let messages = document.diagnostics.map(\.message)
        #expect(messages.contains { $0.hasPrefix("circular substitution: 'self'") })
        #expect(messages.contains { $0.contains("expand to more than") })
    }

    /// The random soup again with every extension on: no crash, every range inside the file.
    @Test func randomInputWithEveryExtensionNeverCrashes() {
        var options = MarkdownOptions()
        options.extensions = Self.allExtensions
        options.substitutions = ["x": "*y*"]
        let alphabet = Array("  \n\n\t#*_`~~$$[ ] [x]{{ x }}(c)--...'\"www.a.b http://q.r :f: b\\é日aZ09```{note}:::")
        var state: UInt64 = 0x1234_5678_9ABC_DEF1
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33)
        }
        for _ in 0..<1500 {
            var text = ""
            for _ in 0..<(next() % 120) { text.append(alphabet[next() % alphabet.count]) }
            let file = SourceFile(path: "r.md", text: text)
            let document = MarkdownParser(options: options).parse(file, name: "r")
            let lastLine = max(file.lineCount, 1)
            document.root.walk { node in
                if let range = node.range {
                    #expect(range.start.line >= 1 && range.end.line <= lastLine + 1, "\(text.debugDescription)")
                    #expect(range.start <= range.end, "\(text.debugDescription)")
                }
            }
        }
    }

    @Test func labelsThatCollideAreReported() {
        let document = parse("(a)=\n# A\n\n(a)=\ntext\n")
        #expect(document.diagnostics.map(\.id) == ["md.duplicate-name", "md.duplicate-label"])
    }
}
