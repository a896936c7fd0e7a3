import Foundation
import Site
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
            "tidepool.RangeError js:class api.html#tidepool.RangeError",
            "tidepool.TimeoutError js:class api.html#tidepool.TimeoutError",
            "tidepool.TypeError js:class api.html#tidepool.TypeError",
            "tidepool.createPool js:function api.html#tidepool.createPool",
            "tidepool.events js:module api.html#module-tidepool.events",
            "tidepool.events.Emitter js:class api.html#tidepool.events.Emitter",
            "tidepool.events.Emitter.on js:function api.html#tidepool.events.Emitter.on",
            "tidepool.events.helper js:function api.html#tidepool.events.helper",
            "tidepool.number js:class api.html#tidepool.number",
        ])
    }

    @Test func eachBrokenReferenceIsReportedOnceWithASuggestion() throws {
        let report = try buildFixture("domain-js-broken", output: nil)
        #expect(report.errorCount == 6)
        expectGolden(rendered(report.diagnostics, .text), "domain-js-broken/diagnostics.txt")
    }

    @Test func argumentTypesAndThrownErrorsAreCheckedReferences() throws {
        let tmp = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let project = try copyProject("domain-js", to: tmp)
        let page = project.appendingPathComponent("guide.rst")
        try (String(contentsOf: page, encoding: .utf8) + """

            .. js:function:: fill(pool)

               :param Poool pool: A pool.
               :throws TimeoutEror: Too slow.
            """).write(to: page, atomically: true, encoding: .utf8)
        let report = try SiteBuilder.build(BuildOptions(sourceDirectory: project.path, outputDirectory: nil))
        let messages = report.diagnostics.map { "\($0.range?.start.line ?? 0): \($0.message) \($0.suggestions)" }
        #expect(messages == ["19: no js:class named 'Poool' [\"tidepool.Pool\"]",
                             "20: no js:class named 'TimeoutEror' [\"tidepool.TimeoutError\"]"])
    }

    /// Sphinx searches module.Class.name, module.name, Class.name and name only.
    @Test func referencesInANestedClassSkipTheScopesBetween() throws {
        let tmp = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let project = try copyProject("domain-js", to: tmp)
        let page = project.appendingPathComponent("guide.rst")
        try (String(contentsOf: page, encoding: .utf8) + """

            .. js:class:: Outer

               .. js:class:: Inner

                  .. js:method:: deep()

                  :js:meth:`deep` and :js:meth:`Outer.Inner.deep`, but not :js:meth:`Inner.deep`.
            """).write(to: page, atomically: true, encoding: .utf8)
        let report = try SiteBuilder.build(BuildOptions(sourceDirectory: project.path, outputDirectory: nil))
        #expect(report.diagnostics.map(\.message) == ["no js:meth named 'Inner.deep'"])
    }
}
