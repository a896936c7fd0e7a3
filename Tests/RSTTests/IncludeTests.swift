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

    /// Each file includes the next one twice: 2^24 inclusions unless bounded.
    @Test(.timeLimit(.minutes(1))) func includesThatFanOutAreBounded() {
        var files: [String: String] = [:]
        for k in 0..<24 { files["/src/f\(k).rst"] = "Level \(k).\n\n.. include:: f\(k + 1).rst\n\n.. include:: f\(k + 1).rst\n" }
        files["/src/f24.rst"] = "Leaf.\n"
        let options = RSTOptions(includeRoot: "/src", readFile: { [files] in files[$0] })
        let doc = RSTParser(options: options).parse(SourceFile(path: "/src/page.rst", text: ".. include:: f0.rst\n"), name: "page")
        #expect(doc.diagnostics.contains { $0.message.contains("more than 1000 inclusions in one document") })
    }

    /// The reader decides what may be read and says why not; invalid UTF-8 is reported at the include.
    @Test func readBytesDecidesAndExplains() {
        let options: RSTOptions = {
            var o = RSTOptions(includeRoot: "/src")
            o.readBytes = { path in
                switch path {
                case "/src/ok.rst": return .success(Array("Fine.\n".utf8))
                case "/src/latin.rst": return .success([0x63, 0x61, 0x66, 0xE9, 0x0A])
                case "/src/dir": return .failure(FileReadFailure(id: "read.directory", message: "is a directory, not a file"))
                case "/elsewhere/x.rst": return .success(Array("Read.\n".utf8))
                default: return .failure(.notFound)
                }
            }
            return o
        }()
        let text = ".. include:: ok.rst\n\n.. include:: latin.rst\n\n.. include:: dir\n\n.. include:: ../elsewhere/x.rst\n\n.. include:: gone.rst\n"
        let doc = RSTParser(options: options).parse(SourceFile(path: "/src/page.rst", text: text), name: "page")
        #expect(doc.diagnostics.map { "\($0.range?.start.line ?? 0) \($0.id)" }
                == ["3 read.encoding", "5 read.directory", "9 rst.include"])
        #expect(doc.diagnostics.first { $0.id == "read.directory" }?.message.contains("'dir' is a directory") == true)
        // Outside `includeRoot` is for the reader to judge (the Site allows the repository).
        #expect(doc.root.textContent.contains("Read."))
        #expect(doc.root.textContent.contains("caf\u{FFFD}"))
    }
}
