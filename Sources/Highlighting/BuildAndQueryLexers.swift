/// SQL as Pygments' SqlLexer: keywords `k` (any case), type names `nb`,
/// names `n`, `'…'` `s1`, `"…"` `ss`, integers `mi` (a decimal point is `p`
/// between two), operators `o`, `( ) , ; .` `p`, comments `c1`/`cm`.
enum SQLLexer {
    static let keywords = Set<String>(words: """
        abort absolute access add after aggregate all alter analyse analyze and any as asc assertion \
        authorization avg before begin between both by cache call cascade cascaded case cast catalog chain \
        characteristics check checkpoint close cluster coalesce collate column comment commit committed \
        constraint constraints conversion convert copy count create cross current current_date current_time \
        current_timestamp current_user cursor cycle database day deallocate declare default defaults \
        deferrable deferred definer delete delimiter delimiters desc distinct do domain drop each else \
        encoding encrypted end escape except excluding exclusive execute exists explain extract false fetch \
        first for force foreign forward freeze from full function global grant granted group handler having \
        hold identity if ilike immediate immutable implicit in including increment index inherits initially \
        inner inout input insensitive insert instead intersect into invoker is isnull isolation join key \
        lancompiler language large last lateral leading left level like limit listen load local localtime \
        localtimestamp location lock lower match max maxvalue min minute minvalue mode month move names \
        national natural nchar new next no none not nothing notify notnull null nullif object of off offset \
        oids old on only operator option or order out outer overlaps overlay owner placing position precision \
        prepare preserve primary prior privileges procedural procedure read recheck recursive references \
        reindex relative rename repeatable replace reset restart restrict return returns revoke right role \
        rollback row rows rule schema scroll second security select serializable session session_user set \
        setof share show similar simple some stable start statement statistics stdin stdout storage strict \
        substring sum sysid system table template temporary then to trailing transaction treat trigger trim \
        true truncate trusted type uncommitted unencrypted union unique unknown unlisten until update upper \
        usage user using vacuum valid validator values verbose version view volatile when where with without \
        work write year zone data result time timestamp clob
        """)
    static let types = Set<String>(words: """
        array bigint binary bit blob boolean char character date dec decimal float int int8 integer interval \
        number numeric real serial smallint varchar varying text
        """)

    static func lex(_ lx: Lexer) {
        while !lx.atEnd {
            let c = lx.peek()
            if isSpace(c) { lx.i += 1; continue }
            if c == 45, lx.peek(1) == 45 { lx.restOfLine("c1"); continue }
            if c == 35 { lx.restOfLine("c1"); continue }
            if c == 47, lx.peek(1) == 42 { lx.until("*/", "cm"); continue }
            if c == 39 || c == 34 || c == 96 {
                let start = lx.i
                lx.i += 1
                while !lx.atEnd {
                    if lx.peek() == c {
                        if lx.peek(1) == c { lx.i += 2; continue }
                        lx.i += 1
                        break
                    }
                    lx.i += 1
                }
                lx.emit(c == 39 ? "s1" : (c == 34 ? "ss" : "n"), from: start)
                continue
            }
            if isDigit(c) {
                let e = lx.scan(from: lx.i, while: isDigit)
                lx.emit("mi", lx.i, e)
                lx.i = e
                continue
            }
            if isIdentStart(c) {
                let e = lx.scan(from: lx.i) { isIdent($0) || $0 == 36 }
                let word = lx.text(lx.i, e).lowercased()
                lx.emit(keywords.contains(word) ? "k" : (types.contains(word) ? "nb" : "n"), lx.i, e)
                lx.i = e
                continue
            }
            if "+*/<>=~!%^&|?".utf8.contains(c) || c == 45 { lx.take("o"); continue }
            if "(),;.:[]".utf8.contains(c) { lx.take("p"); continue }
            lx.take("err")
        }
    }
}

