import DocTree
import HTMLWriter

/// The panel over a served page that lists its warnings and errors, as the
/// terminal shows them (source line and caret), HTML-escaped.
enum DiagnosticOverlay {
    /// Empty when the page has nothing to show.
    static func html(own: [Diagnostic], elsewhere: Int) -> String {
        guard !own.isEmpty || elsewhere > 0 else { return "" }
        let formatter = DiagnosticFormatter(format: .text)
        let errors = own.filter { $0.severity >= .error }.count
        var lines: [String] = []
        lines.append("<div id=\"vellum-diagnostics\" role=\"alert\" style=\"\(panelStyle)\">")
        lines.append("<button type=\"button\" onclick=\"this.parentNode.remove()\" style=\"\(closeStyle)\" "
            + "aria-label=\"Close\">×</button>")
        if !own.isEmpty {
            let summary = "\(count(errors, "error")), \(count(own.count - errors, "warning")) on this page"
            lines.append("<strong>vellum: \(summary)</strong>")
            let text = formatter.render(own)
            lines.append("<pre style=\"\(preStyle)\">\(text.htmlEscaped)</pre>")
        }
        if elsewhere > 0 {
            lines.append("<p style=\"margin:.3em 0 0\">\(count(elsewhere, "more diagnostic")) "
                + "in other files (see the terminal).</p>")
        }
        lines.append("</div>\n")
        return lines.joined(separator: "\n")
    }

    private static func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }

    private static let panelStyle = "position:fixed;left:0;right:0;bottom:0;z-index:2147483646;max-height:45vh;"
        + "overflow:auto;padding:.75em 2.5em .75em 1em;background:#1f1f1f;color:#f5f5f5;"
        + "border-top:3px solid #dc2626;font:14px/1.4 system-ui,sans-serif;box-shadow:0 -4px 16px rgba(0,0,0,.3)"
    private static let preStyle = "margin:.5em 0 0;white-space:pre-wrap;font:13px/1.4 ui-monospace,monospace;"
        + "background:none;color:inherit;border:0;padding:0"
    private static let closeStyle = "position:absolute;top:.3em;right:.5em;background:none;border:0;color:inherit;"
        + "font-size:20px;cursor:pointer"
}
