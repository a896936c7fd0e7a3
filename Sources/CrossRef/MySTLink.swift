import Foundation
import DocTree

/// Markdown links that MyST treats as internal (`[text](target)`), resolved
/// the way myst-parser resolves its `myst` references, through the same
/// index, link builder and diagnostics as the roles.
///
/// The Markdown reader writes them as `pending_xref` with reftype `myst` and
/// the destination as written (percent-decoded, `project:` removed):
///
/// - `#name`: an explicit target of this page, then an id of this page (a
///   heading anchor), then a label of the site, then an object of any
///   domain, then an entry of an external inventory;
/// - `path` (no source suffix): a label, then a document (relative to the
///   page, or to the source root with `/`), then an object; `path#anchor`
///   without a suffix is one name to myst-parser, so it is reported (with a
///   note when `path.md#anchor` is what resolves);
/// - `inv:key:domain:type#name` (each part optional, `*` as a wildcard): an
///   entry of an external inventory.
///
/// Links written with a page suffix (`other.md#part`) keep their own reftype
/// (`mdlink`) and the standard domain's checks; when they have no text of
/// their own they are resolved here to get the page's or the heading's title.
public enum MySTLink {
    /// The resolution of `xref` when it is a MyST link; nil for every other reference.
    public static func resolve(_ xref: PendingXref, context: ResolveContext) -> Resolution? {
        guard xref.domain.isEmpty else { return nil }
        switch xref.type {
        case "myst":
            if xref.target.hasPrefix("inv:") { return inventory(xref, context: context) }
            if xref.target.hasPrefix("#") { return local(xref, name: String(xref.target.dropFirst()), context: context) }
            return named(xref, context: context)
        case "mdlink" where xref.content.isEmpty:
            return titledPageLink(xref, context: context)
        default:
            return nil
        }
    }

    // MARK: forms

    /// `#name`: this page first, then the site, then external inventories.
    static func local(_ xref: PendingXref, name: String, context: ResolveContext) -> Resolution {
        let index = context.index
        let page = context.document.name
        let label = index.labels[normalizeLabel(name)]
        if let label, label.document == page {
            return context.link(xref, to: page, anchor: label.anchor, text: text(xref, label.title ?? name))
        }
        let anchors = index.documents[page]?.anchors ?? []
        if anchors.contains(name) {
            let title = index.documents[page].flatMap { sectionTitle(anchor: name, in: $0) }
                ?? sectionTitle(anchor: name, in: context.document.root)
            return context.link(xref, to: page, anchor: name, text: text(xref, title ?? name))
        }
        if let label {
            return context.link(xref, to: label.document, anchor: label.anchor, text: text(xref, label.title ?? name))
        }
        if let found = object(named: name, context: context) {
            return context.link(xref, to: found.document, anchor: found.anchor, text: text(xref, found.title ?? name))
        }
        if let (inventory, entry) = inventoryEntries(key: nil, domain: nil, type: nil, name: name, context: context).first {
            return context.externalLink(xref, url: inventory.url(for: entry), text: text(xref, entry.text))
        }
        return context.unresolved(xref, "'myst' reference target not found: '#\(name)' (searched this page's targets and "
                                      + "headings, the site's labels and objects, and the inventories)",
                                  suggestions: TargetIndex.suggestions(for: name, among: Array(anchors) + index.labels.keys))
    }