/// Unified and context diffs: `+`/`>` lines `gi`, `-`/`<` lines `gd`, `@@`
/// hunks `gu`, `diff`/`index`/`=` lines `gh`, `!` and a bare `---` `gs`.
enum DiffLexer {
    static func lex(_ lx: Lexer) {
        while !lx.atEnd {
            let start = lx.i
            let end = lx.lineEnd(from: start)
            let c = lx.at(start)
            var kind = ""
            if c == 32 { kind = "" }
            else if c == 33 || (end - start == 3 && lx.matches("---", at: start)) { kind = "gs" }
            else if c == 45 || lx.matches("< ", at: start) { kind = "gd" }
            else if c == 43 || lx.matches("> ", at: start) { kind = "gi" }
            else if c == 64 || (isDigit(c) && hunkRange(lx, start, end)) { kind = "gu" }
            else if lx.matches("Index", at: start) || lx.matches("index", at: start) || lx.matches("diff", at: start) || c == 61 {
                kind = "gh"
            }
            lx.emit(kind, start, end)
            lx.i = min(end + 1, lx.count)
        }
    }

    /// `12,14c12,15` and the like, from `diff` without `-u`.
    private static func hunkRange(_ lx: Lexer, _ start: Int, _ end: Int) -> Bool {
        var j = lx.scan(from: start, while: isDigit)
        if lx.at(j) == 44 { j = lx.scan(from: j + 1, while: isDigit) }
        guard "acd".utf8.contains(lx.at(j)), isDigit(lx.at(j + 1)) else { return false }
        j = lx.scan(from: j + 1, while: isDigit)
        if lx.at(j) == 44 { j = lx.scan(from: j + 1, while: isDigit) }
        return true
    }
}

/// CMake: commands `nb`, their `(` `)` `p`, unquoted arguments `s`, quoted
/// `s2`, `${` `}` `o` around `nv`, comments `c` (also `#[[ ]]`).
enum CMakeLexer {
    static func lex(_ lx: Lexer) {
        var depth = 0
        while !lx.atEnd {
            let c = lx.peek()
            if isSpace(c) { lx.i += 1; continue }
            if c == 35 {
                if lx.matches("#[[") { lx.until("]]", "c") } else { lx.restOfLine("c") }
                continue
            }
            if depth == 0 {
                if isIdentStart(c) {
                    let e = lx.scan(from: lx.i, while: isIdent)
                    lx.emit("nb", lx.i, e)
                    lx.i = e
                    continue
                }
                if c == 40 { depth = 1; lx.take("p"); continue }
                lx.i += 1
                continue
            }
            switch c {
            case 40: depth += 1; lx.take("p")
            case 41: depth -= 1; lx.take("p")
            case 34:
                let start = lx.i
                lx.i += 1
                while !lx.atEnd, lx.peek() != 34 { lx.i += lx.peek() == 92 ? 2 : 1 }
                lx.i = min(lx.i + 1, lx.count)
                lx.emit("s2", from: start)
            case 36 where lx.peek(1) == 123 || (lx.matches("ENV{", at: lx.i + 1)):
                variable(lx)
            default:
                var start = lx.i
                while !lx.atEnd {
                    let d = lx.peek()
                    if isSpace(d) || d == 40 || d == 41 || d == 34 || d == 35 { break }
                    if d == 36, lx.peek(1) == 123 {
                        lx.emit("s", from: start)
                        variable(lx)
                        start = lx.i
                        continue
                    }
                    lx.i += 1
                }
                lx.emit("s", from: start)
            }
        }
    }

    private static func variable(_ lx: Lexer) {
        let open = lx.peek(1) == 123 ? 2 : 5
        lx.take("o", open)
        let e = lx.scan(from: lx.i) { $0 != 125 && $0 != 10 && $0 != 36 }
        lx.emit("nv", lx.i, e)
        lx.i = e
        if lx.peek() == 125 { lx.take("o") }
    }
}

