/// reStructuredText as Pygments' RstLexer: section titles `gh`, bullets and
/// enumerators `m`, `..` `p` with directive names `ow` and `::` `p`, targets
/// `nt`, comments `c`, field names `nc`, `::` literal blocks `se` + `s`,
/// code-block bodies in their language; inline: ``` ``literal`` ``` and
/// references `s`, roles `na` + `nv`, `**strong**` `gs`, `*em*` `ge`, `<…>` `nt`.
enum RSTLexer {
    static func isAdornment(_ lx: Lexer, _ a: Int, _ b: Int, min n: Int) -> Bool {
        guard b - a >= n else { return false }
        let c = lx.at(a)
        guard "=-`:.'\"~^_*+#".utf8.contains(c) else { return false }
        return lx.scan(from: a) { $0 == c } >= b
    }

    static func lex(_ lx: Lexer) {
        while !lx.atEnd {
            let start = lx.i
            let end = lx.lineEnd(from: start)
            let next = min(end + 1, lx.count)
            var trimmedEnd = end
            while trimmedEnd > start, isBlank(lx.at(trimmedEnd - 1)) { trimmedEnd -= 1 }
            let first = lx.skipBlanks(from: start)
            if first == end { lx.i = next; continue }
            // Overlined title: === / Title / ===
            if first == start, isAdornment(lx, start, trimmedEnd, min: 1), next < lx.count {
                let tEnd = lx.lineEnd(from: next)
                let uEnd = lx.lineEnd(from: min(tEnd + 1, lx.count))
                if tEnd > next, tEnd < lx.count, uEnd - (tEnd + 1) == trimmedEnd - start,
                   lx.matches(lx.text(start, trimmedEnd), at: tEnd + 1) {
                    lx.emit("gh", start, trimmedEnd)
                    lx.emit("gh", next, tEnd)
                    lx.emit("gh", tEnd + 1, uEnd)
                    lx.i = min(uEnd + 1, lx.count)
                    continue
                }
            }
            // Title / underline
            if first == start, next < lx.count {
                let uEnd = lx.lineEnd(from: next)
                var uTrim = uEnd
                while uTrim > next, isBlank(lx.at(uTrim - 1)) { uTrim -= 1 }
                if isAdornment(lx, next, uTrim, min: 3), !isAdornment(lx, start, trimmedEnd, min: 1) {
                    lx.emit("gh", start, end)
                    lx.emit("gh", next, uTrim)
                    lx.i = min(uEnd + 1, lx.count)
                    continue
                }
            }
            let indent = first - start
            if lx.matches("..", at: first), isSpace(lx.at(first + 2)) || first + 2 == end {
                lx.i = explicit(lx, first, end, indent: indent)
                continue
            }
            let c = lx.at(first)
            if "-*+".utf8.contains(c), lx.at(first + 1) == 32 {
                lx.emit("m", first, first + 1)
                inline(lx, first + 1, end)
                lx.i = literalBlock(lx, end) ?? next
                continue
            }
            let enumEnd = lx.scan(from: first) { isDigit($0) || $0 == 35 }
            if enumEnd > first, lx.at(enumEnd) == 46, lx.at(enumEnd + 1) == 32 {
                lx.emit("m", first, enumEnd + 1)
                inline(lx, enumEnd + 1, end)
                lx.i = literalBlock(lx, end) ?? next
                continue
            }
            if c == 58 {
                let close = lx.scan(from: first + 1) { $0 != 58 && $0 != 10 }
                if lx.at(close) == 58, close > first + 1, isSpace(lx.at(close + 1)) || close + 1 == end {
                    lx.emit("nc", first, close + 1)
                    inline(lx, close + 1, end)
                    lx.i = literalBlock(lx, end) ?? next
                    continue
                }
            }
            inline(lx, first, end)
            lx.i = literalBlock(lx, end) ?? next
        }
    }

    /// If the line ending at `end` ends in `::` and an indented block follows a blank line: emits
    /// the block and returns where lexing resumes.
    static func literalBlock(_ lx: Lexer, _ end: Int) -> Int? {
        guard end >= 2, lx.at(end - 1) == 58, lx.at(end - 2) == 58 else { return nil }
        let blank = end + 1
        let blankEnd = lx.lineEnd(from: blank)
        guard blank < lx.count, lx.skipBlanks(from: blank) == blankEnd, blankEnd < lx.count else { return nil }
        let bodyStart = blankEnd + 1
        let indent = lx.skipBlanks(from: bodyStart) - bodyStart
        guard indent > 0 else { return nil }
        lx.emit("se", end - 2, end)
        let bodyEnd = indentedEnd(lx, from: bodyStart, indent: indent)
        lx.emit("s", bodyStart, bodyEnd)
        return min(bodyEnd + 1, lx.count)
    }

