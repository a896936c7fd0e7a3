import CrossRef
import DocTree

/// What a page's resolve phase can see of the rest of the site, by kind of
/// reference. A Python or label reference sees only the targets whose last
/// name part is the one it names (`pkg.Router.route` and `route` share the
/// key `route`), so renaming one label re-resolves only the pages naming it;
/// `:doc:` links and toctrees see the page list, titles and sections; any
/// other reference (another domain, `:any:`, a Markdown link) sees everything.
struct ResolveDependencies: Sendable, Hashable, Codable {
    /// Target keys (see ``key(_:)``) the page's references name.
    var keys: Set<String> = []
    /// Page names and titles (`:doc:` links and their text).
    var titles = false
    /// Page names, titles, sections and toctrees (toctrees, `:numref:`); not the ids in
    /// pages (`page#id` links are Markdown links, which see everything).
    var documents = false
    /// Figure, table and code numbers (`:numref:`).
    var numbers = false
    /// References whose resolution may look at any target.
    var everything = false
    /// Whether the page has any reference at all (intersphinx inventories and the ignore list matter).
    var hasReferences = false

    static let keyedStandardTypes: Set<String> = ["ref", "term", "keyword", "envvar", "token", "label"]

    init() {}

    init(of root: Node) {
        root.walk { node in
            if node.kind == .toctree { documents = true }
            guard let xref = PendingXref(node) else { return }
            hasReferences = true
            switch (xref.domain, xref.type) {
            case ("py", _):
                keys.insert(Self.key(xref.target))
            case ("", "doc"), ("std", "doc"):
                titles = true
            case ("", "numref"), ("std", "numref"):
                keys.insert(Self.key(xref.target))
                numbers = true
                documents = true
            case ("", let type), ("std", let type):
                if Self.keyedStandardTypes.contains(type) { keys.insert(Self.key(xref.target)) } else { everything = true }
            default:
                everything = true
            }
        }
    }

    /// The last part of a name, lower-cased: after the last `.`, `:`, `/` or space,
    /// without a parameter list (`pkg.Router.route(x)` → `route`). The same function
    /// files the site's targets, so both sides agree.
    static func key(_ name: String) -> String {
        if name.utf8.allSatisfy({ $0 < 0x80 }) { return asciiKey(name) }
        var text = Substring(name.lowercased())
        if let open = text.firstIndex(of: "(") { text = text[..<open] }
        let parts = text.split(whereSeparator: { $0 == "." || $0 == ":" || $0 == "/" || $0.isWhitespace })
        guard let last = parts.last else { return "" }
        return String(last.drop(while: { $0 == "~" || $0 == "!" }))
    }

    /// ``key(_:)`` for an ASCII name, on its bytes (every label and object of the site goes through here).
    private static func asciiKey(_ name: String) -> String {
        let bytes = Array(name.utf8)
        let end = bytes.firstIndex(of: UInt8(ascii: "(")) ?? bytes.count
        func separates(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: ".") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "/") || byte == 0x20
                || (0x09...0x0D).contains(byte)
        }
        var stop = end
        while stop > 0, separates(bytes[stop - 1]) { stop -= 1 }
        var start = stop
        while start > 0, !separates(bytes[start - 1]) { start -= 1 }
        while start < stop, bytes[start] == UInt8(ascii: "~") || bytes[start] == UInt8(ascii: "!") { start += 1 }
        return String(decoding: bytes[start..<stop].map { (0x41...0x5A).contains($0) ? $0 + 0x20 : $0 }, as: UTF8.self)
    }
}

/// Fingerprints of the site-wide data the resolve phase reads, grouped the
/// way ``ResolveDependencies`` asks for them.
struct SiteFingerprints: Sendable {
    /// Target key → fingerprint of every label and object filed under it.
    var keys: [String: ContentHash] = [:]
    var titles = ContentHash(value: 0)
    var documents = ContentHash(value: 0)
    var numbers = ContentHash(value: 0)
    /// Everything, with the places targets are defined (for the notes of diagnostics).
    var everything = ContentHash(value: 0)

