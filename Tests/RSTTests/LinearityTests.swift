import DocTree
import Foundation
import RST
import Testing

/// Hostile inputs must parse without crashing and in (roughly) linear time.
@Suite struct LinearityTests {
    func parseSeconds(_ text: String) -> Double {
        let start = Date()
        _ = RSTParser().parse(SourceFile(path: "x.rst", text: text), name: "x")
        return Date().timeIntervalSince(start)
    }

    @Test func deeplyNestedBlockQuotesDoNotOverflowTheStack() {
        let text = (0..<3000).map { String(repeating: " ", count: $0) + "level \($0)\n\n" }.joined()
        let doc = RSTParser().parse(SourceFile(path: "x.rst", text: text), name: "x")
        #expect(doc.root.children.count == 2)
    }

    @Test func unterminatedMarkupIsLinear() {
        let unit = String(repeating: "*a `b ", count: 2000) + "\n"
        let small = parseSeconds(String(repeating: unit, count: 10))
        let large = parseSeconds(String(repeating: unit, count: 40))
        #expect(large < small * 10 + 0.5, "4x input took \(large / max(small, 1e-6))x time")
    }

    @Test func longHyphenatedWordsAreLinear() {
        let small = parseSeconds(String(repeating: "a-", count: 20_000) + "_\n")
        let large = parseSeconds(String(repeating: "a-", count: 80_000) + "_\n")
        #expect(large < small * 10 + 0.5)
    }

    @Test func deeplyNestedDirectivesAreCutOffWithAnError() {
        let text = (0..<200).map { String(repeating: "   ", count: $0) + ".. note::\n\n" }.joined()
            + String(repeating: "   ", count: 200) + "x\n"
        let doc = RSTParser().parse(SourceFile(path: "x.rst", text: text), name: "x")
        #expect(doc.diagnostics.contains { $0.id == "rst.nesting-depth" })
    }
}
