import DocTree

/// The built-in HTML of each node kind, one visitor per kind: `write`
/// dispatches through this table (after the writers extensions register), so
/// a kind that is in neither is reported, never guessed at.
extension HTMLWriter {
    typealias Visitor = @Sendable (HTMLWriter) -> (Node, inout String, inout State) -> Void

    static let visitors: [NodeKind: Visitor] = [
        NodeKind.comment: { writer in writer.visitInvisible },
        NodeKind.systemMessage: { writer in writer.visitInvisible },
        NodeKind.target: { writer in writer.visitInvisible },
        "substitution_definition": { writer in writer.visitInvisible },
        "pending": { writer in writer.visitInvisible },
        "meta": { writer in writer.visitInvisible },
        "index": { writer in writer.visitInvisible },
        "toctree": { writer in writer.visitInvisible },
        "tabular_col_spec": { writer in writer.visitInvisible },
        "highlightlang": { writer in writer.visitInvisible },
        "autodoc": { writer in writer.visitInvisible },
        // Sphinx drops todo notes unless `todo_include_todos` is set, and the HTML builder
        // writes no docutils header or footer decoration.
        "todo_node": { writer in writer.visitInvisible },
        "decoration": { writer in writer.visitInvisible },
        "header": { writer in writer.visitInvisible },
        "footer": { writer in writer.visitInvisible },
        // An unresolved substitution (already reported) keeps its text.
        "substitution_reference": { writer in writer.visitContentOnly },
        "desc_signature": { writer in writer.visitDescPart },
        "desc_content": { writer in writer.visitDescPart },
        "desc_name": { writer in writer.visitDescPart },
        "desc_addname": { writer in writer.visitDescPart },
        "desc_annotation": { writer in writer.visitDescPart },
        "desc_parameterlist": { writer in writer.visitDescPart },
        "desc_parameter": { writer in writer.visitDescPart },
        "desc_returns": { writer in writer.visitDescPart },
        "desc_type": { writer in writer.visitDescPart },
        "desc_sig_punctuation": { writer in writer.visitDescPart },
        NodeKind.text: { writer in writer.visitText },
        NodeKind.section: { writer in writer.visitSection },
        NodeKind.title: { writer in writer.visitTitle },
        NodeKind.subtitle: { writer in writer.visitSubtitle },
        NodeKind.paragraph: { writer in writer.visitParagraph },
        NodeKind.bulletList: { writer in writer.visitBulletList },
        NodeKind.enumeratedList: { writer in writer.visitEnumeratedList },
        NodeKind.listItem: { writer in writer.visitListItem },
        NodeKind.definitionList: { writer in writer.visitDefinitionList },
        NodeKind.definitionListItem: { writer in writer.visitDefinitionListItem },
        NodeKind.term: { writer in writer.visitTerm },
        NodeKind.classifier: { writer in writer.visitClassifier },
        NodeKind.definition: { writer in writer.visitDefinition },
        NodeKind.fieldList: { writer in writer.visitFieldList },
        NodeKind.field: { writer in writer.visitField },
        NodeKind.fieldName: { writer in writer.visitFieldName },
        NodeKind.fieldBody: { writer in writer.visitFieldBody },
        NodeKind.literalBlock: { writer in writer.visitLiteralBlock },
        NodeKind.doctestBlock: { writer in writer.visitLiteralBlock },
        NodeKind.lineBlock: { writer in writer.visitLineBlock },
        NodeKind.line: { writer in writer.visitLine },
        NodeKind.blockQuote: { writer in writer.visitBlockQuote },
        NodeKind.attribution: { writer in writer.visitAttribution },
        NodeKind.transition: { writer in writer.visitTransition },
        NodeKind.emphasis: { writer in writer.visitEmphasis },
        NodeKind.strong: { writer in writer.visitStrong },
        NodeKind.literal: { writer in writer.visitLiteral },
        "literal_strong": { writer in writer.visitLiteralStrong },
        "literal_emphasis": { writer in writer.visitLiteralEmphasis },
        "manpage": { writer in writer.visitLiteralEmphasis },
        "subscript": { writer in writer.visitSubscript },
        "superscript": { writer in writer.visitSuperscript },
        NodeKind.titleReference: { writer in writer.visitTitleReference },
        "abbreviation": { writer in writer.visitAbbreviation },
        NodeKind.reference: { writer in writer.visitReference },
        NodeKind.pendingXref: { writer in writer.visitPendingXref },
        NodeKind.inline: { writer in writer.visitInline },
        "problematic": { writer in writer.visitInline },
        "math": { writer in writer.visitMath },
        "math_block": { writer in writer.visitMathBlock },
        NodeKind.image: { writer in writer.visitImage },
        NodeKind.figure: { writer in writer.visitFigure },
        NodeKind.caption: { writer in writer.visitCaption },
        "legend": { writer in writer.visitLegend },
        NodeKind.admonition: { writer in writer.visitAdmonition },
        NodeKind.container: { writer in { node, out, state in
            if node.classes.contains("literal-block-wrapper") { writer.visitContainerWrapper(node, into: &out, state: &state) } else { writer.visitContainer(node, into: &out, state: &state) }
        } },
        NodeKind.compound: { writer in writer.visitCompound },
        "topic": { writer in writer.visitTopic },
        "sidebar": { writer in writer.visitSidebar },
        "rubric": { writer in writer.visitRubric },
        NodeKind.raw: { writer in writer.visitRaw },
        NodeKind.table: { writer in writer.visitTable },
        "footnote": { writer in writer.visitFootnote },
        "citation": { writer in writer.visitFootnote },
        "footnote_reference": { writer in writer.visitFootnoteReference },
        "citation_reference": { writer in writer.visitFootnoteReference },
        "label": { writer in writer.visitLabel },
        "versionmodified": { writer in writer.visitVersionmodified },
        "desc": { writer in writer.visitDesc },
        "hlist": { writer in writer.visitHlist },
        "hlistcol": { writer in writer.visitHlistcol },
        "glossary": { writer in writer.visitGlossary },
        "centered": { writer in writer.visitCentered },
        "download_reference": { writer in writer.visitDownloadReference },
    ]

