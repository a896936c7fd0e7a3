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
    /// edit to one page only its piece is made and deflated again, the others come
    /// from `pieces` by the fingerprint of what they hold.
    static let pagesPerPiece = 32

    static func script(pages: [Page], index: TargetIndex, pieces: DeflateCache? = nil) -> String {
        let cache = pieces ?? DeflateCache()
        let ordered = pages.sorted { $0.name < $1.name }
        let head = Array(self.head(ordered, index: index).utf8)
        var parts: [(key: ContentHash, make: @Sendable () -> [UInt8])] = [(ContentHash(bytes: head), { head })]
        var first = true
        for start in stride(from: 0, to: ordered.count, by: pagesPerPiece) {
            let range = start..<min(start + pagesPerPiece, ordered.count)
            let leading = !first
            let key = ContentHasher.hash { h in
                h.add("sections"); h.add(start); h.add(leading)
                for i in range {
                    h.add(ordered[i].sections.count)
                    for section in ordered[i].sections { h.add(section.anchor); h.add(section.heading); h.add(section.text) }
                }
            }
            if range.contains(where: { !ordered[$0].sections.isEmpty }) { first = false }
            parts.append((key, { Array(sections(ordered, range, leading: leading).utf8) }))
        }
        let tail = Array("]}\n".utf8)
        parts.append((ContentHash(bytes: tail), { tail }))
        let made = parts.parallelMap { cache.piece(key: $0.key, make: $0.make) }.filter { $0.count > 0 }
        return "vellumSearchIndexData = \"" + Zlib.stream(pieces: made).base64EncodedString() + "\";\n"
    }

    struct Page: Sendable {
        var name: String
        var title: String
        var sections: [SearchSection]
    }

    static func json(pages: [Page], index: TargetIndex) -> String {
        let ordered = pages.sorted { $0.name < $1.name }
        let hasSections = ordered.contains { !$0.sections.isEmpty }
        return head(ordered, index: index) + (hasSections ? sections(ordered, ordered.indices, leading: false) : "") + "]}\n"
    }

    /// The pages, the objects and the start of the sections.
    static func head(_ ordered: [Page], index: TargetIndex) -> String {
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
        return out + "],\n\"sections\":["
    }

    /// The sections of the pages in `range` (numbered by their place in `ordered`), each
    /// after `,\n` but the first when nothing comes before them (`leading` false).
    static func sections(_ ordered: [Page], _ range: Range<Int>, leading: Bool) -> String {
        var part = ""
        var separate = leading
        for i in range {
            for section in ordered[i].sections {
                if separate { part += ",\n" }
                separate = true
                part += "[\(i),\(section.anchor.jsonQuoted),\(section.heading.jsonQuoted),\(section.text.jsonQuoted)]"
            }
        }
        return part
    }
}

/// Deflated pieces of the search index (``Zlib/Piece``) by the fingerprint of what
/// they hold: those of the previous build, and those this one used (which the next one gets).
final class DeflateCache: @unchecked Sendable {
    private let lock = NSLock()
    private let known: [ContentHash: Zlib.Piece]
    private var usedPieces: [ContentHash: Zlib.Piece] = [:]

    init(known: [ContentHash: Zlib.Piece] = [:]) {
        self.known = known
    }

    var used: [ContentHash: Zlib.Piece] { lock.withLock { usedPieces } }

    /// The piece made by `make`, deflated only when `key` is new.
    func piece(key: ContentHash, make: () -> [UInt8]) -> Zlib.Piece {
        let piece = known[key] ?? Zlib.Piece(deflating: make())
        lock.withLock { usedPieces[key] = piece }
        return piece
    }
}
