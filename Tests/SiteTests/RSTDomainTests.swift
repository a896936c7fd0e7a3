import Foundation
import Testing

/// The reStructuredText domain on a whole project: every directive and role.
@Suite struct RSTDomainTests {
    @Test func everyDirectiveAndRoleBuildsCleanly() throws {
        let fixture = try DomainFixture("domain-rst")
        defer { fixture.remove() }
        #expect(fixture.report.diagnostics.isEmpty, "\(rendered(fixture.report.diagnostics))")
        for page in ["index", "markup", "usage"] {
            expectGolden(try fixture.html(page), "domain-rst/\(page).html")
        }
    }

    @Test func objectsAreInTheInventory() throws {
        let fixture = try DomainFixture("domain-rst")
        defer { fixture.remove() }
        #expect(try fixture.inventory(domain: "rst") == [
            "callout rst:directive markup.html#directive-callout",
            "callout:icon rst:directive:option markup.html#directive-option-callout-icon",
            "callout:level rst:directive:option markup.html#directive-option-callout-level",
            "changelog rst:directive markup.html#directive-changelog",
            "since rst:directive:option markup.html#directive-option-since",
            "ticket rst:role markup.html#role-ticket",
        ])
    }

    @Test func eachBrokenReferenceIsReportedOnceWithASuggestion() throws {
        let report = try buildFixture("domain-rst-broken", output: nil)
        #expect(report.errorCount == 3)
        expectGolden(rendered(report.diagnostics, .text), "domain-rst-broken/diagnostics.txt")
    }
}