    func visitText(_ node: Node, into out: inout String, state: inout State) {
        out += node.text.htmlEscaped
    }

    func visitSection(_ node: Node, into out: inout String, state: inout State) {
        state.sectionDepth += 1
        state.sectionIDs.append(node.ids.first ?? "")
        out += "<section\(idAttribute(node))\(classAttribute([], node))>\(extraAnchors(node))\n"
        for child in node.children {
            state.titleIsHeading = child.kind == .title
            write(child, into: &out, state: &state)
        }
        state.titleIsHeading = false
        out += "</section>\n"
        state.sectionIDs.removeLast()
        state.sectionDepth -= 1
    }

    func visitTitle(_ node: Node, into out: inout String, state: inout State) {
        guard state.titleIsHeading else {
            // A title outside a section (topic, sidebar, table): a plain title line.
            wrap("p", node, classes: ["title"], into: &out, state: &state)
            out += "\n"
            return
        }
        state.titleIsHeading = false
        let level = min(6, max(1, baseHeadingLevel + state.sectionDepth - 1))
        out += "<h\(level)>"
        // A `contents` table's backlink: the title links to its entry (or to the table).
        if let backlink = node.refid {
            out += "<a class=\"toc-backref\" href=\"#\(backlink.htmlEscaped)\" role=\"doc-backlink\">"
            writeChildren(node, into: &out, state: &state)
            out += "</a>"
        } else {
            writeChildren(node, into: &out, state: &state)
        }
        if let anchor = state.sectionIDs.last, !anchor.isEmpty {
            out += "<a class=\"headerlink\" href=\"#\(anchor.htmlEscaped)\" title=\"Link to this heading\">¶</a>"
        }
        out += "</h\(level)>\n"
    }

