import DocTree

/// Inline markup: emphasis, strong, literals, interpreted text with roles,
/// references, targets, footnote/citation/substitution references and
/// standalone hyperlinks, following docutils' recognition rules.
final class InlineParser {
    let ctx: ParseContext
    unowned let block: BlockParser

    init(ctx: ParseContext, block: BlockParser) {
        self.ctx = ctx
        self.block = block
    }

    /// Parses the lines (joined with newlines) as one inline run.
    func parse(lines: [Line]) -> ([Node], [Node]) {
        var text: [Unicode.Scalar] = []
        var starts: [(offset: Int, line: Int, column: Int)] = []
        for (k, l) in lines.enumerated() {
            if k > 0 { text.append("\n") }
            starts.append((text.count, l.number, l.column))
            text += l.text
        }
        let scanner = InlineScanner(parser: self, text: InlineParser.escapeToNull(text), starts: starts,
                                    line: lines.first?.number ?? 1)
        return scanner.run()
    }
}
