/// Code highlighting that classifies tokens the way Pygments does, so the
/// `pygments.css` of any Sphinx theme colours Vellum's output. Every lexer is
/// a hand-written single pass over the UTF-8 bytes: no regular expressions,
/// no backtracking, linear in the input whatever it holds.
public enum Highlighting {
    typealias LexFunction = @Sendable (Lexer) -> Void

    /// Lexers by every name Pygments (or Sphinx) accepts for them, lower-cased.
    static let lexers: [String: LexFunction] = {
        var table: [String: LexFunction] = [:]
        func add(_ names: String, _ f: @escaping LexFunction) {
            for name in names.split(separator: " ") { table[String(name)] = f }
        }
        add("python py python3 py3 python2 py2 sage pyi bazel starlark default", PythonLexer.lex)
        add("pycon python-console pycon3", PythonLexer.lexConsole)
        add("bash sh ksh zsh shell openrc", ShellLexer.lex)
        add("console shell-session", ShellLexer.lexSession)
        add("json json-object", JSONLexer.lex)
        add("yaml yml", YAMLLexer.lex)
        add("toml", TOMLLexer.lex)
        add("ini cfg dosini", INILexer.lex)
        add("html", MarkupLexer.lexHTML)
        add("xml", MarkupLexer.lexXML)
        add("css", CSSLexer.lex)
        add("javascript js", CFamilyLexer.javascript.lex)
        add("typescript ts", CFamilyLexer.typescript.lex)
        add("c", CFamilyLexer.c.lex)
        add("cpp c++", CFamilyLexer.cpp.lex)
        add("rust rs", CFamilyLexer.rust.lex)
        add("go golang", CFamilyLexer.go.lex)
        add("java", CFamilyLexer.java.lex)
        add("swift", CFamilyLexer.swift.lex)
        add("sql", SQLLexer.lex)
        add("rst rest restructuredtext", RSTLexer.lex)
        add("markdown md", MarkdownLexer.lex)
        add("diff udiff patch", DiffLexer.lex)
        add("dockerfile docker", DockerfileLexer.lex)
        add("jinja jinja2 django", TemplateLexer.lex)
        add("html+jinja html+django htmldjango html+jinja2", TemplateLexer.lexHTML)
        add("cmake", CMakeLexer.lex)
        add("make makefile mf bsdmake", MakefileLexer.lex)
        add("text none guess", { _ in })
        return table
    }()

    /// Whether `name` selects a lexer (case is ignored, as Pygments ignores it).
    /// `text`, `none`, `default` and `guess`, which Sphinx accepts, are known too.
    public static func isKnown(_ name: String) -> Bool { lexers[name.lowercased()] != nil }

    /// The tokens of `code` in `language`, or nil when the language is unknown.
    public static func tokens(_ code: String, language: String) -> [Token]? {
        lex(Array(code.utf8), language: language)?.tokens
    }

    /// The bytes looked at while lexing `code` (for the linearity tests).
    package static func work(_ code: String, language: String) -> Int {
        lex(Array(code.utf8), language: language)?.work ?? 0
    }

    static func lex(_ bytes: [UInt8], language: String) -> Lexer? {
        guard let f = lexers[language.lowercased()] else { return nil }
        let lexer = Lexer(bytes)
        f(lexer)
        return lexer
    }

    /// `code` as HTML in the form of Pygments' HtmlFormatter: each token in a
    /// `<span class="…">`, closed at line ends; plain text and whitespace
    /// bare; everything escaped. Unknown languages are escaped only.
    public static func html(_ code: String, language: String) -> String {
        let bytes = Array(code.utf8)
        let tokens = lex(bytes, language: language)?.tokens ?? []
        return render(bytes, tokens)
    }

    static func render(_ s: [UInt8], _ tokens: [Token]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(s.count + s.count / 2)
        func escape(_ a: Int, _ b: Int) {
            for j in a..<b {
                switch s[j] {
                case 38: out.append(contentsOf: "&amp;".utf8)
                case 60: out.append(contentsOf: "&lt;".utf8)
                case 62: out.append(contentsOf: "&gt;".utf8)
                case 34: out.append(contentsOf: "&quot;".utf8)
                case 39: out.append(contentsOf: "&#39;".utf8)
                default: out.append(s[j])
                }
            }
        }
        func span(_ kind: String, _ a: Int, _ b: Int) {
            var start = a
            while start < b {
                var end = start
                while end < b, s[end] != 10 { end += 1 }
                if s[start..<end].contains(where: { !isSpace($0) }) {
                    out.append(contentsOf: "<span class=\"".utf8)
                    out.append(contentsOf: kind.utf8)
                    out.append(contentsOf: "\">".utf8)
                    escape(start, end)
                    out.append(contentsOf: "</span>".utf8)
                } else {
                    escape(start, end)
                }
                if end < b { out.append(10) }
                start = end + 1
            }
        }
        var pos = 0
        for token in tokens where token.end > pos {
            let start = max(token.start, pos)
            escape(pos, start)
            span(token.kind, start, min(token.end, s.count))
            pos = min(token.end, s.count)
        }
        escape(pos, s.count)
        return String(decoding: out, as: UTF8.self)
    }
}

extension Lexer {
    /// Lexes `start..<end` with the lexer for `language`, as if it were its own input.
    func sublex(_ language: String, _ start: Int, _ end: Int) {
        guard end > start, let f = Highlighting.lexers[language] else { return }
        sublex(f, start, end)
    }

    /// Lexes `start..<end` with `f`, as if it were its own input. Embedding is limited to
    /// `maxEmbedding` levels (a code block in a code block in …), so nested input cannot make
    /// the work grow with its depth.
    func sublex(_ f: (Lexer) -> Void, _ start: Int, _ end: Int) {
        guard end > start, embedding < Lexer.maxEmbedding else { return }
        let inner = Lexer(Array(s[start..<end]))
        inner.embedding = embedding + 1
        f(inner)
        for t in inner.tokens { emit(t.kind, t.start + start, t.end + start) }
        work += inner.work
    }

}