    /// End of the block of lines from `j` indented at least `indent` (blank lines included, trailing ones not).
    static func indentedEnd(_ lx: Lexer, from j: Int, indent: Int) -> Int {
        var k = j
        var lastText = j
        while k < lx.count {
            let e = lx.lineEnd(from: k)
            let f = lx.skipBlanks(from: k)
            if f == e { k = e + 1; continue }
            if f - k < indent { break }
            lastText = e
            k = e + 1
        }
        return max(lastText, j)
    }

    /// `.. directive::`, `.. _target:`, `.. [1]`, `.. |sub| name::` or a comment.
    private static func explicit(_ lx: Lexer, _ first: Int, _ end: Int, indent: Int) -> Int {
        let next = min(end + 1, lx.count)
        var j = lx.skipBlanks(from: first + 2)
        if lx.at(j) == 95 || lx.at(j) == 91 {
            lx.emit("p", first, first + 2)
            lx.emit("nt", j, end)
            return next
        }
        if lx.at(j) == 124 {
            let close = lx.scan(from: j + 1) { $0 != 124 && $0 != 10 }
            if lx.at(close) == 124 {
                lx.emit("p", first, first + 2)
                lx.emit("nt", j, close + 1)
                j = lx.skipBlanks(from: close + 1)
            }
        }
        let nameEnd = lx.scan(from: j) { isIdent($0) || $0 == 45 || ($0 == 58 && lx.at(lx.i) != 0 && false) }
        var k = nameEnd
        // Names may hold single colons (py:function); the directive ends at "::".
        while lx.at(k) == 58, lx.at(k + 1) != 58, isIdent(lx.at(k + 1)) { k = lx.scan(from: k + 1) { isIdent($0) || $0 == 45 } }
        if k > j, lx.at(k) == 58, lx.at(k + 1) == 58 {
            lx.emit("p", first, first + 2)
            lx.emit("ow", j, k)
            lx.emit("p", k, k + 2)
            let name = lx.text(j, k)
            let argStart = lx.skipBlanks(from: k + 2)
            inline(lx, argStart, end)
            if ["code-block", "sourcecode", "code"].contains(name), argStart < end {
                var argEnd = end
                while argEnd > argStart, isBlank(lx.at(argEnd - 1)) { argEnd -= 1 }
                let language = lx.text(argStart, argEnd).lowercased()
                let blankEnd = lx.lineEnd(from: next)
                if next < lx.count, lx.skipBlanks(from: next) == blankEnd, blankEnd < lx.count,
                   Highlighting.lexers[language] != nil {
                    let bodyStart = blankEnd + 1
                    let bodyIndent = lx.skipBlanks(from: bodyStart) - bodyStart
                    if bodyIndent > indent {
                        let bodyEnd = indentedEnd(lx, from: bodyStart, indent: bodyIndent)
                        lx.sublex(language, bodyStart, min(bodyEnd + 1, lx.count))
                        return min(bodyEnd + 1, lx.count)
                    }
                }
            }
            // Options (":name: value") on the following lines.
            var m = next
            while m < lx.count {
                let e = lx.lineEnd(from: m)
                let f = lx.skipBlanks(from: m)
                guard f > m, f - m > indent, lx.at(f) == 58 else { break }
                let close = lx.scan(from: f + 1) { $0 != 58 && $0 != 10 }
                guard lx.at(close) == 58 else { break }
                lx.emit("nc", f, close + 1)
                m = min(e + 1, lx.count)
            }
            return m
        }
        // A comment: this line and the indented lines after it.
        let bodyEnd = indentedEnd(lx, from: next, indent: indent + 1)
        let e = bodyEnd > next ? bodyEnd : end
        lx.emit("c", first, e)
        return min(e + 1, lx.count)
    }

