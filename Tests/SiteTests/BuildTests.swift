import DocTree
import Foundation
import Testing
@testable import Site

@Suite struct BuildTests {
    func build(_ project: String, output: URL?, strict: Bool = false) throws -> BuildReport {
        try buildFixture(project, output: output, strict: strict)
    }

    @Test func basicProjectBuildsWithoutDiagnostics() throws {
        let tmp = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let out = tmp.appendingPathComponent("site")
        let report = try build("basic", output: out)
        #expect(report.diagnostics.isEmpty, "\(rendered(report.diagnostics))")
        #expect(report.pages == 3)
        #expect(report.referencesChecked == 6)
        #expect(report.wroteOutput)
        for page in ["index", "guide/setup", "guide/details"] {
            let html = try String(contentsOf: out.appendingPathComponent(page + ".html"), encoding: .utf8)
            expectGolden(html, "basic/\(page).html")
        }
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("_static/vellum.css").path))
    }

    @Test func outputIsDeterministic() throws {
        let tmp = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: tmp) }
        _ = try build("basic", output: tmp.appendingPathComponent("a"))
        _ = try build("basic", output: tmp.appendingPathComponent("b"))
        #expect(try snapshot(tmp.appendingPathComponent("a")) == snapshot(tmp.appendingPathComponent("b")))
    }

    @Test func everyKindOfGoodReferenceResolves() throws {
        let tmp = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let out = tmp.appendingPathComponent("site")
        let report = try build("xrefs", output: out)
        #expect(report.diagnostics.isEmpty, "\(rendered(report.diagnostics))")
        #expect(report.referencesChecked >= 35)
        let html = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        expectGolden(html, "xrefs/index.html")
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("_downloads/files/sample.txt").path))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("files/diagram.svg").path))
    }

    @Test func oneBrokenReferenceOfEachKindIsReportedExactly() throws {
        let report = try build("xrefs-broken", output: nil)
        #expect(report.errorCount == 28)
        expectGolden(rendered(report.diagnostics, .text), "xrefs-broken/diagnostics.txt")
        expectGolden(rendered(report.diagnostics, .json), "xrefs-broken/diagnostics.json")
        expectGolden(rendered(report.diagnostics, .github), "xrefs-broken/diagnostics.github")
    }

    @Test func parallelMapKeepsOrderWhateverTheThreadCount() {
        let input = Array(0..<500)
        for threads in [1, 2, 3, 8, 64] {
            #expect(input.parallelMap(threads: threads) { $0 * $0 } == input.map { $0 * $0 })
        }
    }

    @Test func brokenReferencesAreAllReported() throws {
        let report = try build("broken", output: nil)
        #expect(!report.succeeded)
        expectGolden(rendered(report.diagnostics, .text), "broken/diagnostics.txt")
        expectGolden(rendered(report.diagnostics, .json), "broken/diagnostics.json")
        expectGolden(rendered(report.diagnostics, .github), "broken/diagnostics.github")
    }

    @Test func failedBuildLeavesPreviousOutputUntouched() throws {
        let tmp = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let project = try copyProject("basic", to: tmp)
        let out = tmp.appendingPathComponent("public")
        let first = try SiteBuilder.build(BuildOptions(sourceDirectory: project.path, outputDirectory: out.path))
        #expect(first.succeeded)
        let before = try snapshot(out)
        #expect(!before.isEmpty)

        let page = project.appendingPathComponent("guide/setup.rst")
        var text = try String(contentsOf: page, encoding: .utf8)
        text += "\nA broken one: :ref:`no-such-label`.\n"
        try text.write(to: page, atomically: true, encoding: .utf8)
        let second = try SiteBuilder.build(BuildOptions(sourceDirectory: project.path, outputDirectory: out.path))
        #expect(!second.succeeded)
        #expect(!second.wroteOutput)
        #expect(try snapshot(out) == before)
        // No staging folders are left behind.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: tmp.path).filter { $0.contains("vellum-") }
        #expect(leftovers.isEmpty)
    }

    @Test func successfulRebuildReplacesOutput() throws {
        let tmp = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let project = try copyProject("basic", to: tmp)
        let out = tmp.appendingPathComponent("public")
        #expect(try SiteBuilder.build(BuildOptions(sourceDirectory: project.path, outputDirectory: out.path)).succeeded)
        try "stale".write(to: out.appendingPathComponent("stale.html"), atomically: true, encoding: .utf8)
        let report = try SiteBuilder.build(BuildOptions(sourceDirectory: project.path, outputDirectory: out.path))
        #expect(report.succeeded)
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("stale.html").path))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("index.html").path))
    }

    @Test func missingSourceIsAnError() {
        #expect(throws: BuildError.self) {
            try SiteBuilder.build(BuildOptions(sourceDirectory: "/nonexistent/vellum", outputDirectory: nil))
        }
    }
}
