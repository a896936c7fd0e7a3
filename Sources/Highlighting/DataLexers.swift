/// JSON: keys `nt`, other strings `s2`, numbers `mi`/`mf`, `true`/`false`/`null`
/// `kc`, structure `p`, comments `c1`/`cm`, anything else `err`.
enum JSONLexer {
    static func lex(_ lx: Lexer) {
        while !lx.atEnd {
            let c = lx.peek()
            if isSpace(c) { lx.i += 1; continue }
            switch c {
            case 34:
                let start = lx.i
                lx.i += 1
                while !lx.atEnd, lx.peek() != 34, lx.peek() != 10 {
                    lx.i += lx.peek() == 92 ? 2 : 1
                }
                if lx.peek() == 34 { lx.i += 1 }
                lx.i = min(lx.i, lx.count)
                let after = lx.skipSpace(from: lx.i)
                lx.emit(lx.at(after) == 58 ? "nt" : "s2", from: start)
            case 123, 125, 91, 93, 44, 58:
                lx.take("p")
            case 45, 48...57:
                let start = lx.i
                if c == 45 { lx.i += 1 }
                lx.skip(while: isDigit)
                var float = false
                if lx.peek() == 46 { float = true; lx.i += 1; lx.skip(while: isDigit) }
                if lx.peek() | 32 == 101 {
                    float = true
                    lx.i += 1
                    if lx.peek() == 43 || lx.peek() == 45 { lx.i += 1 }
                    lx.skip(while: isDigit)
                }
                lx.emit(float ? "mf" : "mi", from: start)
            case 47 where lx.peek(1) == 47:
                lx.restOfLine("c1")
            case 47 where lx.peek(1) == 42:
                lx.until("*/", "cm")
            default:
                let e = lx.scan(from: lx.i, while: isIdent)
                let word = lx.text(lx.i, e)
                if word == "true" || word == "false" || word == "null" {
                    lx.emit("kc", lx.i, e)
                    lx.i = e
                } else {
                    lx.take("err", max(1, e - lx.i))
                }
            }
        }
    }
}

/// YAML in the classes of Pygments' YamlLexer: keys `nt`, `:` `p`, indicators
/// (`-`, `|`, `>`, flow brackets) `p p-Indicator`, plain scalars
/// `l l-Scalar l-Scalar-Plain`, flow items `nv`, block-scalar lines `no`,
/// quoted strings `s`, anchors `nl`, aliases `nv`, tags `kt`, comments `c1`,
/// document markers `nn`.
enum YAMLLexer {
    static let plain = "l l-Scalar l-Scalar-Plain"
    static let indicator = "p p-Indicator"

    static func lex(_ lx: Lexer) {
        var blockIndent = -1  // indentation of the block scalar being read, or -1
        var blockParent = 0
        while !lx.atEnd {
            let lineStart = lx.i
            let first = lx.skipBlanks(from: lineStart)
            let end = lx.lineEnd(from: lineStart)
            let indent = first - lineStart
            if blockIndent != -1 {
                if first == end { lx.i = min(end + 1, lx.count); continue }
                if blockIndent == 0, indent > blockParent { blockIndent = indent }
                if blockIndent > 0, indent >= blockIndent {
                    lx.emit("no", first, end)
                    lx.i = min(end + 1, lx.count)
                    continue
                }
                blockIndent = -1
            }
            if indent == 0, (lx.matches("---", at: first) || lx.matches("...", at: first)),
               isSpace(lx.at(first + 3)) || first + 3 >= lx.count {
                lx.emit("nn", first, first + 3)
                lx.i = first + 3
            } else if indent == 0, lx.at(first) == 37 {
                lx.emit("cp", first, end)
                lx.i = end
                continue
            } else {
                lx.i = first
            }
            if let parent = line(lx, end, indent: indent) {
                blockIndent = 0
                blockParent = parent
            }
            // A quoted scalar may run past this line's end; carry on after it.
            lx.i = max(lx.i, min(end + 1, lx.count))
        }
    }

