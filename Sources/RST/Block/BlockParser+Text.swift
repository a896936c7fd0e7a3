import DocTree

extension BlockParser {
    /// Body.text and the Text state: paragraphs, section titles (underline
    /// style), definition lists and the literal blocks that follow `::`.
    func text(_ lines: [Line], _ i: inout Int, _ out: inout [Node], matchTitles: Bool) {
        let j = i + 1
        if j < lines.count && !lines[j].isBlank {
            let next = lines[j]
            if next.indent > 0 {
                definitionList(lines, &i, &out)
                return
            }
            if BodyPattern.isAdornment(next.text) {
                if underlinedTitle(lines, &i, &out, matchTitles: matchTitles) { return }
            }
            // Text.text: read the rest of the text block.
            var k = j
            var message: Node?
            while k < lines.count && !lines[k].isBlank {
                if lines[k].indent > 0 {
                    message = ctx.systemMessage(.error, "rst.unexpected-indentation", "Unexpected indentation.",
                                                line: lines[k].number, range: lineRange(lines[k]))
                    break
                }
                k += 1
            }
            let literalNext = paragraph(Array(lines[i..<k]), &out)
            if let message { out.append(message) }
            i = k
            if literalNext { literalBlock(lines, &i, &out) }
            return
        }
        let literalNext = paragraph([lines[i]], &out)
        i = j
        if literalNext { literalBlock(lines, &i, &out) }
    }

    /// Builds a paragraph; returns whether a literal block follows (`::`).
    @discardableResult
    func paragraph(_ lines: [Line], _ out: inout [Node]) -> Bool {
        var plines = lines
        guard let last = plines.last else { return false }
        var literalNext = false
        let t = last.text
        if t.count >= 2, t[t.endIndex - 1] == ":", t[t.endIndex - 2] == ":" {
            // not escaped: count preceding backslashes
            var bs = 0
            var k = t.endIndex - 3
            while k >= t.startIndex && t[k] == "\\" { bs += 1; k -= 1 }
            if bs % 2 == 0 {
                literalNext = true
                if plines.count == 1 && t.count - last.indent == 2 && last.indent == 0 { return true }
                var newLast = last
                if t.count == 2 {
                    // "::" alone on the last line: drop it and trailing whitespace
                    plines.removeLast()
                    while var l = plines.last {
                        l.text = l.text[l.text.startIndex..<trimEnd(l.text)]
                        plines[plines.count - 1] = l
                        break
                    }
                } else if t[t.endIndex - 3] == " " {
                    newLast.text = t[t.startIndex..<trimEnd(t[t.startIndex..<(t.endIndex - 3)])]
                    plines[plines.count - 1] = newLast
                } else {
                    newLast.text = t[t.startIndex..<(t.endIndex - 1)]
                    plines[plines.count - 1] = newLast
                }
            }
        }
        let (nodes, messages) = inlineText(plines)
        out += ctx.parentMessages
        ctx.parentMessages = []
        out.append(Node(.paragraph, children: nodes, range: range(lines)))
        out += messages
        return literalNext
    }

    func trimEnd(_ t: ArraySlice<Unicode.Scalar>) -> Int {
        var e = t.endIndex
        while e > t.startIndex && t[e - 1].properties.isWhitespace { e -= 1 }
        return e
    }

    /// The indented (or quoted) literal block after a `::` paragraph; `i` is the line after the paragraph.
    func literalBlock(_ lines: [Line], _ i: inout Int, _ out: inout [Node]) {
        var block = lines.indentedBlock(from: i)
        block.lines.trimTrailingBlanks()
        if block.lines.isEmpty {
            quotedLiteralBlock(lines, &i, &out)
            return
        }
        i = block.end
        let text = block.lines.joinedText
        out.append(Node(.literalBlock, attributes: ["xml:space": .string("preserve")],
                        children: [.text(text)], range: range(block.lines)))
        if !block.blankFinish { out.append(unindentWarning("Literal block", lines, at: i)) }
    }

