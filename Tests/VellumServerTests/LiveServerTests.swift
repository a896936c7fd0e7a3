import Foundation
import Site
import Testing
@testable import VellumServer

@Suite struct LiveServerTests {
    @Test func servesPagesFoldersStaticFilesAndTheSitesOwn404() async throws {
        let project = try ScratchProject()
        defer { project.remove() }
        let server = try await ServerHarness.start(project)
        let home = try await server.http.get("/")
        #expect(home.status == 200)
        #expect(home.headers["content-type"] == "text/html; charset=utf-8")
        #expect(home.headers["cache-control"] == "no-store")
        #expect(home.body.contains("Welcome home."))
        #expect(home.body.contains("<script id=\"vellum-live-reload\">"))
        #expect(!home.body.contains("vellum-diagnostics"))

        let folder = try await server.http.get("/guide")
        #expect(folder.status == 301)
        #expect(folder.headers["location"] == "/guide/")
        #expect(try await server.http.get("/guide/").body.contains("The guide says hello."))
        #expect(try await server.http.get("/guide/index.html").body.contains("The guide says hello."))

        let css = try await server.http.get("/_static/vellum.css")
        #expect(css.status == 200)
        #expect(css.headers["content-type"] == "text/css; charset=utf-8")
        #expect(!css.body.contains("vellum-live-reload"))

        let missing = try await server.http.get("/no/such/page.html")
        #expect(missing.status == 404)
        #expect(missing.headers["content-type"] == "text/html; charset=utf-8")
        #expect(missing.body.contains("Page not found"))
        #expect(missing.body.contains("vellum-live-reload"))

        let head = try await server.http.get("/", method: "HEAD")
        #expect(head.status == 200)
        #expect(head.body.isEmpty)
        #expect(try await server.http.get("/", method: "POST").status == 405)
        #expect(await server.stop())
    }

    /// The sources, the configuration and anything beside the project stay out of reach,
    /// however the path is spelled.
    @Test func nothingOutsideTheBuiltSiteIsServed() async throws {
        let project = try ScratchProject()
        defer { project.remove() }
        let secretName = "vellum-secret-\(UUID().uuidString).txt"
        let secret = project.root.deletingLastPathComponent().appendingPathComponent(secretName)
        try Data("top secret".utf8).write(to: secret)
        defer { try? FileManager.default.removeItem(at: secret) }
        let server = try await ServerHarness.start(project)
        let targets = [
            "/../\(secretName)", "/guide/../../\(secretName)", "/%2e%2e/\(secretName)", "/%2E%2E%2F\(secretName)",
            "/guide/%2e%2e/%2e%2e/\(secretName)", "/..%2f\(secretName)", "/..\\\(secretName)",
            "/\(secret.path)", "//\(secret.path)", "/%2F\(secret.path.dropFirst())", "/../../../../../../etc/passwd",
            "/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/index.rst", "/guide/index.rst", "/vellum.toml", "/.",
        ]
        for target in targets {
            let reply = try await server.http.get(target)
            #expect(reply.status == 404 || reply.status == 400, "\(target): \(reply.status)")
            #expect(!reply.body.contains("top secret"), "\(target)")
            #expect(!reply.body.contains("root:x:0:0"), "\(target)")
        }
        #expect(await server.stop())
    }

    @Test func anEditIsServedAndOpenPagesAreTold() async throws {
        let project = try ScratchProject()
        defer { project.remove() }
        let server = try await ServerHarness.start(project)
        let events = try server.http.open("/__vellum/events")
        defer { close(events) }
        let first = await RawHTTP.read(events, timeout: 15) { $0.contains("data: 1\n\n") }
        #expect(first.contains("text/event-stream"))
        #expect(first.contains("event: build\ndata: 1\n\n"))

        try project.write("guide/index.rst", "Guide\n=====\n\nThe guide now says goodbye.\n")
        let seconds = try await server.secondsUntil("/guide/") { $0.contains("now says goodbye") }
        #expect(seconds != nil)
        let second = await RawHTTP.read(events, timeout: 15) { $0.contains("data: 2\n\n") }
        #expect(second.contains("event: build\ndata: 2\n\n"))
        let changes = await server.log.wait { event -> [String]? in
            if case .rebuilt(_, let changes, 2) = event { return changes }
            return nil
        }
        // An atomic save may also show its temporary file.
        #expect(changes?.contains(project.path + "/guide/index.rst") == true)
        #expect(changes?.allSatisfy { $0.hasPrefix(project.path + "/guide/") } == true)
        #expect(await server.stop())
    }

    @Test func aPageWithErrorsStillRendersWithItsDiagnostics() async throws {
        let project = try ScratchProject()
        defer { project.remove() }
        try project.write("guide/index.rst", "Guide\n=====\n\nSee :ref:`no-such-<label>`.\n")
        let server = try await ServerHarness.start(project)
        let page = try await server.http.get("/guide/")
        #expect(page.status == 200)
        #expect(page.body.contains("<h1>Guide"))
        #expect(page.body.contains("id=\"vellum-diagnostics\""))
        #expect(page.body.contains("1 error, 0 warnings on this page"))
        #expect(page.body.contains("guide/index.rst:4:"))
        #expect(page.body.contains("no-such-&lt;label&gt;"))
        let home = try await server.http.get("/")
        #expect(home.body.contains("1 more diagnostic in other files"))
        #expect(await server.stop())
    }

    /// The whole source folder renamed away mid-serve: the rebuild fails, the previous
    /// build stays served and pages hear about it; putting it back rebuilds.
    @Test func aFailedRebuildKeepsServingThePreviousBuild() async throws {
        let project = try ScratchProject()
        defer { project.remove() }
        let server = try await ServerHarness.start(project)
        let events = try await server.openEvents()
        defer { close(events) }

        let aside = project.root.appendingPathExtension("aside")
        try FileManager.default.moveItem(at: project.root, to: aside)
        let failure = await server.log.wait { event -> String? in
            if case .rebuildFailed(let message, _) = event { return message }
            return nil
        }
        #expect(failure?.contains("does not exist") == true)
        #expect(await RawHTTP.read(events, timeout: 15) { $0.contains("event: failed") }.contains("event: failed\ndata: "))
        #expect(try await server.http.get("/guide/").body.contains("The guide says hello."))

        try FileManager.default.moveItem(at: aside, to: project.root)
        try project.write("index.rst", "Home\n====\n\nBack again.\n\n.. toctree::\n\n   guide/index\n")
        #expect(try await server.secondsUntil("/") { $0.contains("Back again.") } != nil)
        #expect(await server.stop())
    }

    @Test func stoppingEndsOpenEventStreams() async throws {
        let project = try ScratchProject()
        defer { project.remove() }
        let server = try await ServerHarness.start(project)
        let events = try await server.openEvents()
        defer { close(events) }
        #expect(await server.stop())
        #expect(await RawHTTP.closed(events, within: 5))
    }
}
