import CrossRef
import DocTree
import Extensions
import HTMLWriter

/// One written index entry (`pair: loop; statement`) and where it points.
struct RawIndexEntry: Sendable, Hashable, Codable {
    var text: String
    var document: String
    var anchor: String

    /// The `index` nodes of a resolved page (from `.. index::` and `:index:`).
    static func collect(from root: Node, document: String) -> [RawIndexEntry] {
        var found: [RawIndexEntry] = []
        root.walk { node in
            guard node.kind == "index", let anchor = node.refid, case .list(let entries)? = node.attributes["entries"] else {
                return
            }
            for entry in entries { found.append(RawIndexEntry(text: entry, document: document, anchor: anchor)) }
        }
        return found
    }
}

/// `genindex.html`: every index entry and every described object, grouped by
/// initial letter, as Sphinx's general index lists them. Entry types: `single`,
/// `pair`, `triple`, `see`, `seealso`; a `!` marks the main entry; a line
/// without a type is a comma-separated list of single entries.
struct GeneralIndex {
    struct Link: Hashable {
        var url: String
        var main: Bool
    }

    struct Term {
        var links: [Link] = []
        var subterms: [String: [Link]] = [:]
        /// "see X" / "see also X" lines, shown without a link.
        var references: [String] = []
    }

    private(set) var terms: [String: Term] = [:]

    var isEmpty: Bool { terms.isEmpty }

    /// Old entry types that Sphinx reads as a pair with the type's name.
    static let pairTypes = ["module", "keyword", "operator", "object", "exception", "statement", "builtin"]

