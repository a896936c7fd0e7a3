/// The brace languages: C, C++, Java, Go, Rust, JavaScript, TypeScript and
/// Swift, one configurable single-pass lexer. Each language's table says
/// which words are which class (Pygments gives, for example, `kt` to C's
/// `int`, `kd` to Java's `public`, `nx` to every JavaScript and Go name),
/// which bytes are punctuation rather than operators, and which rules apply:
/// C's preprocessor lines, Java's `.attribute` names, Rust's macros and
/// attributes, JavaScript's regular-expression literals and template
/// strings, Swift's `\( )` interpolation.
struct CFamilyLexer: Sendable {
    enum FunctionRule: Sendable {
        /// No `nf` except after a declaring keyword.
        case none
        /// `type name(` at brace depth 0 (C, C++).
        case declaration
        /// `type name(` anywhere, when the word before is a type or name (Java).
        case method
    }

    var words: [String: String] = [:]
    var nameClass = "n"
    var punctuation: Set<UInt8> = Set("()[],.;{}".utf8)
    /// Multi-byte tokens, longest first, with their class.
    var compounds: [(String, String)] = []
    var functionRule = FunctionRule.none
    /// Keywords after which the next name is a function, class, namespace or variable name.
    var functionKeywords: Set<String> = []
    var classKeywords: Set<String> = []
    var namespaceKeywords: Set<String> = []
    var variableKeywords: Set<String> = []
    /// Words that are builtins only when `(` follows (Go's `len(`).
    var callBuiltins: Set<String> = []
    var preprocessor = false
    var swiftDirectives = false
    var stringClass = "s"
    var singleQuoteString: String? = nil
    var charClass: String? = "sc"
    var backtick: String? = nil
    var templateStrings = false
    var regexLiterals = false
    var annotation: String? = nil
    var annotationSplit = false
    var attributeAfterDot = false
    var docComment: String? = nil
    var rustExtras = false
    var swiftInterpolation = false
    var integerClass = "mi"
    var dollarInNames = false
    /// Swift: members after `.` are classified like other words (`.count` is `bp`, `.init` `kd`).
    var wordsAfterDot = false
    /// The class of a name after `:` (TypeScript `kt`, Rust `nc`), if any.
    var typeAfterColon: String? = nil
    /// C++: after `public:` (and the like) the next declaration's name is not `nf`, as in
    /// Pygments, where the label leaves its lexer inside a statement until the next `;`.
    var accessLabels = false
    /// Swift's `$0` closure arguments.
    var dollarArguments = false
    /// TypeScript's optional members, `name?:`.
    var optionalNames = false

    func lex(_ lx: Lexer) { CFamilyScanner(lx, self).run() }

    static func table(_ pairs: [(String, String)]) -> [String: String] {
        var t: [String: String] = [:]
        for (cls, list) in pairs { for w in list.split(whereSeparator: { $0 == " " || $0 == "\n" }) { t[String(w)] = cls } }
        return t
    }

    static let cTypes = """
        bool int long float short double char unsigned signed void _Bool _Complex size_t ssize_t off_t wchar_t \
        ptrdiff_t sig_atomic_t fpos_t clock_t time_t va_list jmp_buf FILE DIR div_t ldiv_t mbstate_t wctrans_t \
        wint_t wctype_t int8_t int16_t int32_t int64_t uint8_t uint16_t uint32_t uint64_t int_least8_t \
        int_least16_t int_least32_t int_least64_t uint_least8_t uint_least16_t uint_least32_t uint_least64_t \
        int_fast8_t int_fast16_t int_fast32_t int_fast64_t uint_fast8_t uint_fast16_t uint_fast32_t \
        uint_fast64_t intptr_t uintptr_t intmax_t uintmax_t clockid_t cpu_set_t cpumask_t dev_t gid_t id_t \
        ino_t key_t mode_t nfds_t pid_t rlim_t sig_t sighandler_t siginfo_t sigset_t sigval_t socklen_t \
        timer_t uid_t
        """
    static let cKeywords = """
        asm auto break case const continue default do else enum extern for goto if register restricted \
        return sizeof struct static switch typedef volatile while union thread_local alignas alignof \
        static_assert _Alignas _Alignof _Atomic _Generic _Noreturn _Static_assert _Thread_local
        """

