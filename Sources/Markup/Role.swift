import DocTree

/// One use of an interpreted-text role.
public struct RoleCall: Sendable {
    /// Role name as written (without colons), lower-cased.
    public var name: String
    /// The whole source text (`:ref:`x``).
    public var rawText: String
    /// The content between the backquotes with backslash escapes still marked
    /// (use `text` for the unescaped form).
    public var escapedText: String
    /// The content with escapes resolved.
    public var text: String
    public var range: SourceRange
    public var line: Int
    /// Options from a `role` directive (`class`, `language`, `format` …).
    public var options: [String: DirectiveOptionValue]

    public init(name: String, rawText: String, escapedText: String, text: String, range: SourceRange,
                line: Int, options: [String: DirectiveOptionValue] = [:]) {
        self.name = name
        self.rawText = rawText
        self.escapedText = escapedText
        self.text = text
        self.range = range
        self.line = line
        self.options = options
    }
}

/// What a running role may use from the host.
public protocol RoleHost: AnyObject {
    var documentName: String { get }
    var options: ParserOptions { get }
    func parseInline(_ text: String, line: Int, column: Int) -> (nodes: [Node], messages: [Node])
    /// Records a diagnostic and returns a `system_message` node.
    func report(_ severity: Severity, _ id: String, _ message: String, line: Int, range: SourceRange?,
                details: [Node]) -> Node
    /// A `problematic` node for `rawText` linked to `message`; returns (problematic, message with backrefs).
    func problematic(_ rawText: String, message: Node, range: SourceRange?) -> (Node, Node)
}

/// An interpreted-text role: produces inline nodes (and system messages).
public struct Role: Sendable {
    public var run: @Sendable (RoleCall, RoleHost) -> (nodes: [Node], messages: [Node])

    public init(run: @escaping @Sendable (RoleCall, RoleHost) -> (nodes: [Node], messages: [Node])) {
        self.run = run
    }
}

/// Name -> role. Names are case-insensitive.
public struct RoleRegistry: Sendable {
    private var table: [String: Role] = [:]

    public init() {}

    public mutating func register(_ name: String, _ role: Role) { table[name.lowercased()] = role }

    public func lookup(_ name: String) -> Role? { table[name.lowercased()] }

    public var names: [String] { table.keys.sorted() }
}

extension RoleRegistry {
    /// Adds every role of `other` (replacing ones of the same name).
    public mutating func register(contentsOf other: RoleRegistry) {
        for name in other.names { if let role = other.lookup(name) { register(name, role) } }
    }
}
