import DocTree

/// Numbers figures, tables and captioned code blocks in reading order, for
/// `:numref:`. Each kind counts on its own across the whole site.
enum Numbering {
    static func compute(_ documents: [Document], order: [String]) -> [String: Int] {
        let byName = Dictionary(documents.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let rest = documents.map(\.name).filter { !order.contains($0) }.sorted()
        var counters: [String: Int] = [:]
        var numbers: [String: Int] = [:]
        for name in order + rest {
            guard let document = byName[name] else { continue }
            document.root.walk { node in
                let kind: String
                switch node.kind {
                case .figure: kind = "figure"
                case .table where node.children.contains { $0.kind == .title }: kind = "table"
                case .container where node.classes.contains("literal-block-wrapper"): kind = "code"
                case .literalBlock where node.string(AttributeKey.caption) != nil: kind = "code"
                default: return
                }
                counters[kind, default: 0] += 1
                for id in node.ids { numbers["\(name)#\(id)"] = counters[kind] }
            }
        }
        return numbers
    }
}
