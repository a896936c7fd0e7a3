import DocTree

extension MarkdownConverter {
    /// The inline children of a paragraph or heading, with repaired positions.
    func fixedInlines(of block: CmarkNode, context: Context) -> [CmarkNode] {
        var children = Self.mergingTexts(block.children)
        InlinePositions.fix(&children, text: text, quoteDepth: context.quoteDepth, firstLine: block.start.line)
        let delimiters = InlineDelimiters(text: text, quoteDepth: context.quoteDepth)
        if settings.extensions.contains("dollarmath") { children = delimiters.math(children) }
        if settings.extensions.contains("strikethrough") { children = delimiters.strikethrough(children) }
        return children
    }

    func inlines(of block: CmarkNode, context: Context) -> [Node] {
        inlines(fixedInlines(of: block, context: context))
    }

    func paragraph(_ block: CmarkNode, context: Context) -> [Node] {
        if let table = pipeTable(block, context: context) { return [table] }
        if let footnotes = footnoteDefinitions(block, context: context) { return footnotes }
        if let list = definitionList(block, context: context) { return [list] }
        if let math = displayMath(block, context: context) ?? amsmathBlock(block, context: context) { return [math] }
        if let fields = fieldList(block, context: context) { return [fields] }
        if let attributes = blockAttributes(block, context: context) { return attributes }
        if let substituted = blockSubstitution(block, context: context) { return substituted }
        var children = fixedInlines(of: block, context: context)
        var output: [Node] = []
        if settings.mystExtensions {
            output = leadingTargets(&children)
            if children.isEmpty { return output }
        }
        // attrs_block: a `{…}` first line gives the rest of the paragraph its attributes.
        var leading: MySTAttributes?
        if settings.mystExtensions, settings.extensions.contains("attrs_block"), children.count > 2,
           children[0].kind == .text, children[1].kind == .softBreak,
           let (attributes, length) = MySTAttributes.parse(prefixOf: Substring(children[0].literal)),
           length == children[0].literal.count {
            leading = attributes
            if let id = attributes.id { output.append(target(id, range: range(of: children[0]))) }
            children.removeFirst(2)
        }
        var startPosition = block.start
        if !output.isEmpty, let first = children.first { startPosition = first.start }
        let paragraphRange = text.range(startPosition, block.end)
        var paragraph = Node(.paragraph, children: footnoteReferences(in: inlines(children)), range: paragraphRange)
        if let classes = leading?.classes, !classes.isEmpty { paragraph.attributes[AttributeKey.classes] = .list(classes) }
        output.append(paragraph)
        return output
    }

    /// cmark splits text at every potential delimiter; join neighbouring text runs.
    static func mergingTexts(_ nodes: [CmarkNode]) -> [CmarkNode] {
        var result: [CmarkNode] = []
        result.reserveCapacity(nodes.count)
        for var node in nodes {
            if !node.children.isEmpty, node.kind != .text {
                node.children = mergingTexts(node.children)
            }
            if node.kind == .text, let last = result.last, last.kind == .text {
                result[result.count - 1].literal += node.literal
                result[result.count - 1].end = node.end
            } else {
                result.append(node)
            }
        }
        return result
    }

    /// Converts inline nodes, recognising MyST roles (`{name}` right before a code span).
    func inlines(_ nodes: [CmarkNode]) -> [Node] {
        var output: [Node] = []
        var index = 0
        while index < nodes.count {
            let node = nodes[index]
            if settings.mystExtensions, node.kind == .text, index + 1 < nodes.count,
               nodes[index + 1].kind == .code, let role = Self.trailingRoleName(node.literal) {
                let code = nodes[index + 1]
                let prefixLength = node.literal.utf8.count - role.utf8.count - 2
                if prefixLength > 0 {
                    let prefix = String(decoding: Array(node.literal.utf8).prefix(prefixLength), as: UTF8.self)
                    let prefixEnd = CmarkPosition(line: node.end.line, column: node.end.column - role.utf8.count - 2)
                    output.append(.text(prefix, range: text.range(node.start, prefixEnd)))
                }
                let roleStart = CmarkPosition(line: node.end.line, column: node.end.column - role.utf8.count - 1)
                let roleRange = text.range(roleStart, code.end)
                output += self.role(role, content: code.literal, range: roleRange)
                index += 2
                continue
            }
            output += inline(node)
            index += 1
        }
        return applyingInlineAttributes(Self.mergingTextNodes(output))
    }

