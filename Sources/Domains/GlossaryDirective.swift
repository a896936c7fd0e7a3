import DocTree
import Foundation
import Markup

/// `glossary`: terms (unindented lines, several per entry allowed) followed by
/// their indented definitions; term ids `term-<id>`; `:sorted:` sorts entries.
package enum GlossaryDirective {
    struct Entry {
        var terms: [(text: String, line: Int)] = []
        var definition: [(text: String, line: Int)] = []
    }

    static let directive = Directive(DirectiveSpec(options: ["sorted": .flag], hasContent: true)) { call, host in
        var messages: [Node] = []
        var entries: [Entry] = []
        var inDefinition = true
        var inComment = false
        var previousBlank = true
        for (offset, line) in call.content.enumerated() {
            let lineNumber = call.contentLine + offset
            let isBlank = line.allSatisfy { $0 == " " || $0 == "\t" }
            defer { previousBlank = isBlank }
            if isBlank {
                if inDefinition, !entries.isEmpty { entries[entries.count - 1].definition.append(("", lineNumber)) }
                continue
            }
            let indented = line.first == " " || line.first == "\t"
            if !indented {
                if line.hasPrefix("..") {
                    inComment = true
                    continue
                }
                inComment = false
                if inDefinition {
                    if !previousBlank {
                        messages.append(host.report(.warning, "domain.std.glossary",
                            "glossary term must be preceded by empty line", line: lineNumber,
                            range: SourceRange(line: lineNumber, column: call.contentColumn), details: []))
                    }
                    entries.append(Entry(terms: [(line, lineNumber)]))
                    inDefinition = false
                } else if entries.isEmpty {
                    entries.append(Entry(terms: [(line, lineNumber)]))
                } else {
                    entries[entries.count - 1].terms.append((line, lineNumber))
                }
            } else {
                if inComment { continue }
                guard !entries.isEmpty else {
                    messages.append(host.report(.warning, "domain.std.glossary", "glossary seems to be misformatted, check indentation",
                                                line: lineNumber, range: SourceRange(line: lineNumber), details: []))
                    continue
                }
                entries[entries.count - 1].definition.append((line, lineNumber))
                inDefinition = true
            }
        }
        if call.flag("sorted") {
            entries.sort { sortKey($0).lexicographicallyPrecedes(sortKey($1)) }
        }
        var items: [Node] = []
        for entry in entries {
            var item = Node(.definitionListItem, range: SourceRange(line: entry.terms.first?.line ?? call.contentLine))
            for term in entry.terms {
                let text = term.text.trimming(" \t")
                let (inline, termMessages) = host.parseInline(text, line: term.line, column: call.contentColumn)
                var node = Node(.term, children: inline,
                                range: SourceRange(start: SourceLocation(line: term.line, column: call.contentColumn),
                                                   end: SourceLocation(line: term.line, column: call.contentColumn + text.unicodeScalars.count)))
                node.attributes[AttributeKey.ids] = .list([DomainID.make(prefix: "term", node.textContent)])
                item.children.append(node)
                messages += termMessages
            }
            var lines = entry.definition
            while let last = lines.last, last.text.isEmpty { lines.removeLast() }
            let indent = lines.filter { !$0.text.isEmpty }
                .map { $0.text.prefix { $0 == " " || $0 == "\t" }.count }.min() ?? 0
            let dedented = lines.map { $0.text.isEmpty ? "" : String($0.text.dropFirst(indent)) }
            let body = lines.isEmpty ? [] : host.parseNested(dedented, line: lines[0].line,
                                                              column: call.contentColumn + indent, matchTitles: false)
            item.children.append(Node(.definition, children: body))
            items.append(item)
        }
        let list = Node(.definitionList, attributes: ["classes": .list(["glossary"])], children: items)
        var glossary = Node("glossary", children: [list], range: call.range)
        if call.flag("sorted") { glossary.attributes["sorted"] = .bool(true) }
        return [glossary] + messages
    }

    /// NFD of the lower-cased first term, compared scalar by scalar (accents sort with their letter).
    static func sortKey(_ entry: Entry) -> [UInt32] {
        (entry.terms.first?.text ?? "").lowercased().decomposedStringWithCanonicalMapping.unicodeScalars.map(\.value)
    }
}

extension GlossaryDirective {
    /// MyST's `{.glossary}` over a definition list (attrs_block): the list becomes a
    /// glossary as the directive makes one, each term with its `term-<id>` id.
    package static func glossariesFromDefinitionLists(_ root: Node) -> Node {
        func isMarked(_ node: Node) -> Bool { node.kind == .definitionList && node.classes.contains("glossary") }
        guard root.first(where: isMarked) != nil else { return root }
        func convert(_ node: Node, inGlossary: Bool) -> Node {
            guard !node.isText else { return node }
            var copy = node
            if isMarked(node), !inGlossary {
                var list = node
                list.children = node.children.map { item in
                    var item = item
                    item.children = item.children.map { child in
                        guard child.kind == .term, child.ids.isEmpty else { return child }
                        var term = child
                        term.attributes[AttributeKey.ids] = .list([DomainID.make(prefix: "term", child.textContent)])
                        return term
                    }
                    return item
                }
                return Node("glossary", children: [list], range: node.range)
            }
            copy.children = node.children.map { convert($0, inGlossary: inGlossary || node.kind == "glossary") }
            return copy
        }
        return convert(root, inGlossary: false)
    }
}
