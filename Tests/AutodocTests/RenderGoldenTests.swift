import Foundation
import Autodoc
import DocTree
import Testing

@Suite struct RenderGoldenTests {
    @Test func restAuthRouters() throws { try RenderSupport.check("restauth") }
    @Test func swiftRouters() throws { try RenderSupport.check("routers") }
}

extension RenderGoldenTests {
    @Test func memberOptions() throws { try RenderSupport.check("options") }
}

extension RenderGoldenTests {
    /// The seed page (shared/seeds/database-replication.rst, read in place, never
    /// copied into the repository) over the fixture package.
    @Test func seedPage() throws {
        // shared/ sits beside the repository (also in CI); /work/shared is where this workplace keeps it.
        let seed = [RenderSupport.repositoryRoot + "/../shared", "/work/shared"]
            .first { FileManager.default.fileExists(atPath: $0) }.map { $0 + "/seeds/database-replication.rst" }
            ?? RenderSupport.repositoryRoot + "/../shared/seeds/database-replication.rst"
        guard let text = try? String(contentsOfFile: seed, encoding: .utf8) else {
            Issue.record("the seed page is expected at \(seed) (shared/ beside the repository)")
            return
        }
        let document = RenderSupport.build(text, name: "seed")
        #expect(document.diagnostics.filter { $0.severity >= .warning }.isEmpty,
                "\(document.diagnostics.map(\.message))")
        var names: [String] = []
        document.root.walk { if $0.kind == "desc_signature", let name = $0.string("fullname") { names.append(name) } }
        #expect(names.contains("RestAuth.common.routers.MasterSlave"))
        #expect(names.contains("RestAuth.common.routers.MasterSlave.db_for_read"))
    }
}

extension RenderGoldenTests {
    /// The Swift extractor's sample (generics, failable and throwing initializers, subscripts, extensions).
    @Test func swiftSample() throws {
        let path = RenderSupport.fixtures + "/swift/Sample/Shapes.swift.fixture"
        let file = SourceFile(path: "Sample/Shapes.swift", text: try String(contentsOfFile: path, encoding: .utf8))
        let (module, _) = SwiftExtractor.extract(moduleName: "Sample", files: [file])
        try RenderSupport.check("sample", store: APIStore(modules: [module]))
    }
}
