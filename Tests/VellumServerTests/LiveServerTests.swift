import Foundation
import Testing
@testable import VellumServer

/// `vellum serve` from outside (see `ServeProcess` for why these tests are synchronous).
@Suite struct LiveServerTests {
    @Test func servesPagesFoldersStaticFilesAndTheSitesOwn404() throws {
        let project = try ScratchProject()
        defer { project.remove() }
        let server = try ServeProcess(project)
        #expect(server.stdout.contains("vellum: serving \(project.path) at http://127.0.0.1:"))
        let home = try server.http.get("/")
        #expect(home.status == 200)
        #expect(home.headers["content-type"] == "text/html; charset=utf-8")
        #expect(home.headers["cache-control"] == "no-store")
        #expect(home.body.contains("Welcome home."))
        #expect(home.body.contains("<script id=\"vellum-live-reload\">"))
        #expect(!home.body.contains("vellum-diagnostics"))

        let folder = try server.http.get("/guide")
        #expect(folder.status == 301)
        #expect(folder.headers["location"] == "/guide/")
        #expect(try server.http.get("/guide/").body.contains("The guide says hello."))
        #expect(try server.http.get("/guide/index.html").body.contains("The guide says hello."))

        let css = try server.http.get("/_static/vellum.css")
        #expect(css.status == 200)
        #expect(css.headers["content-type"] == "text/css; charset=utf-8")
        #expect(!css.body.contains("vellum-live-reload"))

        let missing = try server.http.get("/no/such/page.html")
        #expect(missing.status == 404)
        #expect(missing.headers["content-type"] == "text/html; charset=utf-8")
        #expect(missing.body.contains("Page not found"))
        #expect(missing.body.contains("vellum-live-reload"))

        let head = try server.http.get("/", method: "HEAD")
        #expect(head.status == 200)
        #expect(head.body.isEmpty)
        #expect(try server.http.get("/", method: "POST").status == 405)
        #expect(server.stop() == 0)
    }

    /// The sources, the configuration and anything beside the project stay out of reach,
    /// however the path is spelled.
    @Test func nothingOutsideTheBuiltSiteIsServed() throws {
        let project = try ScratchProject()
        defer { project.remove() }
        let secretName = "vellum-secret-\(UUID().uuidString).txt"
        let secret = project.root.deletingLastPathComponent().appendingPathComponent(secretName)
        try Data("top secret".utf8).write(to: secret)
        defer { try? FileManager.default.removeItem(at: secret) }
        let server = try ServeProcess(project)
        let targets = [
            "/../\(secretName)", "/guide/../../\(secretName)", "/%2e%2e/\(secretName)", "/%2E%2E%2F\(secretName)",
            "/guide/%2e%2e/%2e%2e/\(secretName)", "/..%2f\(secretName)", "/..\\\(secretName)",
            "/\(secret.path)", "//\(secret.path)", "/%2F\(secret.path.dropFirst())", "/../../../../../../etc/passwd",
            "/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/index.rst", "/guide/index.rst", "/vellum.toml", "/.",
        ]
        for target in targets {
            let reply = try server.http.get(target)
            #expect(reply.status == 404 || reply.status == 400, "\(target): \(reply.status)")
            #expect(!reply.body.contains("top secret"), "\(target)")
            #expect(!reply.body.contains("root:x:0:0"), "\(target)")
        }
        #expect(server.stop() == 0)
    }

    /// Issue 15: save a page, and its new HTML is served within a second; open pages hear of it.
    @Test func anEditIsServedWithinASecondAndOpenPagesAreTold() throws {
        let project = try ScratchProject()
        defer { project.remove() }
        let server = try ServeProcess(project)
        #expect(try server.http.get("/guide/").body.contains("The guide says hello."))
        let events = try server.http.open(LiveReloadScript.eventsPath)
        defer { close(events) }
        let first = RawHTTP.read(events, timeout: 30) { $0.contains("data: 1\n\n") }
        #expect(first.contains("text/event-stream"))
        #expect(first.contains("event: build\ndata: 1\n\n"))

        let saved = Date()
        try project.write("guide/index.rst", "Guide\n=====\n\nThe guide now says goodbye.\n")
        let seconds = try server.secondsUntil("/guide/", since: saved) { $0.contains("now says goodbye") }
        #expect(seconds != nil && seconds! < 1, "served after \(seconds.map { "\($0) s" } ?? "never")")
        let second = RawHTTP.read(events, timeout: 30) { $0.contains("data: 2\n\n") }
        #expect(second.contains("event: build\ndata: 2\n\n"))
        #expect(server.waitForLog("vellum: rebuilt after \(project.path)/guide/index.rst changed: 2 pages"))
        #expect(server.stop() == 0)
        #expect(RawHTTP.closed(events, within: 5))
    }

    @Test func aPageWithErrorsStillRendersWithItsDiagnostics() throws {
        let project = try ScratchProject()
        defer { project.remove() }
        try project.write("guide/index.rst", "Guide\n=====\n\nSee :ref:`no-such-<label>`.\n")
        let server = try ServeProcess(project)
        let page = try server.http.get("/guide/")
        #expect(page.status == 200)
        #expect(page.body.contains("<h1>Guide"))
        #expect(page.body.contains("id=\"vellum-diagnostics\""))
        #expect(page.body.contains("1 error, 0 warnings on this page"))
        #expect(page.body.contains("guide/index.rst:4:"))
        #expect(page.body.contains("no-such-&lt;label&gt;"))
        #expect(try server.http.get("/").body.contains("1 more diagnostic in other files"))
        // And in the terminal, as `vellum build` prints it.
        #expect(server.stderr.contains("guide/index.rst:4:5: error: "))
        #expect(server.stderr.contains("vellum: built: 2 pages"))
        #expect(server.stop() == 0)
    }

    /// The whole source folder renamed away mid-serve: the rebuild fails, the previous
    /// build stays served and pages hear about it; putting it back rebuilds.
    @Test func aFailedRebuildKeepsServingThePreviousBuild() throws {
        let project = try ScratchProject()
        defer { project.remove() }
        let server = try ServeProcess(project)
        let events = try server.http.open(LiveReloadScript.eventsPath)
        defer { close(events) }
        _ = RawHTTP.read(events, timeout: 30) { $0.contains("data: 1\n\n") }

        let aside = project.root.appendingPathExtension("aside")
        try FileManager.default.moveItem(at: project.root, to: aside)
        #expect(server.waitForLog("failed, still serving the previous build: source directory"))
        #expect(RawHTTP.read(events, timeout: 30) { $0.contains("event: failed") }.contains("event: failed\ndata: "))
        #expect(try server.http.get("/guide/").body.contains("The guide says hello."))

        try FileManager.default.moveItem(at: aside, to: project.root)
        try project.write("index.rst", "Home\n====\n\nBack again.\n\n.. toctree::\n\n   guide/index\n")
        #expect(try server.secondsUntil("/") { $0.contains("Back again.") } != nil)
        #expect(server.stop(SIGTERM) == 0)
        #expect(server.stderr.contains("vellum: stopped"))
    }
}
