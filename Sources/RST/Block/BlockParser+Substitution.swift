import DocTree

extension BlockParser {
    /// `.. |name| directive:: …` substitution definitions. Returns nil when malformed.
    func substitutionDefinition(_ lines: [Line], _ i: Int, start: Int) -> ([Node], Int, Bool)? {
        let line = lines[i]
        let block = lines.indentedBlock(from: i, stripIndent: false, firstIndent: start)
        // (only shown in error messages: capped so deeply nested blocks stay cheap)
        let blockText = Array(lines[i..<Swift.min(Swift.max(i + 1, block.end), i + 200)]).joinedTextTrimmed
        // find the closing "|" followed by spaces or end, possibly across lines
        var escaped: [Unicode.Scalar] = []
        var found: (name: String, lineIndex: Int, offsetInLine: Int)? = nil
        for (k, l) in block.lines.enumerated() {
            let piece = InlineParser.escapeToNull(Array(k == 0 ? l.text : trimmedSlice(l.text)))
            let base = escaped.count + (k == 0 ? 0 : 1)
            if k > 0 { escaped.append(" ") }
            escaped += piece
            if let (nameEnd, after) = Self.matchSubstitutionName(escaped) {
                found = (InlineParser.string(escaped[0..<nameEnd]), k, after - base)
                break
            }
        }
        guard let found else { return nil }
        let name = found.name
        // remaining content: rest of the line after the marker + following lines
        let markerLine = block.lines[found.lineIndex]
        let markerText = found.lineIndex == 0 ? Array(markerLine.text) : Array(trimmedSlice(markerLine.text))
        var restFirst = Array(markerText[Swift.min(Swift.max(0, found.offsetInLine), markerText.count)...])
        while let f = restFirst.first, f == " " { restFirst.removeFirst() }
        var content: [Line] = []
        let firstNumber = markerLine.number
        if !restFirst.isEmpty {
            content.append(Line(text: restFirst[...], number: firstNumber))
        }
        for l in block.lines.dropFirst(found.lineIndex + 1) { content.append(l) }
        content.trimTrailingBlanks()
        let unescapedName = Names.whitespaceNormalized(InlineParser.unescape(name))
        if content.isEmpty {
            return ([ctx.systemMessage(.warning, "rst.substitution-empty",
                                       "Substitution definition \"\(InlineParser.unescape(name))\" missing contents.",
                                       line: line.number, range: lineRange(line),
                                       details: [ParseContext.literal(blockText)])], block.end, block.blankFinish)
        }
        // the first line starts the embedded directive; later lines keep their indentation
        var normalized: [Line] = []
        if let f = content.first { normalized.append(f.dropping(f.indent)) }
        normalized += content.dropFirst()
        var node = Node("substitution_definition", attributes: ["names": .list([unescapedName])],
                        range: SourceRange(start: lineRange(line).start, end: range(block.lines)?.end ?? lineRange(line).end))
        var outside: [Node] = []
        // SubstitutionDef state: an embedded directive, else nothing.
        var blankFinish = block.blankFinish
        if let first = normalized.first, let (dname, end) = directiveName(first.text, first.text.startIndex) {
            let saved = inSubstitution
            inSubstitution = true
            substitutionName = InlineParser.unescape(name)
            let (nodes, _, bf) = directive(normalized, 0, name: dname, markerEnd: end, matchTitles: false)
            inSubstitution = saved
            _ = bf
            for n in nodes {
                if n.kind == "#ltrim" { node.attributes["ltrim"] = .int(1); continue }
                if n.kind == "#rtrim" { node.attributes["rtrim"] = .int(1); continue }
                if isInline(n) { node.children.append(n) } else { outside.append(n) }
            }
        } else {
            blankFinish = block.blankFinish
        }
        var illegal: String? = nil
        var problem = false
        for child in node.children { child.walk { n in
            guard !n.isText, illegal == nil, !problem else { return }
            if n.kind == .problematic { problem = true; return }
            if n.kind == .reference && n.attributes[AttributeKey.anonymous] != nil { illegal = "Anonymous references" }
            else if n.kind == "footnote_reference" && n.attributes[AttributeKey.auto] != nil {
                illegal = "References to auto-numbered and auto-symbol footnotes"
            } else if !n.names.isEmpty || !n.ids.isEmpty { illegal = "Targets (names and identifiers)" }
        } }
        if problem {
            var msg = ctx.systemMessage(.error, "rst.substitution-problematic", "Problematic content in substitution definition",
                                        line: line.number, range: lineRange(line), details: [ParseContext.literal(blockText)])
            msg.children.append(Node(.blockQuote, children: [Node(.paragraph, children: node.children)]))
            return (outside + [msg], block.end, blankFinish)
        }
        if let illegal {
            return (outside + [ctx.systemMessage(.error, "rst.substitution-illegal",
                                       "\(illegal) are not supported in a substitution definition.",
                                       line: line.number, range: lineRange(line),
                                       details: [ParseContext.literal(blockText)])], block.end, blankFinish)
        }
        if node.children.isEmpty {
            return (outside + [ctx.systemMessage(.warning, "rst.substitution-empty",
                                       "Substitution definition \"\(InlineParser.unescape(name))\" empty or invalid.",
                                       line: line.number, range: lineRange(line),
                                       details: [ParseContext.literal(blockText)])], block.end, blankFinish)
        }
        var messages: [Node] = []
        var key = ctx.key(&node)
        if let oldKey = ctx.substitutionKeys[unescapedName] {
            messages.append(ctx.systemMessage(.error, "rst.duplicate-substitution",
                                              "Duplicate substitution definition name: \"\(unescapedName)\".",
                                              line: line.number))
            ctx.pendingDupnames[oldKey, default: []].append(unescapedName)
        }
        key = ctx.key(&node)
        ctx.substitutionKeys[unescapedName] = key
        ctx.substitutionNames[Names.normalized(unescapedName)] = unescapedName
        return (outside + messages + [node], block.end, blankFinish)
    }

