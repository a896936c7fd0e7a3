import DocTree

/// The block-level reStructuredText grammar: a line-oriented recursive parser
/// that reproduces docutils' state machine (Body, Text, list states …).
final class BlockParser {
    let ctx: ParseContext
    lazy var inline = InlineParser(ctx: ctx, block: self)
    /// Nesting depth, for the defensive limit.
    var depth = 0
    /// The element kind that nested content is being parsed into (for directives that care).
    var parentKind: NodeKind = .document
    /// Whether a substitution definition's directive is being parsed.
    var inSubstitution = false
    /// The name of the substitution being defined (the `alt` preset for images).
    var substitutionName = ""

    init(ctx: ParseContext) {
        self.ctx = ctx
    }

    static let sectionMarker: NodeKind = "#section-start"

    /// Parses a sequence of body lines. With `matchTitles`, section titles are
    /// recognised and the result is folded into nested `section` nodes.
    /// `fold: false` leaves the section markers flat (for a caller that places them itself).
    func parseBody(_ input: [Line], matchTitles: Bool, parent: NodeKind? = nil, fold: Bool = true) -> [Node] {
        var lines = input
        var out: [Node] = []
        var i = 0
        depth += 1
        let savedParent = parentKind
        parentKind = parent ?? (matchTitles ? parentKind : "#body")
        defer { depth -= 1; parentKind = savedParent }
        while i < lines.count {
            if lines[i].isBlank { i += 1; continue }
            parseBlock(lines, &i, &out, matchTitles: matchTitles)
            if let insert = ctx.pendingInsert {
                ctx.pendingInsert = nil
                // right after the directive's last non-blank line
                var at = Swift.min(i, lines.count)
                while at > 0 && lines[at - 1].isBlank { at -= 1 }
                lines.insert(contentsOf: insert, at: at)
                i = at
            }
            if !ctx.parentMessages.isEmpty {
                out += ctx.parentMessages
                ctx.parentMessages = []
            }
        }
        return matchTitles && fold ? foldSections(out) : out
    }

    /// Parses one construct starting at the non-blank line `i`.
    func parseBlock(_ lines: [Line], _ i: inout Int, _ out: inout [Node], matchTitles: Bool) {
        let line = lines[i]
        if line.indent > 0 {
            blockQuote(lines, &i, &out)
            return
        }
        switch BodyPattern.classify(line) {
        case .bullet(let end):
            bulletList(lines, &i, &out, markerEnd: end)
        case .enumerator(let e):
            if !enumeratedList(lines, &i, &out, first: e) { text(lines, &i, &out, matchTitles: matchTitles) }
        case .fieldMarker:
            fieldList(lines, &i, &out)
        case .optionMarker:
            if !optionList(lines, &i, &out) { text(lines, &i, &out, matchTitles: matchTitles) }
        case .doctest:
            doctestBlock(lines, &i, &out)
        case .lineBlock:
            lineBlock(lines, &i, &out)
        case .gridTableTop:
            gridTable(lines, &i, &out)
        case .simpleTableTop:
            simpleTable(lines, &i, &out, matchTitles: matchTitles)
        case .explicitMarkup:
            explicitMarkup(lines, &i, &out, matchTitles: matchTitles)
        case .anonymous:
            explicitMarkup(lines, &i, &out, matchTitles: matchTitles)
        case .line:
            if !adornmentLine(lines, &i, &out, matchTitles: matchTitles) {
                text(lines, &i, &out, matchTitles: matchTitles)
            }
        case .text:
            text(lines, &i, &out, matchTitles: matchTitles)
        }
    }

    // MARK: helpers

    func range(_ lines: ArraySlice<Line>) -> SourceRange? {
        guard let first = lines.first, let last = lines.last else { return nil }
        return SourceRange(start: SourceLocation(line: first.number, column: first.column),
                           end: SourceLocation(line: last.number, column: last.endColumn))
    }

    func range(_ lines: [Line]) -> SourceRange? { range(lines[...]) }

    func lineRange(_ line: Line) -> SourceRange {
        SourceRange(start: SourceLocation(line: line.number, column: line.column),
                    end: SourceLocation(line: line.number, column: line.endColumn))
    }

    func unindentWarning(_ what: String, _ lines: [Line], at i: Int) -> Node {
        let line = i < lines.count ? lines[i].number : (lines.last.map { $0.number + 1 } ?? 1)
        return ctx.systemMessage(.warning, "rst.unindent", "\(what) ends without a blank line; unexpected unindent.",
                                 line: line)
    }

    /// Parses text as inline markup starting at the given line.
    func inlineText(_ lines: [Line]) -> ([Node], [Node]) {
        inline.parse(lines: lines)
    }

    func inlineText(_ text: String, line: Int, column: Int) -> ([Node], [Node]) {
        let ls = LineSplitter.lines(text, firstLine: line).map { l -> Line in
            var c = l
            if l.number == line && column > 1 { c.columnBase = column - 1 }
            return c
        }
        return inline.parse(lines: ls)
    }

    /// Folds flat section markers into nested sections.
    func foldSections(_ nodes: [Node]) -> [Node] {
        guard nodes.contains(where: { $0.kind == Self.sectionMarker }) else { return nodes }
        var stack: [(level: Int, node: Node)] = [(0, Node("#root"))]
        func closeTop() {
            let top = stack.removeLast()
            var section = top.node
            if let last = section.children.last, let r = last.range, let s = section.range {
                section.range = SourceRange(start: s.start, end: Swift.max(r.end, s.end))
            }
            stack[stack.count - 1].node.children.append(section)
        }
        for node in nodes {
            if node.kind == Self.sectionMarker {
                let level: Int
                if case .int(let l)? = node.attributes["level"] { level = l } else { level = 1 }
                while stack.count > 1 && stack[stack.count - 1].level >= level { closeTop() }
                var section = node
                section.kind = .section
                section.attributes["level"] = nil
                stack.append((level, section))
            } else {
                stack[stack.count - 1].node.children.append(node)
            }
        }
        while stack.count > 1 { closeTop() }
        return stack[0].node.children
    }
}
