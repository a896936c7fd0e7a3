import Testing
@testable import Site

@Suite struct GlobTests {
    @Test(arguments: [
        ("*.rst", "a.rst", true), ("*.rst", "d/a.rst", false), ("**/a.rst", "d/e/a.rst", true),
        ("**/a.rst", "a.rst", true), ("guide/*", "guide/x", true), ("guide/?", "guide/xy", false),
        ("[ab].md", "b.md", true), ("[!ab].md", "b.md", false), ("drafts/**", "drafts/x/y.rst", true),
    ])
    func matches(pattern: String, path: String, expected: Bool) {
        #expect(Glob.matches(pattern, path) == expected)
    }

    @Test func staysFastOnHostilePatterns() {
        let pattern = String(repeating: "*a", count: 200) + "b"
        let path = String(repeating: "a", count: 5000)
        #expect(!Glob.matches(pattern, path))
    }
}
