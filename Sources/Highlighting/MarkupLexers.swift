/// HTML and XML.
///
/// HTML as Pygments' HtmlLexer: `<`, `/`, `>` `p`, tag names `nt`,
/// attributes `na`, `=` `o`, values `s`, entities `ni`, comments `cm`,
/// `<!DOCTYPE>` `cp`; `<script>` bodies as JavaScript, `<style>` as CSS.
/// XML as XmlLexer: whole tags `<a`, `>`, `</a>` `nt`, `name=` `na`,
/// values `s`, `<?…?>` and `<!…>` `cp`, comments `cm`, entities `ni`.
enum MarkupLexer {
    static func lexHTML(_ lx: Lexer) { lex(lx, xml: false) }
    static func lexXML(_ lx: Lexer) { lex(lx, xml: true) }

    static func lex(_ lx: Lexer, xml: Bool) {
        while !lx.atEnd {
            let c = lx.peek()
            if c == 38 {
                let e = lx.scan(from: lx.i + 1) { isIdent($0) || $0 == 35 }
                if lx.at(e) == 59, e > lx.i + 1 { lx.emit("ni", lx.i, e + 1); lx.i = e + 1 } else { lx.i += 1 }
                continue
            }
            guard c == 60 else {
                lx.i = lx.scan(from: lx.i + 1) { $0 != 60 && $0 != 38 }
                continue
            }
            if lx.matches("<!--") { lx.until("-->", "cm"); continue }
            if lx.matches("<![CDATA[") { lx.until("]]>", "cp"); continue }
            if lx.peek(1) == 33 || lx.peek(1) == 63 {
                lx.until(">", "cp")
                continue
            }
            let closing = lx.peek(1) == 47
            let nameStart = lx.i + (closing ? 2 : 1)
            let nameEnd = lx.scan(from: nameStart) { isIdent($0) || $0 == 45 || $0 == 58 || $0 == 46 }
            guard nameEnd > nameStart else { lx.i += 1; continue }
            let name = lx.text(nameStart, nameEnd).lowercased()
            if xml {
                lx.emit("nt", lx.i, nameEnd)
            } else {
                lx.emit("p", lx.i, lx.i + 1)
                if closing { lx.emit("p", lx.i + 1, lx.i + 2) }
                lx.emit("nt", nameStart, nameEnd)
            }
            lx.i = nameEnd
            attributes(lx, xml: xml)
            if !xml, !closing, name == "script" || name == "style" {
                let close = name == "script" ? "</script" : "</style"
                let bodyStart = lx.i
                var j = lx.i
                while j < lx.count, !(lx.at(j) == 60 && lx.matchesIgnoringCase(close, at: j)) { j += 1 }
                lx.sublex(name == "script" ? CFamilyLexer.javascript.lex : CSSLexer.lex, bodyStart, j)
                lx.i = j
            }
        }
    }

    private static func attributes(_ lx: Lexer, xml: Bool) {
        while !lx.atEnd {
            let c = lx.peek()
            if isSpace(c) { lx.i += 1; continue }
            if c == 62 { lx.take(xml ? "nt" : "p"); return }
            if c == 47, lx.peek(1) == 62 { lx.take(xml ? "nt" : "p", 2); return }
            if c == 60 { return }
            if c == 34 || c == 39 {
                let start = lx.i
                let e = lx.scan(from: lx.i + 1) { $0 != c }
                lx.i = min(e + 1, lx.count)
                lx.emit("s", from: start)
                continue
            }
            let start = lx.i
            let e = lx.scan(from: lx.i) { !isSpace($0) && $0 != 61 && $0 != 62 && $0 != 60 && $0 != 34 && $0 != 39 }
            if e == start { lx.take(xml ? "nt" : "p"); continue }
            let eq = lx.skipBlanks(from: e)
            if lx.at(eq) == 61 {
                if xml {
                    lx.emit("na", start, eq + 1)
                } else {
                    lx.emit("na", start, e)
                    lx.emit("o", eq, eq + 1)
                }
                lx.i = lx.skipSpace(from: eq + 1)
                let v = lx.peek()
                if v != 34 && v != 39 {
                    let ve = lx.scan(from: lx.i) { !isSpace($0) && $0 != 62 }
                    lx.emit("s", lx.i, ve)
                    lx.i = ve
                }
                continue
            }
            lx.emit("na", start, e)
            lx.i = e
        }
    }
}

/// Jinja and Django templates as Pygments' DjangoLexer: `{%`/`%}`/`{{`/`}}`
/// `cp`, the tag name and `in`/`if`/`not`/… `k`, names `nv`, filters `nf`
/// after an `o` bar, strings, numbers `m`, `{# #}` `c`. Outside tags: `x`
/// for plain templates, HTML for `html+jinja`.
enum TemplateLexer {
    static let keywords = Set<String>(words: """
        in as reversed recursive not and or is if else import with without context scoped ignore missing
        """)
    static let pseudo: Set<String> = ["_", "true", "false", "none", "True", "False", "None"]
    static let builtins: Set<String> = ["loop", "block", "super", "forloop"]