    func visitSubtitle(_ node: Node, into out: inout String, state: inout State) {
        wrap("p", node, classes: ["subtitle"], into: &out, state: &state)
        out += "\n"
    }

    func visitParagraph(_ node: Node, into out: inout String, state: inout State) {
        if state.compactParagraphs {
            writeChildren(node, into: &out, state: &state)
        } else {
            wrap("p", node, into: &out, state: &state)
            out += "\n"
        }
    }

    func visitBulletList(_ node: Node, into out: inout String, state: inout State) {
        // A loose list (Markdown items separated by blank lines) keeps its paragraphs.
        let loose = node.classes.contains("open")
        let saved = state.looseList
        state.looseList = loose
        wrap("ul", node, classes: loose ? [] : ["simple"], into: &out, state: &state)
        state.looseList = saved
        out += "\n"
    }

    func visitEnumeratedList(_ node: Node, into out: inout String, state: inout State) {
        writeEnumeratedList(node, into: &out, state: &state)
    }

    func visitListItem(_ node: Node, into out: inout String, state: inout State) {
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
    }

    func visitDefinitionList(_ node: Node, into out: inout String, state: inout State) {
        wrap("dl", node, classes: ["simple"], into: &out, state: &state)
        out += "\n"
    }

    /// The node's content without markup of its own.
    func visitContentOnly(_ node: Node, into out: inout String, state: inout State) {
        writeChildren(node, into: &out, state: &state)
    }

    func visitDefinitionListItem(_ node: Node, into out: inout String, state: inout State) {
        writeChildren(node, into: &out, state: &state)
    }

    func visitTerm(_ node: Node, into out: inout String, state: inout State) {
        out += "<dt\(idAttribute(node))>"
        for child in node.children where child.kind != .classifier { write(child, into: &out, state: &state) }
        for classifier in node.children where classifier.kind == .classifier {
            out += "<span class=\"classifier\">"
            writeChildren(classifier, into: &out, state: &state)
            out += "</span>"
        }
        out += "</dt>\n"
    }

    func visitClassifier(_ node: Node, into out: inout String, state: inout State) {
        out += "<span class=\"classifier\">"
        writeChildren(node, into: &out, state: &state)
        out += "</span>"
    }

    func visitDefinition(_ node: Node, into out: inout String, state: inout State) {
        wrap("dd", node, into: &out, state: &state)
        out += "\n"
    }

    func visitFieldList(_ node: Node, into out: inout String, state: inout State) {
        wrap("dl", node, classes: ["field-list", "simple"], into: &out, state: &state)
        out += "\n"
    }

    func visitField(_ node: Node, into out: inout String, state: inout State) {
        writeChildren(node, into: &out, state: &state)
    }

    func visitFieldName(_ node: Node, into out: inout String, state: inout State) {
        out += "<dt class=\"field-name\">"
        writeChildren(node, into: &out, state: &state)
        out += "</dt>\n"
    }

    func visitFieldBody(_ node: Node, into out: inout String, state: inout State) {
        wrap("dd", node, classes: ["field-body"], into: &out, state: &state)
        out += "\n"
    }

    func visitLiteralBlock(_ node: Node, into out: inout String, state: inout State) {
        writeLiteralBlock(node, into: &out)
    }

    func visitLineBlock(_ node: Node, into out: inout String, state: inout State) {
        wrap("div", node, classes: ["line-block"], into: &out, state: &state)
        out += "\n"
    }

    func visitLine(_ node: Node, into out: inout String, state: inout State) {
        out += "<div class=\"line\">"
        writeChildren(node, into: &out, state: &state)
        if node.children.isEmpty { out += "<br>" }
        out += "</div>\n"
    }

    func visitBlockQuote(_ node: Node, into out: inout String, state: inout State) {
        wrap("blockquote", node, into: &out, state: &state)
        out += "\n"
    }

