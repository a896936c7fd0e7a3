import DocTree
import Foundation
import Testing
@testable import Site

/// Python references judged as `sphinx-build -n` judges them (issue 11, parts 5–6).
@Suite struct PythonParityTests {
    func check(_ pages: [String: String]) throws -> BuildReport {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        for (name, text) in pages {
            try Data(text.utf8).write(to: root.appendingPathComponent(name))
        }
        return try SiteBuilder.build(BuildOptions(sourceDirectory: root.path, outputDirectory: nil))
    }

    /// Builds `files` (paths may have folders) into a scratch site: the report and the site's folder.
    func withSite<T>(_ files: [String: String], _ inspect: (BuildReport, URL) throws -> T) throws -> T {
        let root = try temporaryProject(files)
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("_site")
        return try inspect(try SiteBuilder.build(BuildOptions(sourceDirectory: root.path, outputDirectory: out.path, force: true)), out)
    }

    /// Sphinx's MoveModuleTargets: a module's target right after a section's title is the
    /// section's anchor (`<section id="module-pkg.io"><span id="api">`), so toctree entries and
    /// the headerlink are `#module-pkg.io`; the module is still an object there. Further down
    /// a section it stays where it is.
    @Test func aModuleFirstInASectionGivesTheSectionItsAnchor() throws {
        let root = try temporaryProject([
            "index.rst": """
                Home
                ====

                .. toctree::

                   api

                See :mod:`pkg.io` and :mod:`pkg.later`.
                """,
            "api.rst": """
                API
                ===

                IO
                --

                .. module:: pkg.io

                Text.

                Later
                -----

                Text first.

                .. module:: pkg.later
                """,
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("_site")
        let report = try SiteBuilder.build(BuildOptions(sourceDirectory: root.path, outputDirectory: out.path))
        #expect(report.diagnostics.filter { $0.severity != .info }.isEmpty, "\(rendered(report.diagnostics))")
        let api = try String(contentsOf: out.appendingPathComponent("api.html"), encoding: .utf8)
        #expect(api.contains("<section id=\"module-pkg.io\"><span id=\"io\"></span>"))
        #expect(api.contains("<a class=\"headerlink\" href=\"#module-pkg.io\""))
        #expect(api.contains("<section id=\"later\">"))
        let index = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.contains("href=\"api.html#module-pkg.io\">IO</a>"))
        #expect(index.contains("href=\"api.html#module-pkg.io\"><code class=\"docutils literal notranslate xref py py-mod"))
        #expect(index.contains("href=\"api.html#module-pkg.later\"><code class=\"docutils literal notranslate xref py py-mod"))
    }

    @Test func builtinClassesAndTypingNamesAreNeverReported() throws {
        let report = try check(["index.rst": """
            Home
            ====

            :py:class:`dict`, :py:exc:`KeyError`, :py:class:`typing.Any`, :py:obj:`Optional`, :py:obj:`None`,
            :py:class:`builtins.str` and :py:func:`len` and :py:class:`Missing`.
            """])
        #expect(report.diagnostics.map(\.message) == ["no py:func named 'len'", "no py:class named 'Missing'"])
    }

    /// A field type's `te.Literal` values are references, as Sphinx's typed fields make them; their
    /// diagnostics say why and what to write. `Literal` and `typing.Literal` keep their values as text.
    @Test func literalValuesUnderAnotherSpellingAreReportedWithANote() throws {
        let report = try check(["index.rst": """
            Home
            ====

            .. py:function:: split(sep)

               :param sep: the separator.
               :type sep: te.Literal['a', 'b'] | int
               :rtype: typing.Literal['x'] | Missing
            """])
        let broken = report.diagnostics.filter { $0.severity == .error }
        // `typing.Literal` is a typing name (never reported); after it, `Missing` is text, as in Sphinx.
        #expect(broken.map(\.message) == ["no py:class named ''a''", "no py:class named ''b''",
                                          "no py:class named 'te.Literal'"])
        #expect(broken.first?.notes.map(\.message) == [
            "a value in a field type: Sphinx reads the values of a Literal as class names unless it is written Literal or typing.Literal"])
        #expect(broken.last?.notes.isEmpty == true)
    }

    /// Inventories named in conf.py but not on disk are offline: one warning names them, and what may be
    /// in them (a `NAME:` prefix, a dotted name outside the project) is a `ref.offline` warning with a
    /// note, not a broken reference. An inventory on disk is used; the project's own names stay errors.
    @Test func offlineInventoriesMakeWarningsNotBrokenReferences() throws {
        let inventory = try Data(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/projects/myst-links/ext.inv"))
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        try inventory.write(to: root.appendingPathComponent("ext.inv"))
        try Data("""
            extensions = ["sphinx.ext.intersphinx"]
            intersphinx_mapping = {
                "sqla": ("https://docs.sqlalchemy.org/en/latest/", None),
                "ext": ("https://ext.example.org/", "ext.inv"),
            }
            """.utf8).write(to: root.appendingPathComponent("conf.py"))
        try Data("""
            Home
            ====

            .. py:module:: shop

            .. py:class:: Cart

            :ref:`sqla:naming`, :class:`sqlalchemy.schema.Table`, :class:`shop.Missing`, :class:`Basket`
            and :ref:`ext:nowhere`.
            """.utf8).write(to: root.appendingPathComponent("index.rst"))
        let report = try SiteBuilder.build(BuildOptions(sourceDirectory: root.path, outputDirectory: nil))
        let shown = report.diagnostics.filter { $0.severity != .info }.map { "\($0.id) \($0.severity.label): \($0.message)" }
        #expect(shown == [
            "intersphinx.offline warning: intersphinx inventories not available offline: 'sqla' (https://docs.sqlalchemy.org/en/latest/)",
            "ref.offline warning: undefined label 'sqla:naming'",
            "ref.offline warning: no py:class named 'sqlalchemy.schema.Table'",
            "ref.py.class error: no py:class named 'shop.Missing'",
            "ref.py.class error: no py:class named 'Basket'",
            "ref.ref error: no label 'nowhere' in the 'ext' inventory",
        ])
        let table = try #require(report.diagnostics.first { $0.message.contains("sqlalchemy.schema.Table") })
        #expect(table.notes.map(\.message) == [
            "'sqlalchemy' is not part of this project; it may be in the inventory 'sqla', which is not available offline"])
    }

    /// `name.*` is the best file that exists (SVG, then PNG, GIF, JPEG), and `/path` is relative to the
    /// source root, as Sphinx reads image paths; the page names the copied file relative to itself.
    @Test func imagePathsWithAStarOrALeadingSlashAreFoundLikeSphinx() throws {
        let root = try temporaryProject([
            "index.rst": "Home\n====\n\n.. toctree::\n\n   guide/page\n",
            "guide/page.rst": """
                Page
                ====

                .. image:: /img/logo.*

                .. figure:: ../img/photo.*

                   A photo.
                """,
            "img/logo.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
            "img/logo.png": "png",
            "img/photo.jpg": "jpg",
            "img/photo.gif": "gif",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("_site")
        let report = try SiteBuilder.build(BuildOptions(sourceDirectory: root.path, outputDirectory: out.path, force: true))
        #expect(report.diagnostics.filter { $0.severity != .info }.isEmpty, "\(rendered(report.diagnostics))")
        let page = try String(contentsOf: out.appendingPathComponent("guide/page.html"), encoding: .utf8)
        #expect(page.contains("src=\"../img/logo.svg\""))
        #expect(page.contains("src=\"../img/photo.gif\""))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("img/logo.svg").path))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("img/photo.gif").path))
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("img/logo.png").path))
        let missing = try check(["index.rst": "Home\n====\n\n.. image:: /img/absent.*\n"])
        #expect(missing.diagnostics.map(\.message) == ["image file '/img/absent.*' does not exist"])
    }

    /// A page listed in an orphan page's toctree is included, as Sphinx counts it (any page's toctree);
    /// only a page no toctree lists is reported.
    @Test func aPageListedByAnOrphanIsIncluded() throws {
        let report = try check([
            "index.rst": "Home\n====\n\ntext\n",
            "contents.rst": ":orphan:\n\nContents\n========\n\n.. toctree::\n\n   notes\n",
            "notes.rst": "Notes\n=====\n\n.. toctree::\n\n   notes\n",
            "lost.rst": "Lost\n====\n\ntext\n",
        ])
        #expect(report.diagnostics.filter { $0.id == "toctree.not-included" }.map(\.message)
                == ["page 'lost' is not in any toctree; add it to one or mark it ':orphan:'"])
    }

    /// sphinxcontrib-trio's options on autodoc directives show how a function is used, as its
    /// extension renders them (`with raises(…) as excinfo`, `await sleep(…)`); without the extension
    /// they are unknown options, as in Sphinx.
    @Test func trioOptionsShowHowAFunctionIsUsed() throws {
        let files = [
            "conf.py": "import os, sys\nsys.path.insert(0, os.path.abspath('src'))\nextensions = ['sphinx.ext.autodoc', 'sphinxcontrib_trio']\n",
            "src/tools.py": "def raises(kind):\n    \"\"\"Expects an error.\"\"\"\n\nasync def sleep(seconds):\n    \"\"\"Waits.\"\"\"\n",
            "index.rst": "Home\n====\n\n.. autofunction:: tools.raises\n   :with: excinfo\n\n.. autofunction:: tools.sleep\n   :async:\n",
        ]
        let html = try withSite(files) { report, out in
            #expect(report.diagnostics.filter { $0.severity == .error }.isEmpty, "\(rendered(report.diagnostics))")
            return try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
                .replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
        }
        #expect(html.contains("with tools.raises(kind) as excinfo"))
        #expect(html.contains("await tools.sleep(seconds)"))
        var plain = files
        plain["conf.py"] = "import os, sys\nsys.path.insert(0, os.path.abspath('src'))\nextensions = ['sphinx.ext.autodoc']\n"
        let plainRoot = try temporaryProject(plain)
        defer { try? FileManager.default.removeItem(at: plainRoot) }
        let without = try SiteBuilder.build(BuildOptions(sourceDirectory: plainRoot.path, outputDirectory: nil))
        #expect(without.diagnostics.filter { $0.severity == .error }.map(\.message)
                == ["Error in \"autofunction\" directive: unknown option: \"with\".",
                    "Error in \"autofunction\" directive: unknown option: \"async\"."])
    }

    /// `add_module_names = False`: signatures do not show their module, autodoc's neither; a
    /// member's class and a prefix written in the signature stay. Sphinx 9.2 gives these texts for the same page.
    @Test func addModuleNamesOffDropsTheModuleFromSignatures() throws {
        let html = try withSite([
            "conf.py": "import os, sys\nsys.path.insert(0, os.path.abspath('src'))\n"
                + "extensions = ['sphinx.ext.autodoc']\nadd_module_names = False\n",
            "src/shopmod.py": "\"\"\"Shop.\"\"\"\n\n\ndef pay(amount):\n    \"\"\"Pays.\"\"\"\n\n\n"
                + "class Till:\n    \"\"\"A till.\"\"\"\n\n    def open(self):\n        \"\"\"Opens.\"\"\"\n",
            "index.rst": """
                Home
                ====

                .. py:module:: shop

                .. py:function:: checkout(cart)

                .. py:class:: Cart

                   .. py:method:: total()

                .. py:function:: Cart.empty()

                .. py:function:: shop.helper()

                .. automodule:: shopmod
                   :members:
                """,
        ]) { _, out in try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8) }
        let signatures = html.components(separatedBy: "<dt class=\"sig sig-object py\"").dropFirst().map { part in
            String(part[part.index(after: part.firstIndex(of: ">")!)...].prefix { $0 != "¶" })
                .replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
                .trimmingCharacters(in: .whitespacesAndNewlines)
        }
        #expect(signatures == ["checkout(cart)", "class Cart", "total()", "Cart.empty()", "shop.helper()",
                               "class Till", "open()", "pay(amount)"])
    }

    /// sphinx-paramlinks: autodoc's documented parameters get anchors `<object>.params.<name>` and a
    /// `¶` link (a class's constructor parameters are the class's), `:paramref:` links there, and a
    /// paramref whose object is not in the project is an error, as `sphinx-build -n` reports it.
    /// Sphinx 9.2 with sphinx-paramlinks 0.6 writes the same ids, links and texts for this project.
    @Test func paramlinksGiveParametersAnchorsAndParamrefLinksThem() throws {
        let module = "\"\"\"Links.\"\"\"\n\n\ndef connect(url, timeout=5):\n    \"\"\"Connects.\n\n"
            + "    :param url: where to.\n    :param timeout: in seconds.\n    \"\"\"\n\n\n"
            + "class Till:\n    \"\"\"A till.\n\n    :param size: how many coins.\n    \"\"\"\n\n"
            + "    def __init__(self, size):\n        pass\n"
        func site(_ text: String) -> [String: String] {
            ["conf.py": "import os, sys\nsys.path.insert(0, os.path.abspath('src'))\n"
                + "extensions = ['sphinx.ext.autodoc', 'sphinx_paramlinks']\n",
             "src/linkmod.py": module,
             "index.rst": "Home\n====\n\n.. automodule:: linkmod\n   :members:\n\n" + text + "\n"]
        }
        let html = try withSite(site("See :paramref:`.connect.url` and :paramref:`~linkmod.Till.size`.")) { report, out in
            #expect(report.diagnostics.filter { $0.severity == .error }.isEmpty, "\(rendered(report.diagnostics))")
            return try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        }
        for (object, name) in [("linkmod.connect", "url"), ("linkmod.connect", "timeout"), ("linkmod.Till", "size")] {
            let id = "\(object).params.\(name)"
            #expect(html.contains("<span id=\"\(id)\" class=\"target\"></span><strong>\(name)</strong>"
                                  + "<a class=\"reference internal paramlink headerlink\" href=\"#\(id)\">¶</a> – "), "\(id)")
        }
        #expect(html.contains("<a class=\"reference internal\" href=\"#linkmod.connect.params.url\"><code class=\"docutils literal "
                              + "notranslate xref py py-paramref\">connect.url</code></a>"))
        #expect(html.contains("href=\"#linkmod.Till.params.size\"><code class=\"docutils literal notranslate xref py py-paramref\">size</code>"))

        let broken = try withSite(site("See :paramref:`.Nothing.here` and :paramref:`sqlalchemy.Column.index`.")) { report, _ in
            report.diagnostics.filter { $0.severity == .error }.map { "\($0.id): \($0.message)" }
        }
        #expect(broken == ["ref.py.paramref: no py:paramref named 'Nothing.here'",
                           "ref.py.paramref: no py:paramref named 'sqlalchemy.Column.index'"])
    }

    /// `autodoc_typehints_description_target`: `documented` types only what the docstring describes
    /// (a return type only with a `:returns:` field), `documented_params` the described parameters and
    /// every return type but None. Sphinx 9.2 gives these fields for the same module.
    @Test func typeFieldsFollowTheDescriptionTarget() throws {
        func fields(_ target: String) throws -> String {
            let html = try withSite([
                "conf.py": "import os, sys\nsys.path.insert(0, os.path.abspath('src'))\nextensions = ['sphinx.ext.autodoc']\n"
                    + "autodoc_typehints = 'description'\nautodoc_typehints_description_target = '\(target)'\n",
                "src/tmod.py": "def f(a: int, b: str) -> bool:\n    \"\"\"Does f.\n\n    :param a: the a.\n    \"\"\"\n\n"
                    + "def g(a: int) -> bool:\n    \"\"\"Does g.\n\n    :param a: the a.\n    :returns: yes.\n    \"\"\"\n\n"
                    + "def h(a: int) -> None:\n    \"\"\"Does h.\"\"\"\n",
                "index.rst": "Home\n====\n\n.. autofunction:: tmod.f\n.. autofunction:: tmod.g\n.. autofunction:: tmod.h\n",
            ]) { _, out in try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8) }
            let body = html[html.range(of: "<dl class=\"py function\"")!.lowerBound..<html.range(of: "</article>")!.lowerBound]
            return String(body).replacingOccurrences(of: "<[^>]+>", with: " ", options: .regularExpression)
                .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        #expect(try fields("documented") == "tmod. f ( a , b ) ¶ Does f. Parameters a ( int ) – the a. tmod. g ( a ) ¶ Does g. "
                + "Parameters a ( int ) – the a. Returns yes. Return type bool tmod. h ( a ) ¶ Does h.")
        #expect(try fields("documented_params") == "tmod. f ( a , b ) ¶ Does f. Parameters a ( int ) – the a. Return type bool "
                + "tmod. g ( a ) ¶ Does g. Parameters a ( int ) – the a. Returns yes. Return type bool tmod. h ( a ) ¶ Does h.")
    }

    /// `:option:` with a value (`--log-file=path`, `-O[=n]`) links to the option, as Sphinx resolves it.
    @Test func optionReferencesWithAValueLinkToTheOption() throws {
        let report = try check(["index.rst": """
            Home
            ====

            .. program:: tool

            .. option:: --log-file <path>

            .. option:: -O <level>

            :option:`--log-file=/tmp/log`, :option:`-O[=2]`, :option:`tool --log-file=x` and :option:`--missing=1`.
            """])
        #expect(report.diagnostics.filter { $0.severity != .info }.map(\.message) == ["no option named '--missing=1'"])
    }

    /// `:raises:` without a name is a plain field in Sphinx, not a reference to the exception ''.
    @Test func aRaisesFieldWithoutANameStaysPlain() throws {
        let report = try check(["index.rst": """
            Home
            ====

            .. py:function:: parse()

               :raises: :class:`Missing` if it cannot.
               :raises ValueError: when the text is empty.
            """])
        #expect(report.diagnostics.map(\.message) == ["no py:class named 'Missing'"])
    }

    @Test func anObjectAndItsCanonicalNameAreOneMatch() throws {
        let report = try check([
            "index.rst": """
                Home
                ====

                .. py:class:: pkg.Parameter
                   :canonical: pkg.core.Parameter

                See :py:class:`.Parameter`.
                """,
        ])
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics.map(\.message))")
    }

    /// A plain reference Sphinx cannot find (not the full name, not in scope) but whose last part names
    /// one object is linked, with a warning that Sphinx reports it; `.Name` searches that way silently.
    @Test func aPlainReferenceFoundOnlyByItsLastPartIsAWarning() throws {
        let report = try check([
            "index.rst": """
                Home
                ====

                .. py:class:: pkg.core.Engine

                See :py:class:`Engine` and :py:class:`.Engine`.
                """,
        ])
        #expect(report.diagnostics.map(\.id) == ["ref.py.suffix"])
        #expect(report.diagnostics.first?.severity == .warning)
        #expect(report.diagnostics.first?.range?.start.column == 5)
        #expect(report.diagnostics.first?.suggestions == ["pkg.core.Engine"])
    }
}

