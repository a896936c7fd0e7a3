import DocTree

extension BlockParser {
    /// docutils' list_item: the content after the marker plus the lines indented under it.
    func listItem(_ lines: [Line], _ i: Int, markerEnd: Int) -> (Node, Int, Bool) {
        let line = lines[i]
        let block: IndentedBlock
        if line.text.count > markerEnd {
            block = lines.indentedBlock(from: i, blockIndent: markerEnd)
        } else {
            block = lines.indentedBlock(from: i, firstIndent: markerEnd)
        }
        var item = Node(.listItem, range: SourceRange(start: SourceLocation(line: line.number, column: line.column),
                                                      end: range(block.lines)?.end ?? lineRange(line).end))
        if !block.lines.isEmpty {
            item.children = parseBody(block.lines, matchTitles: false)
        }
        return (item, block.end, block.blankFinish)
    }

    func nextNonBlank(_ lines: [Line], _ i: Int) -> Int {
        var k = i
        while k < lines.count && lines[k].isBlank { k += 1 }
        return k
    }

    func bulletList(_ lines: [Line], _ i: inout Int, _ out: inout [Node], markerEnd: Int) {
        let bullet = lines[i].text.first!
        var items: [Node] = []
        var end = markerEnd
        var blankFinish = true
        while true {
            let (item, next, bf) = listItem(lines, i, markerEnd: end)
            items.append(item)
            i = next
            blankFinish = bf
            let k = nextNonBlank(lines, i)
            guard k < lines.count, lines[k].indent == 0, lines[k].text.first == bullet,
                  case .bullet(let e) = BodyPattern.classify(lines[k]) else { break }
            end = e
            i = k
        }
        out.append(Node(.bulletList, attributes: ["bullet": .string(String(bullet))], children: items,
                        range: spanning(items)))
        if !blankFinish { out.append(unindentWarning("Bullet list", lines, at: i)) }
    }

    /// docutils' is_enumerated_list_item: the next line must be blank, indented
    /// or start with the next enumerator.
    func isEnumeratedListItem(_ lines: [Line], _ i: Int, _ e: Enumerator) -> Bool {
        guard let ordinal = e.ordinal else { return false }
        let j = i + 1
        guard j < lines.count else { return true }
        let next = lines[j]
        if next.isBlank || next.indent > 0 { return true }
        guard let (nextEnum, autoEnum) = Enumerator.make(ordinal + 1, sequence: e.sequence, format: e.format) else {
            return false
        }
        let s = next.string
        return s.hasPrefix(nextEnum) || s.hasPrefix(autoEnum)
    }

    func enumeratedList(_ lines: [Line], _ i: inout Int, _ out: inout [Node], first: Enumerator) -> Bool {
        guard isEnumeratedListItem(lines, i, first), let ordinal = first.ordinal else { return false }
        var list = Node(.enumeratedList)
        list.attributes["enumtype"] = .string(first.sequence == "#" ? "arabic" : first.sequence)
        list.attributes["prefix"] = .string(first.prefix)
        list.attributes["suffix"] = .string(first.suffix)
        var after: [Node] = []
        if ordinal != 1 {
            list.attributes["start"] = .int(ordinal)
            after.append(ctx.systemMessage(.info, "rst.enumeration-start",
                                           "Enumerated list start value not ordinal-1: \"\(first.text)\" (ordinal \(ordinal))",
                                           line: lines[i].number))
        }
        let enumtype = first.sequence == "#" ? "arabic" : first.sequence
        var auto = first.sequence == "#"
        var last = ordinal
        var e = first
        var blankFinish = true
        while true {
            let (item, next, bf) = listItem(lines, i, markerEnd: e.end)
            list.children.append(item)
            i = next
            blankFinish = bf
            let k = nextNonBlank(lines, i)
            guard k < lines.count, lines[k].indent == 0, case .enumerator = BodyPattern.classify(lines[k]),
                  let n = Enumerator.match(lines[k].text, expected: enumtype) else { break }
            let consistent = n.format == first.format
                && (n.sequence == "#" || (n.sequence == enumtype && !auto && n.ordinal == last + 1))
            guard consistent, isEnumeratedListItem(lines, k, n) else { break }
            if n.sequence == "#" { auto = true }
            last = n.ordinal ?? last + 1
            e = n
            i = k
        }
        list.range = spanning(list.children)
        out.append(list)
        out += after
        if !blankFinish { out.append(unindentWarning("Enumerated list", lines, at: i)) }
        return true
    }

    // MARK: field lists

    func fieldList(_ lines: [Line], _ i: inout Int, _ out: inout [Node]) {
        var fields: [Node] = []
        var blankFinish = true
        while true {
            guard case .fieldMarker(let end) = BodyPattern.classify(lines[i]) else { break }
            let (field, next, bf) = self.field(lines, i, markerEnd: end)
            fields.append(field)
            i = next
            blankFinish = bf
            let k = nextNonBlank(lines, i)
            guard k < lines.count, lines[k].indent == 0, case .fieldMarker = BodyPattern.classify(lines[k]) else { break }
            i = k
        }
        out.append(Node(.fieldList, children: fields, range: spanning(fields)))
        if !blankFinish { out.append(unindentWarning("Field list", lines, at: i)) }
    }

