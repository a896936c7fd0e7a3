import DocTree

/// How a directive option value is checked and converted. Markup-neutral:
/// the RST parser and the MyST parser both use it.
public enum DirectiveOptionKind: Sendable, Hashable {
    /// A flag without value (`:hidden:`); value must be empty.
    case flag
    /// Any text, possibly empty.
    case unchanged
    /// Any non-empty text.
    case unchangedRequired
    /// An integer (any sign).
    case int
    case nonNegativeInt
    case positiveInt
    /// A URI: whitespace removed.
    case uri
    /// Space-separated class names, each converted with make_id.
    case classList
    /// One of the given words (case-insensitive).
    case choice([String])
    /// A length with optional unit, or a percentage.
    case lengthOrPercentage
    case lengthOrUnitless
    case lengthOrPercentageOrUnitless
    /// A reference name (whitespace-normalised).
    case referenceName
    /// Text with escapes resolved.
    case path
    case encoding
    /// A comma/space separated list of positive integers.
    case positiveIntList
    /// An integer percentage with optional `%`.
    case percentage
    /// One of the given words, else the other kind.
    indirect case valueOr([String], DirectiveOptionKind)
    /// A single character or a Unicode code (`tab`/`space` allowed with whitespace).
    case singleChar(allowWhitespace: Bool)
    /// `image` or a length (figure widths).
    case figwidth
    /// Any text (no conversion); kept for extensions.
    case custom(String)
}

/// The argument/option/content rules of a directive (docutils' directive class attributes).
public struct DirectiveSpec: Sendable {
    public var requiredArguments: Int
    public var optionalArguments: Int
    public var finalArgumentWhitespace: Bool
    public var options: [String: DirectiveOptionKind]
    public var hasContent: Bool

    public init(requiredArguments: Int = 0, optionalArguments: Int = 0, finalArgumentWhitespace: Bool = false,
                options: [String: DirectiveOptionKind] = [:], hasContent: Bool = false) {
        self.requiredArguments = requiredArguments
        self.optionalArguments = optionalArguments
        self.finalArgumentWhitespace = finalArgumentWhitespace
        self.options = options
        self.hasContent = hasContent
    }
}

/// A converted option value.
public enum DirectiveOptionValue: Sendable, Hashable {
    case flag
    case text(String)
    case int(Int)
    case list([String])

    public var text: String? {
        switch self {
        case .text(let s): return s
        case .int(let i): return String(i)
        case .list(let l): return l.joined(separator: " ")
        case .flag: return nil
        }
    }
}

/// One use of a directive, already split into arguments, options and content
/// by the host markup.
public struct DirectiveCall: Sendable {
    /// The name as written (lookup is case-insensitive).
    public var name: String
    public var arguments: [String]
    public var options: [String: DirectiveOptionValue]
    /// Content lines, dedented.
    public var content: [String]
    /// Source line (1-based) of the first content line.
    public var contentLine: Int
    /// Column (1-based) of the content's left margin.
    public var contentColumn: Int
    /// Source line of the directive marker.
    public var line: Int
    /// The whole directive source range.
    public var range: SourceRange
    /// The directive's text as written (for error messages).
    public var blockText: String
    /// Whether the directive is the body of a substitution definition (`.. |x| replace:: …`).
    public var inSubstitutionDefinition: Bool = false
    /// The kind of the element the directive's output goes into (`document`, `section`, `list_item` …).
    public var parentKind: NodeKind = .document
    /// Whether section titles are allowed where the directive stands.
    public var matchTitles: Bool = true

    public init(name: String, arguments: [String] = [], options: [String: DirectiveOptionValue] = [:],
                content: [String] = [], contentLine: Int = 1, contentColumn: Int = 1, line: Int = 1,
                range: SourceRange = SourceRange(line: 1), blockText: String = "") {
        self.name = name
        self.arguments = arguments
        self.options = options
        self.content = content
        self.contentLine = contentLine
        self.contentColumn = contentColumn
        self.line = line
        self.range = range
        self.blockText = blockText
    }

    public func option(_ name: String) -> String? { options[name]?.text }
    public func flag(_ name: String) -> Bool { options[name] != nil }
}

