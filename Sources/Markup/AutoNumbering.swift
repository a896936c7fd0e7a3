import DocTree

/// Sphinx's `AutoNumbering` transform: every figure, table and code block
/// with a caption that has no id of its own gets a made-up one (`id4`), in
/// document order, before labels written in front of it are attached (so a
/// labelled figure is `id3` with its label as a second id, as in Sphinx).
/// This is what `numfig` numbers, and it takes its place in the page's id
/// numbering, which the `contents` entries made later continue.
package enum AutoNumbering {
    /// Sphinx's enumerable elements (`figure`, `table`, `code-block`), for a node that is one.
    package static func figureType(_ node: Node) -> String? {
        switch node.kind {
        case .figure: return "figure"
        case .table: return "table"
        case .container where node.classes.contains("literal-block-wrapper"): return "code-block"
        case .literalBlock where node.string(AttributeKey.caption) != nil: return "code-block"
        default: return nil
        }
    }

    /// Whether an enumerable node has a caption (or a table a title), which is what Sphinx numbers.
    static func isCaptioned(_ node: Node) -> Bool {
        if node.kind == .literalBlock { return node.string(AttributeKey.caption) != nil }
        return node.children.contains { $0.kind == .caption || $0.kind == .title }
    }

    /// Whether a node is a captioned enumerable node without an id.
    static func needsID(_ node: Node) -> Bool {
        node.ids.isEmpty && figureType(node) != nil && isCaptioned(node)
    }

    /// `root` with an id on each captioned enumerable node that has none, numbered after the page's own.
    package static func apply(_ root: Node, ids: inout PageIDs) -> Node {
        guard root.first(where: needsID) != nil else { return root }
        return number(root, ids: &ids)
    }

    /// Assigns in document order (a node before the nodes inside it, as docutils' `findall` goes).
    private static func number(_ node: Node, ids: inout PageIDs) -> Node {
        var copy = node
        if needsID(node) {
            _ = ids.set(on: &copy)
        }
        if !copy.children.isEmpty {
            copy.children = copy.children.map { $0.isText ? $0 : number($0, ids: &ids) }
        }
        return copy
    }
}
