import DocTree

/// The bytes of the Markdown source split into lines, for turning cmark's
/// byte columns into the Unicode-scalar columns that `SourceLocation` uses.
struct SourceText: Sendable {
    /// Each line's bytes without its terminator (`\n`, `\r\n` or `\r`), index 0 = line 1.
    let lines: [[UInt8]]
    /// For lines that contain non-ASCII bytes: scalar count before each byte offset.
    private let scalarPrefix: [Int: [Int32]]

    init(_ text: String) {
        var lines: [[UInt8]] = []
        var current: [UInt8] = []
        var previousWasCR = false
        for byte in text.utf8 {
            if previousWasCR {
                previousWasCR = false
                if byte == UInt8(ascii: "\n") { continue }
            }
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                lines.append(current)
                current = []
                previousWasCR = byte == UInt8(ascii: "\r")
            } else {
                current.append(byte)
            }
        }
        lines.append(current)
        var prefix: [Int: [Int32]] = [:]
        for (index, line) in lines.enumerated() where line.contains(where: { $0 >= 0x80 }) {
            var counts = [Int32](repeating: 0, count: line.count + 1)
            var scalars: Int32 = 0
            for (offset, byte) in line.enumerated() {
                counts[offset] = scalars
                if byte & 0xC0 != 0x80 { scalars += 1 }
            }
            counts[line.count] = scalars
            prefix[index] = counts
        }
        self.lines = lines
        self.scalarPrefix = prefix
    }

    /// The bytes of a 1-based line (empty when out of range).
    func bytes(ofLine line: Int) -> [UInt8] {
        guard line >= 1, line <= lines.count else { return [] }
        return lines[line - 1]
    }

    /// The byte at a 1-based line and byte column, or nil.
    func byte(line: Int, column: Int) -> UInt8? {
        guard line >= 1, line <= lines.count, column >= 1, column <= lines[line - 1].count else { return nil }
        return lines[line - 1][column - 1]
    }

    /// Converts a 1-based byte column to a 1-based scalar column.
    func scalarColumn(line: Int, byteColumn: Int) -> Int {
        let offset = max(byteColumn - 1, 0)
        guard line >= 1, line <= lines.count, let counts = scalarPrefix[line - 1] else { return offset + 1 }
        let length = counts.count - 1
        if offset <= length { return Int(counts[offset]) + 1 }
        return Int(counts[length]) + 1 + (offset - length)
    }

    func location(_ position: CmarkPosition) -> SourceLocation {
        let line = min(max(position.line, 1), lines.count)
        return SourceLocation(line: line, column: scalarColumn(line: line, byteColumn: position.column))
    }

    /// The half-open range for cmark's inclusive `start`…`end`.
    func range(_ start: CmarkPosition, _ end: CmarkPosition) -> SourceRange {
        var last = end
        if last.column <= 0, last.line > 1 {
            // cmark ends some blocks at "column 0" of the next line: the end of the line before.
            last = CmarkPosition(line: last.line - 1, column: bytes(ofLine: last.line - 1).count)
        }
        if last < start {
            last = CmarkPosition(line: start.line, column: max(bytes(ofLine: start.line).count, start.column))
        }
        let from = location(start)
        var to = location(CmarkPosition(line: last.line, column: last.column + 1))
        if to < from { to = from }
        return SourceRange(start: from, end: to)
    }

    /// The 1-based byte column of the first character on `line` that is not
    /// indentation or one of up to `quoteDepth` block-quote markers.
    func firstContentColumn(line: Int, quoteDepth: Int) -> Int? {
        let bytes = bytes(ofLine: line)
        var index = 0
        var quotes = quoteDepth
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") {
                index += 1
            } else if byte == UInt8(ascii: ">"), quotes > 0 {
                quotes -= 1
                index += 1
            } else {
                return index + 1
            }
        }
        return nil
    }
}
