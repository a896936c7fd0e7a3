import Foundation
import Site
import Testing

/// The standard domain's `confval`, `productionlist` / `:token:` and `cmdoption` on a whole project.
@Suite struct StdDomainExtrasTests {
    @Test func everyDirectiveAndRoleBuildsCleanly() throws {
        let fixture = try DomainFixture("domain-std")
        defer { fixture.remove() }
        #expect(fixture.report.diagnostics.isEmpty, "\(rendered(fixture.report.diagnostics))")
        for page in ["index", "settings", "grammar", "cli"] {
            expectGolden(try fixture.html(page), "domain-std/\(page).html")
        }
    }

    @Test func objectsAreInTheInventory() throws {
        let fixture = try DomainFixture("domain-std")
        defer { fixture.remove() }
        let std = try fixture.inventory(domain: "std").filter { !$0.contains(" std:doc ") && !$0.contains(" std:label ") }
        #expect(std == [
            "brew_log_dir std:confval settings.html#confval-brew_log_dir",
            "brew_units std:confval settings.html#confval-brew_units",
            "brew_volume std:confval settings.html#confval-brew_volume",
            // `cmdoption` and `option` are one directive. As in Sphinx, every name of an option
            // links to the signature's first id. (Sphinx's inventory calls the type `cmdoption`.)
            "brewlog --dry-run std:option cli.html#cmdoption-brewlog-dry-run",
            "brewlog --verbose std:option cli.html#cmdoption-brewlog-v",
            "brewlog --volume std:option cli.html#cmdoption-brewlog-volume",
            "brewlog -v std:option cli.html#cmdoption-brewlog-v",
            "digit std:token grammar.html#grammar-token-digit",
            "reading std:token grammar.html#grammar-token-reading",
            "recipe:amount std:token grammar.html#grammar-token-recipe-amount",
            "recipe:ingredient std:token grammar.html#grammar-token-recipe-ingredient",
            "recipe:step std:token grammar.html#grammar-token-recipe-step",
            "recipe:verb std:token grammar.html#grammar-token-recipe-verb",
            "recipe:word std:token grammar.html#grammar-token-recipe-word",
            "timestamp std:token grammar.html#grammar-token-timestamp",
            "unit std:token grammar.html#grammar-token-unit",
            "value std:token grammar.html#grammar-token-value",
        ])
    }

    @Test func eachBrokenReferenceIsReportedOnceWithASuggestion() throws {
        let report = try buildFixture("domain-std-broken", output: nil)
        #expect(report.errorCount == 3)
        expectGolden(rendered(report.diagnostics, .text), "domain-std-broken/diagnostics.txt")
    }

    @Test func aBrokenTokenInAGrammarIsReportedAtItsLine() throws {
        let tmp = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let project = try copyProject("domain-std", to: tmp)
        let page = project.appendingPathComponent("grammar.rst")
        try (String(contentsOf: page, encoding: .utf8) + """

            .. productionlist:: later
               first: `second`
               second: `thrid` | `:digit`
               third: "3"
            """).write(to: page, atomically: true, encoding: .utf8)
        let report = try SiteBuilder.build(BuildOptions(sourceDirectory: project.path, outputDirectory: nil))
        let messages = report.diagnostics.map { "\($0.range?.start.line ?? 0): \($0.message) \($0.suggestions)" }
        #expect(messages == ["28: no token named 'later:thrid' [\"later:third\"]"])
    }
}
