import Foundation
import Testing

/// The math domain on a whole project: numbered equations and `:eq:` / `:math:numref:`.
@Suite struct MathDomainTests {
    @Test func equationsAreNumberedAndReferenced() throws {
        let fixture = try DomainFixture("domain-math")
        defer { fixture.remove() }
        #expect(fixture.report.diagnostics.isEmpty, "\(rendered(fixture.report.diagnostics))")
        for page in ["index", "kepler", "energy"] {
            expectGolden(try fixture.html(page), "domain-math/\(page).html")
        }
    }

    @Test func equationsAreNotInTheInventory() throws {
        let fixture = try DomainFixture("domain-math")
        defer { fixture.remove() }
        // As in Sphinx, whose math domain lists no objects.
        #expect(try fixture.inventory(domain: "math").isEmpty)
    }

    @Test func eachBrokenReferenceIsReportedOnceWithASuggestion() throws {
        let report = try buildFixture("domain-math-broken", output: nil)
        #expect(report.errorCount == 2)
        expectGolden(rendered(report.diagnostics, .text), "domain-math-broken/diagnostics.txt")
    }
}
