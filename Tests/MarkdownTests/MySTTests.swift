import DocTree
import Markdown
import RST
import Testing

/// MyST syntax going through the shared RST directive and role registries.
struct MySTTests {
    func parse(_ text: String, options: MarkdownOptions = .site()) -> Document {
        MarkdownParser(options: options).parse(SourceFile(path: "m.md", text: text), name: "guide/m")
    }

    @Test func noteArgumentBecomesContent() {
        let document = parse("```{note} Short note.\nMore text.\n```\n")
        let note = document.root.first(where: { $0.kind == "note" })
        // As in MyST: the text after the name is the first line of the content.
        #expect(note?.children.map(\.kind) == [.paragraph])
        #expect(note?.children.first?.textContent == "Short note.\nMore text.")
        #expect(document.diagnostics.isEmpty)
    }

    @Test func codeBlockKeepsItsBodyVerbatim() {
        let document = parse("```{code-block} python\n:linenos:\n\n# not a heading\n*x* = 1\n```\n")
        let block = document.root.first(where: { $0.kind == .literalBlock })
        #expect(block?.string("language") == "python")
        #expect(block?.textContent == "# not a heading\n*x* = 1")
        #expect(document.diagnostics.isEmpty)
    }

    @Test func yamlOptionBlock() {
        let document = parse("```{toctree}\n---\nmaxdepth: 1\nhidden: true\ncaption: Parts\n---\nintro\nUsage <usage>\n```\n")
        let toctree = document.root.first(where: { $0.kind == .toctree })
        #expect(toctree?.attributes["maxdepth"] == .int(1))
        #expect(toctree?.attributes["hidden"] == .bool(true))
        #expect(toctree?.string("caption") == "Parts")
        #expect(toctree?.children.map { $0.string("target") ?? "" } == ["intro", "usage"])
        #expect(toctree?.children.last?.range?.description == "8:1-8:14")
        #expect(toctree?.attributes["parent"] == .string("guide/m"))
    }

    @Test func badOptionsAreDiagnosedAtTheDirective() {
        let document = parse("text\n\n```{toctree}\n:maxdepth: many\n\nintro\n```\n")
        #expect(document.diagnostics.map(\.id) == ["md.directive-error"])
        #expect(document.diagnostics.first?.range?.description == "3:1-7:4")
        #expect(document.root.first(where: { $0.kind == .toctree }) == nil)
        let unknown = parse("```{note}\n:bogus: 1\n\nx\n```\n")
        #expect(unknown.diagnostics.first?.message.contains("unknown option") == true)
    }

    @Test func headingsInsideDirectivesBecomeRubrics() {
        let document = parse("```{note}\n## Inside\n\ntext\n```\n")
        #expect(document.root.first(where: { $0.kind == "rubric" })?.textContent == "Inside")
        #expect(document.root.first(where: { $0.kind == .section }) == nil)
        #expect(document.root.first(where: { $0.kind == "rubric" })?.list("ids") == ["inside"])
        #expect(document.diagnostics.isEmpty)
    }

    @Test func crossReferenceRoles() {
        let document = parse("{ref}`Install <install>` {doc}`../index` {py:class}`routers.Primary`\n")
        let xrefs = document.root.children.first?.children.filter { $0.kind == .pendingXref } ?? []
        #expect(xrefs.map { $0.string("reftype") ?? "" } == ["ref", "doc", "class"])
        #expect(xrefs.map { $0.string("reftarget") ?? "" } == ["install", "../index", "routers.Primary"])
        #expect(xrefs.allSatisfy { $0.string("refdoc") == "guide/m" })
        #expect(xrefs.first?.textContent == "Install")
    }