    func visitAttribution(_ node: Node, into out: inout String, state: inout State) {
        out += "<p class=\"attribution\">—"
        writeChildren(node, into: &out, state: &state)
        out += "</p>\n"
    }

    func visitTransition(_ node: Node, into out: inout String, state: inout State) {
        out += "<hr class=\"docutils\">\n"
    }

    /// Targets are rendered as ids on their element; the rest has no visible output.
    func visitInvisible(_ node: Node, into out: inout String, state: inout State) {
        if node.kind == .target, node.refuri == nil, node.refname == nil,
           node.attributes[AttributeKey.anonymous] == nil, !node.ids.isEmpty {
            out += node.ids.map { "<span id=\"\($0.htmlEscaped)\"></span>" }.joined()
        }
    }

    func visitEmphasis(_ node: Node, into out: inout String, state: inout State) {
        wrap("em", node, into: &out, state: &state)
    }

    func visitStrong(_ node: Node, into out: inout String, state: inout State) {
        wrap("strong", node, into: &out, state: &state)
    }

    func visitLiteral(_ node: Node, into out: inout String, state: inout State) {
        out += "<code\(idAttribute(node))\(classAttribute(["docutils", "literal", "notranslate"], node))>"
        writeChildren(node, into: &out, state: &state)
        out += "</code>"
    }

    func visitLiteralStrong(_ node: Node, into out: inout String, state: inout State) {
        wrap("strong", node, into: &out, state: &state)
    }

    func visitLiteralEmphasis(_ node: Node, into out: inout String, state: inout State) {
        wrap("em", node, into: &out, state: &state)
    }

    func visitSubscript(_ node: Node, into out: inout String, state: inout State) {
        wrap("sub", node, into: &out, state: &state)
    }

    func visitSuperscript(_ node: Node, into out: inout String, state: inout State) {
        wrap("sup", node, into: &out, state: &state)
    }

    func visitTitleReference(_ node: Node, into out: inout String, state: inout State) {
        wrap("cite", node, into: &out, state: &state)
    }

    func visitAbbreviation(_ node: Node, into out: inout String, state: inout State) {
        let title = node.string("explanation").map { " title=\"\($0.htmlEscaped)\"" } ?? ""
        out += "<abbr\(title)>"
        writeChildren(node, into: &out, state: &state)
        out += "</abbr>"
    }

    func visitReference(_ node: Node, into out: inout String, state: inout State) {
        writeReference(node, into: &out, state: &state)
    }

    func visitPendingXref(_ node: Node, into out: inout String, state: inout State) {
        // Unresolved references (already reported) keep their text.
        writeChildren(node, into: &out, state: &state)
    }

    func visitInline(_ node: Node, into out: inout String, state: inout State) {
        if node.classes.isEmpty, node.ids.isEmpty {
            writeChildren(node, into: &out, state: &state)
        } else {
            wrap("span", node, into: &out, state: &state)
        }
    }

    func visitMath(_ node: Node, into out: inout String, state: inout State) {
        out += "<span class=\"math\">\\(\(node.textContent.htmlEscaped)\\)</span>"
    }

    func visitMathBlock(_ node: Node, into out: inout String, state: inout State) {
        writeMathBlock(node, into: &out)
    }

    func visitImage(_ node: Node, into out: inout String, state: inout State) {
        writeImage(node, into: &out)
    }

    func visitFigure(_ node: Node, into out: inout String, state: inout State) {
        wrap("figure", node, into: &out, state: &state)
        out += "\n"
    }

    func visitCaption(_ node: Node, into out: inout String, state: inout State) {
        wrap("figcaption", node, into: &out, state: &state)
        out += "\n"
    }

    func visitLegend(_ node: Node, into out: inout String, state: inout State) {
        wrap("div", node, classes: ["legend"], into: &out, state: &state)
    }

    func visitAdmonition(_ node: Node, into out: inout String, state: inout State) {
        writeAdmonition(node, title: nil, kind: "admonition", into: &out, state: &state)
    }

