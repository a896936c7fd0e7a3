import DocTree
import Testing
@testable import HTMLWriter

@Suite struct HTMLWriterTests {
    @Test func escapesTextAndAttributes() {
        let tree = Node(.document, children: [
            Node(.paragraph, children: [
                .text("<b>&\"'"),
                Node(.reference, attributes: ["refuri": .string("https://x.org/?a=1&b=\"2\"")], children: [.text("l")]),
            ]),
        ])
        #expect(HTMLWriter().render(tree) ==
            "<p>&lt;b&gt;&amp;&quot;&#39;<a class=\"reference external\" href=\"https://x.org/?a=1&amp;b=&quot;2&quot;\">l</a></p>\n")
    }

    @Test func sectionsAdmonitionsAndCode() {
        let tree = Node(.document, children: [
            Node(.section, attributes: ["ids": .list(["top", "label"])], children: [
                Node(.title, children: [.text("Top")]),
                Node("warning", children: [Node(.paragraph, children: [.text("Careful.")])]),
                Node(.section, attributes: ["ids": .list(["sub"])], children: [
                    Node(.title, children: [.text("Sub")]),
                    Node(.literalBlock, attributes: ["language": .string("python")],
                         children: [.text("x = 'a' # c")]),
                ]),
            ]),
        ])
        #expect(HTMLWriter().render(tree) == """
        <section id="top"><span id="label"></span>
        <h1>Top<a class="headerlink" href="#top" title="Link to this heading">¶</a></h1>
        <div class="admonition warning">
        <p class="admonition-title">Warning</p>
        <p>Careful.</p>
        </div>
        <section id="sub">
        <h2>Sub<a class="headerlink" href="#sub" title="Link to this heading">¶</a></h2>
        <div class="highlight-python notranslate"><div class="highlight"><pre><span class="n">x</span> <span class="o">=</span> <span class="s1">&#39;a&#39;</span> <span class="c1"># c</span></pre></div></div>
        </section>
        </section>

        """)
    }

    @Test func highlighterIsLinearAndTotal() {
        // Unterminated strings and comments must not loop or crash.
        for code in ["\"abc", "'''x", "/* never closed", "@", "x = 1.2.3"] {
            _ = Highlighter.html(code, language: "swift")
            _ = Highlighter.html(code, language: "python")
        }
        #expect(Highlighter.html("def f(): return 1", language: "python") ==
            "<span class=\"k\">def</span> <span class=\"nf\">f</span><span class=\"p\">():</span> <span class=\"k\">return</span> <span class=\"mi\">1</span>")
    }

    @Test func nodesSphinxDoesNotShowWriteNothingAndAreKnown() {
        let tree = Node(.document, children: [
            Node("todo_node", children: [Node(.paragraph, children: [.text("later")])]),
            Node("decoration", children: [Node("header", children: [.text("h")])]),
            Node(.paragraph, children: [Node("substitution_reference", children: [.text("|x|")])]),
        ])
        let (html, unknown) = HTMLWriter().renderPage(tree)
        #expect(unknown.isEmpty)
        #expect(html == "<p>|x|</p>\n")
    }
}
