import DocTree

/// What the HTML writer may ask about the rest of the site: nothing more than
/// URLs relative to the page being written.
public protocol LinkProvider: Sendable {
    /// URL of a file copied into the output (images, downloads), given its
    /// path relative to the source directory.
    func assetURL(_ sourcePath: String) -> String
}

/// A link provider for a page at the site root that maps assets one to one.
public struct FlatLinkProvider: LinkProvider {
    public init() {}
    public func assetURL(_ sourcePath: String) -> String { sourcePath }
}

/// The HTML of one node kind added by an extension: given the node and a
/// function that writes nodes (its children, usually) in the current context.
public struct NodeHTMLWriter: Sendable {
    public var write: @Sendable (Node, _ render: ([Node]) -> String) -> String

    public init(_ write: @escaping @Sendable (Node, _ render: ([Node]) -> String) -> String) {
        self.write = write
    }
}
