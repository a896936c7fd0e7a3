import DocTree

/// A heading of a Markdown file that `include` reads, on its way to the
/// including page: a section holding only its title, marked with the
/// heading's level. myst-parser renders an included file into the page's
/// own section structure, so `## Release` in the file becomes a subsection
/// of the page's current `#` section, and what follows the `include` goes on
/// in the last section the file opened; the including page's sectioning
/// does the same with these openings.
enum IncludedHeading {
    private static let levelKey = "\u{1}included-heading-level"

    /// `section` (a title only) marked as the opening of a section at `level`.
    static func opening(_ section: Node, level: Int) -> Node {
        var marked = section
        marked.attributes[levelKey] = .int(level)
        return marked
    }

    /// The section an opening stands for, without its mark, and its level; nil for other nodes.
    static func section(_ node: Node) -> (Node, Int)? {
        guard node.kind == .section, case .int(let level)? = node.attributes[levelKey] else { return nil }
        var section = node
        section.attributes[levelKey] = nil
        return (section, level)
    }
}
