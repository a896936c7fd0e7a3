/// Bash, shell sessions (`$ ` prompts) and Dockerfiles.
///
/// Bash as Pygments' BashLexer classes it: keywords `k`, builtins `nb`
/// (only when a blank, `)` or a backtick follows), `$x`/`${x}` `nv` with
/// `si` braces, `$(`…`)` as `k`, strings `s2`/`s1`, backticks `sb`,
/// `[ ] { } ( ) =` and `&&`/`||` as `o`, `; & |` as `p`, numbers `m`,
/// comments `c1`; words are plain.
enum ShellLexer {
    static let keywords = Set<String>(words: """
        if fi else while in do done for then return function case select break continue until esac elif
        """)
    static let builtins = Set<String>(words: """
        alias bg bind break builtin caller cd command compgen complete declare dirs disown echo enable eval exec \
        exit export false fc fg getopts hash help history jobs kill let local logout popd printf pushd pwd read \
        readonly set shift shopt source suspend test time times trap true type typeset ulimit umask unalias unset wait
        """)

    static func lex(_ lx: Lexer) {
        if lx.matches("#!") {
            lx.restOfLine("ch")
        }
        Bash(lx).run(until: nil)
    }

    /// A shell session: prompt lines (`$ `, `# `, `user@host:~$ `, `(venv) $ `) are `gp` followed by
    /// Bash; a line ending in `\` continues the command (an optional `> ` prompt); other lines are `go`.
    static func lexSession(_ lx: Lexer) {
        var joined: [UInt8] = []
        var pieces: [(promptStart: Int, codeStart: Int, end: Int)] = []
        var venvs: [(Int, Int)] = []
        var continuation = false
        func flush() {
            guard !pieces.isEmpty else { return }
            let inner = Lexer(joined)
            lex(inner)
            lx.work += inner.work
            var k = 0
            var offset = 0
            let tokens = inner.tokens
            for piece in pieces {
                for v in venvs where v.0 >= piece.promptStart && v.1 <= piece.codeStart {
                    lx.emit("gp gp-VirtualEnv", v.0, v.1)
                }
                let venvEnd = venvs.last(where: { $0.0 >= piece.promptStart && $0.1 <= piece.codeStart })?.1
                lx.emit("gp", lx.skipBlanks(from: venvEnd ?? piece.promptStart), piece.codeStart)
                let len = piece.end - piece.codeStart
                while k < tokens.count, tokens[k].start < offset + len {
                    let t = tokens[k]
                    let a = max(t.start, offset), b = min(t.end, offset + len)
                    lx.emit(t.kind, piece.codeStart + a - offset, piece.codeStart + b - offset)
                    if t.end <= offset + len { k += 1 } else { break }
                }
                offset += len
            }
            pieces = []
            venvs = []
            joined = []
        }
        while !lx.atEnd {
            let start = lx.i
            let end = lx.lineEnd(from: start)
            let next = min(end + 1, lx.count)
            var promptFrom = start
            if lx.at(start) == 40 {
                let close = lx.scan(from: start + 1) { $0 != 41 && $0 != 10 }
                if lx.at(close) == 41 {
                    venvs.append((start, close + 1))
                    promptFrom = close + 1
                }
            }
            if let codeStart = promptEnd(lx, promptFrom, end) {
                pieces.append((start, codeStart, next))
                joined.append(contentsOf: lx.s[codeStart..<next])
            } else if continuation {
                let codeStart = lx.matches("> ", at: start) ? start + 2 : start
                pieces.append((start, codeStart, next))
                joined.append(contentsOf: lx.s[codeStart..<next])
            } else {
                flush()
                lx.emit("go", start, next)
                lx.i = next
                continue
            }
            continuation = end > start && lx.at(end - 1) == 92
            lx.i = next
        }
        flush()
    }