    init(index: TargetIndex, toctrees: [String: [TocTree]], numbers: [String: Int]) {
        var sums: [String: UInt64] = [:]
        sums.reserveCapacity(index.labels.count)
        var located: UInt64 = 0
        func file(_ key: String, _ hash: ContentHash, _ place: ContentHash) {
            sums[key, default: 0] &+= hash.value
            located &+= place.value
        }
        for label in index.labels.values {
            let hash = ContentHasher.hash { h in
                h.add("label"); h.add(label.name); h.add(label.document); h.add(label.anchor); h.add(label.title)
                h.add(label.elementKind)
            }
            file(Self.key(label.name), hash, ContentHasher.hash { $0.add(hash); $0.add(label.file.path); $0.add(label.range) })
        }
        for (domain, byName) in index.objects {
            for (name, objects) in byName {
                for object in objects {
                    let hash = ContentHasher.hash { h in
                        h.add(domain); h.add(name); h.add(object.type); h.add(object.name); h.add(object.document)
                        h.add(object.anchor); h.add(object.title); h.add(object.overload); h.add(object.isAlias)
                        h.add(object.inInventory)
                    }
                    file(Self.key(name), hash,
                         ContentHasher.hash { $0.add(hash); $0.add(object.file.path); $0.add(object.range) })
                }
            }
        }
        keys = sums.mapValues { ContentHash(value: $0) }
        // Sums of one hash per page (or key), so no list needs sorting first.
        var titleSum: UInt64 = 0, documentSum: UInt64 = 0, anchorSum: UInt64 = 0
        for (name, entry) in index.documents {
            let title = ContentHasher.hash { h in h.add(name); h.add(entry.title); h.add(entry.file.path) }
            titleSum &+= title.value
            documentSum &+= ContentHasher.hash { h in
                h.add(title)
                Self.add(entry.outline, to: &h)
                for tree in toctrees[name] ?? [] { Self.add(tree, to: &h) }
            }.value
            var anchors: UInt64 = 0
            for anchor in entry.anchors { anchors &+= ContentHasher.hash { $0.add(anchor) }.value }
            anchorSum &+= ContentHasher.hash { h in h.add(name); h.add(entry.anchors.count); h.add(ContentHash(value: anchors)) }.value
        }
        let count = index.documents.count
        titles = ContentHasher.hash { h in h.add(count); h.add(ContentHash(value: titleSum)) }
        documents = ContentHasher.hash { h in h.add(count); h.add(ContentHash(value: documentSum)) }
        self.numbers = ContentHasher.hash { h in
            var sum: UInt64 = 0
            for (key, number) in numbers { sum &+= ContentHasher.hash { $0.add(key); $0.add(number) }.value }
            h.add(numbers.count); h.add(ContentHash(value: sum))
        }
        var keySum: UInt64 = 0
        for (key, hash) in keys { keySum &+= ContentHasher.hash { $0.add(key); $0.add(hash) }.value }
        let keyCount = keys.count
        let documents = documents, numbersHash = self.numbers
        everything = ContentHasher.hash { h in
            h.add(keyCount); h.add(ContentHash(value: keySum)); h.add(ContentHash(value: anchorSum))
            h.add(documents); h.add(numbersHash); h.add(Int(truncatingIfNeeded: located))
        }
    }

    static func key(_ name: String) -> String { ResolveDependencies.key(name) }

    static func add(_ outline: [SectionOutline], to h: inout ContentHasher) {
        h.add(outline.count)
        for section in outline {
            h.add(section.title); h.add(section.anchor)
            add(section.children, to: &h)
        }
    }

    static func add(_ tree: TocTree, to h: inout ContentHasher) {
        h.add(tree.hidden); h.add(tree.maxDepth); h.add(tree.caption); h.add(tree.titlesOnly)
        h.add(tree.entries.count)
        for entry in tree.entries {
            h.add(entry.title)
            switch entry.target {
            case .document(let name): h.add("d"); h.add(name)
            case .url(let url): h.add("u"); h.add(url)
            }
        }
    }

    /// The part of the site a page with `dependencies` sees, one fingerprint per part.
    func slice(_ dependencies: ResolveDependencies, sawProblems: Bool) -> [String: ContentHash] {
        var slice: [String: ContentHash] = [:]
        for key in dependencies.keys { slice["target '\(key)'"] = keys[key] ?? ContentHash(value: 0) }
        if dependencies.titles { slice["page titles"] = titles }
        if dependencies.documents { slice["page titles, sections or toctrees"] = documents }
        if dependencies.numbers { slice["figure and table numbers"] = numbers }
        if dependencies.everything || sawProblems { slice["the site's targets"] = everything }
        return slice
    }
}
