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
    }

    func idAttribute(_ node: Node) -> String {
        guard let id = node.list("ids").first else { return "" }
        return " id=\"\(id.htmlEscaped)\""
    }

    /// Extra ids become empty anchors so every label keeps working.
    func extraAnchors(_ node: Node) -> String {
        node.list("ids").dropFirst().map { "<span id=\"\($0.htmlEscaped)\"></span>" }.joined()
    }

    func classAttribute(_ base: [String], _ node: Node) -> String {
        let classes = base + node.list("classes")
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
        if let custom = nodeWriters[node.kind] {
            out += custom.write(node) { nodes in
                var html = ""
                for child in nodes { write(child, into: &html, state: &state) }
                return html
            }
            return
        }
        switch node.kind {
        case .text:
            out += node.text.htmlEscaped
        case .section:
            state.sectionDepth += 1
            state.sectionIDs.append(node.list("ids").first ?? "")
            out += "<section\(idAttribute(node))\(classAttribute([], node))>\(extraAnchors(node))\n"
            for child in node.children {
                state.titleIsHeading = child.kind == .title
                write(child, into: &out, state: &state)
            }
            state.titleIsHeading = false
            out += "</section>\n"
            state.sectionIDs.removeLast()
            state.sectionDepth -= 1
        case .title:
            guard state.titleIsHeading else {
                // A title outside a section (topic, sidebar, table): a plain title line.
                wrap("p", node, classes: ["title"], into: &out, state: &state)
                out += "\n"
                break
            }
            state.titleIsHeading = false
            let level = min(6, max(1, baseHeadingLevel + state.sectionDepth - 1))
            out += "<h\(level)>"
            writeChildren(node, into: &out, state: &state)
            if let anchor = state.sectionIDs.last, !anchor.isEmpty {
                out += "<a class=\"headerlink\" href=\"#\(anchor.htmlEscaped)\" title=\"Link to this heading\">¶</a>"
            }
            out += "</h\(level)>\n"
        case .subtitle:
            wrap("p", node, classes: ["subtitle"], into: &out, state: &state)
            out += "\n"
        case .paragraph:
            if state.compactParagraphs {
                writeChildren(node, into: &out, state: &state)
            } else {
                wrap("p", node, into: &out, state: &state)
                out += "\n"
            }
        case .bulletList:
            // A loose list (Markdown items separated by blank lines) keeps its paragraphs.
            let loose = node.list("classes").contains("open")
            let saved = state.looseList
            state.looseList = loose
            wrap("ul", node, classes: loose ? [] : ["simple"], into: &out, state: &state)
            state.looseList = saved
            out += "\n"
        case .enumeratedList:
            writeEnumeratedList(node, into: &out, state: &state)
        case .listItem:
            out += "<li\(idAttribute(node))\(classAttribute([], node))>"
            if state.looseList {
                let saved = state.compactParagraphs
                state.compactParagraphs = false
                writeChildren(node, into: &out, state: &state)
                state.compactParagraphs = saved
            } else {
                writeListItemBody(node, into: &out, state: &state)
            }
            out += "</li>\n"
        case .definitionList:
            wrap("dl", node, classes: ["simple"], into: &out, state: &state)
            out += "\n"
        case .definitionListItem:
            writeChildren(node, into: &out, state: &state)
        case .term:
            out += "<dt\(idAttribute(node))>"
            for child in node.children where child.kind != .classifier { write(child, into: &out, state: &state) }
            for classifier in node.children where classifier.kind == .classifier {
                out += "<span class=\"classifier\">"
                writeChildren(classifier, into: &out, state: &state)
                out += "</span>"
            }
            out += "</dt>\n"
        case .classifier:
            out += "<span class=\"classifier\">"
            writeChildren(node, into: &out, state: &state)
            out += "</span>"
        case .definition:
            wrap("dd", node, into: &out, state: &state)
            out += "\n"
        case .fieldList:
            wrap("dl", node, classes: ["field-list", "simple"], into: &out, state: &state)
            out += "\n"
        case .field:
            writeChildren(node, into: &out, state: &state)
        case .fieldName:
            out += "<dt class=\"field-name\">"
            writeChildren(node, into: &out, state: &state)
            out += "</dt>\n"
        case .fieldBody:
            wrap("dd", node, classes: ["field-body"], into: &out, state: &state)
            out += "\n"
        case .literalBlock, .doctestBlock:
            writeLiteralBlock(node, into: &out)
        case .lineBlock:
            wrap("div", node, classes: ["line-block"], into: &out, state: &state)
            out += "\n"
        case .line:
            out += "<div class=\"line\">"
            writeChildren(node, into: &out, state: &state)
            if node.children.isEmpty { out += "<br>" }
            out += "</div>\n"
        case .blockQuote:
            wrap("blockquote", node, into: &out, state: &state)
            out += "\n"
        case .attribution:
            out += "<p class=\"attribution\">—"
            writeChildren(node, into: &out, state: &state)
            out += "</p>\n"
        case .transition:
            out += "<hr class=\"docutils\">\n"
        case .comment, .systemMessage, .target, "substitution_definition", "pending", "meta", "index",
             "toctree", "tabular_col_spec", "highlightlang", "autodoc":
            // Targets are rendered as ids on their element; the rest has no visible output.
            if node.kind == .target, node.string("refuri") == nil, node.string("refname") == nil,
               node.attributes["anonymous"] == nil, !node.list("ids").isEmpty {
                out += node.list("ids").map { "<span id=\"\($0.htmlEscaped)\"></span>" }.joined()
            }
        case .emphasis:
            wrap("em", node, into: &out, state: &state)
        case .strong:
            wrap("strong", node, into: &out, state: &state)
        case .literal:
            out += "<code\(idAttribute(node))\(classAttribute(["docutils", "literal", "notranslate"], node))>"
            writeChildren(node, into: &out, state: &state)
            out += "</code>"
        case "literal_strong":
            wrap("strong", node, into: &out, state: &state)
        case "literal_emphasis", "manpage":
            wrap("em", node, into: &out, state: &state)
        case "subscript":
            wrap("sub", node, into: &out, state: &state)
        case "superscript":
            wrap("sup", node, into: &out, state: &state)
        case .titleReference:
            wrap("cite", node, into: &out, state: &state)
        case "abbreviation":
            let title = node.string("explanation").map { " title=\"\($0.htmlEscaped)\"" } ?? ""
            out += "<abbr\(title)>"
            writeChildren(node, into: &out, state: &state)
            out += "</abbr>"
        case .reference:
            writeReference(node, into: &out, state: &state)
        case .pendingXref:
            // Unresolved references (already reported) keep their text.
            writeChildren(node, into: &out, state: &state)
        case .inline, "problematic":
            if node.list("classes").isEmpty, node.list("ids").isEmpty {
                writeChildren(node, into: &out, state: &state)
            } else {
                wrap("span", node, into: &out, state: &state)
            }
        case "math":
            out += "<span class=\"math\">\\(\(node.textContent.htmlEscaped)\\)</span>"
        case "math_block":
            writeMathBlock(node, into: &out)
        case .image:
            writeImage(node, into: &out)
        case .figure:
            wrap("figure", node, into: &out, state: &state)
            out += "\n"
        case .caption:
            wrap("figcaption", node, into: &out, state: &state)
            out += "\n"
        case "legend":
            wrap("div", node, classes: ["legend"], into: &out, state: &state)
        case .admonition:
            writeAdmonition(node, title: nil, kind: "admonition", into: &out, state: &state)
        case .container where node.list("classes").contains("literal-block-wrapper"):
            // A captioned code block: the caption above the code, as Sphinx renders it.
            out += "<div\(idAttribute(node))\(classAttribute(["docutils", "container"], node))>\(extraAnchors(node))"
            for child in node.children {
                if child.kind == .caption {
                    out += "<div class=\"code-block-caption\"><span class=\"caption-text\">"
                    writeChildren(child, into: &out, state: &state)
                    out += "</span></div>\n"
                } else {
                    write(child, into: &out, state: &state)
                }
            }
            out += "</div>\n"
        case .container:
            wrap("div", node, classes: ["docutils", "container"], into: &out, state: &state)
            out += "\n"
        case .compound:
            wrap("div", node, classes: ["compound"], into: &out, state: &state)
            out += "\n"
        case "topic":
            wrap("div", node, classes: ["topic"], into: &out, state: &state)
            out += "\n"
        case "sidebar":
            wrap("aside", node, classes: ["sidebar"], into: &out, state: &state)
            out += "\n"
        case "rubric":
            wrap("p", node, classes: ["rubric"], into: &out, state: &state)
            out += "\n"
        case .raw:
            if node.list("format").contains("html") || node.string("format") == "html" {
                out += node.textContent
            }
        case .table:
            writeTable(node, into: &out, state: &state)
        case "footnote", "citation":
            writeFootnote(node, into: &out, state: &state)
        case "footnote_reference", "citation_reference":
            let target = node.string("refid").map { "#\($0)" } ?? "#"
            out += "<a class=\"\(node.kind == "footnote_reference" ? "footnote-reference" : "citation-reference") brackets\"\(idAttribute(node)) href=\"\(target.htmlEscaped)\">"
            writeChildren(node, into: &out, state: &state)
            out += "</a>"
        case "label":
            writeChildren(node, into: &out, state: &state)
        case "versionmodified":
            wrap("span", node, classes: ["versionmodified"], into: &out, state: &state)
        case "desc":
            writeDesc(node, into: &out, state: &state)
        case "desc_signature", "desc_content", "desc_name", "desc_addname", "desc_annotation",
             "desc_parameterlist", "desc_parameter", "desc_returns", "desc_type", "desc_sig_punctuation":
            writeDescPart(node, into: &out, state: &state)
        case "hlist":
            wrap("div", node, classes: ["hlist"], into: &out, state: &state)
        case "hlistcol":
            wrap("div", node, classes: ["hlist-col"], into: &out, state: &state)
        case "glossary":
            wrap("div", node, classes: ["glossary"], into: &out, state: &state)
        case "centered":
            wrap("p", node, classes: ["centered"], into: &out, state: &state)
        case "download_reference":
            writeReference(node, into: &out, state: &state)
        default:
            if NodeKind.specificAdmonitions.contains(node.kind) {
                writeAdmonition(node, title: Self.admonitionTitle(node.kind), kind: node.kind.rawValue,
                                into: &out, state: &state)
            } else {
                // A node kind no writer knows: an error for the page, its content still written.
                state.unknown.append(node)
                writeChildren(node, into: &out, state: &state)
            }
        }
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
        let loose = node.list("classes").contains("open")
        let saved = state.looseList
        state.looseList = loose
        out += "<ol\(idAttribute(node))\(classAttribute(loose ? [] : ["simple"], node))\(attributes)>"
        writeChildren(node, into: &out, state: &state)
        out += "</ol>\n"
        state.looseList = saved
    }

    func writeLiteralBlock(_ node: Node, into out: inout String) {
        let language = node.string("language") ?? ""
        let code = node.textContent
        let body = Highlighter.html(code, language: language)
        let caption = node.string("caption")
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
        if let uri = node.string("refuri") {
            href = uri
            classes.append(node.attributes["internal"] == .bool(true) ? "internal" : "external")
        } else if let id = node.string("refid") {
            href = "#" + id
            classes.append("internal")
        }
        if node.kind == "download_reference" { classes = ["reference", "download", "internal"] }
        let title = node.string("reftitle").map { " title=\"\($0.htmlEscaped)\"" } ?? ""
        out += "<a\(classAttribute(classes, node)) href=\"\(href.htmlEscaped)\"\(title)>"
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
        let objtype = node.string("objtype") ?? ""
        let domain = node.string("domain") ?? "py"
        out += "<dl class=\"\([domain, objtype].filter { !$0.isEmpty }.joined(separator: " ").htmlEscaped)\">\n"
        writeChildren(node, into: &out, state: &state)
        out += "</dl>\n"
    }

    func writeDescPart(_ node: Node, into out: inout String, state: inout State) {
        switch node.kind.rawValue {
        case "desc_signature":
            out += "<dt class=\"sig sig-object\"\(idAttribute(node))>"
            writeChildren(node, into: &out, state: &state)
            if let id = node.list("ids").first {
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
