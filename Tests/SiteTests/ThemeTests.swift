import Foundation
import Testing
@testable import Site

@Suite struct ThemeTests {
    /// The theme compiled into the binary must be exactly templates/ (run `make theme`).
    @Test func embeddedThemeMatchesTemplatesDirectory() throws {
        let templates = fixturesURL.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("templates")
        let files = try FileTree.files(under: templates)
        #expect(files.sorted() == DefaultTheme.files.keys.sorted())
        for file in files {
            let text = try String(contentsOf: templates.appendingPathComponent(file), encoding: .utf8)
            #expect(DefaultTheme.files[file] == text, "\(file) is stale: run make theme")
        }
    }

    @Test func builtInThemeCompiles() throws {
        let theme = Theme.builtIn
        #expect(theme.staticFiles["vellum.css"] != nil)
        _ = try theme.library()
    }
}
