import DocTree
import Foundation
import Testing
@testable import Site

/// `setup(app)` in conf.py and in a local extension module, read statically:
/// object types, cross-reference types, config values and generic roles are
/// honoured; every other call is one warning at its line.
@Suite struct SphinxSetupTests {
    @Test func setupCallsBecomeObjectTypesRolesAndConfigValues() throws {
        let tmp = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let out = tmp.appendingPathComponent("site")
        let report = try SiteBuilder.build(BuildOptions(sourceDirectory: projectsPath + "/sphinx-setup",
                                                        outputDirectory: out.path))
        expectGolden(rendered(report.diagnostics, .text), "sphinx-setup/diagnostics.txt")
        let page = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        // add_object_type: a description with its id, and a role that links to it as code.
        #expect(page.contains("id=\"ingredient-flour\""))
        #expect(page.contains("<a class=\"reference internal\" href=\"#ingredient-flour\"><code class=\"docutils literal notranslate xref std std-ingr\">flour</code>"))
        // add_crossref_type: a bare target, and references in the node class given (emphasis).
        #expect(page.contains("<span id=\"technique-folding\"></span>"))
        #expect(page.contains("href=\"#technique-folding\"><em class=\"xref std std-tech\">folding</em></a>"))
        // add_generic_role and add_role with GenericRole.
        #expect(page.contains("<strong>spatula</strong>"))
        #expect(page.contains("<em>soufflé</em>"))
        // add_config_value: conf.py's setting wins over the default; ifconfig sees both.
        #expect(page.contains("Weights are in ounces."))
        #expect(!page.contains("Weights are in grams."))
        #expect(page.contains("Preheat the oven."))
        let index = try String(contentsOf: out.appendingPathComponent("genindex.html"), encoding: .utf8)
        #expect(index.contains("folding (technique)"))
        #expect(index.contains("ingredient"))
    }

    @Test func theLocalExtensionIsNotReportedAsUnsupported() {
        let (config, diagnostics) = SiteBuilder.loadConfig(sourceURL: URL(fileURLWithPath: projectsPath + "/sphinx-setup"),
                                                           displayRoot: "sphinx-setup")
        #expect(!diagnostics.contains { $0.id == "conf.unsupported-extension" })
        #expect(config.unsupportedExtensions.isEmpty)
        #expect(config.objectTypes["ingredient"] == .init(directive: "ingredient", role: "ingr",
                                                          indexTemplate: "pair: %s; ingredient", label: "ingredient"))
        #expect(config.objectTypes["technique"] == .init(directive: "technique", role: "tech", indexTemplate: "single: %s (technique)",
                                                         targetOnly: true, referenceNode: "emphasis"))
        #expect(config.genericRoles == ["utensil": "strong", "dish": "emphasis"])
        #expect(config.configValues == ["kitchen_units": .str("imperial"), "kitchen_oven": .bool(true)])
    }

    @Test func argumentsThatAreCodeAreReportedButTheTypeStillWorks() {
        let file = SourceFile(path: "docs/conf.py", text: """
            import re
            from sphinx import addnodes

            def parse_event(env, sig, signode):
                return sig

            def setup(app):
                app.add_object_type("event", "event", "pair: %s; event", parse_event)
                app.add_crossref_type("topic", "topic", ref_nodeclass=addnodes.literal_strong)
                app.add_config_value(name="pattern", default=re.compile("x"), rebuild="env")
                app.add_generic_role("odd", addnodes.pending_xref)
            """)
        let (config, diagnostics) = SiteConfig.load(confPy: file, directory: "/p/docs")
        #expect(config.objectTypes["event"]?.indexTemplate == "pair: %s; event")
        #expect(config.objectTypes["topic"]?.referenceNode == "literal_strong")
        #expect(config.objectTypes["topic"]?.indexTemplate == "")
        #expect(config.configValues.isEmpty)
        #expect(config.genericRoles.isEmpty)
        #expect(diagnostics.map { "\($0.range?.start.line ?? 0) \($0.id)" }
                == ["8 conf.unsupported-setup", "10 conf.unsupported-setup", "11 conf.unsupported-setup"])
        #expect(diagnostics.first?.message.contains("parse_node is Python code") == true)
    }

    @Test func ifconfigThatCannotBeEvaluatedIsReported() {
        #expect(ConfPyEvaluator.evaluateExpression("units in ('a', 'b')", names: ["units": .str("b")]) == .bool(true))
        #expect(ConfPyEvaluator.evaluateExpression("missing == 1", names: [:]).isUnknown)
        #expect(ConfPyEvaluator.evaluateExpression("x = 1\ny", names: [:]).isUnknown)
    }
}