/// A broken reference in an included file is reported in that file, at its own line, as Sphinx does.
@Suite struct IncludedReferenceTests {
    @Test func theIncludedFileIsNamed() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let docs = root.appendingPathComponent("docs")
        try FileManager.default.createDirectory(at: docs, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try Data("Home\n====\n\n.. include:: ../CHANGES.rst\n\nAfter :ref:`gone`.\n".utf8)
            .write(to: docs.appendingPathComponent("index.rst"))
        try Data("Changes\n-------\n\nText.\n\nSee :ref:`nowhere`.\n".utf8).write(to: root.appendingPathComponent("CHANGES.rst"))
        let report = try SiteBuilder.build(BuildOptions(sourceDirectory: docs.path, outputDirectory: nil))
        let places = report.diagnostics.map { "\(($0.file?.path as NSString?)?.lastPathComponent ?? "?"):\($0.range?.start.line ?? 0) \($0.message)" }
        #expect(places == ["CHANGES.rst:6 undefined label 'nowhere'", "index.rst:6 undefined label 'gone'"])
    }

    /// The same through MyST's `{include}` (click's `changes.md` including `../CHANGES.md`).
    @Test func theIncludedMarkdownFileIsNamed() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let docs = root.appendingPathComponent("docs")
        try FileManager.default.createDirectory(at: docs, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try Data("# Home\n\n```{include} ../CHANGES.md\n```\n\nAfter {ref}`gone`.\n".utf8)
            .write(to: docs.appendingPathComponent("index.md"))
        try Data("## Changes\n\nText.\n\nSee {ref}`nowhere`.\n".utf8).write(to: root.appendingPathComponent("CHANGES.md"))
        let report = try SiteBuilder.build(BuildOptions(sourceDirectory: docs.path, outputDirectory: nil))
        let places = report.diagnostics.map { "\(($0.file?.path as NSString?)?.lastPathComponent ?? "?"):\($0.range?.start.line ?? 0) \($0.message)" }
        #expect(places == ["CHANGES.md:5 undefined label 'nowhere'", "index.md:6 undefined label 'gone'"])
    }
}

