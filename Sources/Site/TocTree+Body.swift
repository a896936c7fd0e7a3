import CrossRef
import DocTree

extension TocTree {
    /// The toctree as it appears in the page body: a caption and nested lists
    /// of links to the entries, their sections and their own toctrees, down
    /// to `maxdepth` levels. Hidden toctrees render as nothing.
    func bodyNodes(in document: String, index: TargetIndex, toctrees: [String: [TocTree]]) -> [Node] {
        if hidden { return [] }
        var visited: Set<String> = [document]
        let items = entries.compactMap { entry in
            listItem(for: entry, from: document, depth: 1, index: index, toctrees: toctrees, visited: &visited)
        }
        var children: [Node] = []
        if let caption {
            children.append(Node(.paragraph, attributes: ["classes": .list(["caption"])],
                                 children: [Node(.inline, attributes: ["classes": .list(["caption-text"])],
                                                 children: [.text(caption)])]))
        }
        if !items.isEmpty {
            children.append(Node(.bulletList, children: items))
        }
        return [Node(.compound, attributes: ["classes": .list(["toctree-wrapper"])], children: children, range: range)]
    }

    private func listItem(for entry: Entry, from document: String, depth: Int, index: TargetIndex,
                          toctrees: [String: [TocTree]], visited: inout Set<String>) -> Node? {
        switch entry.target {
        case .url(let url):
            let link = Node(.reference, attributes: ["refuri": .string(url)], children: [.text(entry.title ?? url)])
            return Node(.listItem, children: [Node(.paragraph, children: [link])])
        case .document(let name):
            let title = entry.title ?? index.documents[name]?.title ?? name
            let link = Node(.reference, attributes: ["internal": .bool(true),
                                                     "refuri": .string(PageURL.relative(from: document, to: name))],
                            children: [.text(title)])
            var item = Node(.listItem, children: [Node(.paragraph, children: [link])])
            let deeper = maxDepth < 0 || depth < maxDepth
            guard deeper, !visited.contains(name) else { return item }
            visited.insert(name)
            var nested: [Node] = []
            if !titlesOnly, let outline = index.documents[name]?.outline {
                nested += sectionItems(outline, page: name, from: document, depth: depth + 1)
            }
            for tree in toctrees[name] ?? [] where !tree.hidden {
                for child in tree.entries {
                    if let node = listItem(for: child, from: document, depth: depth + 1, index: index,
                                           toctrees: toctrees, visited: &visited) {
                        nested.append(node)
                    }
                }
            }
            if !nested.isEmpty { item.children.append(Node(.bulletList, children: nested)) }
            return item
        }
    }

    private func sectionItems(_ outline: [SectionOutline], page: String, from document: String, depth: Int) -> [Node] {
        outline.map { section in
            let link = Node(.reference, attributes: ["internal": .bool(true),
                                                     "refuri": .string(PageURL.relative(from: document, to: page, anchor: section.anchor))],
                            children: [.text(section.title)])
            var item = Node(.listItem, children: [Node(.paragraph, children: [link])])
            if maxDepth < 0 || depth < maxDepth {
                let nested = sectionItems(section.children, page: page, from: document, depth: depth + 1)
                if !nested.isEmpty { item.children.append(Node(.bulletList, children: nested)) }
            }
            return item
        }
    }
}