    static let c: CFamilyLexer = {
        var l = CFamilyLexer()
        l.words = table([("kt", cTypes), ("k", cKeywords), ("kr", "inline _inline __inline naked restrict thread"),
                         ("nb", "true false NULL")])
        l.compounds = []
        l.functionRule = .declaration
        l.classKeywords = ["struct", "union", "enum"]
        l.preprocessor = true
        return l
    }()

    static let cpp: CFamilyLexer = {
        var l = c
        l.words.merge(table([
            ("k", """
                catch const_cast delete dynamic_cast explicit export friend mutable new operator private protected \
                public reinterpret_cast class __restrict static_cast template this throw throws try typeid using \
                virtual constexpr nullptr concept decltype noexcept override final constinit consteval co_await \
                co_return co_yield requires import module typename and and_eq bitand bitor compl not not_eq or \
                or_eq xor xor_eq namespace auto
                """),
            ("kt", "char8_t char16_t char32_t wchar_t"),
            ("nb", "true false NULL nullptr"),
        ]), uniquingKeysWith: { $1 })
        l.classKeywords = ["struct", "union", "enum", "class", "typename"]
        l.namespaceKeywords = ["namespace"]
        l.accessLabels = true
        return l
    }()

    static let java: CFamilyLexer = {
        var l = CFamilyLexer()
        l.words = table([
            ("k", "assert break case catch continue default do else finally for if goto instanceof new return switch this throw try while"),
            ("kd", """
                abstract const enum extends final implements native private protected public sealed static strictfp \
                super synchronized throws transient volatile yield non-sealed permits class interface
                """),
            ("kt", "boolean byte char double float int long short void"),
            ("kc", "true false null"),
            ("kn", "package import"),
        ])
        l.punctuation = Set("{}();:.,".utf8)
        l.functionRule = .method
        l.classKeywords = ["class", "interface", "enum"]
        l.namespaceKeywords = ["package", "import"]
        l.annotation = "nd"
        l.attributeAfterDot = true
        l.dollarInNames = true
        return l
    }()

    static let go: CFamilyLexer = {
        var l = CFamilyLexer()
        l.words = table([
            ("kn", "import package"),
            ("kd", "var func struct type interface const"),
            ("k", "break default select case defer go else goto switch fallthrough if range continue for return"),
            ("kc", "true false iota nil"),
            ("kt", """
                uint uint8 uint16 uint32 uint64 int int8 int16 int32 int64 float32 float64 complex64 map chan \
                complex128 byte rune string bool error uintptr any comparable
                """),
        ])
        l.callBuiltins = Set<String>(words: "append cap close complex copy delete imag len make new panic print println real recover clear min max")
        l.nameClass = "nx"
        l.punctuation = Set("()[]{}.,;:".utf8)
        l.compounds = [("<<=", "o"), (">>=", "o"), ("&^=", "o"), ("...", "o"), ("<<", "o"), (">>", "o"), ("<=", "o"),
                       (">=", "o"), ("&^", "o"), ("+=", "o"), ("-=", "o"), ("*=", "o"), ("/=", "o"), ("%=", "o"),
                       ("&=", "o"), ("|=", "o"), ("&&", "o"), ("||", "o"), ("<-", "o"), ("++", "o"), ("--", "o"),
                       ("==", "o"), ("!=", "o"), (":=", "o")]
        l.backtick = "s"
        return l
    }()