/// An extension Vellum does not implement is one warning, and each of its directives one warning (issue 11, part 4).
@Suite struct UnsupportedExtensionTests {
    @Test func oneWarningPerExtensionAndPerDirective() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("extensions = ['sphinx.ext.autodoc', 'fancy_ext']\n".utf8).write(to: root.appendingPathComponent("conf.py"))
        try Data("""
            Home
            ====

            .. fancy:thing::

               one

            .. fancy:thing::

               two

            Text with :fancy:`x` and :fancy:`y`.
            """.utf8).write(to: root.appendingPathComponent("index.rst"))
        let out = root.appendingPathComponent("out")
        let report = try SiteBuilder.build(BuildOptions(sourceDirectory: root.path, outputDirectory: out.path))
        #expect(report.succeeded)
        #expect(report.diagnostics.map { "\($0.severity.label) \($0.id) \($0.range?.start.line ?? 0)" } == [
            "warning conf.unsupported-extension 1", "warning rst.unknown-directive 4", "warning rst.unknown-role 12",
        ])
        #expect(report.diagnostics[1].notes.last?.message == "used 2 times; only the first use is reported")
        let html = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(!html.contains("system-message"))
    }
}

/// A code block in a language no lexer knows: escaped, and Sphinx's warning at the block.
@Suite struct UnknownLanguageTests {
    @Test func warnedOnceAtTheBlock() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("T\n=\n\n.. code-block:: klingon\n\n   qapla <b>\n\n.. code-block:: text\n\n   x\n\n.. code-block:: py3\n\n   x = 1\n"
            .utf8).write(to: root.appendingPathComponent("index.rst"))
        let out = root.appendingPathComponent("out")
        let report = try SiteBuilder.build(BuildOptions(sourceDirectory: root.path, outputDirectory: out.path))
        #expect(report.diagnostics.map { "\($0.id) \($0.range?.start.line ?? 0) \($0.message)" } == [
            "highlight.unknown-language 4 Pygments lexer name 'klingon' is not known",
        ])
        let html = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(html.contains("<pre>qapla &lt;b&gt;\n</pre>") || html.contains("<pre>qapla &lt;b&gt;</pre>"))
    }
}
