import Foundation
import Testing
@testable import VellumCLI

@Suite(.serialized) struct CLITests {
    func projects() -> String { fixturesURL.appendingPathComponent("projects").path }

    @Test func exitCodes() throws {
        let tmp = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: tmp) }
        #expect(VellumCommand.runMain(["build", projects() + "/basic", "--output", tmp.appendingPathComponent("o").path, "--quiet"]) == 0)
        #expect(VellumCommand.runMain(["check", projects() + "/broken", "--quiet"]) == 1)
        #expect(VellumCommand.runMain(["check", "/nonexistent/source"]) == 2)
        #expect(VellumCommand.runMain(["build", "--no-such-flag"]) == 2)
        #expect(VellumCommand.runMain(["frobnicate"]) == 2)
        #expect(VellumCommand.runMain(["check", projects() + "/basic", "--diagnostics", "yaml"]) == 2)
    }

    @Test func summaryLine() {
        var report = Site.BuildReport()
        report.pages = 3
        report.referencesChecked = 1
        report.duration = 0.25
        #expect(Summary(report: report, output: "public").line ==
            "vellum: built into public/: 3 pages, 1 reference checked, 0 errors, 0 warnings in 0.25 s")
        #expect(Summary(report: report, output: nil).line ==
            "vellum: check passed: 3 pages, 1 reference checked, 0 errors, 0 warnings in 0.25 s")
    }
}

@testable import Site
