import DocTree

/// Numbers figures, tables and captioned code blocks in reading order, for
/// `:numref:`. Each kind counts on its own across the whole site.
enum Numbering {
    /// One numbered element of a page: its kind (`figure`, `table`, `code`) and ids.
    struct Item: Sendable, Hashable, Codable {
        var kind: String
        var ids: [String]
    }

    /// The numbered elements of one page, in document order (computed once per read).
    static func items(of root: Node) -> [Item] {
        var found: [Item] = []
        root.walk { node in
            let kind: String
            switch node.kind {
            case .figure: kind = "figure"
            case .table where node.children.contains { $0.kind == .title }: kind = "table"
            case .container where node.classes.contains("literal-block-wrapper"): kind = "code"
            case .literalBlock where node.string(AttributeKey.caption) != nil: kind = "code"
            default: return
            }
            found.append(Item(kind: kind, ids: node.ids))
        }
        return found
    }

    /// `page#id` → number, counting pages in reading order, then the others by name.
    static func compute(_ items: [String: [Item]], names: [String], order: [String]) -> [String: Int] {
        let ordered = Set(order)
        let rest = names.filter { !ordered.contains($0) }.sorted()
        var counters: [String: Int] = [:]
        var numbers: [String: Int] = [:]
        for name in order + rest {
            for item in items[name] ?? [] {
                counters[item.kind, default: 0] += 1
                for id in item.ids { numbers["\(name)#\(id)"] = counters[item.kind] }
            }
        }
        return numbers
    }
}