    mutating func add(_ raw: RawIndexEntry) {
        var text = raw.text.trimmingCharacters(in: .whitespaces)
        var main = false
        if text.hasPrefix("!") { main = true; text = String(text.dropFirst()).trimmingCharacters(in: .whitespaces) }
        let url = PageURL.path(of: raw.document) + (raw.anchor.isEmpty ? "" : "#" + raw.anchor)
        var type = "single"
        if let colon = text.firstIndex(of: ":") {
            let word = text[..<colon].trimmingCharacters(in: .whitespaces)
            if ["single", "pair", "triple", "see", "seealso"].contains(word) || Self.pairTypes.contains(word) {
                text = String(text[text.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
                if Self.pairTypes.contains(word) { text = word + "; " + text; type = "pair" } else { type = word }
            }
        } else {
            // Untyped: each comma-separated word is a single entry.
            for part in text.split(separator: ",") {
                let value = part.trimmingCharacters(in: .whitespaces)
                if !value.isEmpty {
                    add(RawIndexEntry(text: (main ? "!" : "") + "single: " + value, document: raw.document, anchor: raw.anchor))
                }
            }
            return
        }
        if text.hasPrefix("!") { main = true; text = String(text.dropFirst()).trimmingCharacters(in: .whitespaces) }
        let parts = text.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard let first = parts.first else { return }
        let link = Link(url: url, main: main)
        switch type {
        case "pair" where parts.count >= 2:
            insert(first, parts[1], link)
            insert(parts[1], first, link)
        case "triple" where parts.count >= 3:
            insert(parts[0], parts[1] + " " + parts[2], link)
            insert(parts[1], parts[2] + ", " + parts[0], link)
            insert(parts[2], parts[0] + " " + parts[1], link)
        case "see" where parts.count >= 2:
            terms[first, default: Term()].references.append("see " + parts[1])
        case "seealso" where parts.count >= 2:
            terms[first, default: Term()].references.append("see also " + parts[1])
        default:
            insert(first, parts.count > 1 ? parts[1] : nil, link)
        }
    }

    private mutating func insert(_ key: String, _ subkey: String?, _ link: Link) {
        var term = terms[key] ?? Term()
        if let subkey {
            if !(term.subterms[subkey]?.contains(link) ?? false) { term.subterms[subkey, default: []].append(link) }
        } else if !term.links.contains(link) {
            term.links.append(link)
        }
        terms[key] = term
    }

    /// Adds every described object whose type has an index template (`%s (class)`).
    mutating func addObjects(_ index: TargetIndex, domains: [String: any Domain]) {
        for domainName in index.objects.keys.sorted() {
            guard let domain = domains[domainName], let byName = index.objects[domainName] else { continue }
            var templates: [String: String] = [:]
            for type in domain.objectTypes { if let template = type.indexTemplate { templates[type.name] = template } }
            for name in byName.keys.sorted() {
                for object in byName[name] ?? [] where !object.isAlias {
                    guard let template = templates[object.type] else { continue }
                    let text = template.replacingOccurrences(of: "%s", with: name)
                    // Sphinx's templates may name the entry type (`pair: %s; setting`).
                    let typed = ["single", "pair", "triple", "see", "seealso"].contains {
                        text.hasPrefix($0 + ":")
                    }
                    add(RawIndexEntry(text: typed ? text : (text.contains(";") ? "pair: " : "single: ") + text,
                                      document: object.document, anchor: object.anchor))
                }
            }
        }
    }

    /// The heading a key is listed under: its first letter, or `Symbols`.
    static func letter(of key: String) -> String {
        guard let first = key.first else { return "Symbols" }
        return first.isLetter ? first.uppercased() : "Symbols"
    }

    /// Sphinx's order: symbols first, then case-insensitively by key.
    static func sortKey(_ key: String) -> (Int, String, String) {
        (letter(of: key) == "Symbols" ? 0 : 1, key.lowercased(), key)
    }

    /// The index page's body.
    func html() -> String {
        var groups: [String: [String]] = [:]
        for key in terms.keys { groups[Self.letter(of: key), default: []].append(key) }
        let letters = groups.keys.sorted { ($0 == "Symbols" ? 0 : 1, $0) < ($1 == "Symbols" ? 0 : 1, $1) }
        var out = "<section id=\"index\">\n<h1>Index</h1>\n<nav class=\"genindex-jumpbox\" aria-label=\"Letters\">"
        out += letters.map { "<a href=\"#\(Self.anchor(for: $0))\"><strong>\($0.htmlEscaped)</strong></a>" }
            .joined(separator: " | ")
        out += "</nav>\n"
        for letter in letters {
            out += "<h2 id=\"\(Self.anchor(for: letter))\">\(letter.htmlEscaped)</h2>\n<ul class=\"genindex-entries\">\n"
            for key in (groups[letter] ?? []).sorted(by: { Self.sortKey($0) < Self.sortKey($1) }) {
                let term = terms[key]!
                out += "<li>" + Self.linked(key, term.links)
                if !term.subterms.isEmpty || !term.references.isEmpty {
                    out += "\n<ul>\n"
                    for sub in term.subterms.keys.sorted(by: { Self.sortKey($0) < Self.sortKey($1) }) {
                        out += "<li>" + Self.linked(sub, term.subterms[sub]!) + "</li>\n"
                    }
                    for reference in term.references {
                        out += "<li><em>\(reference.htmlEscaped)</em></li>\n"
                    }
                    out += "</ul>"
                }
                out += "</li>\n"
            }
            out += "</ul>\n"
        }
        return out + "</section>\n"
    }

    static func anchor(for letter: String) -> String {
        letter == "Symbols" ? "symbols" : "letter-" + letter.lowercased()
    }

    /// `key` linked to its only place, or `key, [1], [2]` for several; main entries in bold.
    static func linked(_ text: String, _ links: [Link]) -> String {
        func strong(_ s: String, _ main: Bool) -> String { main ? "<strong>\(s)</strong>" : s }
        let escaped = text.htmlEscaped
        switch links.count {
        case 0: return escaped
        case 1: return "<a href=\"\(links[0].url.htmlEscaped)\">\(strong(escaped, links[0].main))</a>"
        default:
            return escaped + links.enumerated().map { i, link in
                ", <a href=\"\(link.url.htmlEscaped)\">\(strong("[\(i + 1)]", link.main))</a>"
            }.joined()
        }
    }
}

/// A domain's own index (`py-modindex.html`): its objects of one type, grouped
/// by initial letter after a common prefix (`modindex_common_prefix`) is
/// removed, submodules under their parent.
enum DomainIndexPage {
    static func names(_ spec: DomainIndex, domain: String, index: TargetIndex) -> [ObjectTarget] {
        (index.objects[domain] ?? [:]).values.flatMap { $0 }.filter { $0.type == spec.objectType && !$0.isAlias }
    }

    static func html(_ spec: DomainIndex, objects: [ObjectTarget], commonPrefixes: [String]) -> String {
        func stripped(_ name: String) -> String {
            for prefix in commonPrefixes where name.hasPrefix(prefix) && name.count > prefix.count {
                return String(name.dropFirst(prefix.count))
            }
            return name
        }
        let all = Set(objects.map(\.name))
        var groups: [String: [ObjectTarget]] = [:]
        for object in objects {
            groups[GeneralIndex.letter(of: stripped(object.name)).lowercased(), default: []].append(object)
        }
        let letters = groups.keys.sorted()
        var out = "<section id=\"\(spec.name)\">\n<h1>\(spec.title.htmlEscaped)</h1>\n"
        out += "<nav class=\"modindex-jumpbox\" aria-label=\"Letters\">"
        out += letters.map { "<a href=\"#cap-\($0.htmlEscaped)\"><strong>\($0.htmlEscaped)</strong></a>" }.joined(separator: " | ")
        out += "</nav>\n<table class=\"indextable modindextable\">\n"
        for letter in letters {
            out += "<tr class=\"cap\" id=\"cap-\(letter.htmlEscaped)\"><td colspan=\"2\"><strong>\(letter.htmlEscaped)</strong></td></tr>\n"
            for object in (groups[letter] ?? []).sorted(by: { stripped($0.name).lowercased() < stripped($1.name).lowercased() }) {
                let parent = object.name.split(separator: ".").dropLast().joined(separator: ".")
                let nested = !parent.isEmpty && all.contains(parent)
                let url = PageURL.path(of: object.document) + "#" + object.anchor
                out += "<tr\(nested ? " class=\"submodule\"" : "")><td><a href=\"\(url.htmlEscaped)\"><code class=\"xref\">"
                out += stripped(object.name).htmlEscaped + "</code></a></td><td></td></tr>\n"
            }
        }
        return out + "</table>\n</section>\n"
    }
}
