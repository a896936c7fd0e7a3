import DocTree
import Markup

/// GFM pipe tables, on by default in MyST: libcmark reads them as a
/// paragraph, so the MyST layer takes the paragraph's source lines apart — a
/// header row, a delimiter row (`---`, `:--`, `--:`, `:-:` for alignment),
/// body rows — and parses each cell as inline Markdown at its own place in
/// the file. Pipes inside code spans or escaped (`\|`) do not split cells.
extension MarkdownConverter {
    func pipeTable(_ block: CmarkNode, context: Context) -> Node? {
        guard settings.mystExtensions, block.end.line > block.start.line else { return nil }
        let indent = max(block.start.column - 1, 0)
        var rows: [(line: Int, text: [UInt8], offset: Int)] = []
        for line in block.start.line...block.end.line {
            let bytes = text.bytes(ofLine: line)
            // Only the paragraph's own columns: what stands before them (a list marker on the first
            // line, indentation, `>`) is not table.
            guard line == block.start.line
                || bytes.prefix(indent).allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: ">") }) else { return nil }
            rows.append((line, Array(bytes.dropFirst(min(indent, bytes.count))), min(indent, bytes.count)))
        }
        guard rows.count >= 2, rows[0].text.contains(UInt8(ascii: "|")) else { return nil }
        let header = Self.cells(rows[0].text)
        let delimiters = Self.cells(rows[1].text)
        guard header.count == delimiters.count, let alignments = Self.alignments(delimiters.map(\.text)) else { return nil }
        let columns = header.count
        func row(_ row: (line: Int, text: [UInt8], offset: Int)) -> [TableNodes.Cell] {
            var cells = Self.cells(row.text)
            if cells.count > columns { cells.removeLast(cells.count - columns) }
            return (0..<columns).map { index in
                var classes: [String] = []
                if let alignment = alignments[index] { classes.append("text-" + alignment) }
                guard index < cells.count else { return TableNodes.Cell([], classes: classes) }
                let cell = cells[index]
                let content = String(decoding: cell.text, as: UTF8.self)
                guard !content.isEmpty else { return TableNodes.Cell([], classes: classes) }
                let (nodes, _) = parseInline(content, line: row.line, column: row.offset + cell.start + 1)
                let range = SourceRange(start: text.location(CmarkPosition(line: row.line, column: row.offset + cell.start + 1)),
                                        end: text.location(CmarkPosition(line: row.line,
                                                                         column: row.offset + cell.start + cell.text.count + 1)))
                return TableNodes.Cell([Node(.paragraph, children: footnoteReferences(in: nodes), range: range)],
                                       classes: classes)
            }
        }
        let body = rows.dropFirst(2).map(row)
        return TableNodes.build(Array(repeating: nil, count: columns), head: [row(rows[0])], body: body,
                                range: range(of: block), classes: ["colwidths-auto"])
    }

    /// The cells of a row: its text split at unescaped pipes outside code spans, a leading
    /// and a trailing pipe dropped, each cell trimmed (with its start offset in the row).
    static func cells(_ row: [UInt8]) -> [(text: [UInt8], start: Int)] {
        var cells: [(text: [UInt8], start: Int)] = []
        var start = 0
        var index = 0
        var codeFence = 0
        while index < row.count {
            let byte = row[index]
            if byte == UInt8(ascii: "\\"), index + 1 < row.count {
                index += 2
                continue
            }
            if byte == UInt8(ascii: "`") {
                var run = 0
                while index < row.count, row[index] == UInt8(ascii: "`") { run += 1; index += 1 }
                if codeFence == 0 { codeFence = run } else if codeFence == run { codeFence = 0 }
                continue
            }
            if byte == UInt8(ascii: "|"), codeFence == 0 {
                cells.append((Array(row[start..<index]), start))
                start = index + 1
            }
            index += 1
        }
        cells.append((Array(row[start...]), start))
        // `| a | b |`: the outer pipes frame the row.
        if let first = cells.first, first.text.allSatisfy(Self.isSpace), cells.count > 1 { cells.removeFirst() }
        if let last = cells.last, last.text.allSatisfy(Self.isSpace), cells.count > 1 { cells.removeLast() }
        return cells.map { cell in
            var text = cell.text[...]
            var start = cell.start
            while let first = text.first, isSpace(first) { text = text.dropFirst(); start += 1 }
            while let last = text.last, isSpace(last) { text = text.dropLast() }
            // `\|` stands for a pipe inside a cell.
            var unescaped: [UInt8] = []
            var k = text.startIndex
            while k < text.endIndex {
                if text[k] == UInt8(ascii: "\\"), k + 1 < text.endIndex, text[k + 1] == UInt8(ascii: "|") {
                    unescaped.append(UInt8(ascii: "|"))
                    k += 2
                } else {
                    unescaped.append(text[k])
                    k += 1
                }
            }
            return (unescaped, start)
        }
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }

    /// `left`, `center`, `right` or nil per delimiter cell; nil for the whole row when one is not a delimiter.
    static func alignments(_ delimiters: [[UInt8]]) -> [String?]? {
        var out: [String?] = []
        for cell in delimiters {
            var body = cell[...]
            let left = body.first == UInt8(ascii: ":")
            if left { body = body.dropFirst() }
            let right = body.last == UInt8(ascii: ":")
            if right { body = body.dropLast() }
            guard !body.isEmpty, body.allSatisfy({ $0 == UInt8(ascii: "-") }) else { return nil }
            out.append(left && right ? "center" : left ? "left" : right ? "right" : nil)
        }
        return out
    }
}
