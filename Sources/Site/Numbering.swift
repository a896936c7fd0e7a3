import CrossRef
import Markup
import DocTree

/// Numbers figures, tables and captioned code blocks for `:numref:` and
/// their captions, as Sphinx's `numfig` does: from the root document,
/// through each toctree at the place it stands (a page's figures after a
/// toctree come after those of the pages it lists), each element type
/// counting on its own across the site. Elements with an id get a number
/// (every captioned one has one, from Sphinx's AutoNumbering), and only on
/// pages the root document's toctrees reach.
enum Numbering {
    /// One element of a page that takes part in numbering: a labelled figure, table or code block
    /// (`kind` its type, `id` what it is known by), or the place of the page's next toctree (`kind` "toctree").
    struct Item: Sendable, Hashable, Codable {
        var kind: String
        var id: String
        /// The element's other ids (labels attached to it, a figure's image's name), which
        /// `:numref:` may know it by.
        var aliases: [String]? = nil
    }

    /// The numbered elements and toctrees of one page, in document order (computed once per read).
    static func items(of root: Node) -> [Item] {
        var found: [Item] = []
        func visit(_ node: Node) {
            if node.kind == .toctree {
                found.append(Item(kind: "toctree", id: ""))
                return
            }
            if let type = figureType(node), let id = numberedID(node) {
                let aliases = numberedIDs(node).filter { $0 != id }
                found.append(Item(kind: type, id: id, aliases: aliases.isEmpty ? nil : aliases))
            }
            for child in node.children where !child.isText { visit(child) }
        }
        visit(root)
        return found
    }

    /// `page#id` → number.
    static func compute(_ items: [String: [Item]], root: String, toctrees: [String: [TocTree]]) -> [String: Int] {
        var counters: [String: Int] = [:]
        var numbers: [String: Int] = [:]
        var assigned: Set<String> = []
        func walk(document name: String) {
            guard assigned.insert(name).inserted, let pageItems = items[name] else { return }
            var nextTree = 0
            for item in pageItems {
                if item.kind == "toctree" {
                    let trees = toctrees[name] ?? []
                    defer { nextTree += 1 }
                    guard nextTree < trees.count else { continue }
                    for entry in trees[nextTree].entries {
                        if case .document(let page) = entry.target { walk(document: page) }
                    }
                    continue
                }
                counters[item.kind, default: 0] += 1
                for id in [item.id] + (item.aliases ?? []) { numbers["\(name)#\(id)"] = counters[item.kind] }
            }
        }
        walk(document: root)
        return numbers
    }

    /// Sphinx's enumerable elements: figures, tables, code blocks with a caption.
    static func figureType(_ node: Node) -> String? { AutoNumbering.figureType(node) }

    /// The id a numbered element is known by: its own, or for a figure named with `:name:`
    /// (which docutils puts on the image) its image's.
    static func numberedID(_ node: Node) -> String? {
        numberedIDs(node).first
    }

    /// Every id a numbered element is known by: its own, then for a figure its image's.
    static func numberedIDs(_ node: Node) -> [String] {
        guard node.kind == .figure, let image = node.children.first(where: { $0.kind == .image }) else { return node.ids }
        return node.ids + image.ids
    }

    /// Puts `Fig. N ` (numfig_format) before the caption of each numbered element of a page,
    /// in a `caption-number` span, as Sphinx's HTML writer does.
    static func numberCaptions(_ root: Node, document: String, numbers: [String: Int], format: [String: String]) -> Node {
        guard !numbers.isEmpty else { return root }
        return root.rewritten { node -> [Node] in
            guard let type = figureType(node), let id = numberedID(node), let number = numbers["\(document)#\(id)"],
                  let template = format[type] else { return [node] }
            let label = Node(.inline, attributes: [AttributeKey.classes: .list(["caption-number"])],
                             children: [.text(template.replacingOccurrences(of: "%s", with: String(number)) + " ")])
            var copy = node
            guard let caption = copy.children.firstIndex(where: { $0.kind == .caption || $0.kind == .title }) else {
                return [node]
            }
            copy.children[caption].children.insert(label, at: 0)
            return [copy]
        }.first ?? root
    }
}
