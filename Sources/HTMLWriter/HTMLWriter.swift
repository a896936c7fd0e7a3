import DocTree

/// Turns a resolved document tree into HTML for the page body. It sees only
/// the tree and a `LinkProvider`; every text and attribute is escaped.
public struct HTMLWriter: Sendable {
    public var links: any LinkProvider
    /// Heading level of the document title (`1` → `<h1>`).
    public var baseHeadingLevel: Int
    /// Writers for node kinds that extensions add (consulted before the built-in ones).
    public var nodeWriters: [NodeKind: NodeHTMLWriter]

    public init(links: any LinkProvider = FlatLinkProvider(), baseHeadingLevel: Int = 1,
                nodeWriters: [NodeKind: NodeHTMLWriter] = [:]) {
        self.links = links
        self.baseHeadingLevel = baseHeadingLevel
        self.nodeWriters = nodeWriters
    }

    /// The HTML for the children of `root` (a `document` node).
    public func render(_ root: Node) -> String {
        renderPage(root).html
    }

    /// The HTML for the children of `root`, and the nodes of kinds no writer
    /// knows (their content is written, without markup of their own).
    public func renderPage(_ root: Node) -> (html: String, unknown: [Node]) {
        var out = ""
        var state = State(sectionDepth: 0)
        for child in root.children { write(child, into: &out, state: &state) }
        return (out, state.unknown)
    }

    /// `html.unknown-node` errors for nodes no writer knows, at their source location.
    public static func unknownNodeDiagnostics(_ nodes: [Node], file: SourceFile) -> [Diagnostic] {
        nodes.map { node in
            Diagnostic(id: "html.unknown-node", severity: .error,
                       message: "no HTML writer for node kind '\(node.kind)'; its content is written without markup",
                       file: file, range: node.range,
                       notes: [.init("an extension that adds this node kind must register a writer for it")])
        }
    }

    /// The HTML for inline content only (e.g. a title in navigation).
    public func renderInline(_ nodes: [Node]) -> String {
        var out = ""
        var state = State(sectionDepth: 0)
        for node in nodes { write(node, into: &out, state: &state) }
        return out
    }

    struct State {
        var sectionDepth: Int
        /// Inside a paragraph-like context where block wrappers are not wanted.
        var compactParagraphs = false
        /// The id of each enclosing section, innermost last (for heading permalinks).
        var sectionIDs: [String] = []
        /// Whether the next `title` is a section's heading.
        var titleIsHeading = false
        /// Inside a loose list, whose items keep their paragraphs.
        var looseList = false
        /// Nodes of kinds no writer knows.
        var unknown: [Node] = []
        /// The domain of the innermost `desc` (`py`, `c`, `std`…): its signatures carry it as a class, as in Sphinx.
        var descDomain = ""
    }

    func idAttribute(_ node: Node) -> String {
        guard let id = node.ids.first else { return "" }
        return " id=\"\(id.htmlEscaped)\""
    }

    /// Extra ids become empty anchors so every label keeps working.
    func extraAnchors(_ node: Node) -> String {
        node.ids.dropFirst().map { "<span id=\"\($0.htmlEscaped)\"></span>" }.joined()
    }

    func classAttribute(_ base: [String], _ node: Node) -> String {
        let classes = base + node.classes
        guard !classes.isEmpty else { return "" }
        return " class=\"\(classes.joined(separator: " ").htmlEscaped)\""
    }

    func writeChildren(_ node: Node, into out: inout String, state: inout State) {
        for child in node.children { write(child, into: &out, state: &state) }
    }

    /// Writes a block element, wrapping it with its tag and attributes.
    func wrap(_ tag: String, _ node: Node, classes: [String] = [], into out: inout String, state: inout State) {
        out += "<\(tag)\(idAttribute(node))\(classAttribute(classes, node))>"
        out += extraAnchors(node)
        writeChildren(node, into: &out, state: &state)
        out += "</\(tag)>"
    }

