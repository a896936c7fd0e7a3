/// Rows and column spans of a simple table (docutils' SimpleTableParser algorithm).
struct SimpleTable {
    var block: [[Unicode.Scalar]]
    var headBodySep: Int?
    var columns: [(Int, Int)] = []
    var borderEnd = 0
    var rows: [[TableParser.Cell]] = []

    init(_ block: [[Unicode.Scalar]]) {
        self.block = block
        if !self.block.isEmpty {
            self.block[0] = self.block[0].map { $0 == "=" ? "-" : $0 }
            let last = self.block.count - 1
            self.block[last] = self.block[last].map { $0 == "=" ? "-" : $0 }
        }
    }

    static func matches(_ a: [Unicode.Scalar], _ c: Unicode.Scalar) -> Bool {
        // c[ c]*$
        guard a.first == c else { return false }
        return a.allSatisfy { $0 == c || $0 == " " }
    }

    mutating func parse() throws -> TableParser.TableData {
        var last = 0
        for r in 0..<block.count {
            last = r
            if Self.matches(block[r], "=") {
                if let h = headBodySep {
                    throw TableParser.TableError(message: "Multiple head/body row separators (table lines \(h + 1) and \(r + 1)); only one allowed.", offset: r)
                }
                headBodySep = r
                block[r] = block[r].map { $0 == "=" ? "-" : $0 }
            }
        }
        if headBodySep == 0 || headBodySep == block.count - 1 {
            throw TableParser.TableError(message: "The head/body row separator may not be the first or last line of the table.", offset: last)
        }
        try parseTable()
        let widths = columns.map { $0.1 - $0.0 }
        var firstBody = 0
        if let h = headBodySep {
            for (k, row) in rows.enumerated() where row[0].offset > h {
                firstBody = k
                break
            }
        }
        let cells = rows.map { $0.map { Optional($0) } }
        return TableParser.TableData(colwidths: widths, head: Array(cells[..<firstBody]), body: Array(cells[firstBody...]))
    }

    mutating func parseTable() throws {
        columns = try parseColumns(block[0], 0)
        borderEnd = columns.last?.1 ?? 0
        let (firstStart, firstEnd) = columns[0]
        var offset = 1
        var start = 1
        var textFound = false
        while offset < block.count {
            let line = block[offset]
            if Self.matches(line, "-") {
                try parseRow(start, offset, spanLine: (TableParser.rstrip(line[...]), offset))
                start = offset + 1
                textFound = false
            } else if !TableParser.strip(slice(line, firstStart, firstEnd)).isEmpty {
                if textFound && offset != start {
                    try parseRow(start, offset, spanLine: nil)
                }
                start = offset
                textFound = true
            } else if !textFound {
                start = offset + 1
            }
            offset += 1
        }
    }

    func slice(_ line: [Unicode.Scalar], _ a: Int, _ b: Int?) -> ArraySlice<Unicode.Scalar> {
        let s = Swift.min(a, line.count)
        let e = Swift.min(b ?? line.count, line.count)
        return line[s..<Swift.max(s, e)]
    }

    func parseColumns(_ line: [Unicode.Scalar], _ offset: Int) throws -> [(Int, Int)] {
        var cols: [(Int, Int)] = []
        var end = 0
        while true {
            guard let begin = line[Swift.min(end, line.count)...].firstIndex(of: "-") else { break }
            let e = line[begin...].firstIndex(of: " ") ?? line.count
            cols.append((begin, e))
            end = e
        }
        if !columns.isEmpty {
            if cols.last?.1 != borderEnd {
                throw TableParser.TableError(message: "Column span incomplete in table line \(offset + 1).", offset: offset)
            }
            cols[cols.count - 1] = (cols[cols.count - 1].0, columns[columns.count - 1].1)
        }
        return cols
    }

    mutating func parseRow(_ start: Int, _ end: Int, spanLine: ([Unicode.Scalar], Int)?) throws {
        let lines = Array(block[start..<end])
        if lines.isEmpty && spanLine == nil { return }
        var cols: [(Int, Int)]
        if let spanLine { cols = try parseColumns(spanLine.0, spanLine.1) } else { cols = columns }
        try checkColumns(lines, start, &cols)
        // init_row
        var row: [TableParser.Cell] = []
        var i = 0
        for (s, e) in cols {
            var morecols = 0
            guard i < columns.count, s == columns[i].0 else {
                throw TableParser.TableError(message: "Column span alignment problem in table line \(start + 2).", offset: start + 1)
            }
            while e != columns[i].1 {
                i += 1
                morecols += 1
                guard i < columns.count else {
                    throw TableParser.TableError(message: "Column span alignment problem in table line \(start + 2).", offset: start + 1)
                }
            }
            row.append(TableParser.Cell(morerows: 0, morecols: morecols, offset: start, lines: []))
            i += 1
        }
        for (k, (s, e)) in cols.enumerated() {
            row[k].lines = TableParser.block2D(lines, top: 0, left: s, bottom: lines.count, right: e)
        }
        rows.append(row)
    }

    mutating func checkColumns(_ lines: [[Unicode.Scalar]], _ firstLine: Int, _ cols: inout [(Int, Int)]) throws {
        let lastCol = cols.count - 1
        for k in 0..<cols.count {
            let (s, e) = cols[k]
            let nextStart = k + 1 < cols.count ? cols[k + 1].0 : Int.max
            for (off, line) in lines.enumerated() {
                if k == lastCol && !TableParser.strip(slice(line, e, nil)).isEmpty {
                    let text = TableParser.rstrip(slice(line, s, nil))
                    let newEnd = s + text.count
                    let (mainStart, mainEnd) = columns[columns.count - 1]
                    cols[k] = (s, Swift.max(mainEnd, newEnd))
                    if newEnd > mainEnd { columns[columns.count - 1] = (mainStart, newEnd) }
                } else if !TableParser.strip(slice(line, e, nextStart == Int.max ? nil : nextStart)).isEmpty {
                    throw TableParser.TableError(message: "Text in column margin in table line \(firstLine + off + 1).",
                                                 offset: firstLine + off)
                }
            }
        }
    }
}
