import DocTree
import Foundation
import Testing
@testable import Site

/// A Sphinx project builds from its conf.py alone: pages with its suffixes,
/// its root document, epilog substitutions and targets, default role,
/// extlinks, ignored references and sys.path for autodoc.
@Suite struct SphinxConfTests {
    @Test func aSphinxProjectBuildsWithoutVellumToml() throws {
        let tmp = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let out = tmp.appendingPathComponent("site")
        var options = BuildOptions(sourceDirectory: projectsPath + "/sphinx-conf/docs", outputDirectory: out.path)
        options.buildDate = Date(timeIntervalSince1970: 1_796_083_200)  // 2026-12-01
        let report = try SiteBuilder.build(options)
        #expect(report.diagnostics.isEmpty, "\(rendered(report.diagnostics))")
        #expect(report.pages == 3)
        let usage = try String(contentsOf: out.appendingPathComponent("usage.html"), encoding: .utf8)
        #expect(usage.contains("href=\"api.html#gadgets.Wrench\""))
        #expect(usage.contains("Use a wrench."))
        // Sphinx's default substitutions; release needs Python here, so it is the version.
        #expect(usage.contains("Version 3.1 (release 3.1), built 2026-12-01."))
        let contents = try String(contentsOf: out.appendingPathComponent("contents.html"), encoding: .utf8)
        #expect(contents.contains("<title>Gadgets — Gadgets 3.1</title>"))
        #expect(contents.contains("href=\"https://tracker.example.org/\""))
        #expect(contents.contains("href=\"https://tracker.example.org/12\""))
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("drafts/idea.html").path))
    }

    @Test func vellumTomlOverridesConfPyKeyByKey() throws {
        let tmp = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let project = try copyProject("sphinx-conf", to: tmp)
        let docs = project.appendingPathComponent("docs")
        try "[project]\nname = \"Gadgets manual\"\n".write(to: docs.appendingPathComponent("vellum.toml"),
                                                         atomically: true, encoding: .utf8)
        let (config, diagnostics) = SiteBuilder.loadConfig(sourceURL: docs, displayRoot: "docs")
        // `release` needs Python; `version` stands in for it, so that is only a note.
        #expect(diagnostics.map { "\($0.severity.label) \($0.id)" } == ["info conf.unevaluated"])
        #expect(config.projectName == "Gadgets manual")
        #expect(config.rootDocument == "contents")
        #expect(config.version == "3.1")
        #expect(config.sourceSuffixes == [".rst": .rst, ".txt": .rst])
        #expect(config.pythonPaths == [project.appendingPathComponent("src").path])
        #expect(config.ignore == ["py:class:Spanner"])
    }

    @Test func aKeyThatNeedsPythonIsReportedAtItsLine() {
        let file = SourceFile(path: "docs/conf.py", text: """
            import gadgets
            project = "Gadgets"
            release = gadgets.__version__
            exclude_patterns = "_build"
            """)
        let (config, diagnostics) = SiteConfig.load(confPy: file, directory: "/p/docs")
        #expect(config.projectName == "Gadgets")
        #expect(config.version == "")
        #expect(diagnostics.map { "\($0.range?.start.line ?? 0) \($0.id)" } == ["3 conf.unevaluated", "4 conf.type"])
        #expect(diagnostics.first?.message.contains("'release' could not be evaluated") == true)
    }

    @Test func languageTitleIndexAndIncludePatterns() {
        let file = SourceFile(path: "docs/conf.py", text: """
            language = "de"
            html_title = "Gadgets handbook"
            include_patterns = ["index.rst", "guide/**"]
            modindex_common_prefix = ["gadgets."]
            templates_path = ["_templates"]
            """)
        let (config, diagnostics) = SiteConfig.load(confPy: file, directory: "/p/docs")
        #expect(diagnostics.isEmpty)
        #expect(config.language == "de")
        #expect(config.siteTitle == "Gadgets handbook")
        #expect(config.include == ["index.rst", "guide/**"])
        #expect(config.moduleIndexCommonPrefix == ["gadgets."])
    }

    @Test func mystSubstitutionsAndHeadingAnchors() {
        let file = SourceFile(path: "docs/conf.py", text: "myst_heading_anchors = 3\nmyst_substitutions = {'name': 'Vellum'}\n")
        let (fromConf, problems) = SiteConfig.load(confPy: file, directory: "/p/docs")
        #expect(problems.isEmpty)
        #expect(fromConf.mystHeadingAnchors == 3)
        #expect(fromConf.mystSubstitutions == ["name": "Vellum"])
        let toml = SourceFile(path: "docs/vellum.toml", text: "[myst]\nheading_anchors = 2\nsubstitutions = { name = \"V\" }\n")
        let (merged, tomlProblems) = SiteConfig.load(file: toml, baseDirectory: "/p/docs", base: fromConf)
        #expect(tomlProblems.isEmpty)
        #expect(merged.mystHeadingAnchors == 2)
        #expect(merged.mystSubstitutions == ["name": "V"])
    }

    @Test func mystExtensionsComeFromConfPyOrVellumToml() {
        let file = SourceFile(path: "docs/conf.py", text: "myst_enable_extensions = {'deflist', 'colon_fence'}\n")
        let (fromConf, problems) = SiteConfig.load(confPy: file, directory: "/p/docs")
        #expect(problems.isEmpty)
        #expect(fromConf.mystExtensions == ["deflist", "colon_fence"])
        let toml = SourceFile(path: "docs/vellum.toml", text: "[myst]\nenable_extensions = [\"deflist\"]\n")
        let (merged, tomlProblems) = SiteConfig.load(file: toml, baseDirectory: "/p/docs", base: fromConf)
        #expect(tomlProblems.isEmpty)
        #expect(merged.mystExtensions == ["deflist"])
    }

    @Test func suppressedWarningTypesLeaveTheirDiagnosticsOut() {
        // Sphinx's `ref.python` is only its "more than one target" warning: Python references stay checked.
        let file = SourceFile(path: "docs/conf.py", text: "suppress_warnings = ['ref.python', 'ref.meth', 'toc.not_included']\n")
        let (config, _) = SiteConfig.load(confPy: file, directory: "/p/docs")
        #expect(config.severityOverrides["ref.py"] == nil)
        #expect(config.severityOverrides["ref.py.meth"] == .info)
        #expect(config.severityOverrides["toctree.not-included"] == .info)
        let kept = DiagnosticPolicy(config: config, strict: false).apply([
            .error("ref.py.class", "no py:class named 'x'"), .error("ref.ref", "undefined label 'y'"),
            .error("ref.py.meth", "no py:meth named 'z'"),
        ])
        #expect(kept.map(\.id) == ["ref.py.class", "ref.ref"])
    }

    /// Sphinx's automodule renders the module docstring, and an `autoclass` in it documents the class.
    @Test func autodocDirectivesInAModuleDocstringAreExpanded() throws {
        let root = try temporaryProject([
            "docs/conf.py": "import os, sys\nsys.path.insert(0, os.path.abspath('..'))\nextensions = ['sphinx.ext.autodoc']\n",
            "docs/index.rst": "Home\n====\n\n.. automodule:: timer\n\nSee :class:`timer.Stopwatch`.\n",
            "timer.py": "\"\"\"Timing.\n\n.. autoclass:: Stopwatch\n\"\"\"\n\n\nclass Stopwatch:\n    \"\"\"Measures time.\"\"\"\n",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("site")
        let report = try SiteBuilder.build(BuildOptions(sourceDirectory: root.appendingPathComponent("docs").path,
                                                        outputDirectory: out.path))
        #expect(report.diagnostics.filter { $0.severity != .info }.isEmpty, "\(rendered(report.diagnostics))")
        let page = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(page.contains("id=\"timer.Stopwatch\""))
        #expect(page.contains("Measures time."))
    }
}
