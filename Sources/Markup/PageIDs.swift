import DocTree

/// The ids of one parsed page and the counter docutils numbers made-up ids
/// with, as Sphinx sets it up (`auto_id_prefix = "id"`: `id1`, `id2`, … one
/// counter for the page). Read back from the tree, so that transforms after
/// parsing (Sphinx's `AutoNumbering`, docutils' `Contents`) continue the
/// parser's numbering instead of starting again, and never take an id the
/// page already has.
package struct PageIDs {
    private(set) var taken: Set<String> = []
    /// The number of the last made-up id: the highest `idN` of the page that is
    /// not its node's own name (a label written `id7` does not move the counter).
    private(set) var counter = 0

    /// Sphinx's `AutoNumbering` and then docutils' `Contents` over a parsed page, which
    /// number their ids after the page's own; the page unchanged when neither has work.
    package static func numberFiguresAndContents(_ root: Node) -> Node {
        guard root.first(where: { AutoNumbering.needsID($0) || ContentsTable.isPendingContents($0) }) != nil else {
            return root
        }
        var ids = PageIDs(root)
        let numbered = AutoNumbering.apply(root, ids: &ids)
        return ContentsTable.apply(numbered, ids: &ids)
    }

    package init(_ root: Node) {
        root.walk { node in
            guard !node.isText else { return }
            let ids = node.ids
            guard !ids.isEmpty else { return }
            var ownNames: Set<String>?
            for id in ids {
                taken.insert(id)
                guard let n = Self.generatedNumber(id) else { continue }
                if ownNames == nil { ownNames = Set((node.names + node.list(AttributeKey.dupnames)).map(Names.makeID)) }
                if ownNames?.contains(id) == false { counter = max(counter, n) }
            }
        }
    }

    /// `N` of an id spelled `idN`.
    static func generatedNumber(_ id: String) -> Int? {
        guard id.hasPrefix("id"), id.count > 2 else { return nil }
        let digits = id.dropFirst(2)
        guard digits.first != "0", digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(digits)
    }

    /// The page's next made-up id (docutils' `create_id` for a node without names).
    package mutating func next() -> String {
        while true {
            counter += 1
            let id = "id\(counter)"
            if taken.insert(id).inserted { return id }
        }
    }

    /// docutils' `set_id`: the node's first id, else its first name's id when free, else a made-up one.
    package mutating func set(on node: inout Node) -> String {
        if let id = node.ids.first { return id }
        var id: String?
        for name in node.names {
            let candidate = Names.makeID(name)
            if !candidate.isEmpty, !taken.contains(candidate) { id = candidate; break }
        }
        let chosen = id ?? next()
        taken.insert(chosen)
        node.ids = [chosen]
        return chosen
    }
}
