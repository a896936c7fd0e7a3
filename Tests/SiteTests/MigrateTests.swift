import DocTree
import Foundation
import Testing
@testable import Site
@testable import VellumCLI

/// `vellum migrate`: the vellum.toml written from conf.py builds the same
/// site as conf.py does, byte for byte, once conf.py is gone.
@Suite struct MigrateTests {
    let buildDate = Date(timeIntervalSince1970: 1_796_083_200)  // 2026-12-01

    func build(_ source: URL, into output: URL) throws -> BuildReport {
        var options = BuildOptions(sourceDirectory: source.path, outputDirectory: output.path)
        options.buildDate = buildDate
        return try SiteBuilder.build(options)
    }

    /// Builds `docs` from conf.py, migrates, removes conf.py and builds again.
    func expectSameSite(_ project: String, docs: String, golden: String) throws {
        let tmp = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let root = try copyProject(project, to: tmp)
        let source = docs.isEmpty ? root : root.appendingPathComponent(docs)
        let fromConfPy = try build(source, into: tmp.appendingPathComponent("from-conf"))
        let (toml, _) = try #require(SiteConfig.migrate(sourceDirectory: source, displayRoot: project, now: buildDate))
        expectGolden(toml, golden)
        try toml.write(to: source.appendingPathComponent("vellum.toml"), atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(at: source.appendingPathComponent("conf.py"))
        let fromToml = try build(source, into: tmp.appendingPathComponent("from-toml"))
        #expect(fromToml.diagnostics.filter { $0.id.hasPrefix("config.") }.isEmpty, "\(rendered(fromToml.diagnostics))")
        #expect(fromToml.pages == fromConfPy.pages)
        let a = try snapshot(tmp.appendingPathComponent("from-conf")), b = try snapshot(tmp.appendingPathComponent("from-toml"))
        #expect(a.keys.sorted() == b.keys.sorted())
        for key in a.keys.sorted() where a[key] != b[key] {
            Issue.record("\(key) differs between the conf.py and the migrated vellum.toml builds")
        }
    }

    @Test func theMigratedTomlBuildsTheSameSite() throws {
        try expectSameSite("sphinx-conf", docs: "docs", golden: "migrate/sphinx-conf.toml")
    }

    @Test func setupRegistrationsAreMigratedToo() throws {
        try expectSameSite("sphinx-setup", docs: "", golden: "migrate/sphinx-setup.toml")
    }

    @Test func everyStringSurvivesTheRoundTrip() {
        var config = SiteConfig()
        config.projectName = "Quotes \" and \\ back\tslash \u{1} é"
        config.rstEpilog = "\n.. |a| replace:: \"\"\" three\n\\ end\n"
        config.rstProlog = "no newline at the end\n"
        config.severityOverrides = ["ref.py.class": .info, "toctree": .error]
        config.configValues = ["n": .int(3), "f": .float(0.5), "l": .list([.str("x"), .bool(false)])]
        config.sourceSuffixes = [".txt": .rst, ".md": .markdown]
        config.autodoc.memberOrder = "bysource"
        config.autodoc.inheritDocstrings = false
        config.autodoc.defaultOptions = ["members": "", "exclude-members": "__weakref__"]
        let text = config.tomlText(directory: "/p/docs")
        let (back, problems) = SiteConfig.load(file: SourceFile(path: "vellum.toml", text: text), baseDirectory: "/p/docs")
        #expect(problems.isEmpty, "\(problems.map(\.message))")
        #expect(back.projectName == config.projectName)
        #expect(back.rstEpilog == config.rstEpilog)
        #expect(back.rstProlog == config.rstProlog)
        #expect(back.severityOverrides == config.severityOverrides)
        #expect(back.configValues == config.configValues)
        #expect(back.sourceSuffixes == config.sourceSuffixes)
        #expect(back.autodoc == config.autodoc)
    }

    @Test func theCommandRefusesToReplaceAFileWithoutForce() throws {
        let tmp = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let docs = try copyProject("sphinx-conf", to: tmp).appendingPathComponent("docs")
        let target = docs.appendingPathComponent("vellum.toml")
        try "[project]\nname = \"mine\"\n".write(to: target, atomically: true, encoding: .utf8)
        #expect(VellumCommand.runMain(["migrate", docs.path, "--output", target.path]) == 1)
        #expect(try String(contentsOf: target, encoding: .utf8) == "[project]\nname = \"mine\"\n")
        #expect(VellumCommand.runMain(["migrate", docs.path, "--output", target.path, "--force"]) == 0)
        #expect(try String(contentsOf: target, encoding: .utf8).contains("name = \"Gadgets\""))
        #expect(VellumCommand.runMain(["migrate", tmp.path]) == 2)
    }
}
