import DocTree

extension BlockParser {
    /// Body.explicit_markup / Body.anonymous and the Explicit state that
    /// follows: a run of explicit constructs.
    func explicitMarkup(_ lines: [Line], _ i: inout Int, _ out: inout [Node], matchTitles: Bool) {
        var blankFinish = true
        while true {
            let (nodes, next, bf) = explicitConstruct(lines, i, matchTitles: matchTitles)
            out += nodes
            i = next
            blankFinish = bf
            if ctx.pendingInsert != nil { return }
            let k = nextNonBlank(lines, i)
            guard k < lines.count, lines[k].indent == 0 else { break }
            let kind = BodyPattern.classify(lines[k])
            guard kind == .explicitMarkup || kind == .anonymous else { break }
            i = k
        }
        if !blankFinish { out.append(unindentWarning("Explicit markup", lines, at: i)) }
    }

    func explicitConstruct(_ lines: [Line], _ i: Int, matchTitles: Bool) -> ([Node], Int, Bool) {
        let line = lines[i]
        let t = line.text
        if BodyPattern.hasMarker(t, "__") {
            return anonymousTarget(lines, i)
        }
        // after ".." and spaces
        var p = t.startIndex + 2
        while p < t.endIndex && t[p] == " " { p += 1 }
        let afterMarker = p - t.startIndex
        if p < t.endIndex && p > t.startIndex + 2 {
            if t[p] == "[", let (label, end) = footnoteLabel(t, p) {
                return footnoteOrCitation(lines, i, label: label, end: end)
            }
            if t[p] == "_", p + 1 < t.endIndex, t[p + 1] != " " {
                do {
                    return try hyperlinkTarget(lines, i, start: p + 1 - t.startIndex)
                } catch {
                    let (nodes, end, bf) = comment(lines, i, afterMarker: afterMarker)
                    return (nodes + [ctx.systemMessage(.warning, "rst.malformed-target", "malformed hyperlink target.",
                                                       line: line.number)], end, bf)
                }
            }
            if t[p] == "|", p + 1 < t.endIndex, t[p + 1] != " " {
                if let result = substitutionDefinition(lines, i, start: p + 1 - t.startIndex) { return result }
                let (nodes, end, bf) = comment(lines, i, afterMarker: afterMarker)
                return (nodes + [ctx.systemMessage(.warning, "rst.malformed-substitution",
                                                   "malformed substitution definition.", line: line.number)], end, bf)
            }
            if let (name, end) = directiveName(t, p) {
                return directive(lines, i, name: name, markerEnd: end, matchTitles: matchTitles)
            }
        }
        return comment(lines, i, afterMarker: afterMarker)
    }

    /// `[label]` followed by spaces or end; returns the label and the offset after the spaces.
    func footnoteLabel(_ t: ArraySlice<Unicode.Scalar>, _ p: Int) -> (String, Int)? {
        var q = p + 1
        while q < t.endIndex && t[q] != "]" { q += 1 }
        guard q < t.endIndex else { return nil }
        let label = InlineParser.string(t[(p + 1)..<q])
        q += 1
        guard q == t.endIndex || t[q] == " " else { return nil }
        while q < t.endIndex && t[q] == " " { q += 1 }
        guard InlineParser.isFootnoteLabel(label) || InlineParser.isSimpleName(label) else { return nil }
        return (label, q - t.startIndex)
    }

    /// `name::` (with an optional space before `::`) followed by spaces or end.
    func directiveName(_ t: ArraySlice<Unicode.Scalar>, _ p: Int) -> (String, Int)? {
        let a = Array(t[p...])
        guard let nameEnd = InlineParser.simpleNameEnd(a, 0) else { return nil }
        var q = nameEnd
        if q < a.count && a[q] == " " { q += 1 }
        guard q + 1 < a.count, a[q] == ":", a[q + 1] == ":" else { return nil }
        q += 2
        guard q == a.count || a[q] == " " else { return nil }
        while q < a.count && a[q] == " " { q += 1 }
        return (InlineParser.string(a[0..<nameEnd]), p - t.startIndex + q)
    }