    static let rust: CFamilyLexer = {
        var l = CFamilyLexer()
        l.words = table([
            ("k", """
                as async await box const crate dyn else extern for if impl in loop match move mut pub ref return \
                static super trait unsafe use where while fn struct enum union type mod
                """),
            ("kr", "abstract become do final macro override priv typeof unsized virtual yield try"),
            ("kd", "let"),
            ("kt", "u8 u16 u32 u64 u128 i8 i16 i32 i64 i128 usize isize f32 f64 char str bool"),
            ("kc", "true false"),
            ("bp", "self"),
            ("bp", "Self"),
            ("nb", """
                Copy Send Sized Sync Unpin Drop Fn FnMut FnOnce drop Box ToOwned Clone PartialEq PartialOrd Eq Ord \
                AsRef AsMut Into From Default Iterator Extend IntoIterator DoubleEndedIterator ExactSizeIterator \
                Option Some None Result Ok Err String ToString Vec
                """),
        ])
        l.functionKeywords = ["fn"]
        l.classKeywords = ["struct", "enum", "union", "trait", "type"]
        l.compounds = [("::", "p"), ("->", "p"), ("=>", "p"), ("..=", "p"), ("...", "p"), ("..", "p")]
        l.docComment = "sd"
        l.rustExtras = true
        l.typeAfterColon = "nc"
        l.punctuation = Set("()[],.;{}:".utf8)
        return l
    }()

    static let javascript: CFamilyLexer = {
        var l = CFamilyLexer()
        l.words = table([
            ("k", """
                for of while do break return continue switch case default if else throw try catch finally yield \
                await async this static export import debugger extends super
                """),
            ("kd", "var let const with function class"),
            ("kr", """
                abstract boolean byte char double enum final float goto implements int interface long native package \
                private protected public short synchronized throws transient volatile from as
                """),
            ("kc", "true false null NaN Infinity undefined"),
            ("nb", """
                Array Boolean Date BigInt Function Math ArrayBuffer Number Object RegExp String Promise Proxy Symbol \
                Map Set WeakMap WeakSet DataView Int8Array Uint8Array Uint8ClampedArray Int16Array Uint16Array \
                Int32Array Uint32Array Float32Array Float64Array BigInt64Array BigUint64Array JSON Reflect Intl \
                eval isFinite isNaN parseFloat parseInt decodeURI decodeURIComponent encodeURI encodeURIComponent \
                document window globalThis arguments
                """),
            ("ne", "Error EvalError InternalError RangeError ReferenceError SyntaxError TypeError URIError"),
            ("ow", "typeof instanceof void delete new in"),
        ])
        l.nameClass = "nx"
        l.punctuation = Set("{}()[];,.".utf8)
        l.stringClass = "s2"
        l.singleQuoteString = "s1"
        l.charClass = nil
        l.backtick = "sb"
        l.templateStrings = true
        l.regexLiterals = true
        l.dollarInNames = true
        l.integerClass = "mf"
        l.compounds = [("=>", "p")]
        return l
    }()

    static let typescript: CFamilyLexer = {
        var l = javascript
        l.words.merge(table([
            ("k", "public private protected readonly abstract implements"),
            ("kd", "interface enum"),
            ("kr", "type constructor declare"),
            ("kd", "override"),
            ("kt", "string number boolean any never unknown object symbol bigint"),
        ]), uniquingKeysWith: { $1 })
        l.annotation = "kd"
        l.typeAfterColon = "kt"
        l.optionalNames = true
        return l
    }()