/// What the host markup offers a running directive: nested parsing in the host
/// markup, inline parsing, problem reporting and page-level context.
public protocol DirectiveHost: AnyObject {
    /// The page name (`guide/replication`).
    var documentName: String { get }
    var options: ParserOptions { get }
    /// Parses `lines` (starting at source line `line`, left margin `column`) as body elements.
    func parseNested(_ lines: [String], line: Int, column: Int, matchTitles: Bool) -> [Node]
    /// Like `parseNested`, telling the parser which element the content goes into.
    func parseNested(_ lines: [String], line: Int, column: Int, matchTitles: Bool, parent: NodeKind) -> [Node]
    /// Sphinx's `nested_parse_with_titles` as its `only` directive does it: titles in `lines` have title
    /// styles of their own (they do not set or check the page's), and their sections go where their
    /// first style puts them among the page's (deeper than the current one when it is new).
    func parseNestedSections(_ lines: [String], line: Int, column: Int, parent: NodeKind) -> [Node]
    /// Parses lines as block quotes with attributions (RST); other markups may just nest.
    func parseBlockQuote(_ lines: [String], line: Int, column: Int) -> [Node]
    /// Inserts text into the host's input after the directive (`include`); returns an error message
    /// (e.g. circular inclusion) or nil.
    func insertInput(_ text: String, path: String, tabWidth: Int) -> String?
    /// As above; `clipKey` tells inclusions of different parts of one file apart.
    func insertInput(_ text: String, path: String, tabWidth: Int, clipKey: String) -> String?
    /// The path of the file the directive stands in (the document, or an included file).
    func currentSourcePath(line: Int) -> String
    /// Adds nodes at the start of the document (docutils puts `meta` elements there).
    func addToDocumentStart(_ nodes: [Node])
    /// Sets an attribute on the document root (e.g. `title`).
    func setDocumentAttribute(_ name: String, _ value: AttributeValue)
    /// Parses one text run as inline markup; returns nodes and system messages.
    func parseInline(_ text: String, line: Int, column: Int) -> (nodes: [Node], messages: [Node])
    /// Records a diagnostic and returns the matching `system_message` node.
    func report(_ severity: Severity, _ id: String, _ message: String, line: Int, range: SourceRange?,
                details: [Node]) -> Node
    /// Gives `node` the name (from a `:name:` option) and an id; returns the node with ids/names set.
    func addName(_ node: Node, name: String?) -> Node
    /// Registers an explicit target name for `node` and returns the node with ids set.
    func noteExplicitTarget(_ node: Node, messageLine: Int) -> (Node, [Node])
    /// RST-specific hooks (default no-ops for other markups).
    func setDefaultRole(_ name: String?, line: Int) -> [Node]
    func registerRole(_ name: String, _ role: Role)
    func lookupRole(_ name: String) -> Role?
    func setMetadata(_ key: String, _ value: String)
}

/// A directive: its argument rules and what it produces.
public struct Directive: Sendable {
    public var spec: DirectiveSpec
    public var run: @Sendable (DirectiveCall, DirectiveHost) -> [Node]

    public init(_ spec: DirectiveSpec, run: @escaping @Sendable (DirectiveCall, DirectiveHost) -> [Node]) {
        self.spec = spec
        self.run = run
    }
}

/// Name -> directive. Names are case-insensitive.
public struct DirectiveRegistry: Sendable {
    private var table: [String: Directive] = [:]

    public init() {}

    public mutating func register(_ name: String, _ directive: Directive) {
        table[name.lowercased()] = directive
    }

    public func lookup(_ name: String) -> Directive? { table[name.lowercased()] }

    public var names: [String] { table.keys.sorted() }
}

/// Defaults for hosts that do not support every RST feature (keeps other
/// markups' hosts compiling when requirements are added).
extension DirectiveHost {
    public func parseNested(_ lines: [String], line: Int, column: Int, matchTitles: Bool, parent: NodeKind) -> [Node] {
        parseNested(lines, line: line, column: column, matchTitles: matchTitles)
    }

    public func parseNestedSections(_ lines: [String], line: Int, column: Int, parent: NodeKind) -> [Node] {
        parseNested(lines, line: line, column: column, matchTitles: true, parent: parent)
    }

    public func parseBlockQuote(_ lines: [String], line: Int, column: Int) -> [Node] {
        [Node(.blockQuote, children: parseNested(lines, line: line, column: column, matchTitles: false))]
    }

    public func addToDocumentStart(_ nodes: [Node]) {}

    public func setDocumentAttribute(_ name: String, _ value: AttributeValue) {}

    public func insertInput(_ text: String, path: String, tabWidth: Int) -> String? {
        "file inclusion is not supported here"
    }

    /// `clipKey` distinguishes inclusions of parts of one file (circular-inclusion check).
    public func insertInput(_ text: String, path: String, tabWidth: Int, clipKey: String) -> String? {
        insertInput(text, path: path, tabWidth: tabWidth)
    }

    public func currentSourcePath(line: Int) -> String { documentName }
}

extension DirectiveRegistry {
    /// Adds every directive of `other` (replacing ones of the same name).
    public mutating func register(contentsOf other: DirectiveRegistry) {
        for name in other.names { if let directive = other.lookup(name) { register(name, directive) } }
    }
}
