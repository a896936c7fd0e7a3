import DocTree
import Foundation
import Hummingbird

/// Answers every request from the current snapshot: site files (`index.html` for
/// folders), the site's own `404.html` for anything else, and the live-reload
/// event stream at `/__vellum/events`. HTML pages get the reload script and their
/// diagnostics overlay on the way out.
struct SiteResponder: HTTPResponder {
    typealias Context = BasicRequestContext
    let store: SnapshotStore

    func respond(to request: Request, context: Context) async throws -> Response {
        guard request.method == .get || request.method == .head else {
            var headers = HTTPFields()
            headers[.allow] = "GET, HEAD"
            return Response(status: .methodNotAllowed, headers: headers)
        }
        let target = request.head.path ?? "/"
        let response: Response
        if RequestPath(target)?.segments == ["__vellum", "events"] {
            response = events()
        } else {
            response = file(at: target)
        }
        return request.method == .head ? response.createHeadResponse() : response
    }

    /// One snapshot for the whole answer, taken once.
    func file(at target: String) -> Response {
        let snapshot = store.current
        switch snapshot.lookup(RequestPath(target)) {
        case .file(let path, let data):
            return respond(.ok, path: path, data: data, snapshot: snapshot)
        case .redirect(let location):
            var headers = HTTPFields()
            headers[.location] = location
            headers[.cacheControl] = "no-store"
            return Response(status: .movedPermanently, headers: headers)
        case .notFound:
            guard let page = snapshot.files["404.html"] else {
                // No site to speak of (the theme failed, say): everything it reported goes on this page.
                return respond(.notFound, path: "404.html", data: Data(Self.plainNotFound.utf8), snapshot: snapshot,
                               showing: snapshot.diagnostics(forPage: nil))
            }
            return respond(.notFound, path: "404.html", data: page, snapshot: snapshot)
        }
    }

    private func respond(_ status: HTTPResponse.Status, path: String, data: Data, snapshot: SiteSnapshot,
                         showing shown: (own: [Diagnostic], elsewhere: Int)? = nil) -> Response {
        var headers = HTTPFields()
        let type = ContentType.of(path)
        headers[.contentType] = type
        headers[.cacheControl] = "no-store"
        headers[.xContentTypeOptions] = "nosniff"
        var body = data
        if type == ContentType.html {
            let (own, elsewhere) = shown ?? snapshot.diagnostics(forPage: path)
            let html = LiveReloadScript.inject(into: String(decoding: data, as: UTF8.self), generation: snapshot.generation,
                                               overlay: DiagnosticOverlay.html(own: own, elsewhere: elsewhere))
            body = Data(html.utf8)
        }
        headers[.contentLength] = String(body.count)
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }

    /// Server-Sent Events: the current build at once, then every rebuild, until the
    /// page goes away or the server stops.
    private func events() -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/event-stream; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(status: .ok, headers: headers, body: ResponseBody { [store] writer in
            let stream = store.events()
            try await writer.write(ByteBuffer(string: "retry: 300\n\n"))
            for await event in stream {
                try await writer.write(ByteBuffer(string: event.serverSentEvent))
            }
            try await writer.finish(nil)
        })
    }

    /// When the site has no 404 page (a theme that failed to load): still HTML,
    /// so the overlay and the reload script can show what went wrong.
    static let plainNotFound = """
        <!DOCTYPE html>
        <html><head><meta charset="utf-8"><title>Not found</title></head>
        <body><h1>Not found</h1><p>The site has no page at this address.</p></body></html>

        """
}
