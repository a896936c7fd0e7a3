import Testing
@testable import Highlighting

/// Inputs that open constructs and never close them, nest without end, or
/// repeat one opener a million times. Every lexer must finish, keep the text
/// (escaped, whole), and stay linear: `work` counts the bytes a lexer looks
/// at, so the checks below do not depend on the machine's speed.
struct HostileInputTests {
    static let languages = [
        "python", "pycon", "bash", "console", "json", "yaml", "toml", "ini", "html", "xml", "css", "javascript",
        "typescript", "c", "cpp", "rust", "go", "java", "swift", "sql", "rst", "markdown", "diff", "dockerfile",
        "jinja", "html+jinja", "cmake", "makefile", "text",
    ]
    static let openers = [
        "\"", "'", "\"\"\"", "'''", "`", "``", "/*", "<!--", "{%", "{{", "{#", "${", "$(", "$((", "\\(", "(", "[",
        "{", "<", "<a ", "\\", "#", "*", "**", "[a](", "f\"{", "f'''{(", ":", "- ", "a: ", "@@ ", "#[", "r#\"",
        "<<EOF\n", "```py\n", ".. code-block:: rst\n\n   ", ">>> ", "$ ", "/[", "x = /", "'\\", "&", "&#",
        "    ", "\t", "\n", "é", "\u{0}", "0x", "1.", "@", "!", "%", "|", "=", "?",
    ]

    /// The text back from highlighted HTML: tags dropped, entities decoded.
    static func text(of html: String) -> String {
        var out = ""
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<") {
            out += rest[..<open]
            guard let close = rest[open...].firstIndex(of: ">") else { break }
            rest = rest[rest.index(after: close)...]
        }
        out += rest
        return out.replacingOccurrences("&lt;", "<").replacingOccurrences("&gt;", ">")
            .replacingOccurrences("&quot;", "\"").replacingOccurrences("&#39;", "'").replacingOccurrences("&amp;", "&")
    }

    /// Whether `html` holds nothing but text, entities and `<span class="…">`/`</span>`.
    static func onlySpans(_ html: String) -> Bool {
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<") {
            let tail = rest[open...]
            if tail.hasPrefix("</span>") {
                rest = tail.dropFirst(7)
            } else if tail.hasPrefix("<span class=\"") {
                let afterQuote = tail.dropFirst(13)
                guard let quote = afterQuote.firstIndex(of: "\""), afterQuote[quote...].hasPrefix("\">") else { return false }
                let cls = afterQuote[..<quote]
                guard cls.allSatisfy({ $0.isLetter || $0.isNumber || $0 == " " || $0 == "-" }) else { return false }
                rest = afterQuote[quote...].dropFirst(2)
            } else {
                return false
            }
        }
        return !rest.contains(">") && !rest.contains("\"")
    }

    @Test(arguments: languages)
    func unterminatedAndRepeatedOpenersKeepTheText(_ language: String) {
        for opener in Self.openers {
            for code in [opener, opener + "x", "a " + opener + " b\n", String(repeating: opener, count: 300)] {
                let html = Highlighting.html(code, language: language)
                #expect(Self.text(of: html) == code, "\(language) \(opener.debugDescription)")
                #expect(Self.onlySpans(html), "\(language) \(opener.debugDescription)")
            }
        }
    }

    @Test(arguments: languages)
    func deepNestingFinishes(_ language: String) {
        for (open, close) in [("(", ")"), ("[", "]"), ("{", "}"), ("$(", ")"), ("${", "}"), ("f\"{", "}\""),
                              ("`${", "}`"), ("\"\\(", ")\""), ("<a>", "</a>"), ("{% if x %}", "{% endif %}"),
                              (".. note::\n\n", ""), ("- ", "")] {
            let code = String(repeating: open, count: 5_000) + String(repeating: close, count: 5_000)
            let html = Highlighting.html(code, language: language)
            #expect(Self.text(of: html) == code, "\(language) \(open.debugDescription)")
        }
    }

    /// A million bytes of openers per language: the work is a small multiple of the input
    /// and doubling the input at most doubles it (plus a little).
    @Test(arguments: languages)
    func workIsLinear(_ language: String) {
        let mixed = Self.openers.joined(separator: " x ")
        let big = String(repeating: mixed + "\n", count: 1_000_000 / (mixed.utf8.count + 1))
        let work = Highlighting.work(big, language: language)
        #expect(work <= 12 * big.utf8.count, "\(language): \(work) for \(big.utf8.count) bytes")
        for opener in Self.openers {
            let n = max(1, 8_192 / opener.utf8.count)
            let small = String(repeating: opener, count: n)
            let double = String(repeating: opener, count: 2 * n)
            let w1 = Highlighting.work(small, language: language)
            let w2 = Highlighting.work(double, language: language)
            #expect(w2 <= 2 * w1 + 4096, "\(language) \(opener.debugDescription): \(w1) then \(w2)")
            #expect(w2 <= 12 * double.utf8.count + 4096, "\(language) \(opener.debugDescription): \(w2)")
        }
    }

    @Test func aMegabyteOfQuotesIsEscapedWhole() {
        let quotes = String(repeating: "\"'", count: 500_000)
        for language in ["python", "bash", "javascript", "c", "json", "yaml", "html"] {
            let html = Highlighting.html(quotes, language: language)
            #expect(!html.contains("\"'"), "\(language)")
            #expect(Self.text(of: html) == quotes, "\(language)")
        }
    }
}

private extension String {
    func replacingOccurrences(_ target: String, _ replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