    /// Lexes the rest of one line; returns the line's indentation when a block scalar (`|`, `>`) starts.
    private static func line(_ lx: Lexer, _ end: Int, indent: Int) -> Int? {
        var expectKey = true
        var flow = 0
        while lx.i < end {
            let c = lx.peek()
            if isBlank(c) { lx.i += 1; continue }
            if c == 35, lx.i == 0 || isSpace(lx.at(lx.i - 1)) {
                lx.emit("c1", lx.i, end)
                lx.i = end
                return nil
            }
            if flow == 0, c == 45, isSpace(lx.peek(1)) || lx.i + 1 == end {
                lx.take(indicator)
                expectKey = true
                continue
            }
            if flow == 0, c == 63, isSpace(lx.peek(1)) { lx.take(indicator); continue }
            if c == 91 || c == 123 { flow += 1; lx.take(indicator); continue }
            if flow > 0, c == 93 || c == 125 || c == 44 {
                if c != 44 { flow -= 1 }
                lx.take(indicator)
                continue
            }
            if flow == 0, c == 124 || c == 62 {
                let e = lx.scan(from: lx.i + 1) { $0 == 45 || $0 == 43 || isDigit($0) }
                lx.emit(indicator, lx.i, e)
                lx.i = e
                let rest = lx.skipBlanks(from: lx.i)
                if lx.at(rest) == 35 { lx.emit("c1", rest, end) }
                lx.i = end
                return indent
            }
            if c == 38 || c == 42 || c == 33 {
                let e = lx.scan(from: lx.i + 1) { !isSpace($0) && $0 != 44 && $0 != 93 && $0 != 125 }
                lx.emit(c == 38 ? "nl" : (c == 42 ? "nv" : "kt"), lx.i, e)
                lx.i = e
                continue
            }
            if c == 34 || c == 39 {
                let start = lx.i
                lx.take("s")
                while lx.i < lx.count {
                    let d = lx.peek()
                    if d == c {
                        if c == 39, lx.peek(1) == 39 { lx.take("s", 2); continue }
                        lx.take("s")
                        break
                    }
                    if c == 34, d == 92 { lx.take("s", 2); continue }
                    lx.take("s")
                }
                _ = start
                // A multi-line quoted scalar ends this line's handling at its close.
                if lx.i > end { return nil }
                let after = lx.skipBlanks(from: lx.i)
                if lx.at(after) == 58, isSpace(lx.at(after + 1)) || after + 1 >= lx.count {
                    lx.emit(indicator, after, after + 1)
                    lx.i = after + 1
                }
                expectKey = false
                continue
            }
            // A plain scalar, possibly a key: up to ": ", " #", or a flow indicator inside flows.
            let start = lx.i
            var j = lx.i
            var keyEnd = -1
            while j < end {
                let d = lx.at(j)
                if d == 58, isSpace(lx.at(j + 1)) || j + 1 >= lx.count || (flow > 0 && (lx.at(j + 1) == 44 || lx.at(j + 1) == 125)) {
                    keyEnd = j
                    break
                }
                if d == 35, isBlank(lx.at(j - 1)) { break }
                if flow > 0, d == 44 || d == 93 || d == 125 || d == 91 || d == 123 { break }
                j += 1
            }
            var valueEnd = j
            while valueEnd > start, isBlank(lx.at(valueEnd - 1)) { valueEnd -= 1 }
            if keyEnd >= 0, expectKey || flow > 0 {
                lx.emit(flow > 0 ? "nv" : "nt", start, valueEnd)
                lx.emit("p", keyEnd, keyEnd + 1)
                lx.i = keyEnd + 1
                expectKey = false
                continue
            }
            if keyEnd >= 0 { valueEnd = keyEnd }
            lx.emit(flow > 0 ? "nv" : plain, start, valueEnd)
            lx.i = max(valueEnd, start + 1)
            expectKey = false
        }
        return nil
    }
}

