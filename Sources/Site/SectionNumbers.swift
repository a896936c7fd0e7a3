import DocTree

/// Section numbers of the pages under a `:numbered:` toctree, as Sphinx
/// gives them: each numbered toctree counts its entries from 1 (`2.`), their
/// sections one level further (`2.1.`), down to the toctree's depth, and the
/// toctrees inside those pages go on from the section that holds them. A page
/// reached by two numbered toctrees keeps the first numbers.
struct SectionNumbers: Sendable {
    /// page → section id → number (`[2, 1]` for "2.1.").
    private(set) var numbers: [String: [String: [Int]]] = [:]

    init(documents: [Document], toctrees: [String: [TocTree]], order: [String]) {
        let roots = Dictionary(documents.map { ($0.name, $0.root) }, uniquingKeysWith: { a, _ in a })
        var walker = Walker(roots: roots, toctrees: toctrees)
        let rest = documents.map(\.name).filter { !order.contains($0) }.sorted()
        for name in order + rest {
            for tree in toctrees[name] ?? [] where tree.numbered > 0 {
                walker.assigned.insert(name)
                walker.stack = [0]
                walker.walk(tree, depth: tree.numbered)
            }
        }
        numbers = walker.numbers
    }

    /// `root` with each numbered section's title starting with its number (`<span class="section-number">2.1. </span>`).
    func apply(to root: Node, page: String) -> Node {
        guard let page = numbers[page], !page.isEmpty else { return root }
        return root.rewritten { node in
            guard node.kind == .section, let id = node.ids.first, let number = page[id],
                  let title = node.children.firstIndex(where: { $0.kind == .title }) else { return [node] }
            var section = node
            let text = number.map(String.init).joined(separator: ".") + ". "
            section.children[title].children.insert(
                Node(.inline, attributes: [AttributeKey.classes: .list(["section-number"])], children: [.text(text)]), at: 0)
            return [section]
        }.first ?? root
    }

    private struct Walker {
        let roots: [String: Node]
        let toctrees: [String: [TocTree]]
        var numbers: [String: [String: [Int]]] = [:]
        var assigned: Set<String> = []
        var stack: [Int] = [0]

        /// Numbers the pages of one toctree at the current level.
        mutating func walk(_ tree: TocTree, depth: Int) {
            guard depth > 0 else { return }
            for entry in tree.entries {
                guard case .document(let name) = entry.target, !assigned.contains(name), let root = roots[name] else { continue }
                assigned.insert(name)
                numbers[name] = numbers[name] ?? [:]
                var next = 0
                walkSections(root, page: name, depth: depth, trees: toctrees[name] ?? [], next: &next)
            }
        }

        /// The sections below `node` in document order, and the toctrees between them.
        mutating func walkSections(_ node: Node, page: String, depth: Int, trees: [TocTree], next: inout Int) {
            for child in node.children where !child.isText {
                if child.kind == .section {
                    stack[stack.count - 1] += 1
                    if depth > 0, let id = child.ids.first { numbers[page, default: [:]][id] = stack }
                    stack.append(0)
                    walkSections(child, page: page, depth: depth - 1, trees: trees, next: &next)
                    stack.removeLast()
                } else if child.kind == .toctree {
                    if next < trees.count { walk(trees[next], depth: depth) }
                    next += 1
                } else {
                    walkSections(child, page: page, depth: depth, trees: trees, next: &next)
                }
            }
        }
    }
}