    /// Inline markup between `a` and `b` (one line).
    static func inline(_ lx: Lexer, _ a: Int, _ b: Int) {
        var j = a
        var line = ForwardSearch(lx, end: b)
        func find(_ byte: UInt8, from k: Int) -> Int? { line.next(byte, from: k) }
        while j < b {
            let c = lx.at(j)
            switch c {
            case 92:
                j += 2
            case 96:
                if lx.at(j + 1) == 96 {
                    let k = line.nextPair(96, from: j + 2) ?? b
                    let e = min(k + 2, b)
                    lx.emit("s", j, e)
                    j = e
                    continue
                }
                if let close = find(96, from: j + 1), close > j + 1 {
                    if lx.at(close + 1) == 95 {
                        let e = lx.at(close + 2) == 95 ? close + 3 : close + 2
                        lx.emit("s", j, e)
                        j = e
                        continue
                    }
                    lx.emit("nv", j, close + 1)
                    j = close + 1
                    if lx.at(j) == 58, let r = find(58, from: j + 1) {
                        lx.emit("na", j, r + 1)
                        j = r + 1
                    }
                    continue
                }
                j += 1
            case 58:
                if let close = find(58, from: j + 1), close > j + 1, lx.at(close + 1) == 96,
                   lx.scan(from: j + 1, while: { isIdent($0) || $0 == 45 || $0 == 58 }) >= close {
                    lx.emit("na", j, close + 1)
                    j = close + 1
                    if let e = find(96, from: j + 1) {
                        lx.emit("nv", j, e + 1)
                        j = e + 1
                    }
                    continue
                }
                j += 1
            case 42:
                if lx.at(j + 1) == 42 {
                    if let k = line.nextPair(42, from: j + 2), k > j + 2 { lx.emit("gs", j, k + 2); j = k + 2; continue }
                    j += 2
                    continue
                }
                if let close = find(42, from: j + 1), close > j + 1 {
                    lx.emit("ge", j, close + 1)
                    j = close + 1
                    continue
                }
                j += 1
            case 91:
                if let close = find(93, from: j + 1), lx.at(close + 1) == 95 {
                    lx.emit("s", j, close + 2)
                    j = close + 2
                    continue
                }
                j += 1
            case 60:
                if let close = find(62, from: j + 1), close > j + 1 {
                    lx.emit("nt", j, close + 1)
                    j = close + 1
                    continue
                }
                j += 1
            default:
                j += 1
            }
        }
    }
}

/// Markdown as Pygments' MarkdownLexer: `#` headings `gh`, deeper `gu`,
/// list markers and `> ` `k` (quoted text `ge`), fenced code `sb` with the
/// body in its language, `` `code` `` `sb`, `**strong**` `gs`, `*em*` `ge`,
/// link text `nt` and targets `na`.
enum MarkdownLexer {
    static func lex(_ lx: Lexer) {
        while !lx.atEnd {
            let start = lx.i
            let end = lx.lineEnd(from: start)
            let next = min(end + 1, lx.count)
            let first = lx.skipBlanks(from: start)
            let c = lx.at(first)
            if lx.matches("```", at: first), let resume = fence(lx, first, end) {
                lx.i = resume
                continue
            }
            if c == 35, first == start {
                let hashes = lx.scan(from: first) { $0 == 35 } - first
                lx.emit(hashes == 1 ? "gh" : "gu", start, end)
                lx.i = next
                continue
            }
            if first == start, next < lx.count, end > start {
                let uEnd = lx.lineEnd(from: next)
                let u = lx.at(next)
                if (u == 61 || u == 45), uEnd > next, lx.scan(from: next, while: { $0 == u }) == uEnd {
                    lx.emit("gh", start, end)
                    lx.emit(u == 61 ? "gh" : "gu", next, uEnd)
                    lx.i = min(uEnd + 1, lx.count)
                    continue
                }
            }
            if (c == 42 || c == 45 || c == 43), isBlank(lx.at(first + 1)) {
                lx.emit("k", first, first + 1)
                inline(lx, first + 1, end)
                lx.i = next
                continue
            }
            let digits = lx.scan(from: first, while: isDigit)
            if digits > first, lx.at(digits) == 46, lx.at(digits + 1) == 32 {
                lx.emit("k", first, digits + 1)
                inline(lx, digits + 1, end)
                lx.i = next
                continue
            }
            if c == 62, isBlank(lx.at(first + 1)) {
                lx.emit("k", start, min(first + 2, end))
                lx.emit("ge", min(first + 2, end), end)
                lx.i = next
                continue
            }
            inline(lx, start, end)
            lx.i = next
        }
    }

