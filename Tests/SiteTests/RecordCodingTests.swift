import DocTree
import Foundation
import Testing
@testable import Site

/// The cache's hand-written record form (`RecordCodable`) keeps every stored
/// property: a value read back describes itself (through `Mirror`, every stored
/// property down to the source files' texts) exactly as the value written. A
/// property added to a type and left out of its `write(to:)`/`init(from:)` fails here.
@Suite struct RecordCodingTests {
    /// Everything the memo says, its tree and body read from the blob folder (and named apart).
    func described(_ memo: PageMemo) throws -> String {
        var memo = memo
        memo.read = try memo.read.withTree()
        let names = "\(memo.read.storedTree?.name.description ?? "-") \(memo.resolved?.storedBody?.name.description ?? "-")"
        memo.read.storedTree = nil
        if var resolved = memo.resolved {
            resolved.page.body = try resolved.body()
            resolved.bodyLoaded = true
            resolved.storedBody = nil
            memo.resolved = resolved
        }
        return names + " " + StableDescription.of(memo, limit: 256)
    }

    @Test func everyPageRecordReadsBackAsWritten() throws {
        let (tmp, source) = try temporaryProjectFolder()
        defer { try? FileManager.default.removeItem(at: tmp) }
        var project = try EditableProject(root: source)
        var options = BuildOptions(sourceDirectory: source.path, outputDirectory: nil)
        options.memoryOutput = MemoryOutput()
        options.buildDate = Date(timeIntervalSince1970: 1_800_000_000)
        options.cacheDirectory = tmp.appendingPathComponent("cache").path
        let builder = IncrementalBuilder(options: options)
        var random = SeededRandom(seed: 7)
        var checked = 0
        var sawDiagnostics = false, sawObjects = false, sawToctrees = false
        for _ in 0..<25 {
            _ = try project.apply(using: &random)
            _ = try builder.rebuild()
            let state = try #require(builder.state)
            let store = BlobStore(cacheDirectory: options.cacheDirectory!)
            for (path, memo) in state.pages.sorted(by: { $0.key < $1.key }) {
                var written = memo
                let cached = try CachedPage(&written, digest: memo.digest, store: store)
                let read = try cached.decoded(store: store)
                #expect(try described(read) == described(written), "\(path)")
                #expect(read.digest == memo.digest, "\(path)")
                checked += 1
                sawDiagnostics = sawDiagnostics || !memo.read.document.diagnostics.isEmpty
                    || !(memo.resolved?.page.diagnostics.isEmpty ?? true)
                sawObjects = sawObjects || !memo.read.targets.objects.isEmpty
                sawToctrees = sawToctrees || !memo.read.tocNodes.isEmpty
            }
            let summary = try #require(state.summary)
            var writer = RecordWriter(files: SourceFileTable())
            writer.write(summary)
            var reader = RecordReader(bytes: writer.bytes, files: writer.files)
            #expect(StableDescription.of(try BuildSummary(from: &reader), limit: 256) == StableDescription.of(summary, limit: 256))
        }
        #expect(checked > 100 && sawDiagnostics && sawObjects && sawToctrees)
    }

    @Test func aDiagnosticWithEverythingReadsBackAsWritten() throws {
        let file = SourceFile(path: "docs/a.rst", text: "Title\n=====\n\nText.\n")
        let range = SourceRange(start: SourceLocation(line: 4, column: 1), end: SourceLocation(line: 4, column: 6))
        let diagnostic = Diagnostic(id: "ref.ref", severity: .warning, message: "no label 'x'", file: file, range: range,
                                    notes: [.init("defined here", file: file, range: range), .init("bare note")],
                                    suggestions: ["y", "z"])
        var writer = RecordWriter(files: SourceFileTable())
        writer.write([diagnostic, Diagnostic.error("x.y", "no file")])
        var reader = RecordReader(bytes: writer.bytes, files: writer.files)
        let read = try reader.array(Diagnostic.self)
        #expect(StableDescription.of(read, limit: 256) == StableDescription.of([diagnostic, Diagnostic.error("x.y", "no file")], limit: 256))
        #expect(reader.isAtEnd)
    }
}
