/// The result of extracting an indented block (docutils' get_indented family).
struct IndentedBlock {
    var lines: [Line]
    var indent: Int
    /// Index (in the parent line array) of the first line after the block.
    var end: Int
    var blankFinish: Bool
    /// Source line number of the first line of `lines` (after leading blanks are dropped).
    var firstLine: Int
}

extension Array where Element == Line {
    /// docutils' StringList.get_indented: lines from `start` that are blank or
    /// indented (at least `blockIndent` when given). The first line is cut at
    /// `firstIndent` when given; other lines lose the common (or block) indent.
    func indentedBlock(from start: Int, untilBlank: Bool = false, stripIndent: Bool = true,
                       blockIndent: Int? = nil, firstIndent fi: Int? = nil, stripTop: Bool = true) -> IndentedBlock {
        var indent = blockIndent
        var firstIndent = fi
        if blockIndent != nil && firstIndent == nil { firstIndent = blockIndent }
        var end = start
        if firstIndent != nil { end += 1 }
        var blankFinish = true
        while end < count {
            let line = self[end]
            if !line.text.isEmpty && (line.indent == 0 || (blockIndent != nil && line.indent < blockIndent! && !line.isBlank)) {
                blankFinish = end > start && self[end - 1].isBlank
                break
            }
            if line.isBlank {
                if untilBlank { blankFinish = true; break }
            } else if blockIndent == nil {
                indent = indent.map { Swift.min($0, line.indent) } ?? line.indent
            }
            end += 1
        }
        var block = Array(self[Swift.min(start, end)..<end])
        if let firstIndent, !block.isEmpty {
            block[0] = block[0].dropping(firstIndent)
        }
        let ind = indent ?? 0
        if ind > 0 && stripIndent {
            for k in (firstIndent != nil ? 1 : 0)..<block.count where k < block.count {
                block[k] = block[k].dropping(ind)
            }
        }
        var first = start < count ? self[start].number : (last?.number ?? 1)
        if stripTop {
            var drop = 0
            while drop < block.count && block[drop].isBlank { drop += 1 }
            if drop > 0 {
                first = drop < block.count ? block[drop].number : first + drop
                block.removeFirst(drop)
            }
        }
        return IndentedBlock(lines: block, indent: ind, end: end, blankFinish: blankFinish, firstLine: first)
    }
}

extension Array where Element == Line {
    mutating func trimTrailingBlanks() {
        while let l = last, l.isBlank { removeLast() }
    }
    mutating func trimLeadingBlanks() {
        var k = 0
        while k < count && self[k].isBlank { k += 1 }
        if k > 0 { removeFirst(k) }
    }

    var joinedText: String {
        var out = String.UnicodeScalarView()
        for (k, l) in enumerated() {
            if k > 0 { out.append("\n") }
            out.append(contentsOf: l.text)
        }
        return String(out)
    }
}
