import DocTree
import Foundation
import Testing
@testable import Site

/// `javascript:`, `vbscript:` and non-image `data:` URLs are refused in both
/// markups (issue 9, part 3).
@Suite struct UnsafeLinkTests {
    @Test func schemesAreReadTheWayBrowsersReadThem() {
        #expect(UnsafeLinks.scheme(of: "javascript:alert(1)") == "javascript")
        #expect(UnsafeLinks.scheme(of: "JaVaScRiPt:alert(1)") == "javascript")
        #expect(UnsafeLinks.scheme(of: "  javascript:x") == "javascript")
        #expect(UnsafeLinks.scheme(of: "\u{1}\u{8} \tjavascript:x") == "javascript")
        #expect(UnsafeLinks.scheme(of: "java\tscript:x") == "javascript")
        #expect(UnsafeLinks.scheme(of: "java\nscr\ript:x") == "javascript")
        #expect(UnsafeLinks.scheme(of: "https://example.org") == "https")
        #expect(UnsafeLinks.scheme(of: "guide/page.html#javascript:x") == nil)
        #expect(UnsafeLinks.scheme(of: "./javascript:x") == nil)
        #expect(UnsafeLinks.scheme(of: "java script:x") == nil)
        #expect(UnsafeLinks.scheme(of: "1abc:x") == nil)
        #expect(UnsafeLinks.scheme(of: "") == nil)
    }

    @Test func whatIsRefusedWhere() {
        for url in ["javascript:alert(1)", "VBScript:msgbox", " data:text/html,<script>", "data:image/png;base64,AA"] {
            #expect(UnsafeLinks.isUnsafe(url, as: .link), "\(url)")
        }
        for url in ["javascript:alert(1)", "data:text/html,x", "data:,x", "DATA:Text/HTML,x", "data:imagex/png,x"] {
            #expect(UnsafeLinks.isUnsafe(url, as: .image), "\(url)")
        }
        for url in ["data:image/png;base64,AA", "DATA:IMAGE/GIF;base64,AA", "data: image/svg+xml,<svg/>"] {
            #expect(!UnsafeLinks.isUnsafe(url, as: .image), "\(url)")
        }
        for url in ["https://example.org/", "mailto:a@example.org", "page.html", "#top", "ftp://x", "javascript.html"] {
            #expect(!UnsafeLinks.isUnsafe(url, as: .link), "\(url)")
            #expect(!UnsafeLinks.isUnsafe(url, as: .image), "\(url)")
        }
    }

    /// Every `href`/`src` attribute value of an HTML page, entities for `&` and quotes decoded.
    static func urls(in html: String) -> [String] {
        var result: [String] = []
        let pattern = try! NSRegularExpression(pattern: #"(?:href|src)\s*=\s*"([^"]*)""#, options: [.caseInsensitive])
        for match in pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
            let value = String(html[Range(match.range(at: 1), in: html)!])
            result.append(value.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
                .replacingOccurrences(of: "&amp;", with: "&"))
        }
        return result
    }

    /// Written independently of `UnsafeLinks`: what a browser would run.
    static func isDangerous(_ url: String, image: Bool) -> Bool {
        let squeezed = String(url.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F }.map(Character.init))
            .lowercased()
        if squeezed.hasPrefix("javascript:") || squeezed.hasPrefix("vbscript:") { return true }
        return squeezed.hasPrefix("data:") && !(image && squeezed.hasPrefix("data:image/"))
    }

    @Test func noBuiltPageLinksToAnUnsafeURL() throws {
        let tmp = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let out = tmp.appendingPathComponent("site")
        let report = try buildFixture("unsafe-links", output: out)
        #expect(report.succeeded, "\(rendered(report.diagnostics))")
        expectGolden(rendered(report.diagnostics), "unsafe-links/diagnostics.txt")
        #expect(report.diagnostics.allSatisfy { $0.id == UnsafeLinks.id && $0.severity == .warning })
        var sawPixel = false, sawSafeLink = false
        for page in ["index", "markdown"] {
            let html = try String(contentsOf: out.appendingPathComponent(page + ".html"), encoding: .utf8)
            let hrefs = Self.urls(in: html)
            #expect(!hrefs.isEmpty)
            for url in hrefs {
                #expect(!Self.isDangerous(url, image: false) || url.hasPrefix("data:image/"), "\(page): \(url)")
            }
            // Images keep only data:image/ sources; links never get a data: URL.
            #expect(!html.contains("href=\"data:"), "\(page)")
            #expect(!html.lowercased().contains("href=\"javascript:"), "\(page)")
            for url in hrefs where url.hasPrefix("data:") { #expect(html.contains("src=\"\(url)\"")) }
            sawPixel = sawPixel || html.contains("src=\"data:image/png;base64,iVBORw0KGgo=\"")
            sawSafeLink = sawSafeLink || html.contains("href=\"https://example.org/\"")
            // The refused link's text is still there.
            #expect(html.contains(page == "index" ? "mixed case" : "upper case"))
        }
        #expect(sawPixel)
        #expect(sawSafeLink)
    }

    @Test func rawModeLetsThemThrough() throws {
        let tmp = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let project = tmp.appendingPathComponent("docs")
        try FileManager.default.createDirectory(at: project, withIntermediateDirectories: true)
        try "[build]\nraw = true\n".write(to: project.appendingPathComponent("vellum.toml"), atomically: true, encoding: .utf8)
        try "Title\n=====\n\n`click <javascript:alert(1)>`_\n\n:doc:`page`\n"
            .write(to: project.appendingPathComponent("index.rst"), atomically: true, encoding: .utf8)
        try "# Page\n\n[click](vbscript:msgbox(2))\n"
            .write(to: project.appendingPathComponent("page.md"), atomically: true, encoding: .utf8)
        let out = tmp.appendingPathComponent("site")
        let report = try SiteBuilder.build(BuildOptions(sourceDirectory: project.path, outputDirectory: out.path))
        #expect(report.diagnostics.filter { $0.id == UnsafeLinks.id }.isEmpty, "\(rendered(report.diagnostics))")
        #expect(try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
            .contains("href=\"javascript:alert(1)\""))
        #expect(try String(contentsOf: out.appendingPathComponent("page.html"), encoding: .utf8)
            .contains("href=\"vbscript:msgbox(2)\""))
    }

    @Test func singlePageHTMLRefusesThemToo() {
        let (html, diagnostics) = SinglePage.render(text: "[x](javascript:alert(1))\n", path: "page.md", sourceName: "page.md",
                                                    markdown: true, format: .html)
        #expect(!html.contains("javascript:"))
        #expect(html.contains("x"))
        #expect(diagnostics.map(\.id) == [UnsafeLinks.id])
    }
}
