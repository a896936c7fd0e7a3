/// MyST's inline extensions that cmark does not know: `$math$` (`dollarmath`)
/// and `~~struck~~` (`strikethrough`). They work on a paragraph's cmark
/// inlines after their positions are repaired: delimiters are found in the
/// *source* bytes of text nodes (so a backslash-escaped `\$` or `\~` is no
/// delimiter, and code spans, which are their own nodes, never hold one), and
/// paired left to right among siblings, so each pass is linear in the input.
///
/// A math span takes its LaTeX from the source between the dollars (cmark
/// would have eaten its backslashes and underscores); a struck span keeps the
/// Markdown between the tildes. Both become `customInline` nodes that the
/// inline converter turns into `math` and struck text.
struct InlineDelimiters {
    let text: SourceText
    let quoteDepth: Int

    /// A delimiter in a text node: the node's index among its siblings and its source column.
    struct Mark {
        var node: Int
        var line: Int
        var column: Int
    }

    // MARK: math

    func math(_ nodes: [CmarkNode]) -> [CmarkNode] {
        let marks = self.marks(in: nodes, delimiter: UInt8(ascii: "$"), width: 1)
        var pairs: [(Mark, Mark)] = []
        var index = 0
        while index + 1 < marks.count {
            let open = marks[index], close = marks[index + 1]
            // `$$` with nothing between is no math (myst-parser reads no display math inline):
            // the first dollar stays text and the second may open (`$$ a $$` → `$`, math ` a `, `$`).
            if open.node == close.node, close.column == open.column + 1 {
                index += 1
                continue
            }
            pairs.append((open, close))
            index += 2
        }
        var result = rebuild(nodes, pairs: pairs, width: 1) { open, close, _ in
            var node = CmarkNode(kind: .customInline)
            node.info = "math"
            node.literal = source(from: open, to: close)
            return node
        }
        for position in result.indices where !result[position].children.isEmpty && result[position].kind != .customInline {
            result[position].children = math(result[position].children)
        }
        return result
    }

    // MARK: strikethrough

    func strikethrough(_ nodes: [CmarkNode]) -> [CmarkNode] {
        let marks = self.marks(in: nodes, delimiter: UInt8(ascii: "~"), width: 2)
        var pairs: [(Mark, Mark)] = []
        var index = 0
        while index + 1 < marks.count {
            pairs.append((marks[index], marks[index + 1]))
            index += 2
        }
        var result = rebuild(nodes, pairs: pairs, width: 2) { _, _, inner in
            var node = CmarkNode(kind: .customInline)
            node.info = "strike"
            node.children = inner
            return node
        }
        for position in result.indices where !result[position].children.isEmpty {
            result[position].children = strikethrough(result[position].children)
        }
        return result
    }

    // MARK: shared

    /// Unescaped runs of exactly `width` delimiters in the siblings' text nodes (single-line nodes only).
    func marks(in nodes: [CmarkNode], delimiter: UInt8, width: Int) -> [Mark] {
        var marks: [Mark] = []
        for (index, node) in nodes.enumerated() where node.kind == .text && node.start.line == node.end.line {
            let line = text.bytes(ofLine: node.start.line)
            var column = node.start.column
            while column <= node.end.column, column <= line.count {
                let byte = line[column - 1]
                if byte == UInt8(ascii: "\\") { column += 2; continue }
                guard byte == delimiter else { column += 1; continue }
                var run = 1
                while column + run <= node.end.column, column + run <= line.count, line[column + run - 1] == delimiter {
                    run += 1
                }
                if width == 1 {
                    // Each dollar counts: `$$` is an empty span (skipped by the pairing).
                    for offset in 0..<run { marks.append(Mark(node: index, line: node.start.line, column: column + offset)) }
                } else if run == width {
                    marks.append(Mark(node: index, line: node.start.line, column: column))
                }
                column += run
            }
        }
        return marks
    }

