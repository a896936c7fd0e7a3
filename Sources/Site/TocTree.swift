import CrossRef
import DocTree

/// A `toctree` directive of one page, with its entries resolved to page names.
struct TocTree: Sendable {
    enum Target: Sendable, Hashable {
        case document(String)
        case url(String)
    }

    struct Entry: Sendable {
        var title: String?
        var target: Target
        var range: SourceRange?
    }

    var entries: [Entry] = []
    var hidden = false
    var maxDepth = -1
    var caption: String?
    var titlesOnly = false
    /// `:numbered:`: how many levels get section numbers (0: none; the bare flag: 999, as Sphinx).
    var numbered = 0
    var range: SourceRange?

    /// The toctrees of a page, in document order, with entries resolved
    /// against the site's page list. Unknown pages are errors.
    static func extract(from document: Document, pages: [String], known: Set<String>? = nil) -> ([TocTree], [Diagnostic]) {
        var trees: [TocTree] = []
        var diagnostics: [Diagnostic] = []
        let known = known ?? Set(pages)
        document.root.walk { node in
            guard let toctree = TocTreeNode(node) else { return }
            var tree = TocTree()
            tree.hidden = toctree.hidden
            tree.maxDepth = toctree.maxDepth
            tree.caption = toctree.caption
            tree.titlesOnly = toctree.titlesOnly
            if toctree.numbered { tree.numbered = toctree.numberedDepth ?? 999 }
            tree.range = toctree.range
            let glob = toctree.glob
            for entry in toctree.entries {
                let written = entry.target
                let title = entry.title
                if written.contains("://") || written.hasPrefix("mailto:") {
                    tree.entries.append(Entry(title: title, target: .url(written), range: entry.range))
                    continue
                }
                if written == "self" {
                    tree.entries.append(Entry(title: title, target: .document(document.name), range: entry.range))
                    continue
                }
                if glob, written.contains(where: { "*?[".contains($0) }) {
                    let pattern = PageURL.resolveDocument(written, from: document.name) ?? written
                    let matches = pages.filter { Glob.matches(pattern, $0) && $0 != document.name }.sorted()
                    if matches.isEmpty {
                        diagnostics.append(.warning("toctree.empty-glob", "toctree glob pattern '\(written)' matches no page",
                                                    file: document.source, range: entry.range))
                    }
                    tree.entries += matches.map { Entry(title: nil, target: .document($0), range: entry.range) }
                    continue
                }
                guard let name = PageURL.resolveDocument(written, from: document.name), known.contains(name) else {
                    let wanted = PageURL.resolveDocument(written, from: document.name) ?? written
                    diagnostics.append(Diagnostic(
                        id: "toctree.missing-document", severity: .error,
                        message: "toctree names a page that does not exist: '\(written)'",
                        file: document.source, range: entry.range,
                        suggestions: TargetIndex.suggestions(for: wanted, among: pages)))
                    continue
                }
                tree.entries.append(Entry(title: title, target: .document(name), range: entry.range))
            }
            if node.attributes["reversed"] == .bool(true) { tree.entries.reverse() }
            trees.append(tree)
        }
        return (trees, diagnostics)
    }
}

/// The site's page hierarchy from the root document's toctrees, and the
/// reading order used for previous/next links.
struct Navigation: Sendable {
    struct Item: Sendable {
        var title: String
        var target: TocTree.Target
        var children: [Item]
        /// On a top-level item that starts a captioned toctree of the root: the caption.
        var caption: String? = nil
    }

    var root: String
    /// Top-level items (the root document's toctree entries).
    var items: [Item] = []
    /// Pages in reading order, root first.
    var order: [String] = []
    /// Each page's parent page in the hierarchy.
    var parents: [String: String] = [:]
    /// Each page's index in `order`.
    var positions: [String: Int] = [:]

    static func build(root: String, toctrees: [String: [TocTree]], titles: [String: String],
                      orphans: Set<String>, files: [String: SourceFile]) -> (Navigation, [Diagnostic]) {
        var navigation = Navigation(root: root)
        var diagnostics: [Diagnostic] = []
        var visited: Set<String> = [root]
        navigation.order = [root]

        func children(of document: String) -> [Item] {
            var items: [Item] = []
            for tree in toctrees[document] ?? [] {
                let first = items.count
                defer {
                    if document == root, let caption = tree.caption, first < items.count { items[first].caption = caption }
                }
                for entry in tree.entries {
                    switch entry.target {
                    case .url(let url):
                        items.append(Item(title: entry.title ?? url, target: entry.target, children: []))
                    case .document(let name):
                        if name == document { continue }
                        if visited.contains(name) {
                            if name == root || navigation.parents[name] == nil || isAncestor(name, of: document) {
                                diagnostics.append(.warning("toctree.cycle",
                                    "circular toctree: '\(name)' already contains '\(document)'",
                                    file: files[document], range: entry.range))
                            }
                            items.append(Item(title: entry.title ?? titles[name] ?? name, target: entry.target, children: []))
                            continue
                        }
                        visited.insert(name)
                        navigation.parents[name] = document
                        navigation.order.append(name)
                        let sub = children(of: name)
                        items.append(Item(title: entry.title ?? titles[name] ?? name, target: entry.target, children: sub))
                    }
                }
            }
            return items
        }

        func isAncestor(_ candidate: String, of document: String) -> Bool {
            var current: String? = document
            while let c = current {
                if c == candidate { return true }
                current = navigation.parents[c]
            }
            return false
        }

        navigation.items = children(of: root)
        for (i, name) in navigation.order.enumerated() { navigation.positions[name] = i }
        // As Sphinx: a page is included when any page's toctree lists it, reachable from the root or not
        // (pytest's orphan `contents` lists the release notes).
        var listed: Set<String> = []
        for (document, trees) in toctrees {
            for tree in trees {
                for entry in tree.entries { if case .document(let name) = entry.target, name != document { listed.insert(name) } }
            }
        }
        for name in files.keys.sorted() where !visited.contains(name) && !listed.contains(name) && !orphans.contains(name) {
            diagnostics.append(.warning("toctree.not-included",
                "page '\(name)' is not in any toctree; add it to one or mark it ':orphan:'",
                file: files[name], range: SourceRange(line: 1)))
        }
        return (navigation, diagnostics)
    }

    /// Previous and next page of `document` in reading order.
    func neighbours(of document: String) -> (previous: String?, next: String?) {
        guard let i = positions[document] else { return (nil, nil) }
        return (i > 0 ? order[i - 1] : nil, i + 1 < order.count ? order[i + 1] : nil)
    }

    /// The chain of pages from the root down to `document`.
    func ancestors(of document: String) -> Set<String> {
        var result: Set<String> = []
        var current = parents[document]
        while let c = current, !result.contains(c) {
            result.insert(c)
            current = parents[c]
        }
        return result
    }
}
