/// The cell structure of a grid table, found by walking cell borders from
/// each corner (docutils' GridTableParser algorithm).
struct GridTable {
    var block: [[Unicode.Scalar]]
    let bottom: Int
    let right: Int
    var headBodySep: Int?
    var done: [Int]
    var cells: [(top: Int, left: Int, bottom: Int, right: Int, lines: [[Unicode.Scalar]])] = []
    var rowseps: Set<Int> = [0]
    var colseps: Set<Int> = [0]

    init(_ block: [[Unicode.Scalar]]) {
        self.block = block
        bottom = block.count - 1
        right = (block.first?.count ?? 1) - 1
        done = Array(repeating: -1, count: block.first?.count ?? 0)
    }

    func at(_ r: Int, _ c: Int) -> Unicode.Scalar {
        guard r >= 0, r < block.count, c >= 0, c < block[r].count else { return " " }
        return block[r][c]
    }

    mutating func parse() throws -> TableParser.TableData {
        try findHeadBodySeparator()
        try parseTable()
        return try structure()
    }

    mutating func findHeadBodySeparator() throws {
        var last = 0
        for r in 0..<block.count {
            last = r
            if TableParser.isGridBorder(block[r], fill: "=") {
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
    }

    mutating func parseTable() throws {
        var corners: [(Int, Int)] = [(0, 0)]
        var seen = Set<Int>()
        while !corners.isEmpty {
            let (top, left) = corners.removeFirst()
            if top == bottom || left == right || top <= done[left] { continue }
            guard let (b, r, rs, cs) = scanRight(top, left) else { continue }
            rowseps.formUnion(rs)
            colseps.formUnion(cs)
            for col in left..<r { done[col] = b - 1 }
            let lines = TableParser.block2D(block, top: top + 1, left: left + 1, bottom: b, right: r)
            cells.append((top, left, b, r, lines))
            for c in [(top, r), (b, left)] where !seen.contains(c.0 * 1_000_003 + c.1) {
                seen.insert(c.0 * 1_000_003 + c.1)
                corners.append(c)
            }
            corners.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        }
        for col in 0..<right where done[col] != bottom - 1 {
            throw TableParser.TableError(message: "Malformed table; parse incomplete.", offset: 0)
        }
    }

    func scanRight(_ top: Int, _ left: Int) -> (Int, Int, Set<Int>, Set<Int>)? {
        var colseps: Set<Int> = []
        guard left + 1 <= right else { return nil }
        for c in (left + 1)...right {
            let ch = at(top, c)
            if ch == "+" {
                colseps.insert(c)
                if let (b, rowseps, newColseps) = scanDown(top, left, c) {
                    return (b, c, rowseps, colseps.union(newColseps))
                }
            } else if ch != "-" {
                return nil
            }
        }
        return nil
    }

    func scanDown(_ top: Int, _ left: Int, _ right: Int) -> (Int, Set<Int>, Set<Int>)? {
        var rowseps: Set<Int> = []
        guard top + 1 <= bottom else { return nil }
        for r in (top + 1)...bottom {
            let ch = at(r, right)
            if ch == "+" {
                rowseps.insert(r)
                if let (newRowseps, colseps) = scanLeft(top, left, r, right) {
                    return (r, rowseps.union(newRowseps), colseps)
                }
            } else if ch != "|" {
                return nil
            }
        }
        return nil
    }

    func scanLeft(_ top: Int, _ left: Int, _ bottom: Int, _ right: Int) -> (Set<Int>, Set<Int>)? {
        var colseps: Set<Int> = []
        var c = right - 1
        while c > left {
            let ch = at(bottom, c)
            if ch == "+" { colseps.insert(c) } else if ch != "-" { return nil }
            c -= 1
        }
        guard at(bottom, left) == "+" else { return nil }
        guard let rowseps = scanUp(top, left, bottom) else { return nil }
        return (rowseps, colseps)
    }

    func scanUp(_ top: Int, _ left: Int, _ bottom: Int) -> Set<Int>? {
        var rowseps: Set<Int> = []
        var r = bottom - 1
        while r > top {
            let ch = at(r, left)
            if ch == "+" { rowseps.insert(r) } else if ch != "|" { return nil }
            r -= 1
        }
        return rowseps
    }

    func structure() throws -> TableParser.TableData {
        let rows = rowseps.sorted(), cols = colseps.sorted()
        var rowIndex: [Int: Int] = [:], colIndex: [Int: Int] = [:]
        for (k, r) in rows.enumerated() { rowIndex[r] = k }
        for (k, c) in cols.enumerated() { colIndex[c] = k }
        let widths = (1..<Swift.max(1, cols.count)).map { cols[$0] - cols[$0 - 1] - 1 }
        var table: [[TableParser.Cell?]] = Array(repeating: Array(repeating: nil, count: Swift.max(0, cols.count - 1)),
                                                 count: Swift.max(0, rows.count - 1))
        for cell in cells {
            guard let rn = rowIndex[cell.top], let cn = colIndex[cell.left], let rb = rowIndex[cell.bottom],
                  let cr = colIndex[cell.right], rn < table.count, cn < table[rn].count else {
                throw TableParser.TableError(message: "Malformed table; parse incomplete.", offset: 0)
            }
            table[rn][cn] = TableParser.Cell(morerows: rb - rn - 1, morecols: cr - cn - 1, offset: cell.top + 1,
                                             lines: cell.lines)
        }
        if let h = headBodySep, let n = rowIndex[h] {
            return TableParser.TableData(colwidths: widths, head: Array(table[..<n]), body: Array(table[n...]))
        }
        return TableParser.TableData(colwidths: widths, head: [], body: table)
    }
}