    @Test func extraRolesAndExtlinks() {
        var options = MarkdownOptions.site()
        options.rst.roles.register("router", XrefRole(domain: "py", type: "class").role)
        options.rst.extlinks = ["issue": (url: "https://example.org/issues/%s", caption: "#%s")]
        let document = parse("{router}`Primary` and {issue}`42`\n", options: options)
        #expect(document.root.first(where: { $0.kind == .pendingXref })?.string("reftarget") == "Primary")
        let link = document.root.first(where: { $0.kind == .reference })
        #expect(link?.string("refuri") == "https://example.org/issues/42")
        #expect(link?.textContent == "#42")
    }

    @Test(.enabled(if: DirectiveRegistry.standard.lookup("raw") != nil))
    func rawDirectiveFollowsTheRawHTMLSwitch() {
        let off = parse("```{raw} html\n<b>x</b>\n```\n")
        #expect(off.root.first(where: { $0.kind == .raw }) == nil)
        #expect(!off.diagnostics.isEmpty)
        let on = parse("```{raw} html\n<b>x</b>\n```\n", options: .site(rawHTMLEnabled: true))
        #expect(on.root.first(where: { $0.kind == .raw })?.textContent == "<b>x</b>")
    }

    @Test func evalRSTKeepsLineNumbers() {
        let document = parse("# Page\n\n```{eval-rst}\nSee :ref:`lbl`.\n\n.. nosuch::\n```\n")
        #expect(document.root.first(where: { $0.kind == .pendingXref })?.string("reftarget") == "lbl")
        let unknown = document.diagnostics.first { $0.id == "rst.unknown-directive" }
        #expect(unknown?.range?.start.line == 6)
        #expect(unknown?.file?.path == "m.md")
    }

    @Test func colonFences() {
        let document = parse("::::{note}\n:class: extra\n\n:::{tip}\nInner *tip*.\n:::\n\n```python\ncode\n```\n::::\n\nAfter.\n")
        let note = document.root.first(where: { $0.kind == "note" })
        #expect(note?.list("classes") == ["extra"])
        #expect(note?.children.map(\.kind) == ["tip", .literalBlock])
        #expect(note?.range?.description.hasPrefix("1:1-11:") == true)
        #expect(document.root.children.last?.textContent == "After.")
        #expect(document.root.first(where: { $0.kind == .emphasis })?.range?.description == "5:7-5:12")
        #expect(document.diagnostics.isEmpty)
    }

    @Test func percentLinesAreComments() {
        let document = parse("one\n% hidden {ref}`x`\ntwo\n\n```\n% kept in code\n```\n")
        #expect(document.root.children.map(\.kind) == [.paragraph, .paragraph, .literalBlock])
        #expect(document.root.children.last?.textContent == "% kept in code")
        #expect(document.root.first(where: { $0.kind == .pendingXref }) == nil)
    }

    @Test func colonFencesInsideCodeStayText() {
        let document = parse("````markdown\n:::{note}\nx\n:::\n````\n")
        #expect(document.root.first(where: { $0.kind == "note" }) == nil)
        #expect(document.root.first(where: { $0.kind == .literalBlock })?.textContent == ":::{note}\nx\n:::")
    }

    @Test func includeParsesMarkdownFromTheIncludedFile() {
        var options = MarkdownOptions.site()
        options.rst.includeRoot = "/docs"
        options.rst.readFile = { path in
            switch path {
            case "/docs/part.md": return "Included *text* with {unknownrole}`x`.\n"
            case "/docs/loop.md": return "```{include} loop.md\n```\n"
            default: return nil
            }
        }
        let file = SourceFile(path: "/docs/m.md", text: "# Page\n\n```{include} part.md\n```\n\nAfter.\n")
        let document = MarkdownParser(options: options).parse(file, name: "m")
        let section = document.root.children.first
        #expect(section?.children.map(\.kind) == [.title, .paragraph, .paragraph])
        #expect(section?.children.dropFirst().first?.textContent.hasPrefix("Included text") == true)
        #expect(document.diagnostics.map { "\($0.file?.path ?? "-"):\($0.range?.description ?? "-")" }
            == ["/docs/part.md:1:22-1:38"])