    static let swift: CFamilyLexer = {
        var l = CFamilyLexer()
        l.words = table([
            ("k", """
                as async await break case catch continue default defer do else fallthrough for guard if in is \
                repeat return switch throw try where while
                """),
            ("kd", """
                associatedtype class deinit enum extension func import init internal let operator \
                private protocol public static struct subscript typealias var
                """),
            ("kr", """
                throws rethrows inout convenience dynamic final infix lazy mutating nonmutating optional override \
                postfix prefix required unowned weak indirect
                """),
            ("kc", "true false nil self Self super _"),
            ("nb", """
                Any AnyObject Array AutoreleasingUnsafeMutablePointer Bool Character \
                Comparable Dictionary Double Equatable Float Float80 \
                Hashable Int Int8 Int16 Int32 Int64 Optional Range RangeReplaceableCollection \
                RawRepresentable Result Sendable Sequence Set String Substring UInt UInt8 UInt16 UInt32 UInt64 \
                UnsafeBufferPointer UnsafeMutableBufferPointer UnsafeMutablePointer UnsafeMutableRawPointer \
                UnsafePointer UnsafeRawPointer Void CustomStringConvertible Codable IteratorProtocol StaticString \
                ObjectIdentifier KeyPath
                """),
            ("bp", """
                abs assert assertionFailure debugPrint dump fatalError max min numericCast precondition \
                preconditionFailure print readLine repeatElement sequence stride swap type withExtendedLifetime \
                withUnsafeMutablePointer withUnsafePointer zip count first last map filter reduce split isEmpty \
                insert removeAll removeLast contains sorted sort reverse dropFirst dropLast suffix indices distance
                """),
        ])
        l.punctuation = Set("[]{}(),.:;=@#`?".utf8)
        l.compounds = [("->", "p"), ("...", "p"), ("..<", "p")]
        l.functionKeywords = ["func"]
        l.classKeywords = ["class", "struct", "enum", "protocol", "extension", "import", "actor"]
        l.variableKeywords = ["let", "var"]
        l.swiftDirectives = true
        l.swiftInterpolation = true
        l.charClass = nil
        l.annotationSplit = true
        l.wordsAfterDot = true
        l.dollarArguments = true
        return l
    }()
}

/// One pass of a `CFamilyLexer` over an input.
private struct CFamilyScanner {
    let lx: Lexer
    let l: CFamilyLexer
    init(_ lx: Lexer, _ l: CFamilyLexer) {
        self.lx = lx
        self.l = l
    }

    /// What came before, for the rules that look back one token.
    enum Previous { case start, typeLike, keyword, op, star, colon, open, close, dot, other }

