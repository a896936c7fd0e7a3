import DocTree

extension InlineScanner {
    // MARK: end-string search (monotone, cached)

    func isEnd(_ kind: EndKind, at q: Int) -> Int? {
        switch kind {
        case .emphasis:
            guard s[q] == "*", q > 0, !CharClasses.isWhitespace(s[q - 1]), s[q - 1] != InlineParser.nul,
                  suffixOK(q + 1) else { return nil }
            return q + 1
        case .strong:
            guard s[q] == "*", q + 1 < n, s[q + 1] == "*", q > 0, !CharClasses.isWhitespace(s[q - 1]),
                  s[q - 1] != InlineParser.nul, suffixOK(q + 2) else { return nil }
            return q + 2
        case .literal:
            guard s[q] == "`", q + 1 < n, s[q + 1] == "`", q > 0, !CharClasses.isWhitespace(s[q - 1]),
                  suffixOK(q + 2) else { return nil }
            return q + 2
        case .target:
            guard s[q] == "`", q > 0, !CharClasses.isWhitespace(s[q - 1]), s[q - 1] != InlineParser.nul,
                  suffixOK(q + 1) else { return nil }
            return q + 1
        case .substitution:
            guard s[q] == "|", q > 0, !CharClasses.isWhitespace(s[q - 1]), s[q - 1] != InlineParser.nul else { return nil }
            var e = q + 1
            var candidates: [Int] = [e]
            if e < n && s[e] == "_" { e += 1; candidates.append(e); if e < n && s[e] == "_" { candidates.append(e + 1) } }
            for cand in candidates.reversed() where suffixOK(cand) { return cand }
            return nil
        case .interpreted:
            guard s[q] == "`", q > 0 else { return nil }
            let b = s[q - 1]
            if b == InlineParser.nul { return nil }
            if CharClasses.isWhitespace(b) && !(q >= 2 && s[q - 2] == InlineParser.nul) { return nil }
            // optional :role: suffix, optional __?
            var ends: [Int] = []
            var base = [q + 1]
            if q + 1 < n, s[q + 1] == ":", let e = InlineParser.simpleNameEnd(s, q + 2), e < n, s[e] == ":" {
                base = [e + 1, q + 1]
            }
            for b0 in base {
                var e = b0
                var opts = [e]
                if e < n && s[e] == "_" { e += 1; opts.append(e); if e < n && s[e] == "_" { opts.append(e + 1) } }
                ends += opts.reversed()
            }
            for e in ends where suffixOK(e) { return e }
            return nil
        }
    }

    /// The first end-string of `kind` at or after `from`: (start, end).
    func findEnd(_ kind: EndKind, from: Int) -> (Int, Int)? {
        var scanFrom = from
        if let cached = endCache[kind], cached.from <= from {
            guard let r = cached.result else { return nil }
            if r >= from, let e = isEnd(kind, at: r) { return (r, e) }
            scanFrom = Swift.max(from, cached.from)
        }
        var q = scanFrom
        let trigger: Unicode.Scalar = kind == .emphasis || kind == .strong ? "*" : (kind == .substitution ? "|" : "`")
        while q < n {
            if s[q] == trigger, let e = isEnd(kind, at: q) {
                endCache[kind] = (from, q)
                return (q, e)
            }
            q += 1
        }
        endCache[kind] = (from: from, result: nil)
        return nil
    }

    // MARK: simple inline objects

    func text(_ a: Int, _ b: Int) -> String { InlineParser.unescape(s[a..<b]) }
    func raw(_ a: Int, _ b: Int) -> String { InlineParser.restoreBackslashes(s[a..<b]) }

