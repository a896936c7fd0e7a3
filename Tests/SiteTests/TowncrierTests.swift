import DocTree
import Foundation
import Testing
@testable import Site

/// `sphinxcontrib.towncrier`'s `towncrier-draft-entries`, without Python: the
/// draft towncrier would print, through the project's Jinja template. The
/// fixture's page is what Sphinx 9.2 with sphinxcontrib-towncrier 0.5 and
/// towncrier 26.9 write for the same project.
@Suite struct TowncrierTests {
    static let project: [String: String] = [
        "pyproject.toml": """
            [project]
            name = "demo"

            [tool.towncrier]
            name = "Demo"
            directory = "changelog.d"
            template = "changelog.d/template.md.jinja"
            title_format = ""
            issue_format = "[#{issue}](https://example.org/issues/{issue})"

            [[tool.towncrier.type]]
            directory = "feature"
            name = "Features"
            showcontent = true

            [[tool.towncrier.type]]
            directory = "bugfix"
            name = "Fixes"
            showcontent = true

            [[tool.towncrier.type]]
            directory = "misc"
            name = "Other"
            showcontent = false

            """,
        "changelog.d/template.md.jinja": """
            {%- if versiondata["version"] == "main" -%}
            ## Unreleased

            {% else -%}
            ## {{ versiondata["name"] }} {{ versiondata["version"] }}
            {%- endif %}

            {% for section, _ in sections.items() %}
            {% if sections[section] %}
            {% for category, val in definitions.items() if category in sections[section] %}

            ### {{ definitions[category]['name'] }}

            {% for text, values in sections[section][category].items() %}
            - {{ text }}{% if values %} ({{ values|join(', ') }}){% endif %}{% if loop.last %} (last){% endif %}

            {% endfor %}
            {% endfor %}
            {% else %}
            No significant changes.
            {% endif %}
            {% endfor %}

            """,
        "changelog.d/12.feature.md": "Added a thing.\n",
        "changelog.d/3.feature.md": "Added another\nthing on two lines.\n",
        "changelog.d/7.feature.md": "Added a thing.\n",
        "changelog.d/5.bugfix.md": "Fixed it.\n",
        "changelog.d/+tidy.misc.md": "Internal.\n",
        "docs/conf.py": """
            project = "Demo"
            extensions = ["myst_parser", "sphinxcontrib.towncrier"]
            towncrier_draft_autoversion_mode = "draft"
            towncrier_draft_include_empty = True
            towncrier_draft_working_directory = ".."

            """,
        "docs/index.md": "# Changelog\n\n```{towncrier-draft-entries} 2.0\n```\n\n## Older\n\nText.\n",
    ]

    func build(_ files: [String: String]) throws -> (BuildReport, String) {
        let root = try temporaryProject(files)
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("site")
        let report = try SiteBuilder.build(BuildOptions(sourceDirectory: root.appendingPathComponent("docs").path,
                                                        outputDirectory: out.path))
        let html = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        return (report, MySTLinkTests.article(html))
    }

