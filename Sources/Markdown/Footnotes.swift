import DocTree

/// MyST footnotes (on by default): `[^name]` refers to a footnote that
/// `[^name]: text` defines anywhere on the page. They become docutils'
/// auto-numbered named footnotes, so they are numbered, linked both ways and
/// checked (an unknown name is an error with did-you-mean) by the same pass
/// as RST's `[#name]_`.
extension MarkdownConverter {
    /// A paragraph starting `[^label]: ` is that footnote's definition; a later line of it
    /// that starts with `[^other]: ` starts the next one (as in markdown-it, a definition
    /// interrupts the one before it: `[^a]: One.` and `[^b]: Two.` on consecutive lines are two).
    func footnoteDefinitions(_ block: CmarkNode, context: Context) -> [Node]? {
        guard settings.mystExtensions else { return nil }
        var definitions: [(label: String, line: Int, column: Int, lines: [String])] = []
        for line in block.start.line...max(block.start.line, block.end.line) {
            let bytes = text.bytes(ofLine: line)
            let start = line == block.start.line ? max(block.start.column - 1, 0)
                : bytes.prefix(while: { $0 == UInt8(ascii: " ") }).count
            if let (label, bodyColumn) = Self.definitionStart(bytes, at: start) {
                definitions.append((label, line, bodyColumn, [String(decoding: bytes[bodyColumn...], as: UTF8.self)]))
            } else if definitions.isEmpty {
                return nil
            } else {
                definitions[definitions.count - 1].lines.append(
                    String(decoding: bytes.drop(while: { $0 == UInt8(ascii: " ") }), as: UTF8.self))
            }
        }
        return definitions.map { definition in
            let (nodes, _) = parseInline(definition.lines.joined(separator: "\n"), line: definition.line,
                                         column: definition.column + 1)
            let name = Identifiers.normalizeName(definition.label)
            let last = definition.line + definition.lines.count - 1
            let where_ = definitions.count == 1 ? range(of: block)
                : SourceRange(start: SourceLocation(line: definition.line, column: 1),
                              end: SourceLocation(line: last, column: text.bytes(ofLine: last).count + 1))
            var footnote = Node("footnote", attributes: ["auto": .int(1), Self.mystFootnoteKey: .bool(true)], range: where_)
            footnote.ids = [names.makeID(names: [name], tag: "footnote")]
            footnote.names = [name]
            footnote.children = [Node(.paragraph, children: footnoteReferences(in: nodes), range: where_)]
            return footnote
        }
    }

    /// `[^label]: ` at `start` of a line: the label and the column (0-based) where the text begins.
    static func definitionStart(_ line: [UInt8], at start: Int) -> (String, Int)? {
        guard start + 3 < line.count, line[start] == UInt8(ascii: "["), line[start + 1] == UInt8(ascii: "^"),
              let close = line[(start + 2)...].firstIndex(of: UInt8(ascii: "]")), close > start + 2,
              close + 1 < line.count, line[close + 1] == UInt8(ascii: ":") else { return nil }
        let label = String(decoding: line[(start + 2)..<close], as: UTF8.self)
        guard !label.contains(where: \.isWhitespace) else { return nil }
        var bodyColumn = close + 2
        while bodyColumn < line.count, line[bodyColumn] == UInt8(ascii: " ") { bodyColumn += 1 }
        return (label, bodyColumn)
    }

    /// Splits `[^label]` out of text runs into footnote references.
    func footnoteReferences(in nodes: [Node]) -> [Node] {
        guard settings.mystExtensions else { return nodes }
        var output: [Node] = []
        for node in nodes {
            if node.isText, node.text.contains("[^") {
                output += splitFootnoteReferences(node)
            } else if !node.children.isEmpty, node.kind != .literal, node.kind != .pendingXref, node.kind != .reference {
                var copy = node
                copy.children = footnoteReferences(in: node.children)
                output.append(copy)
            } else {
                output.append(node)
            }
        }
        return output
    }

