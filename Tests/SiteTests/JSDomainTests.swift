import Foundation
import Testing

/// The JavaScript domain on a whole project: every directive and role.
@Suite struct JSDomainTests {
    @Test func everyDirectiveAndRoleBuildsCleanly() throws {
        let fixture = try DomainFixture("domain-js")
        defer { fixture.remove() }
        #expect(fixture.report.diagnostics.isEmpty, "\(rendered(fixture.report.diagnostics))")
        for page in ["index", "api", "guide"] {
            expectGolden(try fixture.html(page), "domain-js/\(page).html")
        }
    }

    @Test func objectsAreInTheInventory() throws {
        let fixture = try DomainFixture("domain-js")
        defer { fixture.remove() }
        #expect(try fixture.inventory(domain: "js") == [
            "tidepool js:module api.html#module-tidepool",
            "tidepool.DEFAULT_SIZE js:data api.html#tidepool.DEFAULT_SIZE",
            "tidepool.Pool js:class api.html#tidepool.Pool",
            "tidepool.Pool.acquire js:method api.html#tidepool.Pool.acquire",
            "tidepool.Pool.drain js:method api.html#tidepool.Pool.drain",
            "tidepool.Pool.release js:method api.html#tidepool.Pool.release",
            "tidepool.Pool.size js:attribute api.html#tidepool.Pool.size",
            "tidepool.createPool js:function api.html#tidepool.createPool",
            "tidepool.events js:module api.html#module-tidepool.events",
            "tidepool.events.Emitter js:class api.html#tidepool.events.Emitter",
            "tidepool.events.Emitter.on js:function api.html#tidepool.events.Emitter.on",
            "tidepool.events.helper js:function api.html#tidepool.events.helper",
        ])
    }

    @Test func eachBrokenReferenceIsReportedOnceWithASuggestion() throws {
        let report = try buildFixture("domain-js-broken", output: nil)
        #expect(report.errorCount == 6)
        expectGolden(rendered(report.diagnostics, .text), "domain-js-broken/diagnostics.txt")
    }
}
