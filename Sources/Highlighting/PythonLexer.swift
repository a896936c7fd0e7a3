/// Python, and the interactive console (`>>>` sessions) built on it.
///
/// Classes as Pygments' PythonLexer gives them: `k`, `kn` (import, from),
/// `kc` (True, False, None), `ow` (and, or, not, in, is), `nf` after `def`,
/// `nc` after `class`, `nn` for imported modules, `nb`/`bp`/`ne` for
/// builtins, `self` and exceptions, `fm`/`vm` for dunder names, `nd` for
/// decorators; strings `s1`/`s2` with `sa` prefixes, `se` escapes and `si`
/// interpolation (`%s`, `{}` and f-string fields), `sd` for a triple-quoted
/// string that starts a line; numbers `mi`/`mf`/`mh`/`mo`/`mb`.
enum PythonLexer {
    static let keywords = Set<String>(words: """
        assert async await break continue del elif else except finally for global if lambda pass raise \
        nonlocal return try while yield as with print
        """).subtracting(["print"])
    static let wordOperators: Set<String> = ["and", "in", "is", "not", "or"]
    static let constants: Set<String> = ["True", "False", "None"]
    static let builtins = Set<String>(words: """
        __import__ abs aiter all any bin bool breakpoint bytearray bytes \
        callable chr classmethod compile complex delattr dict dir divmod enumerate eval \
        filter float format frozenset getattr globals hasattr hash hex id input int isinstance issubclass \
        iter len list locals map max memoryview min next object oct open ord pow print property range \
        repr reversed round set setattr slice sorted staticmethod str sum super tuple \
        type vars zip
        """)
    static let pseudo: Set<String> = ["self", "cls", "Ellipsis", "NotImplemented"]
    static let exceptions = Set<String>(words: """
        ArithmeticError AssertionError AttributeError BaseException BufferError BytesWarning DeprecationWarning \
        EOFError EnvironmentError Exception FloatingPointError FutureWarning GeneratorExit IOError ImportError \
        ImportWarning IndentationError IndexError KeyError KeyboardInterrupt LookupError MemoryError \
        ModuleNotFoundError NameError NotImplementedError OSError OverflowError PendingDeprecationWarning \
        RecursionError ReferenceError RuntimeError RuntimeWarning StopIteration StopAsyncIteration SyntaxError \
        SyntaxWarning SystemError SystemExit TabError TypeError UnboundLocalError UnicodeDecodeError \
        UnicodeEncodeError UnicodeError UnicodeTranslateError UnicodeWarning UserWarning ValueError VMSError \
        Warning WindowsError ZeroDivisionError BlockingIOError ChildProcessError ConnectionError \
        BrokenPipeError ConnectionAbortedError ConnectionRefusedError ConnectionResetError FileExistsError \
        FileNotFoundError InterruptedError IsADirectoryError NotADirectoryError PermissionError \
        ProcessLookupError TimeoutError EncodingWarning
        """)
    static let magicFunctions = Set<String>(words: """
        __abs__ __add__ __aenter__ __aexit__ __aiter__ __and__ __anext__ __await__ __bool__ __bytes__ __call__ \
        __complex__ __contains__ __del__ __delattr__ __delete__ __delitem__ __dir__ __divmod__ __enter__ __eq__ \
        __exit__ __float__ __floordiv__ __format__ __ge__ __get__ __getattr__ __getattribute__ __getitem__ \
        __gt__ __hash__ __iadd__ __iand__ __ifloordiv__ __ilshift__ __imatmul__ __imod__ __imul__ __index__ \
        __init__ __instancecheck__ __int__ __invert__ __ior__ __ipow__ __irshift__ __isub__ __iter__ \
        __itruediv__ __ixor__ __le__ __len__ __length_hint__ __lshift__ __lt__ __matmul__ __missing__ __mod__ \
        __mul__ __ne__ __neg__ __new__ __next__ __or__ __pos__ __pow__ __prepare__ __radd__ __rand__ \
        __rdivmod__ __repr__ __reversed__ __rfloordiv__ __rlshift__ __rmatmul__ __rmod__ __rmul__ __ror__ \
        __round__ __rpow__ __rrshift__ __rshift__ __rsub__ __rtruediv__ __rxor__ __set__ __setattr__ \
        __setitem__ __str__ __sub__ __subclasscheck__ __truediv__ __xor__
        """)
    static let magicVariables = Set<String>(words: """
        __annotations__ __bases__ __class__ __closure__ __code__ __defaults__ __dict__ __doc__ __file__ __func__ \
        __globals__ __kwdefaults__ __module__ __mro__ __name__ __objclass__ __qualname__ __self__ __slots__ \
        __weakref__
        """)