    func write(_ node: Node, into out: inout String, state: inout State) {
        if !nodeWriters.isEmpty, let custom = nodeWriters[node.kind] {
            out += custom.write(node) { nodes in
                var html = ""
                for child in nodes { write(child, into: &html, state: &state) }
                return html
            }
            return
        }
        if node.isText {
            out += node.text.htmlEscaped
            return
        }
        if let visit = Self.visitors[node.kind] {
            visit(self)(node, &out, &state)
            return
        }
        if NodeKind.specificAdmonitions.contains(node.kind) {
            writeAdmonition(node, title: Self.admonitionTitle(node.kind), kind: node.kind.rawValue,
                            into: &out, state: &state)
            return
        }
        // A node kind no writer knows: an error for the page, its content still written.
        state.unknown.append(node)
        writeChildren(node, into: &out, state: &state)
    }

    static func admonitionTitle(_ kind: NodeKind) -> String {
        switch kind.rawValue {
        case "seealso": return "See also"
        default:
            let raw = kind.rawValue
            return raw.prefix(1).uppercased() + raw.dropFirst()
        }
    }

    func writeListItemBody(_ node: Node, into out: inout String, state: inout State) {
        // A list item with a single paragraph renders compactly, like Sphinx's "simple" lists.
        let compact = node.children.count == 1 && node.children[0].kind == .paragraph
        let saved = state.compactParagraphs
        state.compactParagraphs = compact
        if compact {
            out += extraAnchors(node)
            write(node.children[0], into: &out, state: &state)
        } else {
            state.compactParagraphs = false
            writeChildren(node, into: &out, state: &state)
        }
        state.compactParagraphs = saved
    }

    func writeEnumeratedList(_ node: Node, into out: inout String, state: inout State) {
        var attributes = ""
        switch node.string("enumtype") {
        case "loweralpha": attributes += " type=\"a\""
        case "upperalpha": attributes += " type=\"A\""
        case "lowerroman": attributes += " type=\"i\""
        case "upperroman": attributes += " type=\"I\""
        default: break
        }
        if let start = node.attributes["start"], case .int(let n) = start, n != 1 {
            attributes += " start=\"\(n)\""
        }
        let loose = node.classes.contains("open")
        let saved = state.looseList
        state.looseList = loose
        out += "<ol\(idAttribute(node))\(classAttribute(loose ? [] : ["simple"], node))\(attributes)>"
        writeChildren(node, into: &out, state: &state)
        out += "</ol>\n"
        state.looseList = saved
    }

    func writeLiteralBlock(_ node: Node, into out: inout String) {
        let language = node.string(AttributeKey.language) ?? ""
        let code = node.textContent
        let body = Highlighter.html(code, language: language)
        let caption = node.string(AttributeKey.caption)
        if let caption {
            out += "<div class=\"literal-block-wrapper docutils container\"\(idAttribute(node))>"
            out += "<div class=\"code-block-caption\"><span class=\"caption-text\">\(caption.htmlEscaped)</span></div>\n"
        }
        let languageClass = language.isEmpty ? "default" : language
        let id = caption == nil ? idAttribute(node) : ""
        out += "<div class=\"highlight-\(languageClass.htmlEscaped) notranslate\"\(id)><div class=\"highlight\"><pre>"
        out += body
        out += "</pre></div></div>\n"
        if caption != nil { out += "</div>\n" }
    }

    func writeReference(_ node: Node, into out: inout String, state: inout State) {
        var classes = ["reference"]
        var href = ""
        if let uri = node.refuri {
            href = uri
            classes.append(node.attributes["internal"] == .bool(true) ? "internal" : "external")
        } else if let id = node.refid {
            href = "#" + id
            classes.append("internal")
        }
        if node.kind == "download_reference" { classes = ["reference", "download", "internal"] }
        let title = node.string("reftitle").map { " title=\"\($0.htmlEscaped)\"" } ?? ""
        out += "<a\(classAttribute(classes, node)) href=\"\(href.htmlEscaped)\"\(title)\(idAttribute(node))>"
        writeChildren(node, into: &out, state: &state)
        out += "</a>"
    }

    func writeImage(_ node: Node, into out: inout String) {
        let uri = node.string("uri") ?? ""
        let src = uri.contains("://") || uri.hasPrefix("data:") ? uri : links.assetURL(uri)
        var attributes = " src=\"\(src.htmlEscaped)\" alt=\"\((node.string("alt") ?? uri).htmlEscaped)\""
        for name in ["width", "height"] {
            if let value = node.string(name) { attributes += " \(name)=\"\(value.htmlEscaped)\"" }
        }
        if let align = node.string("align") { attributes += " class=\"align-\(align.htmlEscaped)\"" }
        out += "<img\(attributes)>"
    }