    func field(_ lines: [Line], _ i: Int, markerEnd: Int) -> (Node, Int, Bool) {
        let line = lines[i]
        // name: between the first colon and the last colon of the marker
        var nameEnd = line.text.startIndex + markerEnd - 1
        while nameEnd > line.text.startIndex && line.text[nameEnd] != ":" { nameEnd -= 1 }
        let nameSlice = line.text[(line.text.startIndex + 1)..<nameEnd]
        let nameLine = Line(text: nameSlice, number: line.number, columnBase: line.columnBase)
        let block = lines.indentedBlock(from: i, firstIndent: markerEnd)
        let (nameNodes, nameMessages) = inlineText([nameLine])
        var body = Node(.fieldBody, children: nameMessages, range: range(block.lines))
        if !block.lines.isEmpty { body.children += parseBody(block.lines, matchTitles: false) }
        let field = Node(.field, children: [Node(.fieldName, children: nameNodes, range: lineRange(nameLine)), body],
                         range: SourceRange(start: lineRange(line).start, end: body.range?.end ?? lineRange(line).end))
        return (field, block.end, block.blankFinish)
    }

    // MARK: option lists

    func optionList(_ lines: [Line], _ i: inout Int, _ out: inout [Node]) -> Bool {
        var items: [Node] = []
        var blankFinish = true
        var first = true
        while true {
            guard let (item, next, bf) = optionListItem(lines, i) else {
                if first { return false }
                break
            }
            first = false
            items.append(item)
            i = next
            blankFinish = bf
            let k = nextNonBlank(lines, i)
            guard k < lines.count, lines[k].indent == 0, case .optionMarker = BodyPattern.classify(lines[k]) else { break }
            i = k
        }
        out.append(Node(.init("option_list"), children: items, range: spanning(items)))
        if !blankFinish { out.append(unindentWarning("Option list", lines, at: i)) }
        return true
    }

    /// Splits an option marker at ", " outside angle brackets.
    static func splitOptions(_ s: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var depth = 0
        let chars = Array(s)
        var k = 0
        while k < chars.count {
            let c = chars[k]
            if c == "<" { depth += 1 } else if c == ">" { depth = Swift.max(0, depth - 1) }
            if depth == 0 && c == "," && k + 1 < chars.count && chars[k + 1] == " " {
                parts.append(current)
                current = ""
                k += 2
                continue
            }
            current.append(c)
            k += 1
        }
        parts.append(current)
        return parts
    }

    func optionListItem(_ lines: [Line], _ i: Int) -> (Node, Int, Bool)? {
        let line = lines[i]
        guard let end = OptionMarker.match(line.text) else { return nil }
        let block = lines.indentedBlock(from: i, firstIndent: end)
        if block.lines.isEmpty { return nil }
        let markerText = InlineParser.string(line.text.prefix(end)).trimmingTrailingSpaces()
        var options: [Node] = []
        for optionString in Self.splitOptions(markerText) {
            var tokens = optionString.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            if tokens.isEmpty { return nil }
            var delimiter = " "
            if let eq = tokens[0].firstIndex(of: "=") {
                let a = String(tokens[0][..<eq]), b = String(tokens[0][tokens[0].index(after: eq)...])
                tokens.replaceSubrange(0..<1, with: [a, b])
                delimiter = "="
            } else if tokens[0].count > 2 && ((tokens[0].hasPrefix("-") && !tokens[0].hasPrefix("--")) || tokens[0].hasPrefix("+")) {
                let t = tokens[0]
                tokens.replaceSubrange(0..<1, with: [String(t.prefix(2)), String(t.dropFirst(2))])
                delimiter = ""
            }
            if tokens.count > 1 && tokens[1].hasPrefix("<") && tokens.last!.hasSuffix(">") {
                tokens = [tokens[0], tokens[1...].joined(separator: " ")]
            }
            var option = Node(.init("option"))
            option.children.append(Node(.init("option_string"), children: [.text(tokens[0])]))
            if tokens.count > 1 {
                option.children.append(Node(.init("option_argument"), attributes: ["delimiter": .string(delimiter)],
                                            children: [.text(tokens[1])]))
            }
            options.append(option)
        }
        let description = Node(.init("description"), children: parseBody(block.lines, matchTitles: false),
                               range: range(block.lines))
        let item = Node(.init("option_list_item"),
                        children: [Node(.init("option_group"), children: options, range: lineRange(line)), description],
                        range: SourceRange(start: lineRange(line).start, end: description.range?.end ?? lineRange(line).end))
        return (item, block.end, block.blankFinish)
    }
}