    static func lex(_ lx: Lexer) { Python(lx).run() }

    /// The `>>>` / `...` console: prompts `gp`, output `go`, tracebacks `gt` then lexed by line.
    static func lexConsole(_ lx: Lexer) {
        var inCode = false, inTraceback = false
        var joined: [UInt8] = []
        var codeLines: [(Int, Int, Int)] = []  // (prompt start, code start, line end) per prompt line
        while !lx.atEnd {
            let start = lx.i
            let end = lx.lineEnd(from: start)
            let next = min(end + 1, lx.count)
            var prompt = 0
            if lx.matches(">>>", at: start) || (inCode && lx.matches("...", at: start)) { prompt = 3 }
            if prompt > 0 {
                if lx.at(start + 3) == 32 { prompt = 4 }
                inCode = true
                inTraceback = false
                joined.append(contentsOf: lx.s[(start + prompt)..<next])
                codeLines.append((start, start + prompt, next))
                lx.i = next
                continue
            }
            if inCode {
                flushJoined(lx, joined, &codeLines)
                joined = []
                inCode = false
            }
            if lx.matches("Traceback (most recent call last):", at: start) {
                lx.emit("gt", start, end)
                inTraceback = true
            } else if inTraceback {
                tracebackLine(lx, start, end)
                if lx.at(start) != 32 && lx.at(start) != 9 && !lx.matches("During handling", at: start)
                    && !lx.matches("The above exception", at: start) { inTraceback = false }
            } else {
                lx.emit("go", start, next)
            }
            lx.i = next
        }
        if inCode { flushJoined(lx, joined, &codeLines) }
    }

    /// Lexes the joined code of consecutive prompt lines and spreads the tokens back over the lines.
    private static func flushJoined(_ lx: Lexer, _ joined: [UInt8], _ codeLines: inout [(Int, Int, Int)]) {
        let inner = Lexer(joined)
        lex(inner)
        lx.work += inner.work
        var k = 0
        let tokens = inner.tokens
        var offset = 0
        for (promptStart, lineStart, lineEnd) in codeLines {
            lx.emit("gp", promptStart, lineStart)
            let len = lineEnd - lineStart
            while k < tokens.count, tokens[k].start < offset + len {
                let t = tokens[k]
                let a = max(t.start, offset), b = min(t.end, offset + len)
                lx.emit(t.kind, lineStart + a - offset, lineStart + b - offset)
                if t.end <= offset + len { k += 1 } else { break }
            }
            offset += len
        }
        codeLines = []
    }

    /// One line of a traceback: `File "x", line 1, in f`, a source line, or the exception.
    private static func tracebackLine(_ lx: Lexer, _ start: Int, _ end: Int) {
        let first = lx.skipBlanks(from: start)
        if lx.matches("File ", at: first) {
            var j = first + 5
            if lx.at(j) == 34 {
                let close = lx.scan(from: j + 1) { $0 != 34 && $0 != 10 }
                lx.emit("nb", j, min(close + 1, end))
                j = close + 1
            }
            if lx.matches(", line ", at: j) {
                j += 7
                let n = lx.scan(from: j, while: isDigit)
                lx.emit("m", j, n)
                j = n
            }
            if lx.matches(", in ", at: j) { lx.emit("n", j + 5, end) }
        } else if first > start {
            if lx.at(first) == 94 || lx.at(first) == 126 { return }
            lx.sublex(lex, first, end)
        } else {
            let nameEnd = lx.scan(from: start) { isIdent($0) || $0 == 46 }
            if nameEnd > start, lx.at(nameEnd) == 58 || nameEnd == end {
                lx.emit("gr", start, nameEnd)
                let msg = lx.skipBlanks(from: nameEnd + 1)
                lx.emit("n", msg, end)
            }
        }
    }
}