    /// `name`, `path` or `path#anchor` without a page suffix: a label, a document or an object.
    static func named(_ xref: PendingXref, context: ResolveContext) -> Resolution {
        let index = context.index
        var path = xref.target
        var anchor: String?
        if let hash = path.firstIndex(of: "#") {
            anchor = String(path[path.index(after: hash)...])
            path = String(path[..<hash])
            if anchor?.isEmpty == true { anchor = nil }
        }
        let documentName = PageURL.resolveDocument(path, from: context.document.name)
        if let anchor {
            // myst-parser reads `page#anchor` without a page suffix as one name, which nothing has;
            // say how to write the link that was probably meant.
            var notes: [Diagnostic.Note] = []
            var suggestions = TargetIndex.suggestions(for: normalizeLabel(xref.target), among: index.labels.keys)
            if let documentName, let entry = index.documents[documentName] {
                let suffix = entry.file.path.split(separator: "/").last.flatMap { name in
                    name.lastIndex(of: ".").map { String(name[$0...]) } } ?? ".md"
                if entry.anchors.contains(anchor) {
                    notes.append(.init("to link to '#\(anchor)' in page '\(documentName)', write the page with its suffix: "
                                       + "(\(path)\(suffix)#\(anchor))"))
                } else {
                    notes.append(.init("page '\(documentName)' has no anchor '#\(anchor)' either"))
                    suggestions = TargetIndex.suggestions(for: anchor, among: entry.anchors)
                }
            }
            return context.unresolved(xref, "'myst' reference target not found: '\(xref.target)'",
                                      suggestions: suggestions, notes: notes)
        }
        if let label = index.labels[normalizeLabel(path)] {
            return context.link(xref, to: label.document, anchor: label.anchor, text: text(xref, label.title ?? path))
        }
        if let documentName, let entry = index.documents[documentName] {
            return context.link(xref, to: documentName, anchor: nil, text: text(xref, entry.title ?? documentName))
        }
        if let found = object(named: path, context: context) {
            return context.link(xref, to: found.document, anchor: found.anchor, text: text(xref, found.title ?? path))
        }
        // Near misses: labels by the name as written, documents by the path it resolves to.
        var suggestions = TargetIndex.suggestions(for: normalizeLabel(path), among: index.labels.keys)
        for name in TargetIndex.suggestions(for: documentName ?? path, among: index.documents.keys)
        where !suggestions.contains(name) {
            suggestions.append(name)
        }
        return context.unresolved(xref, "'myst' reference target not found: '\(xref.target)' (no label, document or object has that name)",
                                  suggestions: Array(suggestions.prefix(3)))
    }

    /// `[](other.md#part)`: the standard domain's page link, shown with the page's or the heading's title.
    static func titledPageLink(_ xref: PendingXref, context: ResolveContext) -> Resolution? {
        guard let entry = context.index.documents[xref.target] else { return nil }
        let anchor = xref.extra["refanchor"]?.stringValue
        guard let anchor, !anchor.isEmpty else {
            return context.link(xref, to: entry.name, anchor: nil, text: entry.title ?? entry.name)
        }
        guard entry.anchors.contains(anchor) else { return nil }
        return context.link(xref, to: entry.name, anchor: anchor,
                            text: sectionTitle(anchor: anchor, in: entry) ?? entry.title ?? anchor)
    }

    /// `inv:key:domain:type#name`.
    static func inventory(_ xref: PendingXref, context: ResolveContext) -> Resolution {
        let spec = xref.target.dropFirst(4)
        let hash = spec.firstIndex(of: "#")
        let name = hash.map { String(spec[spec.index(after: $0)...]) } ?? ""
        let parts = (hash.map { spec[..<$0] } ?? spec).split(separator: ":", omittingEmptySubsequences: false)
            .map { $0.isEmpty || $0 == "*" ? nil : String($0) }
        func part(_ position: Int) -> String? { position < parts.count ? parts[position] : nil }
        guard !name.isEmpty else {
            return context.unresolved(xref, "inventory link '\(xref.target)' names no object: write inv:key:domain:type#name")
        }
        let found = inventoryEntries(key: part(0), domain: part(1), type: part(2), name: name, context: context)
        guard let (inventory, entry) = found.first else {
            let known = context.options.inventories.map(\.name)
            var notes: [Diagnostic.Note] = []
            if let key = part(0), !known.contains(where: { Wildcard.matches($0, pattern: key) }) {
                notes.append(.init(known.isEmpty ? "no inventories are configured (intersphinx_mapping)"
                                                 : "the inventories are: \(known.joined(separator: ", "))"))
            }
            return context.unresolved(xref, "no inventory entry matches '\(xref.target)'", notes: notes)
        }
        return context.externalLink(xref, url: inventory.url(for: entry), text: text(xref, entry.text))
    }

