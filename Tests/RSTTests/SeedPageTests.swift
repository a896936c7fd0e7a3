import DocTree
import Foundation
import RST
import Testing

/// The page that started the project, read in place from shared/ (it is not
/// ours to copy into the repository).
@Suite struct SeedPageTests {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    static func seedText() -> String? {
        let path = [repositoryRoot + "/../shared", "/work/shared"]
            .first { FileManager.default.fileExists(atPath: $0) }.map { $0 + "/seeds/database-replication.rst" }
        return path.flatMap { try? String(contentsOfFile: $0, encoding: .utf8) }
    }

    @Test func seedPageHasTheExpectedStructure() throws {
        guard let text = Self.seedText() else {
            Issue.record("the seed page is expected in shared/seeds beside the repository")
            return
        }
        let document = RSTParser(options: .site()).parse(SourceFile(path: "seed.rst", text: text), name: "seed")
        var kinds: [String] = []
        var targets: [String] = []
        var xrefs: [String] = []
        var directives = 0
        document.root.walk { node in
            kinds.append(node.kind.rawValue)
            if node.kind == .target, let name = node.list("names").first { targets.append(name) }
            if node.kind == .pendingXref { xrefs.append("\(node.string("reftype") ?? ""):\(node.string("reftarget") ?? "")") }
            if node.kind == .systemMessage { directives += 1 }
        }
        #expect(kinds.filter { $0 == "section" }.count == 4)
        #expect(kinds.contains("warning") && kinds.contains("note"))
        #expect(document.root.first { $0.kind == .literalBlock }?.string("language") == "python")
        #expect(targets.contains("config-db-replication-write") && targets.contains("config-db-replication-existing"))
        #expect(xrefs == ["ref:config-db-replication-existing", "ref:config-db-replication-existing", "class:MasterSlave"])
        // Only `automodule` is unknown to the bare parser (the site registers it).
        #expect(document.diagnostics.filter { $0.severity >= .error }.map(\.id) == ["rst.unknown-directive"])
    }
}