    func visitContainerWrapper(_ node: Node, into out: inout String, state: inout State) {
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
    }

    func visitContainer(_ node: Node, into out: inout String, state: inout State) {
        wrap("div", node, classes: ["docutils", "container"], into: &out, state: &state)
        out += "\n"
    }

    func visitCompound(_ node: Node, into out: inout String, state: inout State) {
        wrap("div", node, classes: ["compound"], into: &out, state: &state)
        out += "\n"
    }

    func visitTopic(_ node: Node, into out: inout String, state: inout State) {
        guard node.classes.contains("contents") else {
            wrap("div", node, classes: ["topic"], into: &out, state: &state)
            out += "\n"
            return
        }
        // A table of contents, as docutils' HTML5 writer has it: a `nav` with a `topic-title`.
        out += "<nav\(idAttribute(node))\(classAttribute([], node))>\(extraAnchors(node))\n"
        for child in node.children {
            if child.kind == .title {
                wrap("p", child, classes: ["topic-title"], into: &out, state: &state)
                out += "\n"
            } else {
                write(child, into: &out, state: &state)
            }
        }
        out += "</nav>\n"
    }

    func visitSidebar(_ node: Node, into out: inout String, state: inout State) {
        wrap("aside", node, classes: ["sidebar"], into: &out, state: &state)
        out += "\n"
    }

    func visitRubric(_ node: Node, into out: inout String, state: inout State) {
        wrap("p", node, classes: ["rubric"], into: &out, state: &state)
        out += "\n"
    }

    func visitRaw(_ node: Node, into out: inout String, state: inout State) {
        if node.list("format").contains("html") || node.string("format") == "html" {
            out += node.textContent
        }
    }

    func visitTable(_ node: Node, into out: inout String, state: inout State) {
        writeTable(node, into: &out, state: &state)
    }

    func visitFootnote(_ node: Node, into out: inout String, state: inout State) {
        writeFootnote(node, into: &out, state: &state)
    }

    func visitFootnoteReference(_ node: Node, into out: inout String, state: inout State) {
        let target = node.refid.map { "#\($0)" } ?? "#"
        out += "<a class=\"\(node.kind == "footnote_reference" ? "footnote-reference" : "citation-reference") brackets\"\(idAttribute(node)) href=\"\(target.htmlEscaped)\">"
        writeChildren(node, into: &out, state: &state)
        out += "</a>"
    }

    func visitLabel(_ node: Node, into out: inout String, state: inout State) {
        writeChildren(node, into: &out, state: &state)
    }

    /// As Sphinx 9 writes it: `<div class="versionadded">` around the paragraphs.
    func visitVersionmodified(_ node: Node, into out: inout String, state: inout State) {
        out += "<div\(idAttribute(node))\(classAttribute([node.string("type") ?? "versionmodified"], node))>\n"
        out += extraAnchors(node)
        writeChildren(node, into: &out, state: &state)
        out += "</div>\n"
    }

    func visitDesc(_ node: Node, into out: inout String, state: inout State) {
        writeDesc(node, into: &out, state: &state)
    }

    func visitDescPart(_ node: Node, into out: inout String, state: inout State) {
        writeDescPart(node, into: &out, state: &state)
    }

    func visitHlist(_ node: Node, into out: inout String, state: inout State) {
        wrap("div", node, classes: ["hlist"], into: &out, state: &state)
    }

    func visitHlistcol(_ node: Node, into out: inout String, state: inout State) {
        wrap("div", node, classes: ["hlist-col"], into: &out, state: &state)
    }

    func visitGlossary(_ node: Node, into out: inout String, state: inout State) {
        wrap("div", node, classes: ["glossary"], into: &out, state: &state)
    }

    func visitCentered(_ node: Node, into out: inout String, state: inout State) {
        wrap("p", node, classes: ["centered"], into: &out, state: &state)
    }

    func visitDownloadReference(_ node: Node, into out: inout String, state: inout State) {
        writeReference(node, into: &out, state: &state)
    }
}