    func comment(_ lines: [Line], _ i: Int, afterMarker: Int) -> ([Node], Int, Bool) {
        let line = lines[i]
        let nextBlank = i + 1 >= lines.count || lines[i + 1].isBlank
        let rest = line.text.dropFirst(afterMarker)
        if nextBlank && rest.allSatisfy({ $0 == " " }) {
            return ([Node(.comment, attributes: ["xml:space": .string("preserve")], range: lineRange(line))], i + 1, true)
        }
        if nextBlank && InlineParser.string(rest).hasPrefix("end of inclusion from \"") && !ctx.includeLog.isEmpty {
            ctx.includeLog.removeLast()
            return ([], i + 1, true)
        }
        var block = lines.indentedBlock(from: i, firstIndent: afterMarker)
        block.lines.trimTrailingBlanks()
        let text = block.lines.joinedText
        let node = Node(.comment, attributes: ["xml:space": .string("preserve")],
                        children: text.isEmpty ? [] : [.text(text)],
                        range: SourceRange(start: lineRange(line).start, end: range(block.lines)?.end ?? lineRange(line).end))
        return ([node], block.end, block.blankFinish)
    }

    func footnoteOrCitation(_ lines: [Line], _ i: Int, label: String, end: Int) -> ([Node], Int, Bool) {
        let line = lines[i]
        let block = lines.indentedBlock(from: i, firstIndent: end)
        let name = Names.normalized(label)
        let isFootnote = InlineParser.isFootnoteLabel(label)
        var node = Node(isFootnote ? "footnote" : "citation")
        var messages: [Node] = []
        if isFootnote {
            if name.hasPrefix("#") {
                let n = String(name.dropFirst())
                node.attributes[AttributeKey.auto] = .int(1)
                if !n.isEmpty { node.attributes[AttributeKey.names] = .list([n]) }
            } else if name == "*" {
                node.attributes[AttributeKey.auto] = .string("*")
            } else {
                node.children.append(Node("label", children: [.text(label)]))
                node.attributes[AttributeKey.names] = .list([name])
            }
            if node.names.isEmpty {
                ctx.setID(&node, prefix: "footnote")
            } else {
                messages = ctx.noteTarget(&node, explicit: true, line: line.number)
            }
        } else {
            node.children.append(Node("label", children: [.text(label)]))
            node.attributes[AttributeKey.names] = .list([name])
            messages = ctx.noteTarget(&node, explicit: true, line: line.number)
        }
        node.children += messages
        if block.lines.isEmpty {
            let what = isFootnote ? "Footnote" : "Citation"
            node.children.append(ctx.systemMessage(.warning, "rst.empty-\(what.lowercased())", "\(what) content expected.",
                                                   line: line.number + 1))
        }
        node.children += parseBody(block.lines, matchTitles: false)
        node.range = SourceRange(start: lineRange(line).start, end: range(block.lines)?.end ?? lineRange(line).end)
        return ([node], block.end, block.blankFinish)
    }

    struct MalformedTarget: Error {}

    /// `.. _name: uri`, `.. _name: ref_`, `.. _name:`, `.. __: uri`.
    func hyperlinkTarget(_ lines: [Line], _ i: Int, start: Int) throws -> ([Node], Int, Bool) {
        let line = lines[i]
        let block = lines.indentedBlock(from: i, untilBlank: true, stripIndent: false, firstIndent: start)
        let blockText = InlineParser.string(line.text.prefix(start)) + block.lines.joinedText
        var escaped: [Unicode.Scalar] = []
        var matched: (name: String?, end: Int)? = nil
        var used = 0
        for (n, l) in block.lines.enumerated() {
            escaped += InlineParser.escapeToNull(Array(l.text))
            used = n
            if let m = Self.matchTargetName(escaped) { matched = m; break }
        }
        guard let m = matched else { throw MalformedTarget() }
        var rest: [[Unicode.Scalar]] = []
        // text of line `used` after the match
        var consumed = 0
        for n in 0..<used { consumed += block.lines[n].text.count }
        let lastEsc = InlineParser.escapeToNull(Array(block.lines[used].text))
        let offsetInLast = m.end - consumed
        var first = Array(lastEsc[Swift.min(Swift.max(0, offsetInLast), lastEsc.count)...])
        first = trimScalars(first)
        rest.append(first)
        for n in (used + 1)..<block.lines.count { rest.append(InlineParser.escapeToNull(Array(block.lines[n].text))) }
        let target = makeTarget(rest, blockText: blockText, name: m.name, line: line.number)
        var node = target.node
        node.range = SourceRange(start: lineRange(line).start, end: range(block.lines)?.end ?? lineRange(line).end)
        return (target.messages + [node], block.end, block.blankFinish)
    }

