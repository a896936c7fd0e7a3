import Foundation

/// The script and overlay `vellum serve` adds to the HTML pages it serves (never
/// to the files `vellum build` writes).
enum LiveReloadScript {
    /// Where pages listen for rebuilds (Server-Sent Events).
    static let eventsPath = "/__vellum/events"

    /// `html` with the overlay (when there is one) and the reload script put
    /// before its closing `</body>`, or at its end when it has none.
    static func inject(into html: String, generation: Int, overlay: String) -> String {
        let addition = overlay + script(generation: generation)
        guard let body = html.range(of: "</body>", options: [.backwards, .caseInsensitive]) else { return html + addition }
        var page = html
        page.insert(contentsOf: addition, at: body.lowerBound)
        return page
    }

    /// Reloads the page when the server reports another build than the one it
    /// was served from; shows a failed rebuild in a banner. Counts loads of the
    /// page in `sessionStorage` and on `<html data-vellum-loads>` (the browser
    /// test reads it).
    static func script(generation: Int) -> String {
        """
        <script id="vellum-live-reload">
        (function () {
          "use strict";
          var generation = "\(generation)", loads = 1;
          try {
            var key = "vellum-loads:" + location.pathname;
            loads = (parseInt(sessionStorage.getItem(key), 10) || 0) + 1;
            sessionStorage.setItem(key, String(loads));
          } catch (e) {}
          document.documentElement.setAttribute("data-vellum-loads", String(loads));
          document.documentElement.setAttribute("data-vellum-generation", generation);
          if (!window.EventSource) return;
          var events = new EventSource("\(eventsPath)");
          events.addEventListener("build", function (event) {
            if (event.data !== generation) { events.close(); location.reload(); }
          });
          events.addEventListener("failed", function (event) {
            var banner = document.getElementById("vellum-rebuild-failed");
            if (!banner) {
              banner = document.createElement("div");
              banner.id = "vellum-rebuild-failed";
              banner.setAttribute("style", "position:fixed;top:0;left:0;right:0;z-index:2147483647;padding:.5em 1em;" +
                "background:#7f1d1d;color:#fff;font:14px/1.4 system-ui,sans-serif");
              document.body.appendChild(banner);
            }
            banner.textContent = "vellum: rebuild failed, showing the previous build: " + event.data;
          });
        })();
        </script>

        """
    }
}

extension LiveEvent {
    /// The event as Server-Sent Events text: `event:` names `build` or `failed`,
    /// `data:` is one line.
    var serverSentEvent: String {
        switch self {
        case .current(let generation):
            return "event: build\ndata: \(generation)\n\n"
        case .rebuildFailed(let message):
            let line = message.split(whereSeparator: \.isNewline).joined(separator: " ")
            return "event: failed\ndata: \(line)\n\n"
        case .keepAlive:
            return ": keep-alive\n\n"
        }
    }
}