    func run(until close: UInt8? = nil) {
        var prev = Previous.start
        var pending: String? = nil  // class for the next name, set by a declaring keyword
        var braceDepth = 0, parenDepth = 0
        var bodies: [Bool] = []  // per open brace: inside a function body?
        var header = false       // a function name was seen since the last `;` or `{`
        var afterLabel = false   // an access label was seen since the last `;`
        var lineStart = true
        while !lx.atEnd {
            let c = lx.peek()
            if let close, c == close, braceDepth == 0, parenDepth == 0 { return }
            if c == 10 { lx.i += 1; lineStart = true; continue }
            if isSpace(c) { lx.i += 1; continue }
            let atLineStart = lineStart
            lineStart = false
            // Comments.
            if c == 47, lx.peek(1) == 47 {
                if let doc = l.docComment, lx.peek(2) == 47 || lx.peek(2) == 33, lx.peek(3) != 47 {
                    lx.restOfLine(doc)
                } else {
                    lx.restOfLine("c1")
                }
                continue
            }
            if c == 47, lx.peek(1) == 42 { blockComment(); continue }
            // Preprocessor and compiler directives.
            if c == 35, l.preprocessor, atLineStart { preprocessorLine(); continue }
            if c == 35, l.swiftDirectives, isAlpha(lx.peek(1)) {
                let e = lx.scan(from: lx.i + 1, while: isIdent)
                lx.emit("cp", lx.i, e)
                lx.i = e
                continue
            }
            if c == 35, l.rustExtras, lx.peek(1) == 91 || (lx.peek(1) == 33 && lx.peek(2) == 91) {
                rustAttribute()
                continue
            }
            // Strings and characters.
            if c == 34 { string(34, kind: l.stringClass); prev = .other; continue }
            if c == 39 {
                if let s = l.singleQuoteString { string(39, kind: s); prev = .other; continue }
                if l.rustExtras, lifetime() { prev = .other; continue }
                if let ch = l.charClass { charLiteral(ch); prev = .other; continue }
            }
            if c == 96, let bt = l.backtick {
                if l.templateStrings { template() } else { rawString(96, kind: bt) }
                prev = .other
                continue
            }
            if l.rustExtras, (c == 114 || c == 98), rustPrefixedString() { prev = .other; continue }
            // Numbers.
            if isDigit(c) || (c == 46 && isDigit(lx.peek(1))) { number(); prev = .other; continue }
            // Annotations and attributes.
            if c == 64, let cls = l.annotation, isIdentStart(lx.peek(1)) {
                let e = lx.scan(from: lx.i + 1) { isIdent($0) || $0 == 46 }
                lx.emit(cls, lx.i, e)
                lx.i = e
                continue
            }
            if c == 36, l.dollarArguments, isIdent(lx.peek(1)) {
                let e = lx.scan(from: lx.i + 1, while: isIdent)
                lx.emit("nv", lx.i, e)
                lx.i = e
                prev = .typeLike
                continue
            }
            // Words.
            if isIdentStart(c) || (l.dollarInNames && c == 36) {
                let e = lx.scan(from: lx.i) { isIdent($0) || (l.dollarInNames && $0 == 36) }
                let word = lx.text(lx.i, e)
                let start = lx.i
                lx.i = e
                if l.rustExtras, lx.peek() == 33, lx.peek(1) != 61 {
                    lx.i += 1
                    lx.emit("fm", from: start)
                    prev = .other
                    continue
                }
                if let p = pending, l.words[word] == nil || p == "nn" {
                    if p == "nn" {
                        let nsEnd = lx.scan(from: start) { isIdent($0) || $0 == 46 || $0 == 42 || $0 == 36 }
                        lx.i = nsEnd
                        lx.emit("nn", from: start)
                        pending = nil
                        prev = .other
                        continue
                    }
                    lx.emit(p, from: start)
                    pending = nil
                    prev = .typeLike
                    continue
                }
                pending = nil
                if prev == .colon, let cls = l.typeAfterColon, l.words[word] == nil {
                    lx.emit(cls, from: start)
                    prev = .typeLike
                    continue
                }
                if prev == .dot, !l.wordsAfterDot {
                    lx.emit(l.attributeAfterDot ? "na" : l.nameClass, from: start)
                    prev = .typeLike
                    continue
                }
                if let cls = l.words[word] {
                    lx.emit(cls, from: start)
                    if l.accessLabels, ["public", "private", "protected"].contains(word) {
                        let colon = lx.skipBlanks(from: lx.i)
                        if lx.at(colon) == 58, lx.at(colon + 1) != 58 { afterLabel = true }
                    }
                    if l.functionKeywords.contains(word) { pending = "nf" }
                    else if l.classKeywords.contains(word) { pending = "nc" }
                    else if l.namespaceKeywords.contains(word) { pending = "nn" }
                    else if l.variableKeywords.contains(word) { pending = "nv" }
                    prev = (cls == "kt" || cls == "kd" && l.functionRule == .method) ? .typeLike : .keyword
                    if cls == "nb" || cls == "nc" || cls == "bp" || cls == "kc" { prev = .typeLike }
                    continue
                }
                if l.optionalNames, lx.peek() == 63, lx.peek(1) == 58 {
                    lx.i += 1
                    lx.emit(l.nameClass, from: start)
                    prev = .typeLike
                    continue
                }
                let next = lx.skipBlanks(from: lx.i)
                if lx.at(next) == 40 {
                    if l.callBuiltins.contains(word) {
                        lx.emit("nb", from: start)
                        prev = .other
                        continue
                    }
                    let isFunction: Bool
                    switch l.functionRule {
                    case .none: isFunction = false
                    case .declaration:
                        isFunction = !(bodies.last ?? false) && !afterLabel && (prev == .typeLike || prev == .star)
                    case .method: isFunction = prev == .typeLike
                    }
                    if isFunction {
                        header = true
                        lx.emit("nf", from: start)
                        prev = .other
                        continue
                    }
                }
                lx.emit(l.nameClass, from: start)
                prev = .typeLike
                continue
            }
            // Operators and punctuation.
            if let (text, cls) = l.compounds.first(where: { $0.0.utf8.first == c && lx.matches($0.0) }) {
                lx.take(cls, text.utf8.count)
                prev = text == "::" ? .dot : .op
                continue
            }
            if c == 47, l.regexLiterals, regexAllowed(prev), regex() { prev = .other; continue }
            if c == 92, l.swiftInterpolation { lx.i += 1; continue }
            if c == 123 {
                braceDepth += 1
                bodies.append(header || (bodies.last ?? false))
                header = false
            }
            if c == 59 { header = false; afterLabel = false }
            if c == 40 { parenDepth += 1 }
            if c == 41 { parenDepth = max(0, parenDepth - 1) }
            if c == 125 {
                if braceDepth == 0, close != nil { return }
                braceDepth = max(0, braceDepth - 1)
                if !bodies.isEmpty { bodies.removeLast() }
            }
            if l.annotationSplit, c == 64 {
                lx.take("p")
                continue
            }
            if l.punctuation.contains(c) {
                lx.take("p")
                prev = c == 46 ? .dot : (c == 40 || c == 91 || c == 123 || c == 44 || c == 59 ? .open : .close)
                if c == 58 { prev = .colon }
                continue
            }
            if c == 58, lx.peek(1) == 58, l.functionRule == .declaration {
                lx.take("o", 2)
                prev = .typeLike
                continue
            }
            if "~!%^&*+=|?:<>/-@".utf8.contains(c) {
                if l.swiftInterpolation {
                    let e = lx.scan(from: lx.i) { "/=-+!*%<>&|^?~".utf8.contains($0) }
                    lx.take("o", max(1, e - lx.i))
                } else if l.regexLiterals {
                    let e = lx.scan(from: lx.i) { "~!%^&*+=|?:<>-".utf8.contains($0) }
                    lx.take("o", max(1, e - lx.i))
                } else {
                    lx.take("o")
                }
                prev = (c == 42 || c == 38) ? .star : (c == 58 ? .colon : .op)
                if c == 62 { prev = .typeLike }
                continue
            }
            if c == 91 || c == 93 {
                lx.take("o")
                prev = c == 91 ? .open : .close
                continue
            }
            lx.i += 1
            prev = .other
        }
    }