    // MARK: helpers

    /// The text a link without its own shows; nil (keep the written text) for links that have one.
    static func text(_ xref: PendingXref, _ implicit: String) -> String? {
        xref.content.isEmpty ? implicit : nil
    }

    /// The title of the section whose id is `anchor`, searching the page's outline.
    static func sectionTitle(anchor: String, in entry: TargetIndex.DocumentEntry) -> String? {
        func search(_ sections: [SectionOutline]) -> String? {
            for section in sections {
                if section.anchor == anchor { return section.title }
                if let found = search(section.children) { return found }
            }
            return nil
        }
        return search(entry.outline)
    }

    /// The title of the section of this page that has `anchor` among its ids (not only as its first).
    static func sectionTitle(anchor: String, in root: Node) -> String? {
        root.first(where: { $0.kind == .section && $0.ids.contains(anchor) })?
            .children.first(where: { $0.kind == .title })?.textContent
    }

    /// The first object of any domain (in name order) with exactly that name.
    static func object(named name: String, context: ResolveContext) -> AnyMatch? {
        for domainName in context.domains.keys.sorted() where domainName != "std" {
            if let match = context.domains[domainName]?.resolveAny(name, context: context).first { return match }
        }
        // The standard domain's own objects (terms, options, …); its labels and documents were tried already.
        for object in context.index.objects["std"]?[name] ?? [] {
            return AnyMatch(document: object.document, anchor: object.anchor, title: nil, description: object.kindName)
        }
        if let term = context.index.objects["std"]?[normalizeLabel(name)]?.first(where: { $0.type == "term" }) {
            return AnyMatch(document: term.document, anchor: term.anchor, title: nil, description: term.kindName)
        }
        return nil
    }

    /// Inventory entries matching each part (nil: any), in a fixed order.
    static func inventoryEntries(key: String?, domain: String?, type: String?, name: String,
                                 context: ResolveContext) -> [(ExternalInventory, Inventory.Entry)] {
        var found: [(ExternalInventory, Inventory.Entry)] = []
        for inventory in context.options.inventories where key.map({ Wildcard.matches(inventory.name, pattern: $0) }) ?? true {
            for kind in inventory.entries.keys.sorted() {
                let split = kind.split(separator: ":", maxSplits: 1).map(String.init)
                guard split.count == 2,
                      domain.map({ Wildcard.matches(split[0], pattern: $0) }) ?? true,
                      type.map({ Wildcard.matches(split[1], pattern: $0) }) ?? true,
                      let byName = inventory.entries[kind] else { continue }
                let folded = split[0] == "std" && (split[1] == "label" || split[1] == "term")
                let wanted = folded ? name.lowercased() : name
                if !wanted.contains("*") {
                    if let entry = byName[wanted] { found.append((inventory, entry)) }
                    continue
                }
                for entryName in byName.keys.sorted() where Wildcard.matches(entryName, pattern: wanted) {
                    found.append((inventory, byName[entryName]!))
                }
            }
        }
        return found
    }
}

/// `*` matches any run of characters (`\*` a literal star); everything else matches itself.
enum Wildcard {
    static func matches(_ text: String, pattern: String) -> Bool {
        // Pieces between unescaped stars, matched left to right (greedy-free, linear in the text per piece).
        var pieces: [String] = [""]
        var escaped = false
        for character in pattern {
            if escaped { pieces[pieces.count - 1].append(character); escaped = false; continue }
            if character == "\\" { escaped = true; continue }
            if character == "*" { pieces.append(""); continue }
            pieces[pieces.count - 1].append(character)
        }
        if pieces.count == 1 { return text == pieces[0] }
        guard text.hasPrefix(pieces[0]) else { return false }
        var rest = Substring(text.dropFirst(pieces[0].count))
        let last = pieces[pieces.count - 1]
        for piece in pieces.dropFirst().dropLast() where !piece.isEmpty {
            guard let found = rest.range(of: piece) else { return false }
            rest = rest[found.upperBound...]
        }
        return rest.count >= last.count && rest.hasSuffix(last)
    }
}
