import CrossRef
import DocTree

/// Section numbers of the pages under a `:numbered:` toctree, as Sphinx
/// gives them: each numbered toctree counts its entries from 1 (`2.`), their
/// sections one level further (`2.1.`), down to the toctree's depth, and the
/// toctrees inside those pages go on from the section that holds them. A page
/// reached by two numbered toctrees keeps the first numbers. Toctree entries
/// show the numbers too (`2.1. Title`).
struct SectionNumbers: Sendable {
    /// page → section id → number (`[2, 1]` for "2.1."); the key "" is the page's title section.
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

    static func text(_ number: [Int]) -> String { number.map(String.init).joined(separator: ".") + ". " }

    /// `root` with each numbered section's title starting with its number
    /// (`<span class="section-number">2.1. </span>`), and the entries of its
    /// expanded toctrees that lead to numbered sections starting with theirs.
    func apply(to root: Node, page name: String) -> Node {
        let page = numbers[name] ?? [:]
        let hasTocTree = root.first(where: { $0.kind == .compound && $0.classes.contains("toctree-wrapper") }) != nil
        guard !page.isEmpty || (hasTocTree && !numbers.isEmpty) else { return root }
        var entries: [String: [Int]] = [:]
        if hasTocTree {
            for (other, sections) in numbers {
                for (id, number) in sections {
                    entries[PageURL.relative(from: name, to: other, anchor: id.isEmpty ? nil : id)] = number
                }
            }
        }
        return root.rewritten { node in
            if node.kind == .section, let id = node.ids.first, let number = page[id],
               let title = node.children.firstIndex(where: { $0.kind == .title }) {
                var section = node
                section.children[title].children.insert(
                    Node(.inline, attributes: [AttributeKey.classes: .list(["section-number"])],
                         children: [.text(Self.text(number))]), at: 0)
                return [section]
            }
            if node.kind == .compound, node.classes.contains("toctree-wrapper"), !entries.isEmpty {
                return [node.rewritten { link in
                    guard link.kind == .reference, link.attributes["internal"] == .bool(true),
                          let url = link.refuri, let number = entries[url] else { return [link] }
                    var numbered = link
                    numbered.children.insert(.text(Self.text(number)), at: 0)
                    return [numbered]
                }.first ?? node]
            }
            return [node]
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
                    if depth > 0, let id = child.ids.first {
                        numbers[page, default: [:]][id] = stack
                        // The page's title: its first section at the top.
                        if node.kind == .document, numbers[page]?[""] == nil { numbers[page]?[""] = stack }
                    }
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
