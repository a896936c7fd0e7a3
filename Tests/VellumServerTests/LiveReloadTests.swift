import DocTree
import Testing
@testable import VellumServer

@Suite struct LiveReloadTests {
    @Test func scriptGoesBeforeTheLastClosingBody() {
        let html = "<html><body><p>text</p><pre>&lt;/body&gt;</pre></BODY></html>"
        let page = LiveReloadScript.inject(into: html, generation: 7, overlay: "<div>overlay</div>")
        #expect(page.hasPrefix("<html><body><p>text</p><pre>&lt;/body&gt;</pre><div>overlay</div><script id=\"vellum-live-reload\">"))
        #expect(page.hasSuffix("</script>\n</BODY></html>"))
        #expect(page.contains("var generation = \"7\""))
        #expect(page.contains("new EventSource(\"/__vellum/events\")"))
    }

    @Test func pagesWithoutBodyGetTheScriptAtTheEnd() {
        let page = LiveReloadScript.inject(into: "<p>fragment</p>", generation: 1, overlay: "")
        #expect(page.hasPrefix("<p>fragment</p><script id=\"vellum-live-reload\">"))
    }

    @Test func overlayEscapesWhatTheDiagnosticsSay() {
        let file = SourceFile(path: "docs/index.rst", text: "See <script>alert(1)</script> & `x`_\n")
        let diagnostic = Diagnostic.error("ref.missing", "unknown target '<img src=x onerror=alert(1)>'",
                                          file: file, range: SourceRange(line: 1))
        let html = DiagnosticOverlay.html(own: [diagnostic], elsewhere: 2)
        #expect(html.contains("id=\"vellum-diagnostics\""))
        #expect(html.contains("1 error, 0 warnings on this page"))
        #expect(html.contains("docs/index.rst:1:1: error: unknown target &#39;&lt;img src=x onerror=alert(1)&gt;&#39; [ref.missing]"))
        #expect(html.contains("See &lt;script&gt;alert(1)&lt;/script&gt; &amp; `x`_"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("<script"))
        #expect(html.contains("2 more diagnostics in other files"))
    }

    @Test func noOverlayWhenThereIsNothingToShow() {
        #expect(DiagnosticOverlay.html(own: [], elsewhere: 0).isEmpty)
    }

    @Test func eventsAreServerSentEventsText() {
        #expect(LiveEvent.current(generation: 4).serverSentEvent == "event: build\ndata: 4\n\n")
        #expect(LiveEvent.rebuildFailed("cannot list docs:\nNo such file").serverSentEvent
            == "event: failed\ndata: cannot list docs: No such file\n\n")
        #expect(LiveEvent.keepAlive.serverSentEvent == ": keep-alive\n\n")
    }
}
