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
    /// Reads a file's bytes (absolute path) and decides which files may be read at all
    /// (the Site: the project, see `FileReadFailure`). When set it replaces `readFile`,
    /// `readData` and the confinement to `includeRoot`.
    public var readBytes: (@Sendable (String) -> Result<[UInt8], FileReadFailure>)? = nil
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
    /// docutils' `auto_id_prefix`: ids made up for nodes without a usable name. Ending in `%`
    /// (docutils' default) they are named after the node (`section-1`, `footnote-reference-2`);
    /// otherwise the prefix and one counter for the page (`id1`, `id2`, …), which is what
    /// Sphinx sets (`"id"`).
    public var autoIDPrefix: String = "%"
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

/// Why a file was not read, as the file access of `ParserOptions.readBytes` says.
/// `id` and `message` are shown as they are (the message says what to do).
public struct FileReadFailure: Error, Sendable, Equatable {
    /// A stable diagnostic id (`read.outside-project`, `read.directory`, …).
    public var id: String
    public var message: String
    /// The file does not exist (reported with docutils' wording).
    public var isMissing: Bool

    public init(id: String, message: String, isMissing: Bool = false) {
        self.id = id
        self.message = message
        self.isMissing = isMissing
    }

    public static let notFound = FileReadFailure(id: "rst.include", message: "No such file or directory", isMissing: true)
}