    static func lex(_ lx: Lexer) { run(lx, html: false) }
    static func lexHTML(_ lx: Lexer) { run(lx, html: true) }

    static func run(_ lx: Lexer, html: Bool) {
        var other: [(Int, Int)] = []
        var otherStart = 0
        func flushOther(_ end: Int) {
            if end > otherStart {
                if html { other.append((otherStart, end)) } else { lx.emit("x", otherStart, end) }
            }
        }
        while !lx.atEnd {
            let c = lx.peek()
            guard c == 123 else { lx.i = lx.scan(from: lx.i + 1) { $0 != 123 }; continue }
            let n = lx.peek(1)
            if n == 35 {
                flushOther(lx.i)
                lx.until("#}", "c")
                otherStart = lx.i
                continue
            }
            if n == 123 || n == 37 {
                flushOther(lx.i)
                tag(lx, block: n == 37)
                otherStart = lx.i
                continue
            }
            lx.i += 1
        }
        flushOther(lx.i)
        if html { lx.lexJoined(other, MarkupLexer.lexHTML) }
    }

    private static func tag(_ lx: Lexer, block: Bool) {
        lx.take("cp", 2)
        var first = block
        while !lx.atEnd {
            let c = lx.peek()
            if isSpace(c) { lx.i += 1; continue }
            if c == 45, (lx.peek(1) == 37 || lx.peek(1) == 125) { lx.i += 1; continue }
            if block, c == 37, lx.peek(1) == 125 { lx.take("cp", 2); return }
            if !block, c == 125, lx.peek(1) == 125 { lx.take("cp", 2); return }
            if c == 34 || c == 39 {
                let start = lx.i
                lx.i += 1
                while !lx.atEnd, lx.peek() != c { lx.i += lx.peek() == 92 ? 2 : 1 }
                lx.i = min(lx.i + 1, lx.count)
                lx.emit(c == 34 ? "s2" : "s1", from: start)
                continue
            }
            if c == 124 {
                lx.take("o")
                let s = lx.skipBlanks(from: lx.i)
                let e = lx.identifierEnd(from: s)
                lx.emit("nf", s, e)
                lx.i = max(e, lx.i)
                continue
            }
            if c == 46, isIdent(lx.peek(1)) {
                let e = lx.scan(from: lx.i + 1, while: isIdent)
                lx.emit("nv", lx.i, e)
                lx.i = e
                continue
            }
            if isDigit(c) {
                let e = lx.scan(from: lx.i) { isDigit($0) || $0 == 46 }
                lx.emit("m", lx.i, e)
                lx.i = e
                continue
            }
            if isIdentStart(c) {
                let e = lx.scan(from: lx.i) { isIdent($0) || $0 == 45 }
                let word = lx.text(lx.i, lx.identifierEnd(from: lx.i))
                if first {
                    lx.emit("k", lx.i, lx.identifierEnd(from: lx.i))
                    lx.i = lx.identifierEnd(from: lx.i)
                    first = false
                    continue
                }
                if word == "is" {
                    lx.emit("k", lx.i, lx.i + 2)
                    lx.i += 2
                    var s = lx.skipBlanks(from: lx.i)
                    if lx.matches("not", at: s), isBlank(lx.at(s + 3)) { lx.emit("k", s, s + 3); s = lx.skipBlanks(from: s + 3) }
                    let fe = lx.identifierEnd(from: s)
                    lx.emit("nf", s, fe)
                    lx.i = max(fe, lx.i)
                    continue
                }
                let kind = pseudo.contains(word) ? "kp" : keywords.contains(word) ? "k"
                    : builtins.contains(word) ? "nb" : "nv"
                let end = kind == "nv" ? e : lx.identifierEnd(from: lx.i)
                lx.emit(kind, lx.i, end)
                lx.i = end
                continue
            }
            first = false
            if "{}()[]+-*/%,:~<>=!".utf8.contains(c) {
                if (c == 60 || c == 62 || c == 61 || c == 33) && lx.peek(1) == 61 { lx.take("o", 2) } else { lx.take("o") }
                continue
            }
            lx.take(block ? "p" : "o")
        }
    }
}

extension Lexer {
    /// Lexes the concatenation of `pieces` with `f` (as Pygments' DelegatingLexer does with the
    /// text between template tags) and spreads the tokens back over the pieces.
    func lexJoined(_ pieces: [(Int, Int)], _ f: (Lexer) -> Void) {
        guard !pieces.isEmpty else { return }
        var joined: [UInt8] = []
        for (a, b) in pieces { joined.append(contentsOf: s[a..<b]) }
        let inner = Lexer(joined)
        f(inner)
        work += inner.work
        var k = 0
        var offset = 0
        let tokens = inner.tokens
        // Tokens come from an independent lexer: emit them in order, clipped per piece.
        var out: [Token] = []
        for (a, b) in pieces {
            let len = b - a
            while k < tokens.count, tokens[k].start < offset + len {
                let t = tokens[k]
                let x = max(t.start, offset), y = min(t.end, offset + len)
                out.append(Token(kind: t.kind, start: a + x - offset, end: a + y - offset))
                if t.end <= offset + len { k += 1 } else { break }
            }
            offset += len
        }
        insert(out)
    }
}