    private func splitFootnoteReferences(_ node: Node) -> [Node] {
        var output: [Node] = []
        var rest = Substring(node.text)
        // Ranges inside the run, when it is written as it reads (one line, no escapes).
        let exact = node.range.map { $0.start.line == $0.end.line
            && $0.end.column - $0.start.column == node.text.unicodeScalars.count } ?? false
        func range(_ lower: Substring.Index, _ upper: Substring.Index) -> SourceRange? {
            guard exact, let whole = node.range else { return node.range }
            let from = node.text.unicodeScalars.distance(from: node.text.startIndex, to: lower)
            let to = node.text.unicodeScalars.distance(from: node.text.startIndex, to: upper)
            return SourceRange(start: SourceLocation(line: whole.start.line, column: whole.start.column + from),
                               end: SourceLocation(line: whole.start.line, column: whole.start.column + to))
        }
        // What the run was written as: `\[^x]` is text, not a reference.
        let source = node.range.map { whole in
            (whole.start.line...max(whole.start.line, whole.end.line))
                .map { String(decoding: text.bytes(ofLine: $0), as: UTF8.self) }.joined(separator: "\n")
        } ?? ""
        while let open = rest.range(of: "[^") {
            guard let close = rest[open.upperBound...].firstIndex(of: "]"), close > open.upperBound,
                  !rest[open.upperBound..<close].contains(where: \.isWhitespace) else { break }
            if source.contains("\\" + rest[open.lowerBound...close]) {
                output.append(.text(String(rest[...close]), range: node.range))
                rest = rest[rest.index(after: close)...]
                continue
            }
            let before = rest[..<open.lowerBound]
            if !before.isEmpty { output.append(.text(String(before), range: node.range)) }
            let label = Identifiers.normalizeName(String(rest[open.upperBound..<close]))
            var reference = Node("footnote_reference", attributes: ["auto": .int(1), "refname": .string(label)],
                                 range: range(open.lowerBound, rest.index(after: close)))
            reference.ids = [names.generatedID()]
            output.append(reference)
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { output.append(.text(String(rest), range: node.range)) }
        return output
    }

    /// Marks the footnotes written as `[^name]: …` until they are moved to the end of the page.
    static let mystFootnoteKey = "myst-footnote"

    /// As myst-parser does by default (`myst_footnote_transition`, `myst_footnote_sort`): the
    /// page's `[^name]: …` footnotes move to the end of the document, after a
    /// `transition` (class `footnotes`), in the order of their first reference
    /// (footnotes never referenced follow, in the order written), so their numbers
    /// follow the reading order.
    static func movingFootnotesToEnd(_ document: Node) -> Node {
        guard document.first(where: { $0.attributes[mystFootnoteKey] != nil }) != nil else { return document }
        var footnotes: [Node] = []
        let rest = document.rewritten { node -> [Node] in
            guard node.attributes[mystFootnoteKey] != nil else { return [node] }
            var footnote = node
            footnote.attributes[mystFootnoteKey] = nil
            footnotes.append(footnote)
            return []
        }
        var root = rest.first ?? document
        var firstUse: [String: Int] = [:]
        root.walk { node in
            if node.kind == "footnote_reference", let name = node.string("refname"), firstUse[name] == nil {
                firstUse[name] = firstUse.count
            }
        }
        let ordered = footnotes.enumerated().sorted { a, b in
            let (x, y) = (firstUse[a.element.names.first ?? ""] ?? Int.max, firstUse[b.element.names.first ?? ""] ?? Int.max)
            return x != y ? x < y : a.offset < b.offset
        }.map(\.element)
        let start = ordered.first?.range?.start
        root.children.append(Node(.transition, attributes: [AttributeKey.classes: .list(["footnotes"])],
                                  range: start.map { SourceRange(start: $0, end: $0) }))
        root.children += ordered
        return root
    }
}

extension MarkdownConverter {
    /// An indented code block right after a MyST footnote definition is more of that
    /// footnote (markdown-it reads the indented lines after `[^name]: …` as its blocks):
    /// its lines, dedented, parsed as Markdown. Nil for any other block.
    func footnoteContinuation(_ block: CmarkNode, after last: Node?) -> [Node]? {
        guard settings.mystExtensions, block.kind == .codeBlock, let last, last.kind == "footnote",
              last.attributes[Self.mystFootnoteKey] != nil else { return nil }
        let space = UInt8(ascii: " ")
        let first = text.bytes(ofLine: block.start.line).drop(while: { $0 == space })
        if first.starts(with: Array("```".utf8)) || first.starts(with: Array("~~~".utf8)) { return nil }
        let lines = (block.start.line...max(block.start.line, block.end.line)).map { line -> String in
            let bytes = text.bytes(ofLine: line)
            return String(decoding: bytes.dropFirst(min(4, bytes.prefix(while: { $0 == space }).count)), as: UTF8.self)
        }
        return parseNested(lines, line: block.start.line, column: 5, matchTitles: false)
    }
}