    func trimScalars(_ a: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var s = 0, e = a.count
        while s < e && a[s].properties.isWhitespace { s += 1 }
        while e > s && a[e - 1].properties.isWhitespace { e -= 1 }
        return Array(a[s..<e])
    }

    /// Matches docutils' target-name pattern at the start of `s`; returns the
    /// name (nil for anonymous `_`) and the offset after `: `.
    static func matchTargetName(_ s: [Unicode.Scalar]) -> (name: String?, end: Int)? {
        func colonEnd(_ k: Int) -> Int? {
            // [ ]? : ([ ]+|$)
            var q = k
            if q < s.count && s[q] == " " { q += 1 }
            guard q < s.count, s[q] == ":" else { return nil }
            q += 1
            guard q == s.count || s[q] == " " else { return nil }
            while q < s.count && s[q] == " " { q += 1 }
            return q
        }
        guard let c = s.first else { return nil }
        if c == "_" {
            if let e = colonEnd(1) { return (nil, e) }
            return nil
        }
        let quoted = c == "`"
        let start = quoted ? 1 : 0
        guard start < s.count, s[start] != " ", s[start] != "`" else { return nil }
        var k = start + 1
        while k <= s.count {
            // name = s[start..<k]; must not end with whitespace or NUL
            let lastC = s[k - 1]
            if !lastC.properties.isWhitespace && lastC != "\u{0}" {
                var q = k
                if quoted {
                    if q < s.count && s[q] == "`" { q += 1 } else { k += 1; continue }
                }
                // no unescaped colon at end of the name (unless quoted)
                let endsWithColon = !quoted && lastC == ":" && !(k >= 2 && s[k - 2] == "\u{0}")
                if !endsWithColon, let e = colonEnd(q) {
                    return (InlineParser.string(s[start..<k]), e)
                }
            }
            k += 1
        }
        return nil
    }

    func makeTarget(_ block: [[Unicode.Scalar]], blockText: String, name: String?, line: Int) -> (node: Node, messages: [Node]) {
        var node = Node(.target)
        var messages: [Node] = []
        let joinedStripped = block.map { InlineParser.string(trimScalars($0)) }
        if let lastLine = joinedStripped.last(where: { _ in true }), lastLine.hasSuffix("_"),
           let refname = InlineParser.isReference(Names.whitespaceNormalized(joinedStripped.joined(separator: " "))) {
            node.attributes[AttributeKey.refname] = .string(Names.normalized(refname))
            if let name {
                node.attributes[AttributeKey.names] = .list([Names.normalized(InlineParser.unescape(name))])
                messages = ctx.noteTarget(&node, explicit: true, line: line)
            } else {
                node.attributes[AttributeKey.anonymous] = .int(1)
                ctx.setID(&node, prefix: "target")
            }
            return (node, messages)
        }
        // URI: remove unescaped whitespace
        let joined = block.map { InlineParser.string($0) }.joined(separator: " ")
        let uri = InlineParser.removeUnescapedWhitespace(joined)
        if let name {
            node.attributes[AttributeKey.names] = .list([Names.normalized(InlineParser.unescape(name))])
            if !uri.isEmpty { node.attributes[AttributeKey.refuri] = .string(InlineParser.adjustURI(uri)) }
            messages = ctx.noteTarget(&node, explicit: true, line: line)
        } else {
            if !uri.isEmpty { node.attributes[AttributeKey.refuri] = .string(uri) }
            node.attributes[AttributeKey.anonymous] = .int(1)
            ctx.setID(&node, prefix: "target")
        }
        return (node, messages)
    }

    func anonymousTarget(_ lines: [Line], _ i: Int) -> ([Node], Int, Bool) {
        let line = lines[i]
        let end = BodyPattern.bulletLikeEnd(line.text.dropFirst(1), "_") + 1
        let block = lines.indentedBlock(from: i, untilBlank: true, firstIndent: end)
        let blockText = InlineParser.string(line.text.prefix(end)) + block.lines.joinedText
        let target = makeTarget(block.lines.map { InlineParser.escapeToNull(Array($0.text)) }, blockText: blockText,
                                name: nil, line: line.number)
        var node = target.node
        node.range = SourceRange(start: lineRange(line).start, end: range(block.lines)?.end ?? lineRange(line).end)
        return (target.messages + [node], block.end, block.blankFinish)
    }
}