    private func inline(_ node: CmarkNode) -> [Node] {
        let nodeRange = range(of: node)
        switch node.kind {
        case .text:
            return textNodes(node, range: nodeRange)
        case .softBreak:
            return [.text("\n", range: nodeRange)]
        case .lineBreak:
            return [Node(.raw, attributes: ["format": .string("html"), "xml:space": .string("preserve")],
                         children: [.text("<br />\n")], range: nodeRange)]
        case .code:
            return [Node(.literal, children: [.text(node.literal, range: nodeRange)], range: nodeRange)]
        case .emphasis:
            return [Node(.emphasis, children: inlines(node.children), range: nodeRange)]
        case .strong:
            return [Node(.strong, children: inlines(node.children), range: nodeRange)]
        case .link:
            return [link(node, range: nodeRange)]
        case .image:
            var image = Node(.image, attributes: ["uri": .string(node.url),
                                                  "alt": .string(Self.plainText(node.children))],
                             range: nodeRange)
            if !node.title.isEmpty { image.attributes["title"] = .string(node.title) }
            return [image]
        case .htmlInline:
            return rawHTML(node.literal, range: nodeRange, inline: true)
        case .customInline where node.info == "math":
            return [Node(.math, children: [.text(node.literal)], range: nodeRange)]
        case .customInline where node.info == "strike":
            // Like myst-parser: struck text exists in HTML only, as an `<s>` element around the content.
            let tag = { (html: String) in
                Node(.raw, attributes: ["format": .string("html"), "xml:space": .string("preserve")],
                     children: [.text(html)], range: nodeRange)
            }
            return [tag("<s>")] + inlines(node.children) + [tag("</s>")]
        default:
            return []
        }
    }

    /// The text an image's description renders to (its `alt`).
    static func plainText(_ nodes: [CmarkNode]) -> String {
        var result = ""
        for node in nodes {
            switch node.kind {
            case .text, .code: result += node.literal
            case .softBreak: result += "\n"
            case .lineBreak: result += "\n"
            case .htmlInline: result += node.literal
            default: result += plainText(node.children)
            }
        }
        return result
    }

    /// Joins adjacent text nodes (a soft break becomes a newline inside the text, as in docutils).
    static func mergingTextNodes(_ nodes: [Node]) -> [Node] {
        var result: [Node] = []
        for node in nodes {
            if node.isText, let last = result.last, last.isText {
                var merged = last
                merged.text += node.text
                if let start = last.range?.start, let end = node.range?.end {
                    merged.range = SourceRange(start: start, end: max(start, end))
                }
                result[result.count - 1] = merged
            } else {
                result.append(node)
            }
        }
        return result
    }

    /// The role name when `text` ends with `{name}` (letters, digits, `_-+:.`).
    static func trailingRoleName(_ text: String) -> String? {
        let scalars = Array(text.unicodeScalars)
        guard scalars.last == "}" else { return nil }
        var index = scalars.count - 2
        while index >= 0, isRoleNameScalar(scalars[index]) { index -= 1 }
        guard index >= 0, scalars[index] == "{", index < scalars.count - 2 else { return nil }
        let name = String(String.UnicodeScalarView(scalars[(index + 1)..<(scalars.count - 1)]))
        guard let first = name.unicodeScalars.first, first.properties.isAlphabetic else { return nil }
        return name
    }

    private static func isRoleNameScalar(_ scalar: Unicode.Scalar) -> Bool {
        (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z") || (scalar >= "0" && scalar <= "9")
            || scalar == "_" || scalar == "-" || scalar == "+" || scalar == ":" || scalar == "."
    }
}