/// TOML: table headers `k` throughout, keys `n` (dots `p`), `=` `o` (`p` in
/// inline tables), strings `s2`/`s1`, numbers `mi`/`mf`, dates `ld`,
/// booleans `kc`, brackets and commas `p`, comments `c1`.
enum TOMLLexer {
    static func lex(_ lx: Lexer) {
        var valueSide = false
        var brace = 0, bracket = 0
        while !lx.atEnd {
            let c = lx.peek()
            if c == 10 {
                lx.i += 1
                if brace == 0 && bracket == 0 { valueSide = false }
                continue
            }
            if isSpace(c) { lx.i += 1; continue }
            if c == 35 { lx.restOfLine("c1"); continue }
            if !valueSide, c == 91, brace == 0, bracket == 0 {
                let e = lx.lineEnd(from: lx.i)
                var j = lx.i
                while j < e, lx.at(j) != 35 { j += 1 }
                while j > lx.i, isSpace(lx.at(j - 1)) { j -= 1 }
                lx.emit("k", lx.i, j)
                lx.i = j
                continue
            }
            if c == 34 || c == 39 {
                string(lx, c)
                continue
            }
            if c == 61 {
                lx.take(brace > 0 ? "p" : "o")
                valueSide = true
                continue
            }
            if c == 91 { bracket += 1; lx.take("p"); continue }
            if c == 93 { bracket = max(0, bracket - 1); lx.take("p"); continue }
            if c == 123 { brace += 1; valueSide = false; lx.take("p"); continue }
            if c == 125 { brace = max(0, brace - 1); lx.take("p"); continue }
            if c == 44 { lx.take("p"); if brace > 0 { valueSide = false }; continue }
            if c == 46 { lx.take("p"); continue }
            if !valueSide {
                let keyEnd = lx.scan(from: lx.i) { isIdent($0) || $0 == 45 }
                lx.emit(keyEnd > lx.i ? "n" : "err", lx.i, max(keyEnd, lx.i + 1))
                lx.i = max(keyEnd, lx.i + 1)
                continue
            }
            let e = lx.scan(from: lx.i) { isIdent($0) || $0 == 45 || $0 == 43 || $0 == 58 || $0 == 46 }
            let e2 = max(e, lx.i + 1)
            let word = lx.text(lx.i, e2)
            if word == "true" || word == "false" {
                lx.emit("kc", lx.i, e2)
            } else if isDigit(c) || c == 43 || c == 45 {
                var kind = "mi"
                if word.contains("-") && word.count >= 8 && isDigit(c) || word.contains(":") { kind = "ld" }
                else if word.contains(".") || word.lowercased().contains("e") && !word.hasPrefix("0x") { kind = "mf" }
                else if word.hasPrefix("0x") { kind = "mh" }
                else if word.hasPrefix("0o") { kind = "mo" }
                else if word.hasPrefix("0b") { kind = "mb" }
                lx.emit(kind, lx.i, e2)
            } else if word == "inf" || word == "nan" {
                lx.emit("mf", lx.i, e2)
            } else {
                lx.emit("err", lx.i, e2)
            }
            lx.i = e2
        }
    }

    private static func string(_ lx: Lexer, _ q: UInt8) {
        let kind = q == 34 ? "s2" : "s1"
        let triple = lx.peek(1) == q && lx.peek(2) == q
        lx.take(kind, triple ? 3 : 1)
        while !lx.atEnd {
            let c = lx.peek()
            if c == q {
                if !triple { lx.take(kind); return }
                if lx.peek(1) == q, lx.peek(2) == q {
                    var n = 3
                    while n < 5, lx.peek(n) == q { n += 1 }
                    lx.take(kind, n)
                    return
                }
            }
            if c == 10, !triple { return }
            if c == 92, q == 34 {
                let n = lx.peek(1)
                if n == 117 { lx.take("se", 6); continue }
                if n == 85 { lx.take("se", 10); continue }
                lx.take("se", 2)
                continue
            }
            lx.take(kind)
        }
    }
}

/// INI files as Pygments' IniLexer: `[section]` `k`, keys `na`, `=`/`:`
/// `o`, values `s` (up to a `;` or `#`, which start a `c1` comment), and a
/// line without `=` (an indented continuation, a bare option) `na`.
enum INILexer {
    static func lex(_ lx: Lexer) {
        while !lx.atEnd {
            let first = lx.skipSpace(from: lx.i)
            guard first < lx.count else { lx.i = first; break }
            let end = lx.lineEnd(from: first)
            var trimmed = end
            while trimmed > first, isBlank(lx.at(trimmed - 1)) || lx.at(trimmed - 1) == 13 { trimmed -= 1 }
            let c = lx.at(first)
            lx.i = first
            if c == 59 || c == 35 {
                lx.emit("c1", first, end)
                lx.i = end
                continue
            }
            if c == 91, lx.at(trimmed - 1) == 93 {
                lx.emit("k", first, trimmed)
                lx.i = end
                continue
            }
            var j = first
            while j < end, lx.at(j) != 61, lx.at(j) != 58 { j += 1 }
            guard j < end else {
                lx.emit("na", first, trimmed)
                lx.i = end
                continue
            }
            var keyEnd = j
            while keyEnd > first, isBlank(lx.at(keyEnd - 1)) { keyEnd -= 1 }
            lx.emit("na", first, keyEnd)
            lx.emit("o", j, j + 1)
            let v = lx.skipBlanks(from: j + 1)
            let q = lx.at(v)
            if q == 34 || q == 39 {
                let close = lx.scan(from: v + 1) { $0 != q && $0 != 10 }
                let e = lx.at(close) == q ? close + 1 : close
                lx.emit("s", v, e)
                lx.i = e
                continue
            }
            // Words separated by single or repeated spaces, stopping at ; or #.
            var k = v
            var valueEnd = v
            while k < end {
                let b = lx.at(k)
                if b == 59 || b == 35 || b == 13 { break }
                if b != 32 && b != 9 { valueEnd = k + 1 }
                k += 1
            }
            lx.emit("s", v, valueEnd)
            lx.i = valueEnd
        }
    }
}
