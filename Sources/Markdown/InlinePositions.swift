/// Repairs the source positions that cmark 0.30 reports for inline nodes.
///
/// cmark's block positions are exact, but inline positions drift: continuation
/// lines are measured as if they started at the paragraph's first column, a
/// backslash hard break does not advance the line, code spans report their
/// content without the backticks, and autolinks get an unrelated column. Each
/// line after a break is re-anchored on the first character actually on it.
struct InlinePositions {
    let text: SourceText
    let quoteDepth: Int
    private var line: Int
    private var lineShift = 0
    private var deltas: [Int: Int] = [:]
    private var atLineStart = false

    private init(text: SourceText, quoteDepth: Int, firstLine: Int) {
        self.text = text
        self.quoteDepth = quoteDepth
        self.line = firstLine
    }

    /// Fixes the positions of the inline `nodes` of a block starting on `firstLine`.
    static func fix(_ nodes: inout [CmarkNode], text: SourceText, quoteDepth: Int, firstLine: Int) {
        var fixer = InlinePositions(text: text, quoteDepth: quoteDepth, firstLine: firstLine)
        fixer.visit(&nodes)
    }

    private mutating func visit(_ nodes: inout [CmarkNode]) {
        for index in nodes.indices {
            visit(&nodes[index])
        }
    }

    private mutating func visit(_ node: inout CmarkNode) {
        switch node.kind {
        case .softBreak, .lineBreak:
            line += 1
            atLineStart = true
            node.start = CmarkPosition(line: line - 1, column: node.start.column)
            node.end = node.start
            return
        default:
            break
        }
        if atLineStart {
            atLineStart = false
            let reportedLine = node.start.line
            if reportedLine > line { line = reportedLine }
            lineShift = line - reportedLine
            if let actual = text.firstContentColumn(line: line, quoteDepth: quoteDepth) {
                // An autolink's own column is unrelated; its text starts one after the `<`.
                if node.kind == .link, node.children.count == 1, let child = node.children.first, child.kind == .text,
                   node.url == child.literal || node.url == "mailto:" + child.literal,
                   text.byte(line: line, column: actual) == UInt8(ascii: "<") {
                    deltas[line] = actual + 1 - child.start.column
                } else {
                    deltas[line] = actual - node.start.column
                }
            }
        }
        node.start = mapped(node.start)
        if node.start.line > line {
            if node.children.isEmpty {
                // A leaf after a multi-line code span or HTML tag: trust cmark's line.
                line = node.start.line
            } else {
                // cmark gives some links the line they end on; they start on the current one.
                node.start.line = line
            }
        }
        visit(&node.children)
        node.end = mapped(node.end)
        if node.end < node.start { node.end = node.start }
        switch node.kind {
        case .code:
            widenCodeSpan(&node)
        case .link:
            fixAutolink(&node)
        default:
            break
        }
    }

    private func mapped(_ position: CmarkPosition) -> CmarkPosition {
        let line = position.line + lineShift
        return CmarkPosition(line: line, column: max(1, position.column + (deltas[line] ?? 0)))
    }

    /// Extends a code span's range over its backticks (and the one padding space).
    private func widenCodeSpan(_ node: inout CmarkNode) {
        let backtick = UInt8(ascii: "`"), space = UInt8(ascii: " ")
        var start = node.start.column
        if start > 1, text.byte(line: node.start.line, column: start - 1) == space,
           text.byte(line: node.start.line, column: start - 2) == backtick {
            start -= 1
        }
        while start > 1, text.byte(line: node.start.line, column: start - 1) == backtick { start -= 1 }
        var end = node.end.column
        if node.literal.isEmpty { end = start - 1 }
        if text.byte(line: node.end.line, column: end + 1) == space,
           text.byte(line: node.end.line, column: end + 2) == backtick {
            end += 1
        }
        while text.byte(line: node.end.line, column: end + 1) == backtick { end += 1 }
        node.start.column = start
        node.end.column = max(end, start)
    }

    /// Autolinks (`<https://…>`) get their range from their text plus the angle brackets.
    private func fixAutolink(_ node: inout CmarkNode) {
        guard node.children.count == 1, let child = node.children.first, child.kind == .text,
              node.url == child.literal || node.url == "mailto:" + child.literal,
              text.byte(line: child.start.line, column: child.start.column - 1) == UInt8(ascii: "<")
        else { return }
        node.start = CmarkPosition(line: child.start.line, column: child.start.column - 1)
        node.end = CmarkPosition(line: child.end.line, column: child.end.column + 1)
    }
}

extension CmarkPosition: Comparable {
    static func < (a: CmarkPosition, b: CmarkPosition) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }
}
