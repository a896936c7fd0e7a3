import DocTree
import Testing
@testable import Site

@Suite struct ConfigTests {
    func load(_ text: String) -> (SiteConfig, [Diagnostic]) {
        SiteConfig.load(file: SourceFile(path: "vellum.toml", text: text), baseDirectory: "/docs")
    }

    @Test func readsKnownKeys() {
        let (config, diagnostics) = load("""
        # comment
        [project]
        name = "Routers"   # trailing comment
        version = '1.2'
        root = "start"
        templates = "../theme"

        [build]
        exclude = ["drafts/**",
                   "old/*.rst"]
        raw = true
        tags = []

        [autodoc]
        swift_modules = { Routers = "../Sources/Routers" }

        [diagnostics.severity]
        "ref.doc" = "warning"

        [extlinks.issue]
        url = "https://example.org/issues/%s"
        """)
        #expect(diagnostics.isEmpty)
        #expect(config.projectName == "Routers")
        #expect(config.version == "1.2")
        #expect(config.rootDocument == "start")
        #expect(config.templateDirectory == "/theme")
        #expect(config.exclude == ["drafts/**", "old/*.rst"])
        #expect(config.rawEnabled)
        #expect(config.swiftModules.map(\.name) == ["Routers"])
        #expect(config.swiftModules.map(\.path) == ["/Sources/Routers"])
        #expect(config.severityOverrides["ref.doc"] == .warning)
        #expect(config.extlinks["issue"]?.url == "https://example.org/issues/%s")
    }

    @Test func unknownKeysAndWrongTypesAreReportedAtTheirLine() {
        let (config, diagnostics) = load("""
        [project]
        nmae = "x"
        version = 3
        [build]
        raw = "yes"
        [theme]
        """)
        let rendered = diagnostics.map { "\($0.range!.start.line):\($0.range!.start.column) \($0.id) \($0.message) \($0.suggestions)" }
        #expect(rendered == [
            "2:1 config.unknown-key unknown key 'project.nmae' [\"project.name\"]",
            "3:1 config.type 'project.version' must be a string, not a integer []",
            "5:1 config.type 'build.raw' must be true or false, not a string []",
            "6:1 config.unknown-key unknown key 'theme' []",
        ])
        #expect(config.version == "")
    }

    @Test func readRootsAreFoldersRelativeToTheSourceDirectory() {
        let (config, diagnostics) = load("""
        [build]
        read_roots = ["../../shared", "/opt/snippets/"]
        """)
        #expect(diagnostics.isEmpty)
        #expect(config.readRoots == ["/shared", "/opt/snippets"])
        let (_, problems) = load("""
        [build]
        read_root = ["../shared"]
        read_roots = "../shared"
        """)
        #expect(problems.map(\.id) == ["config.unknown-key", "config.type"])
        #expect(problems.first?.suggestions == ["build.read_roots"])
    }

    @Test func syntaxErrorsHaveLocations() {
        let (_, diagnostics) = load("""
        [project]
        name = unquoted
        version = "open
        """)
        #expect(diagnostics.map(\.id) == ["config.syntax", "config.syntax"])
        #expect(diagnostics.map { $0.range!.start.line } == [2, 3])
    }

    @Test func hostileNestingIsADiagnosticNotACrash() {
        let (_, diagnostics) = load("x = " + String(repeating: "[", count: 100_000))
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.message.contains("nest more than") == true)
    }
}
