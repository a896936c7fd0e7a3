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
    /// Pages per deflated piece of the index (``Zlib/deflatePiece(_:level:)``): after an
    /// edit to one page only its piece is deflated again, the others come from `pieces`.
    static let pagesPerPiece = 32

    static func script(pages: [Page], index: TargetIndex, pieces: DeflateCache? = nil) -> String {
        let parts = jsonParts(pages: pages, index: index).map { Array($0.utf8) }.filter { !$0.isEmpty }
        let cache = pieces ?? DeflateCache()
        let deflated = parts.parallelMap { cache.deflate($0) }
        let data = Zlib.stream(pieces: deflated, of: Array(parts.joined()))
        return "vellumSearchIndexData = \"" + data.base64EncodedString() + "\";\n"
    }

    struct Page: Sendable {
        var name: String
        var title: String
        var sections: [SearchSection]
    }

    static func json(pages: [Page], index: TargetIndex) -> String {
        jsonParts(pages: pages, index: index).joined()
    }

    /// The JSON in consecutive parts: the pages and objects, the sections of every
    /// ``pagesPerPiece`` pages, the end.
    static func jsonParts(pages: [Page], index: TargetIndex) -> [String] {
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
        var parts = [out]
        var first = true
        for start in stride(from: 0, to: ordered.count, by: pagesPerPiece) {
            var part = ""
            for i in start..<min(start + pagesPerPiece, ordered.count) {
                for section in ordered[i].sections {
                    if !first { part += ",\n" }
                    first = false
                    part += "[\(i),\(section.anchor.jsonQuoted),\(section.heading.jsonQuoted),\(section.text.jsonQuoted)]"
                }
            }
            parts.append(part)
        }
        parts.append("]}\n")
        return parts
    }
}

/// Deflated pieces of the search index (``Zlib/deflatePiece(_:level:)``) by the
/// fingerprint of their bytes: those of the previous build, and those this one used
/// (which the next one gets).
final class DeflateCache: @unchecked Sendable {
    private let lock = NSLock()
    private let known: [ContentHash: [UInt8]]
    private var usedPieces: [ContentHash: [UInt8]] = [:]

    init(known: [ContentHash: [UInt8]] = [:]) {
        self.known = known
    }

    var used: [ContentHash: [UInt8]] { lock.withLock { usedPieces } }

    func deflate(_ bytes: [UInt8]) -> [UInt8] {
        let key = ContentHash(bytes: bytes)
        let piece = known[key] ?? Zlib.deflatePiece(bytes)
        lock.withLock { usedPieces[key] = piece }
        return piece
    }
}