    /// Fragments grouped by type and text (#7 and #12 say the same), issues in towncrier's order,
    /// an orphan fragment without an issue, and the draft's headings under the page's own.
    @Test func draftEntriesAsSphinxcontribTowncrierWritesThem() throws {
        let (report, html) = try build(Self.project)
        #expect(report.diagnostics.isEmpty, "\(rendered(report.diagnostics))")
        expectGolden(html, "towncrier/index.html")
        #expect(html.contains("<h2>Demo 2.0"))
        #expect(html.contains("Added a thing. (<a class=\"reference external\" href=\"https://example.org/issues/7\">#7</a>, "
            + "<a class=\"reference external\" href=\"https://example.org/issues/12\">#12</a>) (last)"))
        #expect(html.contains("<li>Internal. (last)</li>"))
    }

    /// Without fragments the template's empty branch; with `towncrier_draft_include_empty = False`
    /// nothing; towncrier's own template is not reproduced, which is said.
    @Test func emptyDraftsAndWhatIsNotReproduced() throws {
        var files = Self.project.filter { !$0.key.hasPrefix("changelog.d/") || $0.key.hasSuffix(".jinja") }
        files["docs/index.md"] = "# Changelog\n\n```{towncrier-draft-entries} main\n```\n"
        let (report, html) = try build(files)
        #expect(report.diagnostics.isEmpty, "\(rendered(report.diagnostics))")
        #expect(html.contains("<h2>Unreleased"))
        #expect(html.contains("<p>No significant changes.</p>"))

        files["docs/conf.py"] = files["docs/conf.py"]!.replacingOccurrences(of: "include_empty = True", with: "include_empty = False")
        let (_, hidden) = try build(files)
        #expect(!hidden.contains("Unreleased"))

        files["pyproject.toml"] = "[tool.towncrier]\ndirectory = \"changelog.d\"\n"
        let (unrendered, _) = try build(files)
        #expect(unrendered.diagnostics.map(\.id) == ["towncrier.unrendered"])
        #expect(unrendered.diagnostics.first?.message.contains("towncrier's built-in template") == true)
    }

    @Test func jinjaAsTowncrierTemplatesUseIt() throws {
        let template = try JinjaTemplate("""
            {% set title = name | upper %}{{ title }}
            {% for key, value in items.items() if value %}
            {{ loop.index }}. {{ key }}={{ value }}{% if not loop.last %},{% endif %}
            {% else %}
            none
            {% endfor %}
            {%- if count > 2 %} many{% elif count %} some{% else %} none{% endif %}
            {{ undefined | default("-") }} {{ missing }} {{ list | length }} {{ list | join("+") }}
            {% for x in [] %}{{ x }}{% else %}empty{% endfor %}
            """, trimBlocks: true)
        var items = PyDict()
        for (key, value) in [("a", 1), ("b", 0), ("c", 3)] { items[.str(key)] = .int(value) }
        let text = try template.render(["name": .str("news"), "items": .dict(items), "count": .int(2),
                                        "missing": .none, "list": .list([.str("x"), .str("y")])])
        // What Jinja2 3.1 renders from the same template and values.
        #expect(text == "NEWS\n1. a=1,2. c=3 some- None 2 x+y\nempty")
        #expect(throws: JinjaTemplate.Failure.self) { try JinjaTemplate("{% macro m() %}{% endmacro %}") }
        #expect(throws: JinjaTemplate.Failure.self) { try JinjaTemplate("{{ x | wordwrap }}").render(["x": .str("a")]) }
    }

    /// pyproject.toml's `[[tool.towncrier.type]]`: arrays of tables, read there (never in vellum.toml).
    @Test func arraysOfTablesInPyproject() {
        var parser = TOMLParser(file: SourceFile(path: "pyproject.toml", text: """
            [[tool.towncrier.type]]
            directory = "feature"
            [[tool.towncrier.type]]
            directory = "bugfix"
            [tool.towncrier.type.extra]
            note = "in the last one"
            [tool.other]
            key = 1

            """), allowsArraysOfTables: true)
        let table = parser.parse()
        #expect(parser.diagnostics.isEmpty, "\(parser.diagnostics.map(\.message))")
        guard case .table(let tool)? = table["tool"]?.value, case .table(let towncrier)? = tool["towncrier"]?.value,
              case .array(let types)? = towncrier["type"]?.value else {
            Issue.record("no array of tables")
            return
        }
        let directories = types.compactMap { item -> String? in
            guard case .table(let type) = item.value, case .string(let directory)? = type["directory"]?.value else { return nil }
            return directory
        }
        #expect(directories == ["feature", "bugfix"])
        if case .table(let last)? = types.last?.value, case .table(let extra)? = last["extra"]?.value {
            #expect(extra["note"]?.value == .string("in the last one"))
        } else {
            Issue.record("the subtable is not in the last element")
        }
        #expect(tool["other"] != nil)
    }
}
