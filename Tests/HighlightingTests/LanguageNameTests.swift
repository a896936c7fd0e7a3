import Testing
import Highlighting

struct LanguageNameTests {
    /// Every name Pygments (or Sphinx) accepts for the languages we lex.
    static let known = [
        "python", "py", "python3", "py3", "pyi", "sage", "default", "pycon", "python-console", "bash", "sh", "shell",
        "zsh", "ksh", "console", "shell-session", "json", "json-object", "yaml", "yml", "toml", "ini", "cfg",
        "dosini", "html", "xml", "css", "javascript", "js", "typescript", "ts", "c", "cpp", "c++", "rust", "rs",
        "go", "golang", "java", "swift", "sql", "rst", "rest", "restructuredtext", "markdown", "md", "diff",
        "udiff", "patch", "dockerfile", "docker", "jinja", "jinja2", "django", "html+jinja", "html+django",
        "htmldjango", "cmake", "make", "makefile", "mf", "bsdmake", "text", "none", "guess",
    ]

    @Test func knownNamesAreKnownInAnyCase() {
        for name in Self.known {
            #expect(Highlighting.isKnown(name), "\(name)")
            #expect(Highlighting.isKnown(name.uppercased()), "\(name)")
        }
    }

    @Test func unknownNamesAreEscapedOnly() {
        #expect(!Highlighting.isKnown("klingon"))
        #expect(!Highlighting.isKnown(""))
        #expect(Highlighting.html("<b> & \"q\" 'a'", language: "klingon") == "&lt;b&gt; &amp; &quot;q&quot; &#39;a&#39;")
        #expect(Highlighting.tokens("x = 1", language: "klingon") == nil)
    }

    @Test func textIsEscapedWithoutSpans() {
        #expect(Highlighting.html("if x < 1: pass", language: "text") == "if x &lt; 1: pass")
        #expect(Highlighting.html("if x < 1: pass", language: "none") == "if x &lt; 1: pass")
    }

    @Test func spansCloseAtLineEnds() {
        #expect(Highlighting.html("\"\"\"a\nb\"\"\"\n", language: "python")
            == "<span class=\"sd\">&quot;&quot;&quot;a</span>\n<span class=\"sd\">b&quot;&quot;&quot;</span>\n")
    }
}
