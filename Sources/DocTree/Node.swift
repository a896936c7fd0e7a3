/// The name of a document-tree element, named after docutils' node classes
/// (`section`, `paragraph`, `literal_block`, `pending_xref` …).
public struct NodeKind: RawRepresentable, Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { rawValue = value }
    public var description: String { rawValue }

    /// A run of text; its content is `Node.text`.
    public static let text: NodeKind = "#text"
    public static let document: NodeKind = "document"
    public static let section: NodeKind = "section"
    public static let title: NodeKind = "title"
    public static let subtitle: NodeKind = "subtitle"
    public static let paragraph: NodeKind = "paragraph"
    public static let bulletList: NodeKind = "bullet_list"
    public static let enumeratedList: NodeKind = "enumerated_list"
    public static let listItem: NodeKind = "list_item"
    public static let definitionList: NodeKind = "definition_list"
    public static let definitionListItem: NodeKind = "definition_list_item"
    public static let term: NodeKind = "term"
    public static let classifier: NodeKind = "classifier"
    public static let definition: NodeKind = "definition"
    public static let fieldList: NodeKind = "field_list"
    public static let field: NodeKind = "field"
    public static let fieldName: NodeKind = "field_name"
    public static let fieldBody: NodeKind = "field_body"
    public static let literalBlock: NodeKind = "literal_block"
    public static let doctestBlock: NodeKind = "doctest_block"
    public static let lineBlock: NodeKind = "line_block"
    public static let line: NodeKind = "line"
    public static let blockQuote: NodeKind = "block_quote"
    public static let attribution: NodeKind = "attribution"
    public static let transition: NodeKind = "transition"
    public static let comment: NodeKind = "comment"
    public static let target: NodeKind = "target"
    public static let emphasis: NodeKind = "emphasis"
    public static let strong: NodeKind = "strong"
    public static let literal: NodeKind = "literal"
    public static let reference: NodeKind = "reference"
    public static let titleReference: NodeKind = "title_reference"
    public static let pendingXref: NodeKind = "pending_xref"
    public static let inline: NodeKind = "inline"
    public static let image: NodeKind = "image"
    public static let figure: NodeKind = "figure"
    public static let caption: NodeKind = "caption"
    public static let systemMessage: NodeKind = "system_message"
    public static let problematic: NodeKind = "problematic"
    public static let admonition: NodeKind = "admonition"
    public static let container: NodeKind = "container"
    public static let compound: NodeKind = "compound"
    public static let toctree: NodeKind = "toctree"
    public static let raw: NodeKind = "raw"
    public static let table: NodeKind = "table"

    /// The admonition kinds that docutils gives a node class of their own.
    public static let specificAdmonitions: [NodeKind] = [
        "attention", "caution", "danger", "error", "hint", "important", "note", "tip", "warning",
        "seealso",
    ]
}

/// An attribute value; docutils attributes are strings, lists of strings, numbers or flags.
public enum AttributeValue: Hashable, Sendable {
    case string(String)
    case list([String])
    case int(Int)
    case bool(Bool)

    /// The value as one string (lists joined by spaces), for templates and HTML.
    public var stringValue: String {
        switch self {
        case .string(let s): return s
        case .list(let l): return l.joined(separator: " ")
        case .int(let i): return String(i)
        case .bool(let b): return b ? "1" : "0"
        }
    }

    public var listValue: [String] {
        switch self {
        case .list(let l): return l
        case .string(let s): return s.isEmpty ? [] : [s]
        default: return [stringValue]
        }
    }
}

/// One element of the document tree: a value type, so phases transform trees
/// instead of sharing mutable state.
public struct Node: Hashable, Sendable {
    public var kind: NodeKind
    /// Attributes; the pseudo-XML dump prints them sorted by name, as docutils does.
    public var attributes: [String: AttributeValue]
    public var children: [Node]
    /// The content of a `#text` node (empty for elements).
    public var text: String
    /// Where the node came from; nil for generated nodes.
    public var range: SourceRange?

    public init(_ kind: NodeKind, attributes: [String: AttributeValue] = [:], children: [Node] = [],
                range: SourceRange? = nil) {
        self.kind = kind
        self.attributes = attributes
        self.children = children
        self.text = ""
        self.range = range
    }

    /// A text node.
    public static func text(_ string: String, range: SourceRange? = nil) -> Node {
        var node = Node(.text, range: range)
        node.text = string
        return node
    }

    public var isText: Bool { kind == .text }

    public subscript(attribute name: String) -> AttributeValue? {
        get { attributes[name] }
        set { attributes[name] = newValue }
    }

    /// A string attribute (lists joined with spaces), or nil.
    public func string(_ name: String) -> String? { attributes[name]?.stringValue }

    /// A list attribute such as `ids`, `names` or `classes` (empty when absent).
    public func list(_ name: String) -> [String] { attributes[name]?.listValue ?? [] }

    /// Appends a value to a list attribute (`ids`, `names`, `classes` …).
    public mutating func append(_ value: String, to name: String) {
        var values = list(name)
        values.append(value)
        attributes[name] = .list(values)
    }

    /// The concatenated text of this node and all its descendants.
    public var textContent: String {
        if isText { return text }
        var result = ""
        for child in children { result += child.textContent }
        return result
    }

    /// Calls `body` for this node and every descendant, depth first, in document order.
    public func walk(_ body: (Node) throws -> Void) rethrows {
        try body(self)
        for child in children { try child.walk(body) }
    }

    /// Rebuilds the tree bottom-up: `transform` gets each node (with already
    /// transformed children) and returns the nodes to put in its place.
    public func rewritten(_ transform: (Node) throws -> [Node]) rethrows -> [Node] {
        var copy = self
        if !children.isEmpty {
            var newChildren: [Node] = []
            newChildren.reserveCapacity(children.count)
            for child in children { newChildren += try child.rewritten(transform) }
            copy.children = newChildren
        }
        return try transform(copy)
    }

    /// The first descendant (or self) that satisfies `predicate`.
    public func first(where predicate: (Node) -> Bool) -> Node? {
        if predicate(self) { return self }
        for child in children {
            if let found = child.first(where: predicate) { return found }
        }
        return nil
    }
}