        let loop = MarkdownParser(options: options).parse(
            SourceFile(path: "/docs/m.md", text: "```{include} loop.md\n```\n"), name: "m")
        #expect(loop.diagnostics.contains { $0.message.contains("circular") })
    }

    /// As myst-parser renders an included file into the page: its headings continue the
    /// page's sections by level, what follows the `include` goes on in the last section it
    /// opened, and where no section can open (in a directive) they are rubrics.
    @Test func includedHeadingsContinueThePagesSections() {
        var options = MarkdownOptions.site()
        options.rst.includeRoot = "/docs"
        options.rst.readFile = { path in
            path == "/docs/CHANGES.md" ? "# Changes\n\nIntro.\n\n<!-- cut -->\n\n## 2.0\n\n### Fixed\n\n## 1.0\n\nFirst.\n" : nil
        }
        let text = """
            ```{include} CHANGES.md
            :end-before: '<!-- cut -->'
            ```

            ```{include} CHANGES.md
            :start-after: "<!-- cut -->"
            ```

            After.

            ```{note}
            ~~~{include} CHANGES.md
            :start-after: <!-- cut --> # a comment, as in YAML
            ~~~
            ```

            """
        let document = MarkdownParser(options: options).parse(SourceFile(path: "/docs/m.md", text: text), name: "m")
        // (The headings included twice are duplicate implicit names, INFO as in docutils.)
        #expect(document.diagnostics.filter { $0.severity != .info }.isEmpty, "\(document.diagnostics.map(\.message))")
        func outline(_ node: Node, depth: Int = 0) -> [String] {
            node.children.flatMap { child -> [String] in
                switch child.kind {
                case .section:
                    let title = child.children.first(where: { $0.kind == .title })?.textContent ?? ""
                    return [String(repeating: "  ", count: depth) + title] + outline(child, depth: depth + 1)
                case .paragraph: return [String(repeating: "  ", count: depth) + "p: " + child.textContent]
                case "rubric": return [String(repeating: "  ", count: depth) + "rubric: " + child.textContent]
                default: return outline(child, depth: depth)
                }
            }
        }
        #expect(outline(document.root) == [
            "Changes", "  p: Intro.",
            "  2.0", "    Fixed",
            "  1.0", "    p: First.", "    p: After.",
            "    rubric: 2.0", "    rubric: Fixed", "    rubric: 1.0", "    p: First.",
        ])
    }

    /// myst-parser reads an option block as a small subset of YAML: quotes, escapes, comments,
    /// continued and `|` block values, in both the `:key:` and the `---` form.
    @Test func optionValuesAreReadAsYAMLScalars() {
        let fields = parse("""
            ```{code-block} python
            :caption: "A \\"quoted\\" caption\\u00e9"
            :class: 'tw''o words'   # not part of it
            :name: plain#hash # comment
            x = 1
            ```

            """)
        let wrapper = fields.root.first(where: { $0.kind == .container })
        #expect(fields.diagnostics.isEmpty, "\(fields.diagnostics.map(\.message))")
        #expect(wrapper?.first(where: { $0.kind == .caption })?.textContent == "A \"quoted\" caption\u{e9}")
        #expect(wrapper?.first(where: { $0.kind == .literalBlock })?.classes == ["tw-o", "words"])
        #expect(wrapper?.names == ["plain#hash"])

        let yaml = parse("""
            ```{code-block} python
            ---
            caption: a caption
              continued on the next line
            class: |
              one
              two
            ---
            x = 1
            ```

            """)
        let yamlWrapper = yaml.root.first(where: { $0.kind == .container })
        let yamlBlock = yaml.root.first(where: { $0.kind == .literalBlock })
        #expect(yaml.diagnostics.isEmpty, "\(yaml.diagnostics.map(\.message))")
        #expect(yamlWrapper?.first(where: { $0.kind == .caption })?.textContent == "a caption continued on the next line")
        #expect(yamlBlock?.classes == ["one", "two"])
        #expect(yamlBlock?.textContent == "x = 1")
    }

    /// Each file includes the next one twice: 2^24 inclusions unless bounded.
    @Test(.timeLimit(.minutes(1))) func includesThatFanOutAreBounded() {
        var options = MarkdownOptions()
        options.rst.includeRoot = "/docs"
        options.rst.readFile = { path in
            guard path.hasPrefix("/docs/f"), let k = Int(path.dropFirst(7).dropLast(3)) else { return nil }
            if k == 24 { return "Leaf.\n" }
            return "Level \(k).\n\n```{include} f\(k + 1).md\n```\n\n```{include} f\(k + 1).md\n```\n"
        }
        let document = MarkdownParser(options: options).parse(
            SourceFile(path: "/docs/m.md", text: "```{include} f0.md\n```\n"), name: "m")
        #expect(document.diagnostics.contains { $0.message.contains("more than 1000 inclusions in one document") })
    }

    @Test func plainCommonMarkMode() {
        let options = MarkdownOptions(mystExtensions: false, pageLinks: false)
        let document = parse("---\ntitle: x\n---\n(l)=\n{ref}`a` [b](b.md)\n", options: options)
        #expect(document.metadata.isEmpty)
        #expect(document.root.first(where: { $0.kind == .pendingXref }) == nil)
        #expect(document.root.first(where: { $0.kind == .target }) == nil)
        #expect(document.root.first(where: { $0.kind == .reference })?.string("refuri") == "b.md")
    }

    @Test func labelsAndFrontMatter() {
        let document = parse("---\ntitle: \"Quoted: title\"\norphan: false\n---\n(sec-a)=\n# A\n")
        #expect(document.metadata == ["title": "Quoted: title"])
        let target = document.root.children.first
        #expect(target?.kind == .target)
        #expect(target?.list("ids") == ["sec-a"])
        #expect(target?.range?.description == "5:1-5:9")
    }

    @Test func definitionListsWhenTheExtensionIsOn() {
        let text = "Retry\n: Trying again,\n  up to `n` times.\n\nReplica\n: A copy.\n: Also a *standby*.\nPrimary\n: Takes writes.\n"
        var options = MarkdownOptions.site()
        options.extensions = ["deflist"]
        let on = parse(text, options: options)
        let lists = on.root.children.filter { $0.kind == .definitionList }
        #expect(lists.count == 1)
        let items = lists.first?.children ?? []
        #expect(items.map { $0.children.first?.textContent ?? "" } == ["Retry", "Replica", "Primary"])
        #expect(items.map { $0.children.filter { $0.kind == .definition }.count } == [1, 2, 1])
        #expect(items.first?.children.last?.textContent == "Trying again,\nup to n times.")
        #expect(on.diagnostics.isEmpty)
        // Off (myst-parser's default), the same text is paragraphs.
        let off = parse(text)
        #expect(off.root.children.allSatisfy { $0.kind == .paragraph })
    }
}

