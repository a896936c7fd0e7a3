import DocTree

/// docutils' `Contents` transform: fills each `contents` topic (the
/// `contents` directive, in RST or a MyST fence) with a nested list of links
/// to the sections after it: the whole page's, or with `:local:` those of
/// the section holding it, down to `:depth:` levels.
package enum ContentsTable {
    static let marker = "docutils.transforms.parts.Contents"

    /// `root` with every pending contents table built; unchanged when there is none.
    package static func apply(_ root: Node) -> Node {
        guard root.first(where: isPendingContents) != nil else { return root }
        return fill(root, sections: root, page: root)
    }

    static func isPendingContents(_ node: Node) -> Bool {
        node.kind == "pending" && node.textContent.contains(marker)
    }

    /// Rewrites the pending nodes below `node`; `sections` is the node whose sections a
    /// `:local:` table lists (the innermost section around it), `page` the page's root.
    private static func fill(_ node: Node, sections local: Node, page: Node) -> Node {
        var copy = node
        let scope = node.kind == .section ? node : local
        copy.children = node.children.flatMap { child -> [Node] in
            guard !child.isText else { return [child] }
            if child.kind == "topic", child.classes.contains("contents"),
               let pending = child.children.firstIndex(where: isPendingContents) {
                let details = child.children[pending].textContent
                let isLocal = child.classes.contains("local")
                let depth = value(of: "depth", in: details).flatMap(Int.init) ?? Int.max
                var topic = child
                let list = entries(in: isLocal ? scope : page, depth: depth)
                topic.children.remove(at: pending)
                // An empty table is left out, as docutils does.
                guard let list else { return [] }
                topic.children.insert(list, at: pending)
                return [topic]
            }
            return [fill(child, sections: scope, page: page)]
        }
        return copy
    }

    /// The bullet list of the sections directly in `node`, each with its own below it.
    static func entries(in node: Node, depth: Int) -> Node? {
        guard depth > 0 else { return nil }
        var items: [Node] = []
        for section in node.children where section.kind == .section {
            guard let title = section.children.first(where: { $0.kind == .title }),
                  let id = section.ids.first else { continue }
            let text = title.children.filter { $0.kind != "footnote_reference" && $0.kind != .target }
            let link = Node(.reference, attributes: ["refid": .string(id)], children: text)
            var item = Node(.listItem, children: [Node(.paragraph, children: [link])])
            if let nested = entries(in: section, depth: depth - 1) { item.children.append(nested) }
            items.append(item)
        }
        return items.isEmpty ? nil : Node(.bulletList, children: items)
    }

    /// A detail of the pending node (`depth: 2`).
    static func value(of key: String, in details: String) -> String? {
        for line in details.split(separator: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix(key + ":") { return trimmed.dropFirst(key.count + 1).trimmingCharacters(in: .whitespaces) }
        }
        return nil
    }
}
