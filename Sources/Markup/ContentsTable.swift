import DocTree

/// docutils' `Contents` transform: fills each `contents` topic (the
/// `contents` directive, in RST or a MyST fence) with a nested list of links
/// to the sections after it: the whole page's, or with `:local:` those of
/// the section holding it, down to `:depth:` levels.
///
/// Each entry's link gets a made-up id (`id5`, continuing the page's
/// numbering), and with `:backlinks: entry` (the default) each listed
/// section's title links back to its entry; with `top` to the table itself,
/// with `none` nowhere. A title that holds a link of its own gets no
/// backlink, as in docutils.
package enum ContentsTable {
    static let marker = "docutils.transforms.parts.Contents"

    /// `root` with every pending contents table built; unchanged when there is none.
    package static func apply(_ root: Node, ids: inout PageIDs) -> Node {
        guard root.first(where: isPendingContents) != nil else { return root }
        var plan = Plan()
        collect(root, scope: root, page: root, ids: &ids, plan: &plan)
        var next = 0
        return rewrite(root, plan: plan, next: &next)
    }

    static func isPendingContents(_ node: Node) -> Bool {
        node.kind == "pending" && node.textContent.contains(marker)
    }

    static func isContentsTopic(_ node: Node) -> Bool {
        node.kind == "topic" && node.classes.contains("contents") && node.children.contains(where: isPendingContents)
    }

    /// What the tables of a page hold, worked out before the tree is rewritten:
    /// per table (in document order) its id and list, per section id where its title links back to.
    struct Plan {
        var tables: [(id: String, list: Node?)] = []
        var backlinks: [String: String] = [:]
    }

    enum Backlinks: String { case entry, top, none }

    /// Builds the tables in document order (as docutils runs the pending transforms), so
    /// their ids are numbered in that order; `scope` is the innermost section around a node.
    private static func collect(_ node: Node, scope: Node, page: Node, ids: inout PageIDs, plan: inout Plan) {
        let scope = node.kind == .section ? node : scope
        for child in node.children where !child.isText {
            guard isContentsTopic(child), let pending = child.children.first(where: isPendingContents) else {
                collect(child, scope: scope, page: page, ids: &ids, plan: &plan)
                continue
            }
            let details = pending.textContent
            let depth = value(of: "depth", in: details).flatMap(Int.init) ?? Int.max
            let backlinks = value(of: "backlinks", in: details).map(unquoted).flatMap(Backlinks.init) ?? .entry
            var topic = child
            let topicID = ids.set(on: &topic)
            let list = entries(in: child.classes.contains("local") ? scope : page, depth: depth,
                               backlinks: backlinks, topicID: topicID, ids: &ids, plan: &plan)
            plan.tables.append((topicID, list))
        }
    }

    /// The bullet list of the sections directly in `node`, each with its own below it.
    private static func entries(in node: Node, depth: Int, backlinks: Backlinks, topicID: String,
                                ids: inout PageIDs, plan: inout Plan) -> Node? {
        guard depth > 0 else { return nil }
        var items: [Node] = []
        for section in node.children where section.kind == .section {
            guard let title = section.children.first(where: { $0.kind == .title }),
                  let sectionID = section.ids.first else { continue }
            var link = Node(.reference, attributes: [AttributeKey.refid: .string(sectionID)],
                            children: entryText(title.children))
            let entryID = ids.next()
            link.ids = [entryID]
            if title.first(where: { $0.kind == .reference }) == nil {
                switch backlinks {
                case .entry: plan.backlinks[sectionID] = entryID
                case .top: plan.backlinks[sectionID] = topicID
                case .none: break
                }
            }
            var item = Node(.listItem, children: [Node(.paragraph, children: [link])])
            if let nested = entries(in: section, depth: depth - 1, backlinks: backlinks, topicID: topicID,
                                    ids: &ids, plan: &plan) {
                item.children.append(nested)
            }
            items.append(item)
        }
        return items.isEmpty ? nil : Node(.bulletList, children: items)
    }

    /// A title's content as an entry shows it (docutils' `ContentsFilter`): without footnote
    /// and citation references, images as their alternative text, links and targets as their text.
    static func entryText(_ nodes: [Node]) -> [Node] {
        nodes.flatMap { node -> [Node] in
            if node.isText { return [node] }
            switch node.kind {
            case "footnote_reference", "citation_reference": return []
            case .image: return node.string("alt").map { [.text($0)] } ?? []
            case .reference, .target, "problematic": return entryText(node.children)
            default:
                var copy = node
                copy.children = entryText(node.children)
                return [copy]
            }
        }
    }

    /// Puts the planned tables in place of their pending nodes (a table with no entries is
    /// left out, as docutils does) and the backlinks on the section titles.
    private static func rewrite(_ node: Node, plan: Plan, next: inout Int) -> Node {
        var copy = node
        if node.kind == .section, let id = node.ids.first, let target = plan.backlinks[id],
           let title = copy.children.firstIndex(where: { $0.kind == .title }) {
            copy.children[title].attributes[AttributeKey.refid] = .string(target)
        }
        copy.children = copy.children.flatMap { child -> [Node] in
            guard !child.isText else { return [child] }
            guard isContentsTopic(child), let pending = child.children.firstIndex(where: isPendingContents),
                  next < plan.tables.count else { return [rewrite(child, plan: plan, next: &next)] }
            let table = plan.tables[next]
            next += 1
            guard let list = table.list else { return [] }
            var topic = child
            if topic.ids.isEmpty { topic.ids = [table.id] }
            topic.children[pending] = list
            return [topic]
        }
        return copy
    }

    /// A detail of the pending node (`depth: 2`).
    static func value(of key: String, in details: String) -> String? {
        for line in details.split(separator: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix(key + ":") { return trimmed.dropFirst(key.count + 1).trimmingCharacters(in: .whitespaces) }
        }
        return nil
    }

    /// A detail's value without the quotes of its Python spelling (`'top'`); `None` is `none`.
    static func unquoted(_ value: String) -> String {
        if value == "None" { return "none" }
        guard value.count >= 2, let first = value.first, first == "'" || first == "\"", value.last == first else { return value }
        return String(value.dropFirst().dropLast())
    }
}