extension Node {
    /// Every node of the tree (this one included) that matches, in document order.
    func all(where predicate: (Node) -> Bool) -> [Node] {
        var found: [Node] = []
        walk { if predicate($0) { found.append($0) } }
        return found
    }
}

/// MyST's heading ids and the links that use them.
struct MySTHeadingTests {
    func parse(_ text: String, options: MarkdownOptions = .site()) -> Document {
        MarkdownParser(options: options).parse(SourceFile(path: "m.md", text: text), name: "guide/m")
    }

    /// `(label)=` before a heading: the label is the section's first id, the title's
    /// id follows; a label equal to the title's id keeps it, and the section's own is
    /// then a generated one after it (`id1`), as Sphinx 9 + myst-parser write it.
    @Test func labelBeforeHeadingIsTheSectionID() {
        let document = parse("(configuration)=\n# Configuration\n\n(cfg)=\n## Set it up\n\n(a)=\n(b)=\n## Two labels\n")
        let sections = document.root.all(where: { $0.kind == .section })
        #expect(sections.map(\.ids) == [["configuration", "id1"], ["cfg", "set-it-up"], ["a", "b", "two-labels"]])
        #expect(!document.diagnostics.contains { $0.severity >= .warning })
    }

    /// `myst_heading_anchors = 2`: slug ids for levels 1–2 only (the docutils id stays on every level).
    @Test func headingAnchorsDepth() {
        var options = MarkdownOptions.site()
        options.headingAnchors = 2
        let document = parse("# Top_1\n\n## Mid_2\n\n### Deep_3\n", options: options)
        let sections = document.root.all(where: { $0.kind == .section })
        #expect(sections.map(\.ids) == [["top-1", "top_1"], ["mid-2", "mid_2"], ["deep-3"]])
        let all = parse("### Deep_3\n")
        #expect(all.root.all(where: { $0.kind == .section }).map(\.ids) == [["deep-3", "deep_3"]])
    }