    /// Where the command starts if a prompt begins at `j`, else nil.
    static func promptEnd(_ lx: Lexer, _ j: Int, _ end: Int) -> Int? {
        var k = j
        if lx.at(k) == 91 {  // [user@host dir]$
            let close = lx.scan(from: k + 1) { $0 != 93 && $0 != 10 }
            if lx.at(close) == 93 { k = close + 1 }
        }
        func after(_ p: Int) -> Int? {
            let q = lx.skipBlanks(from: p)
            guard q < end || q == lx.count ? [36, 35, 37].contains(lx.at(q)) : false else { return nil }
            return lx.skipBlanks(from: q + 1)
        }
        if let e = after(k) { return e }
        // user@host:~$, sh-4.2$ and the like: a word with @ or :, or starting with "sh", ending in the prompt sign.
        let wordEnd = lx.scan(from: k) { !isSpace($0) }
        guard wordEnd > k + 1 else { return nil }
        let last = lx.at(wordEnd - 1)
        let looksLikeHost: Bool = {
            guard isIdent(lx.at(k)) else { return false }
            if lx.matches("sh", at: k) { return true }
            let body = lx.s[(k + 2)..<max(k + 2, wordEnd - 1)]
            return body.contains(64) || body.contains(58)
        }()
        guard looksLikeHost else { return nil }
        if [36, 35, 37].contains(last) { return lx.skipBlanks(from: wordEnd) }
        if let e = after(wordEnd) { return e }
        // user@host dir $
        let second = lx.skipBlanks(from: wordEnd)
        let secondEnd = lx.scan(from: second) { !isSpace($0) }
        if secondEnd > second, [36, 35, 37].contains(lx.at(secondEnd - 1)) { return lx.skipBlanks(from: secondEnd) }
        return secondEnd > second ? after(secondEnd) : nil
    }
}

/// The Bash lexer proper, recursive over `$( … )`, backticks and `${ … }`.
struct Bash {
    let lx: Lexer
    init(_ lx: Lexer) { self.lx = lx }

    /// Lexes until `close` (consumed by the caller) or the end.
    func run(until close: UInt8?) {
        var tokenStart = true
        while !lx.atEnd {
            let c = lx.peek()
            if let close, c == close { return }
            if isSpace(c) { lx.i += 1; tokenStart = true; continue }
            let wasStart = tokenStart
            tokenStart = true
            switch c {
            case 35 where wasStart:
                lx.restOfLine("c1")
                continue
            case 92:
                lx.take("se", lx.peek(1) == 0 ? 1 : 2)
                // A multi-byte character after the backslash stays whole.
                while !lx.atEnd, lx.peek() & 0xC0 == 0x80 { lx.take("se") }
                continue
            case 34:
                doubleQuoted()
                continue
            case 39:
                let start = lx.i
                lx.i += 1
                let e = lx.scan(from: lx.i) { $0 != 39 }
                lx.i = min(e + 1, lx.count)
                lx.emit("s1", from: start)
                continue
            case 96 where lx.depth < lx.maxDepth && close != 96:
                lx.take("sb")
                nested(until: 96)
                if !lx.atEnd { lx.take("sb") }
                continue
            case 36:
                dollar()
                continue
            case 91, 93, 123, 125, 40, 41, 61:
                lx.take("o")
                continue
            case 38:
                if lx.peek(1) == 38 { lx.take("o", 2) } else { lx.take("p") }
                continue
            case 124:
                if lx.peek(1) == 124 { lx.take("o", 2) } else { lx.take("p") }
                continue
            case 59:
                lx.take("p")
                continue
            case 60:
                if lx.matches("<<<") { lx.take("o", 3); continue }
                if lx.peek(1) == 60, heredoc() { continue }
                lx.i += 1
                continue
            default: break
            }
            if isDigit(c) {
                let e = lx.scan(from: lx.i, while: isDigit)
                if !isIdent(lx.at(e)) {
                    lx.emit("m", lx.i, e)
                    lx.i = e
                    continue
                }
            }
            if isIdent(c) {
                let e = lx.scan(from: lx.i, while: isIdent)
                let word = lx.text(lx.i, e)
                let after = lx.at(e)
                if !isIdent(after), ShellLexer.keywords.contains(word) {
                    lx.emit("k", lx.i, e)
                    lx.i = e
                    continue
                }
                if isSpace(after) || after == 41 || after == 96, ShellLexer.builtins.contains(word) {
                    lx.emit("nb", lx.i, e)
                    lx.i = e
                    continue
                }
                let eq = lx.skipBlanks(from: e)
                if lx.at(eq) == 61 || (lx.at(eq) == 43 && lx.at(eq + 1) == 61) {
                    lx.emit("nv", lx.i, e)
                    lx.emit("o", eq, lx.at(eq) == 61 ? eq + 1 : eq + 2)
                    lx.i = lx.at(eq) == 61 ? eq + 1 : eq + 2
                    continue
                }
            }
            // A plain word: everything up to a byte with a meaning of its own.
            let e = lx.scan(from: lx.i + 1) { b in
                !isSpace(b) && !"=[]{}()$\"'`\\<&|;".utf8.contains(b) && !(close != nil && b == close!)
            }
            lx.i = e
            tokenStart = false
        }
    }