/// The Python lexer proper: one pass, a little state for `import` lines.
private struct Python {
    let lx: Lexer
    init(_ lx: Lexer) { self.lx = lx }

    enum Import { case none, module, fromModule }

    func run() {
        var importState = Import.none
        var lastWord = ""
        var lineStart = true  // only indentation seen so far on this line
        var afterDot = false
        if lx.matches("#!") { lx.restOfLine("ch") }
        while !lx.atEnd {
            let c = lx.peek()
            if c == 10 {
                lx.i += 1
                lineStart = true
                importState = .none
                continue
            }
            if c == 32 || c == 9 || c == 13 || c == 12 {
                lx.i += 1
                continue
            }
            if c == 92, lx.peek(1) == 10 {  // line continuation
                lx.i += 2
                continue
            }
            let wasLineStart = lineStart
            lineStart = false
            if c == 35 {
                lx.restOfLine("c1")
                continue
            }
            if let quote = stringStart(at: lx.i) {
                let (prefixEnd, q) = quote
                let prefix = lx.text(lx.i, prefixEnd).lowercased()
                let triple = lx.at(prefixEnd + 1) == q && lx.at(prefixEnd + 2) == q
                if wasLineStart, triple, !prefix.contains("f") {
                    let start = lx.i
                    lx.i = prefixEnd + 3
                    closeTriple(q)
                    lx.emit("sa", start, prefixEnd)
                    lx.emit("sd", prefixEnd, lx.i)
                } else {
                    lx.take("sa", prefixEnd - lx.i)
                    string(quote: q, triple: triple, raw: prefix.contains("r"), bytes: prefix.contains("b"),
                           format: prefix.contains("f") || prefix.contains("t"))
                }
                afterDot = false
                continue
            }
            if isIdentStart(c) {
                let start = lx.i
                lx.i = lx.identifierEnd(from: start)
                let word = lx.text(start, lx.i)
                let dotted = afterDot
                afterDot = false
                switch importState {
                case .module:
                    if word == "as" { lx.emit("k", from: start) } else { lx.emit("nn", from: start) }
                    continue
                case .fromModule:
                    if word == "import" {
                        lx.emit("kn", from: start)
                        importState = .none
                    } else {
                        lx.emit("nn", from: start)
                    }
                    continue
                case .none: break
                }
                lexWord(word, start, dotted: dotted, lineStart: wasLineStart, lastWord: lastWord, importState: &importState)
                lastWord = word
                continue
            }
            lastWord = ""
            if isDigit(c) || (c == 46 && isDigit(lx.peek(1))) {
                number()
                continue
            }
            if c == 64, isIdentStart(lx.peek(1)) {
                let start = lx.i
                lx.i = lx.identifierEnd(from: lx.i + 1)
                lx.emit("nd", from: start)
                continue
            }
            if importState != .none {
                if c == 46 { lx.take("nn"); continue }
                if c == 44, importState == .module { lx.take("o"); continue }
            }
            afterDot = c == 46
            switch c {
            case 40, 41, 91, 93, 123, 125, 58, 44, 59:
                if c == 58, lx.peek(1) == 61 { lx.take("o", 2) } else { lx.take("p") }
            case 33, 61, 60, 62, 45, 126, 43, 47, 42, 37, 38, 94, 124, 46, 64:
                if c == 33, lx.peek(1) != 61 { lx.take("err"); break }
                if (c == 33 || c == 61) && lx.peek(1) == 61 { lx.take("o", 2); break }
                if (c == 60 || c == 62) && lx.peek(1) == c { lx.take("o", 2); break }
                lx.take("o")
            default:
                lx.i += 1
            }
        }
    }

