import CrossRef
import DocTree
import Markup
import Foundation

/// One section of a page as the search sees it: its anchor, its heading and
/// its own text (the text of nested sections belongs to them).
struct SearchSection: Sendable, Equatable, Codable {
    var anchor: String
    var heading: String
    var text: String

    /// The sections of a resolved page, in document order. Text before the
    /// first section (or a page without sections) is one section with no heading.
    static func sections(of root: Node) -> [SearchSection] {
        var sections = [SearchSection(anchor: "", heading: "", text: "")]
        func walk(_ node: Node, into current: Int) {
            for child in node.children {
                switch child.kind {
                case .text:
                    sections[current].text += child.text
                case .section:
                    let heading = child.children.first(where: { $0.kind == .title })?.textContent ?? ""
                    sections.append(SearchSection(anchor: child.ids.first ?? "", heading: Names.whitespaceNormalized(heading), text: ""))
                    walk(child, into: sections.count - 1)
                case .title where node.kind == .section:
                    continue
                case .comment, .raw, .target, .substitutionDefinition, "index", "system_message", "toctree":
                    continue
                case .compound where child.classes.contains("toctree-wrapper"):
                    // Another page's titles, not this page's text.
                    continue
                default:
                    let block = SearchSection.blockKinds.contains(child.kind)
                    if block { sections[current].text += " " }
                    walk(child, into: current)
                    if block { sections[current].text += " " }
                }
            }
        }
        walk(root, into: 0)
        for i in sections.indices { sections[i].text = Names.whitespaceNormalized(sections[i].text) }
        return sections.filter { !$0.text.isEmpty || !$0.heading.isEmpty }
    }

    /// Elements whose text is separated from what follows.
    static let blockKinds: Set<NodeKind> = [
        .paragraph, .listItem, .term, .definition, .fieldName, .fieldBody, .literalBlock, .doctestBlock, .line,
        .title, .caption, "entry", "desc_signature", "desc_parameter", "desc_content", .blockQuote, .attribution, .classifier,
    ]
}

/// `searchindex.js`: what the client-side search looks through. Loaded by a
/// `<script>` element, not fetched, so search works from `file://` too. The
/// JSON is zlib-compressed and base64-encoded (the browser inflates it with
/// `DecompressionStream`), which keeps the index at about a tenth of the HTML:
///
///     {"pages": [[title, url], …],
///      "objects": [[name, "domain:type", page, anchor], …],
///      "sections": [[page, anchor, heading, text], …]}
enum SearchIndex {
    static func script(pages: [Page], index: TargetIndex) -> String {
        let json = Data(self.json(pages: pages, index: index).utf8)
        return "vellumSearchIndexData = \"" + Zlib.compress(json).base64EncodedString() + "\";\n"
    }

    struct Page: Sendable {
        var name: String
        var title: String
        var sections: [SearchSection]
    }

    static func json(pages: [Page], index: TargetIndex) -> String {
        let ordered = pages.sorted { $0.name < $1.name }
        var number: [String: Int] = [:]
        for (i, page) in ordered.enumerated() { number[page.name] = i }
        var out = "{\"pages\":["
        out += ordered.map { "[\($0.title.jsonQuoted),\(PageURL.path(of: $0.name).jsonQuoted)]" }.joined(separator: ",")
        out += "],\n\"objects\":["
        var objects: [String] = []
        for domain in index.objects.keys.sorted() {
            guard let byName = index.objects[domain] else { continue }
            for name in byName.keys.sorted() {
                for object in byName[name] ?? [] where !object.isAlias && object.inInventory {
                    guard let page = number[object.document] else { continue }
                    objects.append("[\(name.jsonQuoted),\(object.kindName.jsonQuoted),\(page),\(object.anchor.jsonQuoted)]")
                }
            }
        }
        out += objects.joined(separator: ",\n")
        out += "],\n\"sections\":["
        var sections: [String] = []
        for (i, page) in ordered.enumerated() {
            for section in page.sections {
                sections.append("[\(i),\(section.anchor.jsonQuoted),\(section.heading.jsonQuoted),\(section.text.jsonQuoted)]")
            }
        }
        out += sections.joined(separator: ",\n")
        out += "]}\n"
        return out
    }
}
