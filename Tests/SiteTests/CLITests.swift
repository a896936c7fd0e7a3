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

    /// `-j N` picks the worker count; the output is byte-identical whatever N is.
    @Test func jobsOptionAndVersion() throws {
        let tmp = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: tmp) }
        #expect(VellumCommand.runMain(["--version"]) == 0)
        #expect(vellumVersion.split(separator: ".").count == 3)
        #expect(VellumCommand.runMain(["check", projects() + "/basic", "-j", "0"]) == 2)
        #expect(VellumCommand.runMain(["check", projects() + "/basic", "--jobs", "many"]) == 2)
        let one = tmp.appendingPathComponent("one"), four = tmp.appendingPathComponent("four")
        #expect(VellumCommand.runMain(["build", projects() + "/xrefs", "-o", one.path, "-j", "1", "--quiet"]) == 0)
        #expect(VellumCommand.runMain(["build", projects() + "/xrefs", "-o", four.path, "--jobs", "4", "--quiet"]) == 0)
        #expect(try snapshot(one) == snapshot(four))
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

extension CLITests {
    /// `vellum build` keeps its cache beside the output unless told otherwise, and `--explain` runs.
    @Test func cacheBesideTheOutput() throws {
        let tmp = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: tmp) }
        #expect(BuildCommand.defaultCache(for: tmp.appendingPathComponent("site").path)
            == tmp.standardizedFileURL.path + "/.vellum-cache")
        let output = tmp.appendingPathComponent("site").path
        #expect(VellumCommand.runMain(["build", projects() + "/basic", "-o", output, "--quiet"]) == 0)
        #expect(FileManager.default.fileExists(atPath: tmp.appendingPathComponent(".vellum-cache/inputs.bin").path))
        #expect(VellumCommand.runMain(["build", projects() + "/basic", "-o", output, "--quiet", "--explain"]) == 0)
        let other = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: other) }
        #expect(VellumCommand.runMain(["build", projects() + "/basic", "-o", other.appendingPathComponent("site").path,
                                       "--quiet", "--no-cache"]) == 0)
        #expect(!FileManager.default.fileExists(atPath: other.appendingPathComponent(".vellum-cache").path))
    }
}