    private func lexWord(_ word: String, _ start: Int, dotted: Bool, lineStart: Bool, lastWord: String,
                         importState: inout Import) {
        let P = PythonLexer.self
        if !dotted, word == "import" {
            lx.emit("kn", from: start)
            importState = .module
        } else if !dotted, word == "from", lastWord != "yield" {
            lx.emit("kn", from: start)
            importState = .fromModule
        } else if word == "def" || word == "class" {
            lx.emit("k", from: start)
            let nameStart = lx.skipSpace(from: lx.i)
            let nameEnd = lx.identifierEnd(from: nameStart)
            if nameEnd > nameStart {
                let name = lx.text(nameStart, nameEnd)
                lx.emit(word == "class" ? "nc" : (PythonLexer.magicFunctions.contains(name) ? "fm" : "nf"), nameStart, nameEnd)
                lx.i = nameEnd
            }
        } else if P.keywords.contains(word) || word == "from" {
            lx.emit("k", from: start)
        } else if P.wordOperators.contains(word) {
            lx.emit("ow", from: start)
        } else if P.constants.contains(word) {
            lx.emit("kc", from: start)
        } else if lineStart, word == "match" || word == "case", softKeyword() {
            lx.emit("k", from: start)
        } else if dotted {
            magic(word, start)
        } else if P.pseudo.contains(word) {
            lx.emit("bp", from: start)
        } else if P.builtins.contains(word) {
            lx.emit("nb", from: start)
        } else if P.exceptions.contains(word) {
            lx.emit("ne", from: start)
        } else if isDunder(word) {
            magic(word, start)
        } else {
            lx.emit("n", from: start)
        }
    }

    private func magic(_ word: String, _ start: Int) {
        if PythonLexer.magicFunctions.contains(word) { lx.emit("fm", from: start) }
        else if PythonLexer.magicVariables.contains(word) { lx.emit("vm", from: start) }
        else { lx.emit("n", from: start) }
    }

    private func isDunder(_ w: String) -> Bool { w.count > 4 && w.hasPrefix("__") && w.hasSuffix("__") }

    /// `match`/`case` at a line start are keywords unless an operator or keyword follows.
    private func softKeyword() -> Bool {
        let j = lx.skipBlanks(from: lx.i)
        guard j > lx.i else { return false }
        switch lx.at(j) {
        case 58, 44, 59, 61, 94, 38, 124, 64, 126, 41, 93, 125, 10, 0: return false
        default:
            let e = lx.identifierEnd(from: j)
            if e > j, PythonLexer.keywords.contains(lx.text(j, e)) || PythonLexer.wordOperators.contains(lx.text(j, e)) {
                return false
            }
            return true
        }
    }

    /// If a string literal starts at `j`: the index of its opening quote and the quote byte.
    private func stringStart(at j: Int) -> (Int, UInt8)? {
        var k = j
        while k - j < 2, isAlpha(lx.at(k)), "rRbBuUfFtT".utf8.contains(lx.at(k)) { k += 1 }
        let q = lx.at(k)
        guard q == 34 || q == 39 else { return nil }
        if k > j {
            let p = lx.text(j, k).lowercased()
            let allowed = ["r", "u", "b", "f", "t", "br", "rb", "fr", "rf", "tr", "rt"]
            guard allowed.contains(p) else { return nil }
        }
        return (k, q)
    }

    private func closeTriple(_ q: UInt8) {
        while !lx.atEnd {
            let c = lx.peek()
            if c == 92 { lx.i += 2; continue }
            if c == q, lx.peek(1) == q, lx.peek(2) == q { lx.i += 3; return }
            lx.i += 1
        }
        lx.i = min(lx.i, lx.count)
    }

