import DocTree

/// Refuses URLs that would run code in the reader's browser: `javascript:`,
/// `vbscript:` and `data:` (except `data:image/…` as an image source), the
/// same rule as cmark's safe mode. One tree pass over every page of both
/// markups, after references are resolved, so that URLs produced by named
/// targets, extlinks and inventories are checked too. A refused link becomes
/// its text, a refused image its alt text; each is a warning
/// (`link.unsafe-url`). `[build] raw = true` turns the pass off, as it lets
/// raw HTML through anyway.
enum UnsafeLinks {
    static let id = "link.unsafe-url"

    /// Where a URL is used: links refuse every `data:` URL, images allow `data:image/`.
    enum Use { case link, image }

    /// The scheme of `url` as a browser's URL parser sees it, lowercased: leading
    /// spaces and control characters are skipped and tabs and newlines anywhere
    /// are ignored (`" Java\tScript:"` is `javascript`); other control characters
    /// are dropped too, to err on the safe side. nil for a relative URL.
    static func scheme(of url: String) -> String? {
        var scheme = ""
        var started = false
        for scalar in url.unicodeScalars {
            if scalar.value <= 0x20 && !started { continue }
            if scalar.value < 0x20 || scalar.value == 0x7F { continue }
            started = true
            if scalar == ":" { return scheme.isEmpty ? nil : scheme }
            let isLetter = (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z")
            let isOther = (scalar >= "0" && scalar <= "9") || scalar == "+" || scalar == "-" || scalar == "."
            guard isLetter || (!scheme.isEmpty && isOther) else { return nil }
            let isUpper = scalar >= "A" && scalar <= "Z"
            scheme.unicodeScalars.append(isUpper ? Unicode.Scalar(scalar.value + 32)! : scalar)
        }
        return nil
    }

    /// Whether `url` is refused where it is used as `use`.
    static func isUnsafe(_ url: String, as use: Use) -> Bool {
        switch scheme(of: url) {
        case "javascript", "vbscript": return true
        case "data":
            guard use == .image else { return true }
            // What follows the colon, as the data: URL parser reads the media type.
            let afterColon = url.unicodeScalars.drop { $0 != ":" }.dropFirst()
                .filter { $0 != "\t" && $0 != "\n" && $0 != "\r" }
            let mediaType = String(String.UnicodeScalarView(afterColon)).drop { $0 == " " || $0 == "\u{C}" }
            return !mediaType.lowercased().hasPrefix("image/")
        default: return false
        }
    }

    /// The page's tree with refused links and images replaced by their text, and
    /// a warning for each at the place where a link was dropped. A target (`.. _x:
    /// javascript:…`) is reported only when no reference on the page used it.
    static func apply(_ document: Document, rawEnabled: Bool) -> (Node, [Diagnostic]) {
        guard !rawEnabled else { return (document.root, []) }
        // Most pages have no such URL: a read-only look first, the rewrite only when needed.
        let risky = document.root.first { node in
            switch node.kind {
            case .reference, .target: return node.string(AttributeKey.refuri).map { isUnsafe($0, as: .link) } ?? false
            case .image: return node.string("uri").map { isUnsafe($0, as: .image) } ?? false
            default: return false
            }
        }
        guard risky != nil else { return (document.root, []) }
        var diagnostics: [Diagnostic] = []
        var reported: Set<String> = []
        var refusedLinks: Set<String> = []
        func report(_ url: String, _ what: String, _ node: Node) {
            let range = node.range ?? node.first(where: { $0.range != nil })?.range
            guard reported.insert("\(range?.description ?? ""):\(url)").inserted else { return }
            let scheme = scheme(of: url) ?? ""
            var diagnostic = Diagnostic(id: id, severity: .warning,
                                        message: "\(what) '\(shown(url))' refused: a \(scheme): URL can run code in the reader's browser",
                                        file: document.source, range: range)
            diagnostic.notes = [.init((what == "image" ? "the image is left out (its alt text is shown)"
                                       : "the text is shown without a link")
                                      + "; `[build] raw = true` in vellum.toml allows such URLs")]
            diagnostics.append(diagnostic)
        }
        let withoutLinks = document.root.rewritten { node -> [Node] in
            switch node.kind {
            case .reference:
                guard let url = node.string(AttributeKey.refuri), isUnsafe(url, as: .link) else { return [node] }
                report(url, "link to", node)
                refusedLinks.insert(url)
                return node.children
            case .image:
                guard let url = node.string("uri"), isUnsafe(url, as: .image) else { return [node] }
                report(url, "image", node)
                let alt = node.string("alt") ?? ""
                return alt.isEmpty ? [] : [.text(alt, range: node.range)]
            default:
                return [node]
            }
        }
        let root = withoutLinks.flatMap { $0.rewritten { node -> [Node] in
            guard node.kind == .target, let url = node.string(AttributeKey.refuri), isUnsafe(url, as: .link) else { return [node] }
            if !refusedLinks.contains(url) { report(url, "link target", node) }
            return node.children
        } }
        return (root.first ?? document.root, diagnostics)
    }

    /// The URL as shown in a message: control characters escaped, long ones shortened.
    static func shown(_ url: String) -> String {
        var out = ""
        for scalar in url.unicodeScalars {
            switch scalar {
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { out += "\\u{\(String(scalar.value, radix: 16))}" }
                else { out.unicodeScalars.append(scalar) }
            }
        }
        return out.count > 60 ? String(out.prefix(57)) + "..." : out
    }
}
