import Testing
@testable import VellumServer

@Suite struct RequestPathTests {
    @Test func plainPathsNameSiteFiles() {
        #expect(RequestPath("/")?.candidates == ["index.html"])
        #expect(RequestPath("/guide/")?.candidates == ["guide/index.html"])
        #expect(RequestPath("/guide")?.candidates == ["guide", "guide/index.html"])
        #expect(RequestPath("/_static/vellum.css?v=2#top")?.candidates == ["_static/vellum.css", "_static/vellum.css/index.html"])
        #expect(RequestPath("/a%20b.html")?.segments == ["a b.html"])
        #expect(RequestPath("/caf%C3%A9.html")?.segments == ["café.html"])
    }

    @Test(arguments: [
        "/../etc/passwd", "/guide/../../etc/passwd", "/./index.html", "/%2e%2e/etc/passwd", "/%2E%2E/%2e%2e/etc/passwd",
        "/guide/%2e%2e/%2e%2e/etc/passwd", "/..%2fetc%2fpasswd", "/%2e%2e%2fetc%2fpasswd", "//etc/passwd",
        "/guide//index.html", "/..\\..\\etc\\passwd", "/%5c..%5cetc", "/a%00.html", "/%zz", "/%2", "/%ff",
        "etc/passwd", "http://example.org/index.html", "", "/a%0d%0aSet-Cookie:x",
    ])
    func traversalAndOddPathsAreRefused(_ target: String) {
        #expect(RequestPath(target) == nil)
    }

    /// Decoding happens once: `%252e` is a file literally named `%2e`, not a way up.
    @Test func doubleEncodingDecodesOnce() {
        #expect(RequestPath("/%252e%252e/etc")?.segments == ["%2e%2e", "etc"])
    }

    @Test func contentTypesFollowTheExtension() {
        #expect(ContentType.of("index.html") == "text/html; charset=utf-8")
        #expect(ContentType.of("_static/vellum.css") == "text/css; charset=utf-8")
        #expect(ContentType.of("_static/search.JS") == "text/javascript; charset=utf-8")
        #expect(ContentType.of("searchindex.json") == "application/json")
        #expect(ContentType.of("images/logo.svg") == "image/svg+xml")
        #expect(ContentType.of("objects.inv") == "application/octet-stream")
        #expect(ContentType.of("_sources/index.rst.txt") == "text/plain; charset=utf-8")
        #expect(ContentType.of("LICENSE") == "application/octet-stream")
        #expect(ContentType.of(".hidden") == "application/octet-stream")
    }
}