    func writeAdmonition(_ node: Node, title: String?, kind: String, into out: inout String, state: inout State) {
        out += "<div\(idAttribute(node))\(classAttribute(["admonition", kind == "admonition" ? "" : kind].filter { !$0.isEmpty }, node))>\n"
        var children = node.children[...]
        if let title {
            out += "<p class=\"admonition-title\">\(title.htmlEscaped)</p>\n"
        } else if let first = children.first, first.kind == .title {
            out += "<p class=\"admonition-title\">"
            writeChildren(first, into: &out, state: &state)
            out += "</p>\n"
            children = children.dropFirst()
        }
        let saved = state.compactParagraphs
        state.compactParagraphs = false
        for child in children { write(child, into: &out, state: &state) }
        state.compactParagraphs = saved
        out += "</div>\n"
    }

    func writeFootnote(_ node: Node, into out: inout String, state: inout State) {
        let label = node.children.first(where: { $0.kind == "label" })?.textContent ?? ""
        out += "<aside class=\"\(node.kind.rawValue) brackets\"\(idAttribute(node))>"
        out += "<span class=\"label\"><span class=\"fn-bracket\">[</span>\(label.htmlEscaped)<span class=\"fn-bracket\">]</span></span>"
        let backrefs = node.list("backrefs")
        if !backrefs.isEmpty {
            out += "<span class=\"backrefs\">(" + backrefs.enumerated().map {
                "<a href=\"#\($0.element.htmlEscaped)\">\($0.offset + 1)</a>"
            }.joined(separator: ",") + ")</span>"
        }
        for child in node.children where child.kind != "label" { write(child, into: &out, state: &state) }
        out += "</aside>\n"
    }

    func writeDesc(_ node: Node, into out: inout String, state: inout State) {
        let objtype = node.string(AttributeKey.objtype) ?? ""
        let domain = node.string(AttributeKey.domain) ?? "py"
        out += "<dl class=\"\([domain, objtype].filter { !$0.isEmpty }.joined(separator: " ").htmlEscaped)\">\n"
        let outer = state.descDomain
        state.descDomain = domain
        writeChildren(node, into: &out, state: &state)
        state.descDomain = outer
        out += "</dl>\n"
    }

    func writeDescPart(_ node: Node, into out: inout String, state: inout State) {
        switch node.kind.rawValue {
        case "desc_signature":
            out += "<dt class=\"\((["sig", "sig-object"] + (state.descDomain.isEmpty ? [] : [state.descDomain])).joined(separator: " ").htmlEscaped)\"\(idAttribute(node))>"
            writeChildren(node, into: &out, state: &state)
            if let id = node.ids.first {
                out += "<a class=\"headerlink\" href=\"#\(id.htmlEscaped)\" title=\"Link to this definition\">¶</a>"
            }
            out += "</dt>\n"
        case "desc_content":
            out += "<dd>"
            writeChildren(node, into: &out, state: &state)
            out += "</dd>\n"
        case "desc_name":
            out += "<span class=\"sig-name descname\">"
            writeChildren(node, into: &out, state: &state)
            out += "</span>"
        case "desc_addname":
            out += "<span class=\"sig-prename descclassname\">"
            writeChildren(node, into: &out, state: &state)
            out += "</span>"
        case "desc_annotation":
            out += "<em class=\"property\">"
            writeChildren(node, into: &out, state: &state)
            out += "</em>"
        case "desc_parameterlist":
            out += "<span class=\"sig-paren\">(</span>"
            var first = true
            for child in node.children {
                if !first { out += ", " }
                first = false
                write(child, into: &out, state: &state)
            }
            out += "<span class=\"sig-paren\">)</span>"
        case "desc_parameter":
            out += "<em class=\"sig-param\">"
            writeChildren(node, into: &out, state: &state)
            out += "</em>"
        case "desc_returns":
            out += " <span class=\"sig-return\">→ "
            writeChildren(node, into: &out, state: &state)
            out += "</span>"
        default:
            out += "<span class=\"\(node.kind.rawValue.htmlEscaped)\">"
            writeChildren(node, into: &out, state: &state)
            out += "</span>"
        }
    }
}
