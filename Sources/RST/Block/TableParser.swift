import DocTree

/// Grid and simple tables (docutils' table parsers, re-implemented).
struct TableParser {
    let parser: BlockParser
    var ctx: ParseContext { parser.ctx }

    static let pad: Unicode.Scalar = "\u{0}"

    struct Cell {
        var morerows: Int
        var morecols: Int
        /// Row offset inside the table (0-based) of the cell's first text line.
        var offset: Int
        var lines: [[Unicode.Scalar]]
    }

    struct TableData {
        var colwidths: [Int]
        var head: [[Cell?]]
        var body: [[Cell?]]
    }

    struct TableError: Error {
        var message: String
        var offset: Int
    }

    /// Pads East-Asian wide characters so that columns line up.
    static func padWide(_ t: ArraySlice<Unicode.Scalar>) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(t.count)
        for c in t {
            out.append(c)
            if isWide(c) { out.append(pad) }
        }
        return out
    }

    static func isWide(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        return (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v) || (0x3041...0x33FF).contains(v)
            || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xA000...0xA4CF).contains(v)
            || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
            || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v) || (0x20000...0x3FFFD).contains(v)
    }

    static func text(_ a: [Unicode.Scalar]) -> String {
        InlineParser.string(a.filter { $0 != pad })
    }

    func malformed(_ block: [[Unicode.Scalar]], firstLine: Int, detail: String = "", offset: Int = 0) -> Node {
        let data = block.map { Self.text($0) }.joined(separator: "\n")
        var message = "Malformed table."
        if !detail.isEmpty { message += "\n" + detail }
        return ctx.systemMessage(.error, "rst.malformed-table", message, line: firstLine + offset,
                                 range: SourceRange(line: firstLine + offset), details: [ParseContext.literal(data)])
    }

    static func strip(_ a: ArraySlice<Unicode.Scalar>) -> [Unicode.Scalar] {
        var s = a.startIndex, e = a.endIndex
        while s < e && CharClasses.isWhitespace(a[s]) { s += 1 }
        while e > s && CharClasses.isWhitespace(a[e - 1]) { e -= 1 }
        return Array(a[s..<e])
    }

    static func rstrip(_ a: ArraySlice<Unicode.Scalar>) -> [Unicode.Scalar] {
        var e = a.endIndex
        while e > a.startIndex && CharClasses.isWhitespace(a[e - 1]) { e -= 1 }
        return Array(a[a.startIndex..<e])
    }

    static func isGridBorder(_ a: [Unicode.Scalar], fill: Unicode.Scalar = "-") -> Bool {
        // \+-[-+]+-\+ *$ (or with = for the head separator)
        var end = a.count
        while end > 0 && a[end - 1] == " " { end -= 1 }
        guard end >= 4, a[0] == "+", a[1] == fill, a[end - 1] == "+", a[end - 2] == fill else { return false }
        for k in 2..<(end - 2) where a[k] != fill && a[k] != "+" { return false }
        return true
    }

    // MARK: grid tables

    func grid(_ lines: [Line], _ i: inout Int, _ out: inout [Node]) {
        let firstLine = lines[i].number
        var messages: [Node] = []
        var blankFinish = true
        var k = i
        while k < lines.count && !lines[k].isBlank {
            if lines[k].indent > 0 {
                messages.append(ctx.systemMessage(.error, "rst.unexpected-indentation", "Unexpected indentation.",
                                                  line: lines[k].number, range: parser.lineRange(lines[k])))
                blankFinish = false
                break
            }
            k += 1
        }
        var end = k
        var block = lines[i..<k].map { Self.padWide($0.text) }
        let width = Self.strip(block[0][...]).count
        var lastIndex = block.count - 1
        for r in 0..<block.count {
            block[r] = Self.strip(block[r][...])
            if block[r].first != "+" && block[r].first != "|" {
                blankFinish = false
                end = i + r
                lastIndex = r
                block.removeSubrange(r...)
                break
            }
        }
        var nodes: [Node] = []
        defer {
            out += nodes
            i = end
            if !blankFinish {
                out.append(ctx.systemMessage(.warning, "rst.table-blank-line", "Blank line required after table.",
                                             line: (end < lines.count ? lines[end].number : (lines.last?.number ?? firstLine) + 1)))
            }
        }
        if block.isEmpty { return }
        if !Self.isGridBorder(block[block.count - 1]) {
            var found = false
            var r = block.count - 2
            var offset = lastIndex
            while r > 1 {
                offset = r
                if Self.isGridBorder(block[r]) {
                    end = i + r + 1
                    block.removeSubrange((r + 1)...)
                    blankFinish = false
                    found = true
                    break
                }
                r -= 1
            }
            if !found {
                nodes = messages + [malformed(block, firstLine: firstLine, detail: "Bottom border missing or corrupt.",
                                              offset: offset)]
                return
            }
        }
        for (r, row) in block.enumerated() where row.filter({ $0 != Self.pad }).count + row.filter({ $0 == Self.pad }).count != width || (row.last != "+" && row.last != "|") {
            nodes = messages + [malformed(block, firstLine: firstLine, detail: "Right border not aligned or missing.", offset: r)]
            return
        }
        do {
            var grid = GridTable(block)
            let data = try grid.parse()
            nodes = [buildTable(data, firstLine: firstLine)] + messages
        } catch let e as TableError {
            nodes = [malformed(block, firstLine: firstLine, detail: e.message, offset: e.offset)] + messages
        } catch {
            nodes = messages
        }
    }

    // MARK: simple tables

    func simple(_ lines: [Line], _ i: inout Int, _ out: inout [Node]) {
        let start = i
        let firstLine = lines[i].number
        let limit = lines.count - 1
        let topLen = Self.strip(lines[start].text).count
        var found = 0
        var foundAt = -1
        var end = -1
        var r = start + 1
        func isBorder(_ l: Line) -> Bool {
            // =+[ =]*$
            guard l.indent == 0, l.text.first == "=" else { return false }
            return l.text.allSatisfy { $0 == "=" || $0 == " " }
        }
        func blankAfter(_ k: Int) -> Bool { k == limit || lines[k + 1].isBlank }
        var nodes: [Node] = []
        var blankFinish = true
        while r <= limit {
            let line = lines[r]
            if isBorder(line) {
                if Self.strip(line.text).count != topLen {
                    let block = lines[start...r].map { Array($0.text) }
                    nodes = [malformed(block, firstLine: firstLine,
                                       detail: "Bottom border or header rule does not match top border.", offset: r - start)]
                    finishSimple(&out, nodes: nodes, blankFinish: blankAfter(r), at: r + 1, lines, &i)
                    return
                }
                found += 1
                foundAt = r
                if found == 2 || r == limit || lines[r + 1].isBlank {
                    end = r
                    break
                }
            }
            r += 1
        }
        if end < 0 {
            let block: [[Unicode.Scalar]]
            let extra: String
            let next: Int
            if found > 0 {
                extra = " or no blank line after table bottom"
                block = lines[start...foundAt].map { Array($0.text) }
                next = foundAt + 1
            } else {
                extra = ""
                block = lines[start...].map { Array($0.text) }
                next = lines.count
            }
            nodes = [malformed(block, firstLine: firstLine, detail: "No bottom table border found\(extra).")]
            finishSimple(&out, nodes: nodes, blankFinish: extra.isEmpty, at: next, lines, &i)
            return
        }
        blankFinish = end == limit || lines[end + 1].isBlank
        let block = lines[start...end].map { Self.padWide($0.text) }
        do {
            var simpleTable = SimpleTable(block)
            let data = try simpleTable.parse()
            nodes = [buildTable(data, firstLine: firstLine)]
        } catch let e as TableError {
            nodes = [malformed(block, firstLine: firstLine, detail: e.message, offset: e.offset)]
        } catch {}
        finishSimple(&out, nodes: nodes, blankFinish: blankFinish, at: end + 1, lines, &i)
    }

    func finishSimple(_ out: inout [Node], nodes: [Node], blankFinish: Bool, at next: Int, _ lines: [Line],
                      _ i: inout Int) {
        out += nodes
        i = next
        if !blankFinish {
            out.append(ctx.systemMessage(.warning, "rst.table-blank-line", "Blank line required after table.",
                                         line: next < lines.count ? lines[next].number : (lines.last?.number ?? 0) + 1))
        }
    }

    // MARK: building

    func buildTable(_ data: TableData, firstLine: Int, stubColumns: Int = 0, classes: [String] = []) -> Node {
        var tgroup = Node("tgroup", attributes: ["cols": .int(data.colwidths.count)])
        var stubs = stubColumns
        for w in data.colwidths {
            var colspec = Node("colspec", attributes: ["colwidth": .int(w)])
            if stubs > 0 { colspec.attributes["stub"] = .int(1); stubs -= 1 }
            tgroup.children.append(colspec)
        }
        if !data.head.isEmpty {
            tgroup.children.append(Node("thead", children: data.head.map { buildRow($0, firstLine: firstLine) }))
        }
        tgroup.children.append(Node("tbody", children: data.body.map { buildRow($0, firstLine: firstLine) }))
        var table = Node(.table, children: [tgroup], range: SourceRange(line: firstLine))
        if !classes.isEmpty { table.attributes[AttributeKey.classes] = .list(classes) }
        return table
    }

    func buildRow(_ cells: [Cell?], firstLine: Int) -> Node {
        var row = Node("row")
        for case let cell? in cells {
            var entry = Node("entry")
            if cell.morerows > 0 { entry.attributes["morerows"] = .int(cell.morerows) }
            if cell.morecols > 0 { entry.attributes["morecols"] = .int(cell.morecols) }
            if cell.lines.contains(where: { !$0.isEmpty }) {
                let ls = cell.lines.enumerated().map { (k, l) in
                    Line(text: l.filter { $0 != Self.pad }[...], number: firstLine + cell.offset + k)
                }
                entry.children = parser.parseBody(ls, matchTitles: false)
            }
            row.children.append(entry)
        }
        return row
    }

    /// Lines top..<bottom, columns left..<right, right-stripped, common indent removed.
    static func block2D(_ block: [[Unicode.Scalar]], top: Int, left: Int, bottom: Int, right: Int) -> [[Unicode.Scalar]] {
        var out: [[Unicode.Scalar]] = []
        var indent = right
        for r in top..<bottom {
            let line = block[r]
            let l = Swift.min(left, line.count), e = Swift.min(right, line.count)
            let cell = rstrip(line[l..<Swift.max(l, e)])
            if !cell.isEmpty {
                var n = 0
                while n < cell.count && cell[n] == " " { n += 1 }
                indent = Swift.min(indent, n)
            }
            out.append(cell)
        }
        if indent > 0 && indent < right {
            out = out.map { Array($0.dropFirst(Swift.min(indent, $0.count))) }
        }
        return out
    }
}