    private func blockComment() {
        lx.until("*/", "cm")
    }

    private func preprocessorLine() {
        let start = lx.i
        lx.take("cp")
        let w = lx.skipBlanks(from: lx.i)
        let e = lx.scan(from: w, while: isIdent)
        let directive = lx.text(w, e)
        lx.emit("cp", w, e)
        lx.i = e
        if directive == "include" {
            let f = lx.skipBlanks(from: lx.i)
            if lx.at(f) == 60 || lx.at(f) == 34 {
                let closer: UInt8 = lx.at(f) == 60 ? 62 : 34
                let ce = lx.scan(from: f + 1) { $0 != closer && $0 != 10 }
                lx.emit("cpf", f, min(ce + 1, lx.lineEnd(from: f)))
                lx.i = min(ce + 1, lx.lineEnd(from: f))
            }
        }
        _ = start
        // The rest of the line (and backslash-continued lines), with comments.
        var runStart = lx.i
        while !lx.atEnd {
            let c = lx.peek()
            if c == 10 {
                if lx.i > 0, lx.at(lx.i - 1) == 92 { lx.i += 1; continue }
                break
            }
            if c == 47, lx.peek(1) == 42 {
                lx.emit("cp", runStart, lx.i)
                blockComment()
                runStart = lx.i
                continue
            }
            if c == 47, lx.peek(1) == 47 {
                lx.emit("cp", runStart, lx.i)
                lx.restOfLine("c1")
                return
            }
            lx.i += 1
        }
        lx.emit("cp", runStart, lx.i)
    }

