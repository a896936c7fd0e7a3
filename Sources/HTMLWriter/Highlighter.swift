/// A small lexical highlighter for code blocks: comments, strings, numbers,
/// keywords and decorators, wrapped in spans with Pygments-style class names
/// (`c`, `s`, `m`, `k`, `nd`). Unknown languages are escaped only. Linear time.
public enum Highlighter {
    struct Language {
        var keywords: Set<String>
        var lineComment: [String]
        var blockComment: (String, String)?
        var tripleQuotes: Bool
        var decorators: Bool
    }

    static func language(named name: String) -> Language? {
        switch name.lowercased() {
        case "python", "py", "python3", "pycon", "ipython":
            return Language(keywords: ["False", "None", "True", "and", "as", "assert", "async", "await", "break",
                                       "class", "continue", "def", "del", "elif", "else", "except", "finally",
                                       "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal",
                                       "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
                                       "self", "match", "case"],
                            lineComment: ["#"], blockComment: nil, tripleQuotes: true, decorators: true)
        case "swift":
            return Language(keywords: ["actor", "any", "as", "associatedtype", "async", "await", "break", "case",
                                       "catch", "class", "continue", "default", "defer", "do", "else", "enum",
                                       "extension", "fallthrough", "false", "fileprivate", "for", "func", "guard",
                                       "if", "import", "in", "init", "inout", "internal", "is", "let", "nil",
                                       "open", "operator", "private", "protocol", "public", "package", "repeat",
                                       "rethrows", "return", "self", "Self", "some", "static", "struct",
                                       "subscript", "super", "switch", "throw", "throws", "true", "try",
                                       "typealias", "var", "where", "while", "final", "mutating", "nonisolated"],
                            lineComment: ["//"], blockComment: ("/*", "*/"), tripleQuotes: true, decorators: true)
        case "bash", "sh", "shell", "console", "shell-session", "zsh":
            return Language(keywords: ["if", "then", "else", "elif", "fi", "for", "do", "done", "while", "case",
                                       "esac", "in", "function", "export", "local", "return", "set", "cd", "echo"],
                            lineComment: ["#"], blockComment: nil, tripleQuotes: false, decorators: false)
        case "toml", "ini", "cfg":
            return Language(keywords: ["true", "false"], lineComment: ["#", ";"], blockComment: nil,
                            tripleQuotes: true, decorators: false)
        case "json", "javascript", "js", "c", "cpp", "java", "go", "rust":
            return Language(keywords: ["true", "false", "null", "return", "if", "else", "for", "while", "function",
                                       "const", "let", "var", "fn", "struct", "int", "void", "func", "package",
                                       "import", "class", "public", "static"],
                            lineComment: ["//"], blockComment: ("/*", "*/"), tripleQuotes: false, decorators: false)
        default:
            return nil
        }
    }

    /// Highlighted, escaped HTML for `code`.
    public static func html(_ code: String, language name: String) -> String {
        guard let language = language(named: name) else { return code.htmlEscaped }
        let s = Array(code.unicodeScalars)
        var out = ""
        var i = 0
        func span(_ cls: String, _ from: Int, _ to: Int) {
            out += "<span class=\"\(cls)\">"
            out += String(String.UnicodeScalarView(s[from..<to])).htmlEscaped
            out += "</span>"
        }
        func hasPrefix(_ p: String, at index: Int) -> Bool {
            var j = index
            for c in p.unicodeScalars {
                guard j < s.count, s[j] == c else { return false }
                j += 1
            }
            return true
        }
        var plainStart = 0
        func flushPlain(_ to: Int) {
            if to > plainStart { out += String(String.UnicodeScalarView(s[plainStart..<to])).htmlEscaped }
        }
        while i < s.count {
            let c = s[i]
            if let comment = language.lineComment.first(where: { hasPrefix($0, at: i) }) {
                _ = comment
                flushPlain(i)
                var j = i
                while j < s.count, s[j] != "\n" { j += 1 }
                span("c", i, j)
                i = j
                plainStart = i
                continue
            }
            if let (open, close) = language.blockComment, hasPrefix(open, at: i) {
                flushPlain(i)
                var j = i + open.unicodeScalars.count
                while j < s.count, !hasPrefix(close, at: j) { j += 1 }
                j = min(s.count, j + close.unicodeScalars.count)
                span("c", i, j)
                i = j
                plainStart = i
                continue
            }
            if c == "\"" || c == "'" {
                flushPlain(i)
                let triple = language.tripleQuotes && i + 2 < s.count && s[i + 1] == c && s[i + 2] == c
                var j = i + (triple ? 3 : 1)
                while j < s.count {
                    if s[j] == "\\" { j += 2; continue }
                    if triple {
                        if s[j] == c, j + 2 < s.count, s[j + 1] == c, s[j + 2] == c { j += 3; break }
                    } else if s[j] == c { j += 1; break }
                    else if s[j] == "\n" { break }
                    j += 1
                }
                j = min(j, s.count)
                span("s", i, j)
                i = j
                plainStart = i
                continue
            }
            if language.decorators, c == "@", i + 1 < s.count, s[i + 1].properties.isAlphabetic {
                flushPlain(i)
                var j = i + 1
                while j < s.count, s[j].properties.isAlphabetic || s[j] == "_" || s[j] == "." || ("0"..."9").contains(s[j]) { j += 1 }
                span("nd", i, j)
                i = j
                plainStart = i
                continue
            }
            if c.properties.isAlphabetic || c == "_" {
                let start = i
                var j = i
                while j < s.count, s[j].properties.isAlphabetic || s[j] == "_" || ("0"..."9").contains(s[j]) { j += 1 }
                let word = String(String.UnicodeScalarView(s[start..<j]))
                if language.keywords.contains(word) {
                    flushPlain(start)
                    span("k", start, j)
                    plainStart = j
                }
                i = j
                continue
            }
            if ("0"..."9").contains(c), i == 0 || !(s[i - 1].properties.isAlphabetic || s[i - 1] == "_") {
                flushPlain(i)
                var j = i
                while j < s.count, ("0"..."9").contains(s[j]) || s[j] == "." || s[j] == "_" || s[j] == "x" { j += 1 }
                span("m", i, j)
                i = j
                plainStart = i
                continue
            }
            i += 1
        }
        flushPlain(s.count)
        return out
    }
}
