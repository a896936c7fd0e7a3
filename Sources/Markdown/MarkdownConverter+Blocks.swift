import DocTree

extension MarkdownConverter {
    /// Converts a run of blocks where headings cannot open sections (list items, quotes, directive bodies).
    func blocks(_ nodes: [CmarkNode], context: Context) -> [Node] {
        var output: [Node] = []
        for node in nodes {
            if let more = footnoteContinuation(node, after: output.last) {
                output[output.count - 1].children += more
            } else {
                output += convert(node, context: context)
            }
        }
        return Self.joiningDefinitionLists(output)
    }

    /// One cmark block → zero or more DocTree nodes.
    func convert(_ block: CmarkNode, context: Context) -> [Node] {
        let blockRange = range(of: block)
        var inner = context
        inner.allowsSections = false
        switch block.kind {
        case .paragraph:
            return paragraph(block, context: context)
        case .heading:
            // Sections only exist at the top level; elsewhere a heading is a rubric
            // (with ids like a section's, so `#anchor` links to it work).
            var rubric = Node("rubric", attributes: ["level": .int(block.headingLevel)],
                              children: inlines(of: block, context: context),
                              range: headingRange(block, context: context))
            rubric.attributes.merge(implicitTargetAttributes(title: rubric.textContent, range: rubric.range,
                                                                tag: "rubric", level: block.headingLevel)) { _, new in new }
            return [rubric]
        case .blockQuote:
            inner.quoteDepth += 1
            return [Node(.blockQuote, children: blocks(block.children, context: inner), range: blockRange)]
        case .list:
            return [list(block, context: inner)]
        case .item:
            return [Node(.listItem, children: blocks(block.children, context: inner), range: blockRange)]
        case .codeBlock:
            return codeBlock(block, context: context)
        case .htmlBlock:
            if let admonition = htmlAdmonition(block, context: inner) { return [admonition] }
            return rawHTML(block.literal, range: blockRange, inline: false)
        case .thematicBreak:
            return [Node(.transition, range: blockRange)]
        case .document:
            return blocks(block.children, context: inner)
        default:
            return []
        }
    }

    private func list(_ block: CmarkNode, context: Context) -> Node {
        var node: Node
        if block.isOrdered {
            node = Node(.enumeratedList, attributes: [
                "enumtype": .string("arabic"), "prefix": .string(""), "suffix": .string(String(block.delimiter)),
            ])
            if block.listStart != 1 { node.attributes["start"] = .int(block.listStart) }
        } else {
            node = Node(.bulletList, attributes: ["bullet": .string(bulletCharacter(of: block))])
        }
        if !block.isTight { node.attributes[AttributeKey.classes] = .list(["open"]) }
        node.range = range(of: block)
        node.children = blocks(block.children, context: context)
        if settings.mystExtensions, settings.extensions.contains("tasklist") { node = taskList(node) }
        return node
    }

    /// `tasklist`: items starting with `[ ]` or `[x]` get a disabled checkbox, as
    /// myst-parser renders them (classes `task-list-item`, `contains-task-list`).
    private func taskList(_ list: Node) -> Node {
        var list = list
        var anyTask = false
        for index in list.children.indices {
            var item = list.children[index]
            guard var paragraph = item.children.first, paragraph.kind == .paragraph,
                  let first = paragraph.children.first, first.isText else { continue }
            let checked: Bool
            if first.text.hasPrefix("[ ] ") || first.text == "[ ]" {
                checked = false
            } else if first.text.hasPrefix("[x] ") || first.text.hasPrefix("[X] ") || first.text == "[x]" || first.text == "[X]" {
                checked = true
            } else {
                continue
            }
            anyTask = true
            var rest = first
            rest.text = String(first.text.dropFirst(min(4, first.text.count)))
            let box = Node(.raw, attributes: ["format": .string("html"), "xml:space": .string("preserve")],
                           children: [.text("<input class=\"task-list-item-checkbox\"\(checked ? " checked=\"checked\"" : "") "
                                            + "disabled=\"disabled\" type=\"checkbox\">")], range: first.range)
            paragraph.children = [box] + (rest.text.isEmpty ? [] : [rest]) + paragraph.children.dropFirst()
            item.children[0] = paragraph
            item.attributes[AttributeKey.classes] = .list(item.list(AttributeKey.classes) + ["task-list-item"])
            list.children[index] = item
        }
        if anyTask { list.attributes[AttributeKey.classes] = .list(list.list(AttributeKey.classes) + ["contains-task-list"]) }
        return list
    }

    /// cmark does not keep the bullet character; read it from the source.
    private func bulletCharacter(of block: CmarkNode) -> String {
        let line = text.bytes(ofLine: block.start.line)
        var index = max(block.start.column - 1, 0)
        while index < line.count {
            let byte = line[index]
            if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "*") || byte == UInt8(ascii: "+") {
                return String(UnicodeScalar(byte))
            }
            if byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t") && byte != UInt8(ascii: ">") { break }
            index += 1
        }
        return "-"
    }

    private func codeBlock(_ block: CmarkNode, context: Context) -> [Node] {
        let info = block.info.trimmingLeadingSpace()
        if settings.mystExtensions, info.hasPrefix("{"), let close = info.firstIndex(of: "}") {
            return directive(block, info: info, nameEnd: close, context: context)
        }
        var node = Node(.literalBlock, attributes: ["xml:space": .string("preserve")], range: range(of: block))
        if let language = info.split(whereSeparator: { $0 == " " || $0 == "\t" }).first {
            node.attributes[AttributeKey.language] = .string(String(language))
        }
        node.children = [.text(Self.withoutFinalNewline(block.literal))]
        return [node]
    }

    static func withoutFinalNewline(_ string: String) -> String {
        var result = string
        if result.hasSuffix("\r\n") {
            result.removeLast()
        } else if result.hasSuffix("\n") {
            result.removeLast()
        }
        return result
    }

    /// Raw HTML under the `rawHTMLEnabled` policy.
    func rawHTML(_ html: String, range: SourceRange, inline: Bool) -> [Node] {
        if let image = htmlImage(html, range: range) { return [image] }
        if settings.rawHTMLEnabled {
            let content = inline ? html : Self.withoutFinalNewline(html)
            return [Node(.raw, attributes: ["format": .string("html"), "xml:space": .string("preserve")],
                         children: [.text(content)], range: range)]
        }
        var trimmed = Substring(html)
        while let first = trimmed.first, first.isWhitespace { trimmed = trimmed.dropFirst() }
        while let last = trimmed.last, last.isWhitespace { trimmed = trimmed.dropLast() }
        if trimmed.hasPrefix("<!--"), trimmed.hasSuffix("-->") {
            // A comment hides text, it does not inject markup: keep it as a docutils comment.
            if inline { return [] }
            var body = trimmed.dropFirst(4).dropLast(3)
            while body.first == " " || body.first == "\n" { body = body.dropFirst() }
            while body.last == " " || body.last == "\n" { body = body.dropLast() }
            return [Node(.comment, attributes: ["xml:space": .string("preserve")],
                         children: body.isEmpty ? [] : [.text(String(body))], range: range)]
        }
        diagnose("md.raw-html", .warning,
                 "raw HTML is disabled, so this \(inline ? "tag" : "HTML block") was left out of the page "
                     + "(allow raw HTML with `raw = true` in the [build] section of vellum.toml)", range)
        return []
    }
}