    private func rustAttribute() {
        let open = lx.peek(1) == 33 ? 3 : 2
        lx.take("cp", open)
        var depth = 1
        let start = lx.i
        while !lx.atEnd {
            let c = lx.peek()
            if c == 91 { depth += 1 }
            if c == 93 {
                depth -= 1
                if depth == 0 { break }
            }
            if c == 10 { break }
            lx.i += 1
        }
        lx.emit("cp", from: start)
        if lx.peek() == 93 { lx.take("cp") }
    }

    private func string(_ q: UInt8, kind: String) {
        let triple = l.swiftInterpolation && lx.peek(1) == q && lx.peek(2) == q
        lx.take(kind, triple ? 3 : 1)
        while !lx.atEnd {
            let c = lx.peek()
            if c == q {
                if !triple { lx.take(kind); return }
                if lx.peek(1) == q, lx.peek(2) == q { lx.take(kind, 3); return }
            }
            if c == 10, !triple, !l.rustExtras { return }
            if c == 92 {
                if l.swiftInterpolation, lx.peek(1) == 40, lx.depth < lx.maxDepth {
                    lx.take("si", 2)
                    lx.depth += 1
                    CFamilyScanner(lx, l).run(until: 41)
                    lx.depth -= 1
                    if lx.peek() == 41 { lx.take("si") }
                    continue
                }
                escape(kind)
                continue
            }
            lx.take(kind)
        }
    }

    private func escape(_ kind: String) {
        let n = lx.peek(1)
        switch n {
        case 120:
            let e = lx.scan(from: lx.i + 2, while: isHex)
            lx.take("se", e - lx.i)
        case 117 where lx.peek(2) == 123:
            let e = lx.scan(from: lx.i + 3) { $0 != 125 && $0 != 10 }
            lx.take("se", e + 1 - lx.i)
        case 117:
            lx.take("se", 6)
        case 48...55:
            let e = lx.scan(from: lx.i + 1) { $0 >= 48 && $0 <= 55 }
            lx.take("se", min(e - lx.i, 4))
        case 0:
            lx.take(kind)
        default:
            lx.take("se", 2)
        }
    }

    private func charLiteral(_ kind: String) {
        // 'a', '\n', '\x41', '\u{1F600}'
        var j = lx.i + 1
        if lx.at(j) == 92 {
            j += 2
            j = lx.scan(from: j) { $0 != 39 && $0 != 10 && j < lx.i + 12 }
        } else {
            j += 1
            while lx.at(j) & 0xC0 == 0x80 { j += 1 }
        }
        if lx.at(j) == 39 {
            lx.emit(kind, lx.i, j + 1)
            lx.i = j + 1
        } else {
            lx.take("err")
        }
    }

    /// Rust's `'a` lifetimes (not char literals).
    private func lifetime() -> Bool {
        guard isIdentStart(lx.peek(1)), lx.peek(2) != 39 else { return false }
        let e = lx.scan(from: lx.i + 1, while: isIdent)
        guard lx.at(e) != 39 else { return false }
        lx.emit("nl", lx.i, e)
        lx.i = e
        return true
    }

    /// Rust's `r"…"`, `r#"…"#`, `b"…"`, `br"…"`, `b'x'`.
    private func rustPrefixedString() -> Bool {
        var j = lx.i
        if lx.at(j) == 98 { j += 1 }
        var raw = false
        if lx.at(j) == 114 { raw = true; j += 1 }
        var hashes = 0
        while raw, lx.at(j + hashes) == 35 { hashes += 1 }
        j += hashes
        guard j > lx.i else { return false }
        if lx.at(j) == 39, lx.at(lx.i) == 98, !raw {
            lx.i = j
            charLiteral("sc")
            return true
        }
        guard lx.at(j) == 34 else { return false }
        let start = lx.i
        if !raw {
            lx.emit("s", start, j)
            lx.i = j
            string(34, kind: "s")
            return true
        }
        var k = j + 1
        while k < lx.count {
            if lx.at(k) == 34 {
                var h = 0
                while h < hashes, lx.at(k + 1 + h) == 35 { h += 1 }
                if h == hashes { k += 1 + hashes; break }
            }
            k += 1
        }
        lx.emit("s", start, min(k, lx.count))
        lx.i = min(k, lx.count)
        return true
    }