    /// The siblings with each pair's span replaced by `make(open, close, innerNodes)`.
    func rebuild(_ nodes: [CmarkNode], pairs: [(Mark, Mark)], width: Int,
                 make: (Mark, Mark, [CmarkNode]) -> CmarkNode) -> [CmarkNode] {
        guard !pairs.isEmpty else { return nodes }
        var output: [CmarkNode] = []
        // Where the unconsumed part of the current node starts (a source column), per node.
        var node = 0
        var resume: Int? = nil
        for (open, close) in pairs {
            while node < open.node {
                output.append(remainder(of: nodes[node], from: resume))
                resume = nil
                node += 1
            }
            if let before = piece(of: nodes[open.node], from: resume, to: open.column) { output.append(before) }
            var inner: [CmarkNode] = []
            if open.node == close.node {
                if let middle = piece(of: nodes[open.node], from: open.column + width, to: close.column) { inner.append(middle) }
            } else {
                if let first = piece(of: nodes[open.node], from: open.column + width, to: nil) { inner.append(first) }
                inner += nodes[(open.node + 1)..<close.node]
                if let last = piece(of: nodes[close.node], from: nil, to: close.column) { inner.append(last) }
            }
            var made = make(open, close, inner)
            made.start = CmarkPosition(line: nodes[open.node].start.line, column: open.column)
            made.end = CmarkPosition(line: nodes[close.node].start.line, column: close.column + width - 1)
            output.append(made)
            node = close.node
            resume = close.column + width
        }
        while node < nodes.count {
            output.append(remainder(of: nodes[node], from: resume))
            resume = nil
            node += 1
        }
        return output.filter { !($0.kind == .text && $0.literal.isEmpty) }
    }

    private func remainder(of node: CmarkNode, from column: Int?) -> CmarkNode {
        guard let column else { return node }
        return piece(of: node, from: column, to: nil) ?? CmarkNode(kind: .text)
    }

    /// The part of a text node between two source columns (nil: its start / its end), as text.
    private func piece(of node: CmarkNode, from start: Int?, to end: Int?) -> CmarkNode? {
        let from = start ?? node.start.column
        let to = end ?? (node.end.column + 1)
        guard to > from else { return nil }
        if start == nil, end == nil { return node }
        let line = text.bytes(ofLine: node.start.line)
        let lower = max(from, 1) - 1, upper = min(to - 1, line.count)
        guard lower < upper else { return nil }
        var piece = node
        piece.literal = Self.unescaped(Array(line[lower..<upper]))
        piece.start = CmarkPosition(line: node.start.line, column: from)
        piece.end = CmarkPosition(line: node.start.line, column: to - 1)
        return piece
    }

    /// Source bytes as cmark shows them in text: a backslash before ASCII punctuation is dropped.
    static func unescaped(_ bytes: [UInt8]) -> String {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\"), index + 1 < bytes.count, isASCIIPunctuation(bytes[index + 1]) {
                result.append(bytes[index + 1])
                index += 2
                continue
            }
            result.append(byte)
            index += 1
        }
        return String(decoding: result, as: UTF8.self)
    }

    static func isASCIIPunctuation(_ byte: UInt8) -> Bool {
        (33...47).contains(byte) || (58...64).contains(byte) || (91...96).contains(byte) || (123...126).contains(byte)
    }

    /// The source text strictly between two marks (lines joined by newlines, continuation lines from their content).
    func source(from open: Mark, to close: Mark) -> String {
        var parts: [String] = []
        for line in open.line...max(open.line, close.line) {
            let bytes = text.bytes(ofLine: line)
            let from = line == open.line ? open.column + 1 : (text.firstContentColumn(line: line, quoteDepth: quoteDepth) ?? 1)
            let to = line == close.line ? close.column : bytes.count + 1
            let lower = min(max(from, 1) - 1, bytes.count), upper = min(max(to - 1, lower), bytes.count)
            parts.append(String(decoding: bytes[lower..<upper], as: UTF8.self))
        }
        return parts.joined(separator: "\n")
    }
}
