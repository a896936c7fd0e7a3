import DocTree
import Foundation
import Testing
@testable import Site

/// The page that started the project (shared/seeds/database-replication.rst,
/// read in place) built over our Python fixture package.
@Suite struct SeedPageTests {
    static let repositoryRoot = fixturesURL.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// shared/ sits beside the repository (also in CI); /work/shared is where this workplace keeps it.
    static let seedURL: URL = {
        let candidates = [repositoryRoot.appendingPathComponent("../shared").standardizedFileURL,
                          URL(fileURLWithPath: "/work/shared")]
        let shared = candidates.first { FileManager.default.fileExists(atPath: $0.path) } ?? candidates[0]
        return shared.appendingPathComponent("seeds/database-replication.rst")
    }()
    static let pythonFixtures = repositoryRoot.appendingPathComponent("Tests/AutodocTests/Fixtures/python").path

    /// A project: the seed page as its root, plus extra pages.
    func project(extraPages: [String: String]) throws -> (URL, URL) {
        let tmp = try temporaryDirectory()
        let source = tmp.appendingPathComponent("docs")
        try FileManager.default.createDirectory(at: source, withIntermediateDirectories: true)
        let seed = try String(contentsOf: Self.seedURL, encoding: .utf8)
        let toctree = extraPages.isEmpty ? "" : "\n.. toctree::\n\n" + extraPages.keys.sorted().map { "   \($0)\n" }.joined()
        try (seed + toctree).write(to: source.appendingPathComponent("index.rst"), atomically: true, encoding: .utf8)
        for (name, text) in extraPages {
            try text.write(to: source.appendingPathComponent(name + ".rst"), atomically: true, encoding: .utf8)
        }
        try """
        [project]
        name = "RestAuth"
        [autodoc]
        python_paths = ["\(Self.pythonFixtures)"]
        """.write(to: source.appendingPathComponent("vellum.toml"), atomically: true, encoding: .utf8)
        return (tmp, source)
    }

    @Test func everyReferenceResolvesAndMasterSlaveIsFoundBySuffix() throws {
        guard FileManager.default.fileExists(atPath: Self.seedURL.path) else {
            Issue.record("seed page missing at \(Self.seedURL.path)")
            return
        }
        let (tmp, source) = try project(extraPages: [:])
        defer { try? FileManager.default.removeItem(at: tmp) }
        let out = tmp.appendingPathComponent("site")
        let report = try SiteBuilder.build(BuildOptions(sourceDirectory: source.path, outputDirectory: out.path))
        #expect(report.errorCount == 0, "\(DiagnosticFormatter().render(report.diagnostics))")
        let html = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        // `:py:class:`MasterSlave`` names no module: found as RestAuth.common.routers.MasterSlave.
        #expect(html.contains(##"href="#RestAuth.common.routers.MasterSlave"><code class="docutils literal notranslate xref py py-class">MasterSlave</code>"##))
        #expect(html.contains(##"href="#config-db-replication-existing""##))
        #expect(html.contains("https://docs.djangoproject.com/en/dev/topics/db/multi-db/#automatic-database-routing"))
    }

    @Test func twoModulesDefiningMasterSlaveIsAnAmbiguityListingBoth() throws {
        guard FileManager.default.fileExists(atPath: Self.seedURL.path) else {
            Issue.record("seed page missing at \(Self.seedURL.path)")
            return
        }
        let other = """
        Legacy routers
        ==============

        .. py:module:: legacy.routers

        .. py:class:: MasterSlave

           An older router of the same name.
        """
        let (tmp, source) = try project(extraPages: ["legacy": other])
        defer { try? FileManager.default.removeItem(at: tmp) }
        let report = try SiteBuilder.build(BuildOptions(sourceDirectory: source.path, outputDirectory: nil))
        let ambiguous = report.diagnostics.filter { $0.id == "ref.py.class" }
        #expect(ambiguous.count == 1)
        #expect(ambiguous.first?.message == "ambiguous py:class reference 'MasterSlave': 2 objects match")
        let candidates = ambiguous.first?.notes.map(\.message) ?? []
        #expect(candidates.contains("candidate py:class 'RestAuth.common.routers.MasterSlave'"))
        #expect(candidates.contains("candidate py:class 'legacy.routers.MasterSlave'"))
        #expect(ambiguous.first?.range?.start.line == 20)
    }
}