    func quotedLiteralBlock(_ lines: [Line], _ i: inout Int, _ out: inout [Node]) {
        var k = i
        while k < lines.count && lines[k].isBlank { k += 1 }
        guard k < lines.count, lines[k].indent == 0, let q = lines[k].text.first, CharClasses.isNonAlphanum7Bit(q) else {
            let line = k < lines.count ? lines[k].number : (lines.last.map { $0.number + 1 } ?? 1)
            out.append(ctx.systemMessage(.warning, "rst.literal-block-expected", "Literal block expected; none found.",
                                         line: line))
            return
        }
        var quoted: [Line] = []
        var messages: [Node] = []
        while k < lines.count {
            let l = lines[k]
            if l.isBlank { break }
            if l.indent > 0 {
                messages.append(ctx.systemMessage(.error, "rst.unexpected-indentation", "Unexpected indentation.",
                                                  line: l.number, range: lineRange(l)))
                break
            }
            if l.text.first != q {
                messages.append(ctx.systemMessage(.error, "rst.inconsistent-quoting",
                                                  "Inconsistent literal block quoting.", line: l.number,
                                                  range: lineRange(l)))
                break
            }
            quoted.append(l)
            k += 1
        }
        out.append(Node(.literalBlock, attributes: ["xml:space": .string("preserve")],
                        children: [.text(quoted.joinedText)], range: range(quoted)))
        out += messages
        i = k
    }

    // MARK: definition lists

    func definitionList(_ lines: [Line], _ i: inout Int, _ out: inout [Node]) {
        var items: [Node] = []
        var blankFinish = true
        while true {
            let (item, end, bf) = definitionListItem(lines, i)
            items.append(item)
            i = end
            blankFinish = bf
            var k = i
            while k < lines.count && lines[k].isBlank { k += 1 }
            guard k + 1 < lines.count, lines[k].indent == 0, BodyPattern.classify(lines[k]) == .text,
                  !lines[k + 1].isBlank, lines[k + 1].indent > 0 else { break }
            i = k
        }
        out.append(Node(.definitionList, children: items, range: spanning(items)))
        if !blankFinish { out.append(unindentWarning("Definition list", lines, at: i)) }
    }

    func spanning(_ nodes: [Node]) -> SourceRange? {
        guard let s = nodes.first?.range, let e = nodes.last?.range else { return nil }
        return SourceRange(start: s.start, end: e.end)
    }

    func definitionListItem(_ lines: [Line], _ i: Int) -> (Node, Int, Bool) {
        let termLine = lines[i]
        let block = lines.indentedBlock(from: i + 1)
        let (termNodes, messages) = term(termLine)
        var definition = Node(.definition, children: messages, range: range(block.lines))
        if termLine.text.count >= 2 && termLine.text.last == ":" && termLine.text[termLine.text.endIndex - 2] == ":" {
            definition.children.append(ctx.systemMessage(
                .info, "rst.definition-list-literal",
                "Blank line missing before literal block (after the \"::\")? Interpreted as a definition list item.",
                line: termLine.number + 1))
        }
        definition.children += parseBody(block.lines, matchTitles: false)
        var item = Node(.definitionListItem, children: termNodes + [definition])
        item.range = SourceRange(start: lineRange(termLine).start, end: definition.range?.end ?? lineRange(termLine).end)
        return (item, block.end, block.blankFinish)
    }

    /// A term with optional ` : classifier` parts.
    func term(_ line: Line) -> ([Node], [Node]) {
        let (nodes, messages) = inlineText([line])
        var result = [Node(.term, range: lineRange(line))]
        // only unescaped " : " delimiters separate classifiers
        let escaped = InlineParser.escapeToNull(Array(line.text))
        var hasDelimiter = false
        for k in 1..<Swift.max(1, escaped.count - 1) where escaped[k] == ":" && escaped[k - 1] == " " && escaped[k + 1] == " " {
            hasDelimiter = true
            break
        }
        for node in nodes {
            guard node.isText, hasDelimiter else { result[result.count - 1].children.append(node); continue }
            let parts = splitClassifier(node.text)
            if parts.count == 1 {
                result[result.count - 1].children.append(node)
            } else {
                let first = parts[0].trimmingTrailingSpaces()
                if !first.isEmpty { result[result.count - 1].children.append(.text(first)) }
                for part in parts.dropFirst() {
                    result.append(Node(.classifier, children: part.isEmpty ? [] : [.text(part)]))
                }
            }
        }
        return (result, messages)
    }

    /// Splits on ` +: +`.
    func splitClassifier(_ s: String) -> [String] {
        let a = Array(s.unicodeScalars)
        var parts: [String] = []
        var start = 0
        var k = 0
        while k < a.count {
            if a[k] == ":" && k > 0 && a[k - 1] == " " && k + 1 < a.count && a[k + 1] == " " {
                var b = k - 1
                while b > start && a[b - 1] == " " { b -= 1 }
                parts.append(InlineParser.string(a[start..<b]))
                var e = k + 1
                while e < a.count && a[e] == " " { e += 1 }
                start = e
                k = e
                continue
            }
            k += 1
        }
        parts.append(InlineParser.string(a[start..<a.count]))
        return parts
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = self
        while s.unicodeScalars.last?.properties.isWhitespace == true { s.unicodeScalars.removeLast() }
        return s
    }
}