    func inlineObject(_ start: Int, _ startEnd: Int, kind: EndKind) -> Int? {
        if quotedStart(start, startEnd) {
            return startEnd
        }
        if let (q, e) = findEnd(kind, from: startEnd), q > startEnd {
            let r = range(start, e)
            switch kind {
            case .emphasis:
                emit([Node(.emphasis, children: [.text(text(startEnd, q))], range: r)], from: start, to: e)
            case .strong:
                emit([Node(.strong, children: [.text(text(startEnd, q))], range: r)], from: start, to: e)
            case .literal:
                emit([Node(.literal, children: [.text(raw(startEnd, q))], range: r)], from: start, to: e)
            case .target:
                let label = text(startEnd, q)
                var node = Node(.target, children: [.text(label)], range: r)
                node.attributes[AttributeKey.names] = .list([Names.normalized(label)])
                ctx.parentMessages += ctx.noteTarget(&node, explicit: true, line: lineOf(start))
                emit([node], from: start, to: e)
            case .substitution:
                let label = text(startEnd, q)
                let subref = Node("substitution_reference",
                                  attributes: ["refname": .string(Names.whitespaceNormalized(label))],
                                  children: [.text(label)], range: r)
                let endString = e - q
                if endString >= 2 {
                    var ref = Node(.reference, children: [subref], range: r)
                    if endString == 3 {
                        ref.attributes[AttributeKey.anonymous] = .int(1)
                    } else {
                        ref.attributes[AttributeKey.refname] = .string(Names.normalized(label))
                    }
                    emit([ref], from: start, to: e)
                } else {
                    emit([subref], from: start, to: e)
                }
            case .interpreted:
                break
            }
            return e
        }
        let what: String
        switch kind {
        case .emphasis: what = "emphasis"
        case .strong: what = "strong"
        case .literal: what = "literal"
        case .target: what = "target"
        case .substitution: what = "substitution_reference"
        case .interpreted: what = "interpreted"
        }
        let message = ctx.systemMessage(.warning, "rst.inline-markup", "Inline \(what) start-string without end-string.",
                                        line: line, range: range(start, startEnd))
        let prb = problematic(raw(start, startEnd), message: message, range: range(start, startEnd))
        emit([prb], from: start, to: startEnd)
        return startEnd
    }

    /// Creates a `problematic` node pointing at `message` (which gets an id) and queues the message.
    func problematic(_ rawText: String, message: Node, range r: SourceRange?) -> Node {
        let (prb, msg) = parser.block.problematicPair(rawText, message: message, range: r)
        messages.append(msg)
        return prb
    }

    // MARK: references

    func simpleReference(_ p: Int) -> Int? {
        guard let e = nameRunEnd(p), e < n, s[e] == "_" else { return nil }
        var endings = [e + 1]
        if e + 1 < n && s[e + 1] == "_" { endings.insert(e + 2, at: 0) }
        for end in endings where suffixOK(end) {
            let name = InlineParser.string(s[p..<e])
            let nameText = InlineParser.unescape(s[p..<e])
            var ref = Node(.reference, attributes: ["name": .string(Names.whitespaceNormalized(nameText))],
                           children: [.text(nameText)], range: range(p, end))
            if end - e == 2 {
                ref.attributes[AttributeKey.anonymous] = .int(1)
            } else {
                ref.attributes[AttributeKey.refname] = .string(Names.normalized(name))
            }
            emit([ref], from: p, to: end)
            return end
        }
        return nil
    }

    func footnoteReference(_ p: Int) -> Int? {
        var q = p + 1
        while q < n && s[q] != "]" && s[q] != "[" && !CharClasses.isWhitespace(s[q]) { q += 1 }
        guard q + 1 < n, s[q] == "]", s[q + 1] == "_", suffixOK(q + 2) else { return nil }
        let labelScalars = Array(s[(p + 1)..<q])
        let label = InlineParser.string(labelScalars)
        let isFootnote = InlineParser.isFootnoteLabel(label)
        guard isFootnote || InlineParser.isSimpleName(label) else { return nil }
        let end = q + 2
        let r = range(p, end)
        var refname = Names.normalized(label)
        if !isFootnote {
            var node = Node("citation_reference", attributes: ["refname": .string(refname)],
                            children: [.text(label)], range: r)
            ctx.setID(&node, prefix: "citation-reference")
            emit([node], from: p, to: end)
            return end
        }
        var node = Node("footnote_reference", range: r)
        if refname.hasPrefix("#") {
            refname.removeFirst()
            node.attributes[AttributeKey.auto] = .int(1)
        } else if refname == "*" {
            refname = ""
            node.attributes[AttributeKey.auto] = .string("*")
        } else {
            node.children = [.text(label)]
        }
        if !refname.isEmpty { node.attributes[AttributeKey.refname] = .string(refname) }
        ctx.setID(&node, prefix: "footnote-reference")
        emit([node], from: p, to: end)
        return end
    }
}
