import CrossRef
import DocTree
import Foundation
import Testing
@testable import Site

/// A domain declared in vellum.toml (a made-up build tool shaped like CMake's
/// manual): its directives and roles work without code, the primary domain
/// makes them unprefixed, and every broken reference is reported once.
@Suite struct DeclaredDomainTests {
    @Test func declaredDomainBuildsWithoutDiagnostics() throws {
        let tmp = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let out = tmp.appendingPathComponent("site")
        let report = try buildFixture("domain-declared", output: out)
        #expect(report.diagnostics.isEmpty, "\(rendered(report.diagnostics))")
        #expect(report.referencesChecked == 15)
        for page in ["index", "commands", "variables"] {
            expectGolden(try String(contentsOf: out.appendingPathComponent(page + ".html"), encoding: .utf8),
                         "domain-declared/\(page).html")
        }
        let inventory = try Inventory.decode(Data(contentsOf: out.appendingPathComponent("objects.inv")))
        let objects = Set(inventory.entries.filter { $0.domain == "forge" }.map { "\($0.role) \($0.name) \($0.uri)" })
        #expect(objects.isSuperset(of: [
            "command forge_add_target commands.html#command:forge_add_target",
            "signature forge_add_target commands.html#command:forge_add_target-signature",
            "variable FORGE_<LANG>_FLAGS variables.html#variable:FORGE_-LANG-_FLAGS",
            "genex $<TARGET_FILE:tgt> commands.html#genex:TARGET_FILE-tgt",
            "policy FP0001 commands.html#policy:FP0001",
        ]))
    }

    @Test func eachBrokenReferenceIsReportedOnce() throws {
        let report = try buildFixture("domain-declared-broken", output: nil)
        #expect(report.errorCount == 6)
        expectGolden(rendered(report.diagnostics, .text), "domain-declared-broken/diagnostics.txt")
    }

    @Test func declarationMistakesAreDiagnosedAtTheirLine() {
        let (config, diagnostics) = SiteConfig.load(file: SourceFile(path: "vellum.toml", text: """
            [project]
            primary_domain = "forg"

            [domains.forge.types.command]
            signature = "words"
            roles = ["command"]
            colour = "red"
            """), baseDirectory: "/docs")
        #expect(config.domains.map(\.name) == ["forge"])
        #expect(config.primaryDomain == "py")
        let summary = diagnostics.map { "\($0.range?.start.line ?? 0) \($0.id) \($0.suggestions)" }.sorted()
        #expect(summary == ["2 config.primary-domain [\"forge\"]", "5 config.type []",
                            "7 config.unknown-key []"])
    }
}