    private func nested(until close: UInt8) {
        lx.depth += 1
        run(until: close)
        lx.depth -= 1
    }

    private func doubleQuoted() {
        lx.take("s2")
        while !lx.atEnd {
            let c = lx.peek()
            if c == 34 { lx.take("s2"); return }
            if c == 92 { lx.take("s2", 2); continue }
            if c == 36 { dollar(); continue }
            lx.take("s2")
        }
    }

    private func dollar() {
        guard lx.depth < lx.maxDepth else { lx.i += 1; return }
        lx.depth += 1
        defer { lx.depth -= 1 }
        let n = lx.peek(1)
        if n == 40, lx.peek(2) == 40 {
            lx.take("k", 3)
            math()
            return
        }
        if n == 40, lx.depth < lx.maxDepth {
            lx.take("k", 2)
            nested(until: 41)
            if !lx.atEnd { lx.take("k") }
            return
        }
        if n == 123 {
            lx.take("si", lx.peek(2) == 35 ? 3 : 2)
            while !lx.atEnd {
                let c = lx.peek()
                if c == 125 { lx.take("si"); return }
                if isIdent(c) {
                    let e = lx.scan(from: lx.i, while: isIdent)
                    lx.emit("nv", lx.i, e)
                    lx.i = e
                    continue
                }
                if c == 36 { dollar(); continue }
                if c == 10 { return }
                if ":-=+?#%/^,".utf8.contains(c) || c == 91 || c == 93 { lx.take("p"); continue }
                lx.i += 1
            }
            return
        }
        if isIdentStart(n) {
            let e = lx.scan(from: lx.i + 1, while: isIdent)
            lx.emit("nv", lx.i, e)
            lx.i = e
            return
        }
        if isDigit(n) {
            let e = lx.scan(from: lx.i + 1, while: isDigit)
            lx.emit("nv", lx.i, e)
            lx.i = e
            return
        }
        if "#$?!_*@-".utf8.contains(n) {
            lx.take("nv", 2)
            return
        }
        lx.i += 1
    }

    private func math() {
        while !lx.atEnd {
            let c = lx.peek()
            if c == 41, lx.peek(1) == 41 { lx.take("k", 2); return }
            if c == 10 { return }
            if isDigit(c) {
                let e = lx.scan(from: lx.i, while: isDigit)
                lx.emit("m", lx.i, e)
                lx.i = e
                continue
            }
            if "-+*/%^|&<>".utf8.contains(c) { lx.take("o"); continue }
            if c == 36 { dollar(); continue }
            lx.i += 1
        }
    }