    static let disallowedInSubstitution: Set<String> = ["target", "footnote_reference", "citation_reference",
                                                         "problematic"]

    func isInline(_ n: Node) -> Bool {
        if n.isText { return true }
        return Self.inlineKinds.contains(n.kind.rawValue)
    }

    static let inlineKinds: Set<String> = [
        "emphasis", "strong", "literal", "reference", "footnote_reference", "citation_reference",
        "substitution_reference", "title_reference", "abbreviation", "acronym", "superscript", "subscript",
        "math", "image", "inline", "problematic", "generated", "target", "raw", "pending_xref",
        // Sphinx's inline nodes: what its roles (`:command:`, `:file:`, `:manpage:`, `:index:` …) produce.
        "literal_strong", "literal_emphasis", "manpage", "download_reference", "index", "number_reference",
    ]

    func trimmedSlice(_ t: ArraySlice<Unicode.Scalar>) -> ArraySlice<Unicode.Scalar> {
        var s = t.startIndex
        while s < t.endIndex && t[s] == " " { s += 1 }
        return t[s..<t.endIndex]
    }

    /// `(?![ ])(.+?)(?<![\s\x00])\|([ ]+|$)`: name end and offset after the spaces.
    static func matchSubstitutionName(_ a: [Unicode.Scalar]) -> (Int, Int)? {
        guard let f = a.first, f != " " else { return nil }
        var k = 1
        while k < a.count {
            if a[k] == "|" && !CharClasses.isWhitespace(a[k - 1]) && a[k - 1] != InlineParser.nul {
                var q = k + 1
                if q == a.count || a[q] == " " {
                    while q < a.count && a[q] == " " { q += 1 }
                    return (k, q)
                }
            }
            k += 1
        }
        return nil
    }

    // MARK: tables (grid and simple)

    func gridTable(_ lines: [Line], _ i: inout Int, _ out: inout [Node]) {
        TableParser(parser: self).grid(lines, &i, &out)
    }

    func simpleTable(_ lines: [Line], _ i: inout Int, _ out: inout [Node], matchTitles: Bool) {
        TableParser(parser: self).simple(lines, &i, &out)
    }
}
