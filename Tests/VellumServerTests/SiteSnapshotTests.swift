import DocTree
import Foundation
@testable import Site
import Testing
@testable import VellumServer

@Suite struct SiteSnapshotTests {
    func snapshot(_ files: [String: String], diagnostics: [Diagnostic] = []) -> SiteSnapshot {
        var report = BuildReport()
        report.diagnostics = diagnostics
        let site = BuiltSite(files: files.mapValues { Data($0.utf8) }, report: report)
        return SiteSnapshot(generation: 3, site: site, sourceRoot: "docs")
    }

    @Test func foldersServeTheirIndexAndNeedTheirSlash() {
        let site = snapshot(["index.html": "home", "guide/index.html": "guide", "guide/a.html": "a"])
        #expect(site.lookup(RequestPath("/")) == .file("index.html", Data("home".utf8)))
        #expect(site.lookup(RequestPath("/guide/")) == .file("guide/index.html", Data("guide".utf8)))
        #expect(site.lookup(RequestPath("/guide")) == .redirect("/guide/"))
        #expect(site.lookup(RequestPath("/guide/a.html")) == .file("guide/a.html", Data("a".utf8)))
        #expect(site.lookup(RequestPath("/guide/a.html/")) == .notFound)
        #expect(site.lookup(RequestPath("/missing.html")) == .notFound)
        #expect(site.lookup(RequestPath("/../index.html")) == .notFound)
    }

    @Test func diagnosticsBelongToThePageTheirFileBuilds() {
        let page = Diagnostic.error("ref.missing", "undefined label: 'nowhere'",
                                    file: SourceFile(path: "docs/guide/a.rst", text: "x"), range: SourceRange(line: 1))
        let config = Diagnostic.warning("config.unknown", "unknown key", file: SourceFile(path: "docs/vellum.toml", text: ""))
        let api = Diagnostic.warning("autodoc.x", "odd", file: SourceFile(path: "../Sources/A.swift", text: ""))
        let info = Diagnostic(id: "info", severity: .info, message: "fyi", file: SourceFile(path: "docs/guide/a.rst", text: ""))
        let site = snapshot(["guide/a.html": "a", "index.html": "i"], diagnostics: [page, config, api, info])
        #expect(site.diagnostics(forPage: "guide/a.html").own == [page])
        #expect(site.diagnostics(forPage: "guide/a.html").elsewhere == 2)
        #expect(site.diagnostics(forPage: "index.html").own.isEmpty)
        #expect(site.diagnostics(forPage: "index.html").elsewhere == 3)
        #expect(site.diagnostics(forPage: nil).own == [page, config, api])
        #expect(SiteSnapshot.page(of: page, sourceRoot: "docs/") == "guide/a.html")
    }
}