    /// The body of a string whose opening quote is at the cursor.
    private func string(quote q: UInt8, triple: Bool, raw: Bool, bytes: Bool, format: Bool) {
        let kind = q == 34 ? "s2" : "s1"
        lx.take(kind, triple ? 3 : 1)
        while !lx.atEnd {
            let c = lx.peek()
            if c == q {
                if !triple { lx.take(kind); return }
                if lx.peek(1) == q, lx.peek(2) == q { lx.take(kind, 3); return }
                lx.take(kind)
                continue
            }
            if c == 10, !triple { return }
            if c == 92 {
                let n = lx.peek(1)
                if raw {
                    if n == 92 || n == q || n == 10 { lx.take("se", 2) } else { lx.take(kind) }
                    continue
                }
                lx.take(escapeLength(bytes: bytes) > 0 ? "se" : kind, max(1, escapeLength(bytes: bytes)))
                continue
            }
            if format {
                if (c == 123 && lx.peek(1) == 123) || (c == 125 && lx.peek(1) == 125) { lx.take("se", 2); continue }
                if c == 123 { field(quote: q, triple: triple, kind: kind); continue }
                if c == 125 { lx.take("si"); continue }
            } else if c == 37 {
                let n = percentLength()
                lx.take(n > 0 ? "si" : kind, max(n, 1))
                continue
            } else if c == 123 {
                let n = formatLength(quote: q)
                lx.take(n > 0 ? "si" : kind, max(n, 1))
                continue
            }
            lx.take(kind)
        }
    }

    private func escapeLength(bytes: Bool) -> Int {
        let n = lx.peek(1)
        switch n {
        case 92, 97, 98, 102, 110, 114, 116, 118, 34, 39, 10: return 2
        case 120: return isHex(lx.peek(2)) && isHex(lx.peek(3)) ? 4 : 0
        case 48...55:
            var k = 2
            while k < 4, (48...55).contains(lx.peek(k)) { k += 1 }
            return k
        case 117 where !bytes:
            return (2..<6).allSatisfy { isHex(lx.peek($0)) } ? 6 : 0
        case 85 where !bytes:
            return (2..<10).allSatisfy { isHex(lx.peek($0)) } ? 10 : 0
        case 78 where !bytes:
            guard lx.peek(2) == 123 else { return 0 }
            let close = lx.scan(from: lx.i + 3) { $0 != 125 && $0 != 10 && $0 != 34 && $0 != 39 }
            return lx.at(close) == 125 ? close + 1 - lx.i : 0
        default: return 0
        }
    }

    /// Length of a `%`-format specification at the cursor, or 0.
    private func percentLength() -> Int {
        var k = lx.i + 1
        if lx.at(k) == 40 {
            let e = lx.scan(from: k + 1, while: isIdent)
            guard lx.at(e) == 41 else { return 0 }
            k = e + 1
        }
        k = lx.scan(from: k) { "-#0 +".utf8.contains($0) }
        if lx.at(k) == 42 { k += 1 } else { k = lx.scan(from: k, while: isDigit) }
        if lx.at(k) == 46 {
            k += 1
            if lx.at(k) == 42 { k += 1 } else { k = lx.scan(from: k, while: isDigit) }
        }
        if "hlL".utf8.contains(lx.at(k)) { k += 1 }
        let t = lx.at(k)
        guard "EFGXcdegiorsaux%".utf8.contains(t) else { return 0 }
        return k + 1 - lx.i
    }

