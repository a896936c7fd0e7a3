import DocTree

/// Renders a Markdown page's document tree back to the HTML that the
/// CommonMark reference renderer would print, so the spec examples can check
/// the whole Markdown path (cmark AST → DocTree) and not just libcmark.
struct CommonMarkHTML {
    let source: SourceFile
    private var out = ""

    init(source: SourceFile) {
        self.source = source
    }

    static func render(_ document: Document) -> String {
        var renderer = CommonMarkHTML(source: document.source)
        renderer.blocks(document.root.children, tight: false)
        return renderer.out
    }

    private mutating func cr() {
        if !out.isEmpty, out.last != "\n" { out += "\n" }
    }

    private mutating func blocks(_ nodes: [Node], tight: Bool) {
        for node in nodes { block(node, tight: tight) }
    }

    private mutating func block(_ node: Node, tight: Bool) {
        switch node.kind {
        case .section:
            blocks(node.children, tight: false)
        case .title:
            let level = headingLevel(node)
            cr()
            out += "<h\(level)>"
            inlines(node.children)
            out += "</h\(level)>\n"
        case "rubric":
            let level = node.attributes["level"].flatMap { value -> Int? in
                if case .int(let i) = value { return i }
                return nil
            } ?? 2
            cr()
            out += "<h\(level)>"
            inlines(node.children)
            out += "</h\(level)>\n"
        case .paragraph:
            if tight {
                inlines(node.children)
            } else {
                cr()
                out += "<p>"
                inlines(node.children)
                out += "</p>\n"
            }
        case .blockQuote:
            cr()
            out += "<blockquote>\n"
            blocks(node.children, tight: false)
            cr()
            out += "</blockquote>\n"
        case .bulletList, .enumeratedList:
            let isTight = !node.list("classes").contains("open")
            cr()
            if node.kind == .bulletList {
                out += "<ul>\n"
            } else if let start = node.attributes["start"], start.stringValue != "1" {
                out += "<ol start=\"\(start.stringValue)\">\n"
            } else {
                out += "<ol>\n"
            }
            for item in node.children {
                cr()
                out += "<li>"
                blocks(item.children, tight: isTight)
                out += "</li>\n"
            }
            out += node.kind == .bulletList ? "</ul>\n" : "</ol>\n"
        case .literalBlock:
            cr()
            out += "<pre><code"
            if let language = node.string("language") {
                out += " class=\"language-\(Self.escape(language))\""
            }
            out += ">"
            let text = node.textContent
            out += Self.escape(text)
            if !text.isEmpty { out += "\n" }
            out += "</code></pre>\n"
        case .raw:
            cr()
            out += node.textContent
            cr()
        case .transition:
            cr()
            out += "<hr />\n"
        case .target, .comment:
            break
        default:
            blocks(node.children, tight: tight)
        }
    }

    /// The heading level as written: count the `#`s, or read the setext underline.
    private func headingLevel(_ title: Node) -> Int {
        guard let range = title.range, let line = source.line(range.start.line) else { return 1 }
        if range.end.line > range.start.line {
            let underline = (source.line(range.end.line) ?? "").drop(while: { $0 == " " || $0 == ">" })
            if let first = underline.first, first == "=" || first == "-",
               underline.allSatisfy({ $0 == first || $0 == " " || $0 == "\t" }) {
                return first == "=" ? 1 : 2
            }
        }
        let trimmed = line.drop(while: { $0 == " " })
        let hashes = trimmed.prefix(while: { $0 == "#" }).count
        return max(hashes, 1)
    }

    private mutating func inlines(_ nodes: [Node]) {
        for node in nodes { inline(node) }
    }

    private mutating func inline(_ node: Node) {
        switch node.kind {
        case .text:
            out += Self.escape(node.text)
        case .emphasis:
            out += "<em>"
            inlines(node.children)
            out += "</em>"
        case .strong:
            out += "<strong>"
            inlines(node.children)
            out += "</strong>"
        case .literal:
            out += "<code>\(Self.escape(node.textContent))</code>"
        case .raw:
            out += node.textContent
        case .reference:
            link(href: node.string("refuri") ?? "", title: node.string("reftitle"), children: node.children)
        case .pendingXref where node.string("reftype") == "mdlink":
            var href = ""
            if node.string("reftarget") != node.string("refdoc") { href = (node.string("reftarget") ?? "") + ".md" }
            if let anchor = node.string("refanchor") { href += "#" + anchor }
            link(href: href, title: node.string("reftitle"), children: node.children)
        case .image:
            out += "<img src=\"\(Self.escapeHref(node.string("uri") ?? ""))\" alt=\"\(Self.escape(node.string("alt") ?? ""))\""
            if let title = node.string("title") { out += " title=\"\(Self.escape(title))\"" }
            out += " />"
        default:
            inlines(node.children)
        }
    }

    private mutating func link(href: String, title: String?, children: [Node]) {
        out += "<a href=\"\(Self.escapeHref(href))\""
        if let title { out += " title=\"\(Self.escape(title))\"" }
        out += ">"
        inlines(children)
        out += "</a>"
    }

    static func escape(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Percent-encodes what is not safe in a URL (keeping existing `%` escapes), then HTML-escapes.
    static func escapeHref(_ url: String) -> String {
        let safe = Set("-_.+!*(),%#@?=;:/$~".utf8)
        var result = ""
        for byte in url.utf8 {
            let isAlnum = (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
            if isAlnum || safe.contains(byte) {
                result.unicodeScalars.append(UnicodeScalar(byte))
            } else if byte == UInt8(ascii: "&") {
                result += "&amp;"
            } else if byte == UInt8(ascii: "'") {
                result += "&#x27;"
            } else {
                result += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return result
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