    /// `<<EOF` … `EOF` as one string; false when no delimiter word follows.
    private func heredoc() -> Bool {
        var j = lx.i + 2
        if lx.at(j) == 45 { j += 1 }
        j = lx.skipBlanks(from: j)
        var quote: UInt8 = 0
        if lx.at(j) == 39 || lx.at(j) == 34 { quote = lx.at(j); j += 1 }
        if lx.at(j) == 92 { j += 1 }
        let wordEnd = lx.scan(from: j, while: isIdent)
        guard wordEnd > j else { return false }
        let word = Array(lx.s[j..<wordEnd])
        var k = wordEnd
        if quote != 0, lx.at(k) == quote { k += 1 }
        // The body ends at the first line that holds only the word (after optional tabs).
        k = lx.lineEnd(from: k)
        while k < lx.count {
            let lineStart = k + 1
            let first = lx.scan(from: lineStart) { $0 == 9 }
            let e = lx.lineEnd(from: lineStart)
            if e - first == word.count, Array(lx.s[first..<e]) == word {
                k = e
                break
            }
            k = e
        }
        lx.emit("s", lx.i, k)
        lx.i = k
        return true
    }
}

/// Dockerfiles as Pygments' DockerLexer sees them: instructions `k`, the image of `FROM` and the
/// arguments of `EXPOSE`/`WORKDIR`/`USER` as `s`, JSON-array forms of `CMD` and friends as JSON,
/// everything else (with its `\` continuation lines) as Bash; comments `c`.
enum DockerfileLexer {
    static let stringArgs: Set<String> = ["MAINTAINER", "EXPOSE", "WORKDIR", "USER", "STOPSIGNAL", "VOLUME"]
    static let bashArgs: Set<String> = ["RUN", "CMD", "ENTRYPOINT", "ENV", "ARG", "LABEL", "ADD", "COPY",
                                       "ONBUILD", "HEALTHCHECK", "SHELL"]

    static func lex(_ lx: Lexer) {
        while !lx.atEnd {
            let start = lx.i
            let first = lx.skipBlanks(from: start)
            if lx.at(first) == 10 { lx.i = first + 1; continue }
            if lx.at(first) == 35 {
                lx.i = first
                lx.restOfLine("c")
                continue
            }
            let wordEnd = lx.scan(from: first, while: isAlpha)
            let word = lx.text(first, wordEnd).uppercased()
            let argStart = lx.skipBlanks(from: wordEnd)
            if word == "FROM" {
                lx.emit("k", first, wordEnd)
                var e = lx.scan(from: argStart) { !isSpace($0) }
                lx.emit("s", argStart, e)
                let asStart = lx.skipBlanks(from: e)
                if lx.matchesIgnoringCase("as", at: asStart), isSpace(lx.at(asStart + 2)) {
                    lx.emit("k", asStart, asStart + 2)
                    let n = lx.skipBlanks(from: asStart + 2)
                    e = lx.scan(from: n) { !isSpace($0) }
                    lx.emit("s", n, e)
                }
                lx.i = lx.lineEnd(from: e)
                continue
            }
            if stringArgs.contains(word), argStart > wordEnd {
                lx.emit("k", first, wordEnd)
                lx.i = argStart
                lx.restOfLine("s")
                continue
            }
            var bodyStart = first
            if bashArgs.contains(word), argStart > wordEnd {
                lx.emit("k", first, wordEnd)
                bodyStart = argStart
                if ["CMD", "ENTRYPOINT", "SHELL", "VOLUME"].contains(word), lx.at(argStart) == 91 {
                    let e = lx.lineEnd(from: argStart)
                    lx.sublex(JSONLexer.lex, argStart, e)
                    lx.i = e
                    continue
                }
            }
            // The instruction's body, with backslash-continued lines.
            var e = lx.lineEnd(from: bodyStart)
            while e < lx.count, e > bodyStart, lx.at(e - 1) == 92 { e = lx.lineEnd(from: e + 1) }
            lx.sublex(ShellLexer.lex, bodyStart, min(e + 1, lx.count))
            lx.i = min(e + 1, lx.count)
        }
    }
}