/// Makefiles: conditionals and includes `cp` (whole line), comments `c`,
/// `VAR =` `nv` + `o` with a Bash value, `target:` `nf` + `o` with
/// prerequisites `n`, recipe lines (tab-indented) as Bash.
enum MakefileLexer {
    static let directives: Set<String> = ["include", "-include", "sinclude", "ifeq", "ifneq", "ifdef", "ifndef",
                                          "else", "endif", "define", "endef", "override", "export", "unexport", "vpath"]

    static func lex(_ lx: Lexer) {
        while !lx.atEnd {
            let start = lx.i
            let end = lx.lineEnd(from: start)
            let next = min(end + 1, lx.count)
            let first = lx.skipBlanks(from: start)
            if first == end { lx.i = next; continue }
            if lx.at(start) == 9 {
                // A recipe: this and the following tab-indented (or backslash-continued) lines.
                var e = end
                while e < lx.count, lx.at(e + 1) == 9 || (e > start && lx.at(e - 1) == 92) { e = lx.lineEnd(from: e + 1) }
                lx.sublex(ShellLexer.lex, start, min(e + 1, lx.count))
                lx.i = min(e + 1, lx.count)
                continue
            }
            let wordEnd = lx.scan(from: first) { !isSpace($0) }
            let word = lx.text(lx.at(first) == 64 ? first + 1 : first, wordEnd)
            if directives.contains(word), isSpace(lx.at(wordEnd)) || wordEnd == end {
                lx.emit("cp", first, end)
                lx.i = next
                continue
            }
            if lx.at(first) == 35 {
                lx.emit("c", first, end)
                lx.i = next
                continue
            }
            // NAME = value, NAME := value, NAME ?= value, NAME += value
            let nameEnd = lx.scan(from: first) { isIdent($0) || "${}().-".utf8.contains($0) }
            let op = lx.skipBlanks(from: nameEnd)
            var opEnd = op
            if "!?:+".utf8.contains(lx.at(op)), lx.at(op + 1) == 61 { opEnd = op + 2 }
            else if lx.at(op) == 58, lx.at(op + 1) == 58, lx.at(op + 2) == 61 { opEnd = op + 3 }
            else if lx.at(op) == 61 { opEnd = op + 1 }
            if nameEnd > first, opEnd > op {
                lx.emit("nv", first, nameEnd)
                lx.emit("o", op, opEnd)
                var e = end
                while e < lx.count, e > start, lx.at(e - 1) == 92 { e = lx.lineEnd(from: e + 1) }
                lx.sublex(ShellLexer.lex, lx.skipBlanks(from: opEnd), min(e + 1, lx.count))
                lx.i = min(e + 1, lx.count)
                continue
            }
            // target: prerequisites
            var colon = first
            while colon < end, lx.at(colon) != 58 { colon += 1 }
            if colon < end {
                var targetEnd = colon
                while targetEnd > first, isBlank(lx.at(targetEnd - 1)) { targetEnd -= 1 }
                lx.emit("nf", first, targetEnd)
                let colonEnd = lx.scan(from: colon) { $0 == 58 }
                lx.emit("o", colon, colonEnd)
                var j = colonEnd
                while j < end {
                    let c = lx.at(j)
                    if c == 35 { lx.emit("c1", j, end); break }
                    if c == 44 || c == 124 { lx.emit("p", j, j + 1); j += 1; continue }
                    if c == 36, lx.at(j + 1) == 40 {
                        lx.emit("k", j, j + 2)
                        let close = lx.scan(from: j + 2) { $0 != 41 && $0 != 10 }
                        lx.emit("nv", j + 2, close)
                        if lx.at(close) == 41 { lx.emit("k", close, close + 1) }
                        j = close + 1
                        continue
                    }
                    if isAlpha(c) || c == 95 {
                        let e = lx.scan(from: j) { isAlpha($0) || $0 == 95 }
                        lx.emit("n", j, e)
                        j = e
                        continue
                    }
                    j += 1
                }
                lx.i = next
                continue
            }
            lx.sublex(ShellLexer.lex, start, next)
            lx.i = next
        }
    }
}