    /// Length of a `str.format` field (`{}`, `{0}`, `{name.attr!r:>10}`) at the cursor, or 0.
    private func formatLength(quote q: UInt8) -> Int {
        var k = lx.i + 1
        let nameEnd = lx.scan(from: k, while: isIdent)
        if nameEnd > k {
            k = nameEnd
            while true {
                if lx.at(k) == 46, isIdent(lx.at(k + 1)) { k = lx.scan(from: k + 1, while: isIdent); continue }
                if lx.at(k) == 91 {
                    let e = lx.scan(from: k + 1) { $0 != 93 && $0 != 10 && $0 != q }
                    guard lx.at(e) == 93, e > k + 1 else { return 0 }
                    k = e + 1
                    continue
                }
                break
            }
        }
        if lx.at(k) == 33, "sra".utf8.contains(lx.at(k + 1)) { k += 2 }
        if lx.at(k) == 58 {
            k += 1
            if "<>=^".utf8.contains(lx.at(k + 1)) && lx.at(k) != 125 { k += 2 }
            else if "<>=^".utf8.contains(lx.at(k)) { k += 1 }
            if "-+ ".utf8.contains(lx.at(k)) { k += 1 }
            if lx.at(k) == 35 { k += 1 }
            if lx.at(k) == 48 { k += 1 }
            k = lx.scan(from: k, while: isDigit)
            if lx.at(k) == 44 { k += 1 }
            if lx.at(k) == 46 { k = lx.scan(from: k + 1, while: isDigit) }
            if "EFGXbcdefgnosx%".utf8.contains(lx.at(k)) { k += 1 }
        }
        return lx.at(k) == 125 ? k + 1 - lx.i : 0
    }

    /// An f-string replacement field at the cursor: `{` expression [`!r`] [`:spec`] `}`.
    private func field(quote q: UInt8, triple: Bool, kind: String) {
        lx.take("si")
        let start = lx.i
        var depth = 0
        var j = start
        scan: while j < lx.count {
            let c = lx.at(j)
            switch c {
            case 40, 91, 123: depth += 1
            case 41, 93: depth -= 1
            case 125:
                if depth == 0 { break scan }
                depth -= 1
            case 33 where depth == 0 && lx.at(j + 1) != 61: break scan
            case 58 where depth == 0: break scan
            case 10 where !triple: break scan
            default:
                if c == q { break scan }
            }
            j += 1
        }
        lx.sublex(PythonLexer.lex, start, j)
        lx.i = j
        let specStart = lx.i
        if lx.peek() == 33 { lx.i = min(lx.i + 2, lx.count) }
        if lx.peek() == 58 { lx.i += 1 }
        lx.emit("si", from: specStart)
        let body = lx.i
        var k = lx.i
        while k < lx.count, lx.at(k) != 125, lx.at(k) != q, !(lx.at(k) == 10 && !triple) { k += 1 }
        lx.emit(kind, body, k)
        lx.i = k
        if lx.peek() == 125 { lx.take("si") }
    }

    private func number() {
        let start = lx.i
        let c = lx.peek()
        if c == 48, "xXoObB".utf8.contains(lx.peek(1)) {
            let kindByte = lowered(lx.peek(1))
            lx.i += 2
            lx.skip { isHex($0) || $0 == 95 }
            lx.emit(kindByte == 120 ? "mh" : (kindByte == 111 ? "mo" : "mb"), from: start)
            return
        }
        var float = false
        lx.skip { isDigit($0) || $0 == 95 }
        if lx.peek() == 46, !isIdentStart(lx.peek(1)) || lx.peek(1) == 101 || lx.peek(1) == 69 || lx.peek(1) == 106 {
            float = true
            lx.i += 1
            lx.skip { isDigit($0) || $0 == 95 }
        }
        if lx.peek() | 32 == 101, isDigit(lx.peek(1)) || ((lx.peek(1) == 43 || lx.peek(1) == 45) && isDigit(lx.peek(2))) {
            float = true
            lx.i += 2
            lx.skip { isDigit($0) || $0 == 95 }
        }
        if lx.peek() | 32 == 106 { float = true; lx.i += 1 }
        if !float, lx.peek() == 108 || lx.peek() == 76 { lx.i += 1 }
        lx.emit(float ? "mf" : "mi", from: start)
    }
}
