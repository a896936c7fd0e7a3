import DocTree

/// MyST's `deflist` extension: a term on its own line, then one or more
/// definitions each starting with `: ` (continuation lines indented).
/// libcmark reads the group as one paragraph; the MyST layer splits it into a
/// docutils definition list, each part parsed as inline Markdown at its place.
/// Adjacent groups join one list.
extension MarkdownConverter {
    func definitionList(_ block: CmarkNode, context: Context) -> Node? {
        guard settings.mystExtensions, settings.extensions.contains("deflist") else { return nil }
        if let termless = termlessDefinitions(block) { return termless }
        guard block.end.line > block.start.line else { return nil }
        let indent = max(block.start.column - 1, 0)
        var lines: [(line: Int, text: String, column: Int)] = []
        for line in block.start.line...block.end.line {
            let bytes = text.bytes(ofLine: line)
            let skip = line == block.start.line ? min(indent, bytes.count)
                : bytes.prefix(while: { $0 == UInt8(ascii: " ") }).count
            lines.append((line, String(decoding: bytes.dropFirst(skip), as: UTF8.self), skip + 1))
        }
        // attrs_block: a `{…}` line right above the list (`{.glossary}`) gives it its classes.
        var classes: [String] = []
        if settings.extensions.contains("attrs_block"), lines.count > 2,
           let (attributes, length) = MySTAttributes.parse(prefixOf: Substring(lines[0].text)),
           length == lines[0].text.trimmingCharacters(in: .whitespaces).count {
            classes = attributes.classes
            lines.removeFirst()
        }
        // term, then `: definition` lines (a continuation is any other line after a definition started)
        // A definition starts with `:` or `~` and a space, after at most two spaces (Pandoc's rule).
        func isMarker(_ entry: (line: Int, text: String, column: Int)) -> Bool {
            entry.column <= 3 && (entry.text.hasPrefix(": ") || entry.text == ":" || entry.text.hasPrefix("~ ") || entry.text == "~")
        }
        guard !lines[0].text.hasPrefix(":"), isMarker(lines[1]) else { return nil }
        var items: [Node] = []
        var term: (line: Int, text: String, column: Int)? = lines[0]
        var definitions: [[(line: Int, text: String, column: Int)]] = []
        func flush() {
            guard let current = term else { return }
            let (termNodes, _) = parseInline(current.text, line: current.line, column: current.column)
            var item = Node(.definitionListItem, range: SourceRange(line: current.line))
            item.children.append(Node(.term, children: termNodes, range: SourceRange(line: current.line)))
            for definition in definitions {
                let body = definition.map(\.text).joined(separator: "\n")
                let (nodes, _) = parseInline(body, line: definition[0].line, column: definition[0].column)
                item.children.append(Node(.definition, children: [Node(.paragraph, children: footnoteReferences(in: nodes),
                                                                          range: SourceRange(line: definition[0].line))]))
            }
            items.append(item)
            definitions = []
        }
        for entry in lines.dropFirst() {
            if isMarker(entry) {
                let offset = entry.text.count > 1 ? 2 : 1
                definitions.append([(entry.line, String(entry.text.dropFirst(offset)), entry.column + offset)])
            } else if definitions.isEmpty {
                return nil
            } else if entry.column > 1 {
                definitions[definitions.count - 1].append(entry)
            } else {
                // A line at the margin after definitions starts the next term.
                flush()
                term = entry
            }
        }
        guard !definitions.isEmpty else { return nil }
        flush()
        var list = Node(.definitionList, attributes: ["myst-deflist": .bool(true)], children: items, range: range(of: block))
        if !classes.isEmpty { list.attributes[AttributeKey.classes] = .list(classes) }
        return list
    }

    static let termlessKey = "myst-deflist-termless"

    /// Definitions after a blank line (`Term`, blank, `: definition`): a paragraph of `: ` lines
    /// becomes a list item without its term, which ``append(_:joiningDefinitionListsIn:)`` takes
    /// from the one-line paragraph before it.
    private func termlessDefinitions(_ block: CmarkNode) -> Node? {
        let indent = max(block.start.column - 1, 0)
        let first = text.bytes(ofLine: block.start.line).dropFirst(indent)
        guard first.starts(with: [UInt8(ascii: ":"), UInt8(ascii: " ")]) else { return nil }
        var definitions: [[(line: Int, text: String, column: Int)]] = []
        for line in block.start.line...block.end.line {
            let bytes = text.bytes(ofLine: line)
            let skip = line == block.start.line ? min(indent, bytes.count) : bytes.prefix(while: { $0 == UInt8(ascii: " ") }).count
            let content = String(decoding: bytes.dropFirst(skip), as: UTF8.self)
            if content.hasPrefix(": ") {
                definitions.append([(line, String(content.dropFirst(2)), skip + 3)])
            } else if skip > 0, !definitions.isEmpty {
                definitions[definitions.count - 1].append((line, content, skip + 1))
            } else {
                return nil
            }
        }
        var item = Node(.definitionListItem, range: SourceRange(line: block.start.line))
        for definition in definitions {
            let (nodes, _) = parseInline(definition.map(\.text).joined(separator: "\n"), line: definition[0].line,
                                         column: definition[0].column)
            item.children.append(Node(.definition, children: [Node(.paragraph, children: footnoteReferences(in: nodes),
                                                                  range: SourceRange(line: definition[0].line))]))
        }
        return Node(.definitionList, attributes: ["myst-deflist": .bool(true), Self.termlessKey: .bool(true)],
                    children: [item], range: range(of: block))
    }

    /// Joins neighbouring definition lists (one per paragraph) into one.
    static func joiningDefinitionLists(_ nodes: [Node]) -> [Node] {
        var output: [Node] = []
        for node in nodes { append(node, joiningDefinitionListsIn: &output) }
        return output
    }

    /// Appends `node`, adding its items to the last node instead when both are MyST definition lists.
    static func append(_ node: Node, joiningDefinitionListsIn output: inout [Node]) {
        var node = node
        if node.attributes[termlessKey] != nil {
            node.attributes[termlessKey] = nil
            // The term is the one-line paragraph just before (a blank line between is allowed).
            if let last = output.last, last.kind == .paragraph, !last.textContent.contains("\n"), !node.children.isEmpty {
                output.removeLast()
                node.children[0].children.insert(Node(.term, children: last.children, range: last.range), at: 0)
                node.children[0].range = last.range
            }
        }
        if node.kind == .definitionList, node.attributes["myst-deflist"] != nil, let last = output.last,
           last.kind == .definitionList, last.attributes["myst-deflist"] != nil {
            output[output.count - 1].children += node.children
        } else {
            output.append(node)
        }
    }
}
