import RST

/// What the Markdown reader accepts and how it maps links.
public struct MarkdownOptions: Sendable {
    /// Pass raw HTML (blocks and inline tags) through as `raw` nodes. Off by
    /// default, like the RST `raw` directive: each HTML fragment is then dropped
    /// with an `md.raw-html` warning at its location (HTML comments become `comment` nodes).
    public var rawHTMLEnabled: Bool
    /// MyST syntax on top of CommonMark: `(label)=` targets, `{role}` roles,
    /// ```` ```{directive} ```` and `:::{directive}` blocks, and `---` front matter.
    public var mystExtensions: Bool
    /// Turn relative links to source pages (`other.md#anchor`, `#anchor`) into
    /// `pending_xref` nodes (reftype `mdlink`) that the site checks and rewrites.
    public var pageLinks: Bool
    /// File suffixes that mark a link destination as a page of the site.
    public var pageSuffixes: [String]
    /// Deepest block/inline nesting kept; deeper content is dropped with a diagnostic.
    public var maxNestingDepth: Int
    /// What roles and directives see, exactly as in RST pages: the shared
    /// directive and role registries, `extraRoles`, `extlinks`, `tags`,
    /// `includeRoot`/`readFile`, `highlightLanguage`. (`rawEnabled` is
    /// taken from `rawHTMLEnabled`, so one switch governs raw markup in Markdown.)
    public var rst: RSTOptions
    /// MyST's optional syntax extensions that are switched on (`myst_enable_extensions`: `deflist`, …).
    public var extensions: Set<String> = []
    /// `myst_substitutions`: what `{{ name }}` stands for (inline Markdown), with the `substitution` extension.
    public var substitutions: [String: String] = [:]
    /// `myst_heading_anchors`: headings down to this level get GitHub-style slug ids
    /// (`## A heading` → `a-heading`) besides their docutils id; nil: every level (Vellum's default).
    public var headingAnchors: Int? = nil
    /// `myst_url_schemes`: the schemes whose links are external (see ``MySTURLScheme``).
    public var urlSchemes: [String: MySTURLScheme] = MySTURLScheme.defaults

    public init(rawHTMLEnabled: Bool = false, mystExtensions: Bool = true, pageLinks: Bool = true,
                pageSuffixes: [String] = [".md", ".markdown", ".rst", ".txt"],
                maxNestingDepth: Int = 100, rst: RSTOptions = RSTOptions()) {
        self.rawHTMLEnabled = rawHTMLEnabled
        self.mystExtensions = mystExtensions
        self.pageLinks = pageLinks
        self.pageSuffixes = pageSuffixes
        self.maxNestingDepth = maxNestingDepth
        self.rst = rst
    }
}