    /// Link destinations as myst-parser classifies them.
    @Test func linkForms() {
        let text = """
            [a](https://x.org) [b](other.md#p) [c](#here) [d](intro) [e](project:#here) [f](path:f.zip) \
            [g](data.csv) [h](inv:py#int) [](v1.2) [i](pkg.MyClass) <project:other.md>
            """
        let paragraph = parse(text).root.children.first
        let kinds = paragraph?.children.filter { !$0.isText }.map { node -> String in
            "\(node.kind.rawValue):\(node.string("reftype") ?? node.string("refuri") ?? ""):\(node.string("reftarget") ?? "")"
        }
        #expect(kinds == [
            "reference:https://x.org:", "pending_xref:mdlink:guide/other", "pending_xref:myst:#here",
            "pending_xref:myst:intro", "pending_xref:myst:#here", "download_reference:myst:f.zip",
            "download_reference:myst:data.csv", "pending_xref:myst:inv:py#int", "pending_xref:myst:v1.2",
            "pending_xref:myst:pkg.MyClass", "pending_xref:mdlink:guide/other",
        ])
        #expect(paragraph?.children.last?.children.isEmpty == true, "an autolink has no text of its own")
    }
}

/// MyST's own directives the Markdown reader provides.
struct MySTDirectiveTests {
    func parse(_ text: String, options: MarkdownOptions = .site()) -> Document {
        MarkdownParser(options: options).parse(SourceFile(path: "m.md", text: text), name: "m")
    }

    /// `figure-md`: a Markdown image and a caption paragraph make a labelled figure.
    @Test func figureMarkdown() {
        let document = parse(":::{figure-md} fig-target\n:class: myclass\n\n![fishy](fish.png)\n\nA *caption*\n:::\n")
        let figure = document.root.first(where: { $0.kind == .figure })
        #expect(figure?.ids == ["fig-target"])
        #expect(figure?.list("classes") == ["myclass"])
        #expect(figure?.children.map(\.kind) == [.image, .caption])
        #expect(figure?.children.last?.textContent == "A caption")
        #expect(document.diagnostics.isEmpty)
        let bad = parse(":::{figure-md}\nNo image here.\n:::\n")
        #expect(bad.diagnostics.map(\.id) == ["md.directive-error"])
    }

    /// An unknown directive is one error at its line, whatever fence it uses.
    @Test func unknownDirectiveIsReportedOnce() {
        let document = parse("text\n\n```{nosuch} arg\nbody\n```\n\n::::{alsonot}\n:::{note}\ninner\n:::\n::::\n")
        #expect(document.diagnostics.map(\.id) == ["md.unknown-directive", "md.unknown-directive"])
        #expect(document.diagnostics.map { $0.range?.start.line ?? 0 } == [3, 7])
    }
}
