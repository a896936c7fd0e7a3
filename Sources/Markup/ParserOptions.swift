import DocTree

/// Settings a page's parser and the directives and roles running in it
/// share, whatever the markup. A value type: the site builds one from its
/// configuration and shares it between parallel reads. (Which directives
/// and roles exist is the host markup's business: see `RSTOptions`.)
public struct ParserOptions: Sendable {
    /// Whether the `raw` directive/role may pass markup through (off by default).
    public var rawEnabled: Bool
    /// Tags for the `only` directive.
    public var tags: Set<String>
    /// Source root: `include` / `literalinclude` paths are confined below it.
    public var includeRoot: String?
    /// Reads an included file (absolute path) or returns nil when it cannot.
    public var readFile: (@Sendable (String) -> String?)?
    /// Reads a file's bytes (absolute path), for directives with an `:encoding:` option;
    /// without it such files are read with `readFile` (UTF-8).
    public var readData: (@Sendable (String) -> [UInt8]?)? = nil
    /// `extlinks`: role name -> (URL pattern with `%s`, caption pattern with `%s` or nil).
    public var extlinks: [String: (url: String, caption: String?)]
    /// The document node's `source` attribute (docutils tests use "test data"); defaults to the file path.
    public var sourceLabel: String?
    /// The role used for `` `text` `` without an explicit role (docutils: title-reference).
    public var defaultRole: String?
    /// The language passed to code blocks without an explicit one (Sphinx `highlight_language`).
    public var highlightLanguage: String?
    /// docutils' `legacy_ids`: give sections (implicit targets) ids while parsing (docutils' default).
    public var legacyIDs: Bool = true
    /// docutils' `character_level_inline_markup`: inline markup may start and end inside words.
    public var characterLevelInlineMarkup: Bool = false
    /// Lines longer than this are refused (docutils' `line_length_limit`).
    public var lineLengthLimit: Int = 10_000

    public init(rawEnabled: Bool = false, tags: Set<String> = [], includeRoot: String? = nil,
                readFile: (@Sendable (String) -> String?)? = nil,
                extlinks: [String: (url: String, caption: String?)] = [:],
                sourceLabel: String? = nil, defaultRole: String? = nil, highlightLanguage: String? = nil) {
        self.rawEnabled = rawEnabled
        self.tags = tags
        self.includeRoot = includeRoot
        self.readFile = readFile
        self.extlinks = extlinks
        self.sourceLabel = sourceLabel
        self.defaultRole = defaultRole
        self.highlightLanguage = highlightLanguage
    }
}