    /// A ```` ```lang ```` fence (backticks, a word right after them): the body in its language, or `s`
    /// for a language Pygments does not know; a fence without a language is `sb` throughout.
    /// Returns where lexing resumes, or nil when this is not a fence Pygments recognises.
    private static func fence(_ lx: Lexer, _ first: Int, _ end: Int) -> Int? {
        let markEnd = lx.scan(from: first) { $0 == 96 }
        guard markEnd - first == 3 else { return nil }
        let langEnd = lx.scan(from: markEnd) { isIdent($0) || $0 == 43 || $0 == 45 }
        var e = end
        while e > langEnd, isBlank(lx.at(e - 1)) { e -= 1 }
        guard e == langEnd else { return nil }
        let language = lx.text(markEnd, langEnd).lowercased()
        let bodyStart = min(end + 1, lx.count)
        // The closing fence: a line of blanks and exactly ```. A search that found nothing (or found
        // a fence further on) answers every later search from inside its range, so this stays linear.
        var k = bodyStart
        var closeStart = -1, closeEnd = -1
        if let last = lx.fenceSearch, last.from <= bodyStart, last.found == -1 || last.found >= bodyStart {
            k = last.found == -1 ? lx.count : last.found
        }
        while k < lx.count {
            let le = lx.lineEnd(from: k)
            let f = lx.skipSpace(from: k)
            if f + 3 == le, lx.matches("```", at: f) { closeStart = f; closeEnd = le; break }
            k = le + 1
        }
        lx.fenceSearch = (bodyStart, closeStart >= 0 ? k : -1)
        guard closeStart >= 0 else { return nil }
        if language.isEmpty {
            lx.emit("sb", first, closeEnd)
            return min(closeEnd + 1, lx.count)
        }
        lx.emit("sb", first, langEnd)
        if Highlighting.lexers[language] != nil { lx.sublex(language, bodyStart, k) }
        else { lx.emit("s", bodyStart, k) }
        lx.emit("sb", closeStart, closeEnd)
        return min(closeEnd + 1, lx.count)
    }

    /// Inline markup in `a..<b` (one line). As in Pygments, the rules are tried where a word
    /// starts (or right after a token or an escape); a word no rule claims is plain to its end.
    static func inline(_ lx: Lexer, _ a: Int, _ b: Int) {
        var j = a
        var line = ForwardSearch(lx, end: b)
        func find(_ byte: UInt8, from k: Int) -> Int? { line.next(byte, from: k) }
        while j < b {
            let c = lx.at(j)
            if isSpace(c) { j += 1; continue }
            if c == 92 { j += 2; continue }
            // `code`, possibly after one other character.
            let tick = c == 96 ? j : (lx.at(j + 1) == 96 ? j + 1 : -1)
            if tick >= 0, lx.at(tick + 1) != 96, let close = find(96, from: tick + 1), close > tick + 1 {
                lx.emit("sb", tick, close + 1)
                j = close + 1
                continue
            }
            if c == 64 || c == 35 {
                let e = lx.scan(from: j + 1) { isIdent($0) || $0 == 47 || $0 == 58 }
                if e > j + 1 {
                    lx.emit("ni", j, min(e, b))
                    j = e
                    continue
                }
            }
            if c == 42 || c == 95 {
                let after = lx.at(j + 1)
                if after == c, lx.at(j + 2) != c, !isSpace(lx.at(j + 2)),
                   let k = line.nextPair(c, from: j + 2), k > j + 2 {
                    lx.emit("gs", j, k + 2)
                    j = k + 2
                    continue
                }
                if after != c, !isSpace(after), j == a || !isIdent(lx.at(j - 1)),
                   let close = find(c, from: j + 1), close > j + 1 {
                    lx.emit("ge", j, close + 1)
                    j = close + 1
                    continue
                }
            }
            if c == 126, lx.at(j + 1) == 126, let k = line.nextPair(126, from: j + 2), k > j + 2 {
                lx.emit("gd", j, k + 2)
                j = k + 2
                continue
            }
            let bracket = c == 91 ? j : (c == 33 && lx.at(j + 1) == 91 ? j + 1 : -1)
            if bracket >= 0, let close = find(93, from: bracket + 1), close > bracket + 1 {
                if lx.at(close + 1) == 40, let paren = find(41, from: close + 2), paren > close + 2 {
                    lx.emit("nt", bracket + 1, close)
                    lx.emit("na", close + 2, paren)
                    j = paren + 1
                    continue
                }
                if lx.at(close + 1) == 91, let end = find(93, from: close + 2) {
                    lx.emit("nt", bracket + 1, close)
                    lx.emit("na", close + 2, end)
                    j = end + 1
                    continue
                }
            }
            // A plain word: to the next blank or backslash.
            j = lx.scan(from: j + 1) { !isSpace($0) && $0 != 92 }
        }
    }
}
