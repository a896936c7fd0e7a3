import DocTree

extension BlockParser {
    /// Body.indent: block quotes (with attributions).
    func blockQuote(_ lines: [Line], _ i: inout Int, _ out: inout [Node]) {
        let block = lines.indentedBlock(from: i)
        i = block.end
        out += blockQuotes(block.lines)
        if !block.blankFinish { out.append(unindentWarning("Block quote", lines, at: i)) }
    }

    func blockQuotes(_ indented: [Line]) -> [Node] {
        var elements: [Node] = []
        var rest = indented[...]
        while !rest.isEmpty {
            let (quoteLines, attribution, remaining) = splitAttribution(rest)
            var quote = Node(.blockQuote, range: range(quoteLines))
            quote.children = parseBody(Array(quoteLines), matchTitles: false)
            var messages: [Node] = []
            if let attribution {
                let (nodes, msgs) = inlineText(attribution)
                quote.children.append(Node(.attribution, children: nodes, range: range(attribution)))
                messages = msgs
                if let r = range(attribution), let s = quote.range { quote.range = SourceRange(start: s.start, end: r.end) }
            }
            elements.append(quote)
            elements += messages
            rest = remaining
            while let f = rest.first, f.isBlank { rest = rest.dropFirst() }
        }
        return elements
    }

    /// Finds an attribution (`-- name` after a blank line) and splits there.
    func splitAttribution(_ indented: ArraySlice<Line>) -> (ArraySlice<Line>, [Line]?, ArraySlice<Line>) {
        var blank: Int? = nil
        var nonblankSeen = false
        var k = indented.startIndex
        while k < indented.endIndex {
            let line = indented[k]
            if !line.isBlank {
                if nonblankSeen, blank == k - 1, let markEnd = attributionMark(line.text) {
                    if let (end, indent) = checkAttribution(indented, k) {
                        var a: [Line] = [line.dropping(markEnd)]
                        for m in (k + 1)..<end where m < indented.endIndex { a.append(indented[m].dropping(indent)) }
                        // trailing spaces already stripped
                        return (indented[indented.startIndex..<k], a, indented[Swift.min(end, indented.endIndex)...])
                    }
                }
                nonblankSeen = true
            } else {
                blank = k
            }
            k += 1
        }
        return (indented, nil, indented[indented.endIndex...])
    }

    /// `---?(?!-)|—` followed by spaces and a non-space.
    func attributionMark(_ t: ArraySlice<Unicode.Scalar>) -> Int? {
        var i = t.startIndex
        guard i < t.endIndex else { return nil }
        if t[i] == "\u{2014}" {
            i += 1
        } else if t[i] == "-", i + 1 < t.endIndex, t[i + 1] == "-" {
            i += 2
            if i < t.endIndex && t[i] == "-" { i += 1 }
            if i < t.endIndex && t[i] == "-" { return nil }
        } else {
            return nil
        }
        while i < t.endIndex && t[i] == " " { i += 1 }
        guard i < t.endIndex else { return nil }
        return i - t.startIndex
    }

    func checkAttribution(_ indented: ArraySlice<Line>, _ start: Int) -> (Int, Int)? {
        var indent: Int? = nil
        var i = start + 1
        while i < indented.endIndex {
            let line = indented[i]
            if line.isBlank { return (i, indent ?? 0) }
            if indent == nil { indent = line.indent } else if line.indent != indent { return nil }
            i += 1
        }
        return (indented.endIndex, indent ?? 0)
    }

    // MARK: doctest blocks

    func doctestBlock(_ lines: [Line], _ i: inout Int, _ out: inout [Node]) {
        var k = i
        while k < lines.count && !lines[k].isBlank { k += 1 }
        let block = Array(lines[i..<k])
        out.append(Node(.doctestBlock, attributes: ["xml:space": .string("preserve")],
                        children: [.text(block.joinedText)], range: range(block)))
        i = k
    }

    // MARK: line blocks

    func lineBlock(_ lines: [Line], _ i: inout Int, _ out: inout [Node]) {
        var items: [(node: Node, indent: Int?)] = []
        var messages: [Node] = []
        var blankFinish = false
        while true {
            let line = lines[i]
            let markEnd = BodyPattern.bulletLikeEnd(line.text, "|")
            let block = lines.indentedBlock(from: i, untilBlank: true, firstIndent: markEnd)
            let (nodes, msgs) = inlineText(block.lines)
            var lineNode = Node(.line, children: nodes, range: range(block.lines) ?? lineRange(line))
            var indent: Int? = nil
            if rstripped(line.text).count > 1 { indent = markEnd - 2 }
            lineNode.range = SourceRange(start: lineRange(line).start, end: lineNode.range?.end ?? lineRange(line).end)
            items.append((lineNode, indent))
            messages += msgs
            i = block.end
            blankFinish = block.blankFinish
            if blankFinish { break }
            guard i < lines.count, lines[i].indent == 0, BodyPattern.classify(lines[i]) == .lineBlock else { break }
        }
        if !items.isEmpty {
            if items[0].indent == nil { items[0].indent = 0 }
            for k in 1..<Swift.max(1, items.count) where items[k].indent == nil { items[k].indent = items[k - 1].indent }
        }
        // docutils cannot attach these messages to a line block: they are only reported
        ctx.parentMessages = []
        let block = nestLineBlock(items.map { ($0.node, $0.indent ?? 0) })
        out.append(block)
        out += messages
        if !blankFinish {
            let line = i < lines.count ? lines[i].number : (lines.last.map { $0.number + 1 } ?? 1)
            out.append(ctx.systemMessage(.warning, "rst.line-block-unindent", "Line block ends without a blank line.",
                                         line: line))
        }
    }

    func nestLineBlock(_ items: [(Node, Int)]) -> Node {
        var block = Node(.lineBlock, range: spanning(items.map { $0.0 }))
        guard let least = items.map({ $0.1 }).min() else { return block }
        var pending: [(Node, Int)] = []
        for item in items {
            if item.1 > least {
                pending.append(item)
            } else {
                if !pending.isEmpty { block.children.append(nestLineBlock(pending)); pending = [] }
                block.children.append(item.0)
            }
        }
        if !pending.isEmpty { block.children.append(nestLineBlock(pending)) }
        return block
    }
}

extension BodyPattern {
    /// Offset after a one-character marker and its spaces.
    static func bulletLikeEnd(_ t: ArraySlice<Unicode.Scalar>, _ marker: Unicode.Scalar) -> Int {
        var i = t.startIndex + 1
        while i < t.endIndex && t[i] == " " { i += 1 }
        return i - t.startIndex
    }
}