    private func rawString(_ q: UInt8, kind: String) {
        let start = lx.i
        let e = lx.scan(from: lx.i + 1) { $0 != q }
        lx.i = min(e + 1, lx.count)
        lx.emit(kind, from: start)
    }

    /// A JavaScript template string with `${ }` substitutions.
    private func template() {
        lx.take("sb")
        while !lx.atEnd {
            let c = lx.peek()
            if c == 96 { lx.take("sb"); return }
            if c == 92 { lx.take("se", 2); continue }
            if c == 36, lx.peek(1) == 123, lx.depth < lx.maxDepth {
                lx.take("si", 2)
                lx.depth += 1
                CFamilyScanner(lx, l).run(until: 125)
                lx.depth -= 1
                if lx.peek() == 125 { lx.take("si") }
                continue
            }
            lx.take("sb")
        }
    }

    private func regexAllowed(_ prev: Previous) -> Bool {
        switch prev {
        case .start, .op, .open, .keyword: return true
        default: return false
        }
    }

    /// A regular-expression literal on one line; false (nothing consumed) if there is none.
    private func regex() -> Bool {
        guard lx.peek(1) != 47, lx.peek(1) != 42, lx.i >= lx.noRegexBefore else { return false }
        var j = lx.i + 1
        var inClass = false
        while j < lx.count {
            let c = lx.at(j)
            if c == 10 {
                // Remember the failure so that more slashes on this line do not rescan it.
                lx.noRegexBefore = j
                return false
            }
            if c == 92 { j += 2; continue }
            if c == 91 { inClass = true }
            if c == 93 { inClass = false }
            if c == 47, !inClass { break }
            j += 1
        }
        guard j < lx.count else {
            lx.noRegexBefore = lx.count
            return false
        }
        let e = lx.scan(from: j + 1, while: isAlpha)
        lx.emit("sr", lx.i, e)
        lx.i = e
        return true
    }

    private func number() {
        let start = lx.i
        let c = lx.peek()
        var kind = l.integerClass
        if c == 48, "xXbBoO".utf8.contains(lx.peek(1)) {
            let k = lowered(lx.peek(1))
            lx.i += 2
            lx.skip { isHex($0) || $0 == 95 || $0 == 39 }
            kind = k == 120 ? "mh" : (k == 98 ? "mb" : "mo")
        } else {
            lx.skip { isDigit($0) || $0 == 95 || ($0 == 39 && !l.rustExtras && !l.regexLiterals) }
            if lx.peek() == 46, isDigit(lx.peek(1)) || (!isIdentStart(lx.peek(1)) && lx.peek(1) != 46 && !l.rustExtras) {
                kind = "mf"
                lx.i += 1
                lx.skip { isDigit($0) || $0 == 95 }
            }
            if lx.peek() | 32 == 101, isDigit(lx.peek(1)) || ((lx.peek(1) == 43 || lx.peek(1) == 45) && isDigit(lx.peek(2))) {
                kind = "mf"
                lx.i += 2
                lx.skip(while: isDigit)
            }
            if kind == l.integerClass, c == 48, lx.i - start > 1, l.preprocessor, !l.rustExtras { kind = "mo" }
        }
        if l.rustExtras {
            lx.emit(kind, from: start)
            let e = lx.scan(from: lx.i, while: isIdent)
            lx.emit("k", lx.i, e)
            lx.i = e
            return
        }
        // Suffixes: 1u, 1.5f, 10L, 10n
        let e = lx.scan(from: lx.i) { isAlpha($0) }
        if e - lx.i <= 3 {
            let suffix = lx.text(lx.i, e).lowercased()
            if suffix.allSatisfy({ "ulfdn".contains($0) }) {
                if suffix.contains("f") || suffix.contains("d") { if !kind.hasPrefix("mh") { kind = "mf" } }
                lx.i = e
            }
        }
        lx.emit(kind, from: start)
    }
}
