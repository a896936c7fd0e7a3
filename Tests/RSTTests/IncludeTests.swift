import DocTree
import RST
import Testing

@Suite struct IncludeTests {
    static let files: [String: String] = [
        "/src/guide/part.rst": "Included *text*.\n",
        "/src/code.py": "def f():\n    return 1\n",
        "/etc/secret": "secret\n",
    ]

    func parse(_ text: String) -> Document {
        let options = RSTOptions(includeRoot: "/src", readFile: { Self.files[$0] }, sourceLabel: "test data")
        return RSTParser(options: options).parse(SourceFile(path: "/src/guide/page.rst", text: text), name: "guide/page")
    }

    @Test func includesRelativeToTheDocument() {
        let doc = parse(".. include:: part.rst\n\nAfter.\n")
        #expect(doc.root.first { $0.kind == .emphasis }?.textContent == "text")
        #expect(doc.diagnostics.isEmpty)
        #expect(doc.root.children.count == 2)
    }

    @Test func absolutePathsAreRelativeToTheSourceRoot() {
        let doc = parse(".. literalinclude:: /code.py\n   :language: python\n   :lines: 2\n")
        let block = doc.root.first { $0.kind == .literalBlock }
        #expect(block?.textContent == "    return 1\n")
        #expect(block?.string("language") == "python")
    }

    @Test func pathsOutsideTheSourceTreeAreRefused() {
        let doc = parse(".. include:: ../../etc/secret\n")
        #expect(doc.root.first { $0.kind == .paragraph && $0.textContent == "secret" } == nil)
        #expect(doc.diagnostics.contains { $0.id == "rst.include" && $0.severity == .error })
    }

    @Test func circularInclusionIsReported() {
        let files = ["/src/a.rst": ".. include:: b.rst\n", "/src/b.rst": ".. include:: a.rst\n"]
        let options = RSTOptions(includeRoot: "/src", readFile: { files[$0] })
        let doc = RSTParser(options: options).parse(SourceFile(path: "/src/a.rst", text: ".. include:: b.rst\n"), name: "a")
        #expect(doc.diagnostics.contains { $0.message.contains("circular inclusion") })
    }
}
