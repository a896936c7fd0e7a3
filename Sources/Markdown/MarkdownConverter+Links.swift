import DocTree
import Foundation

extension MarkdownConverter {
    /// A link: external or non-page destinations stay `reference refuri`;
    /// links to pages of the site (`other.md#anchor`, `#anchor`) become
    /// `pending_xref` (reftype `mdlink`) for the site to check and rewrite.
    func link(_ node: CmarkNode, range: SourceRange) -> Node {
        let content = inlines(node.children)
        if settings.pageLinks, let page = pageLink(node.url) {
            var xref = Node(.pendingXref, attributes: [
                "refdomain": .string(""), "reftype": .string("mdlink"),
                "reftarget": .string(page.target), "refexplicit": .bool(true),
                "refdoc": .string(documentName),
            ], children: content, range: range)
            if let anchor = page.anchor { xref.attributes["refanchor"] = .string(anchor) }
            if !node.title.isEmpty { xref.attributes["reftitle"] = .string(node.title) }
            if page.escapesRoot {
                diagnose("md.broken-link", .warning,
                         "link '\(node.url)' points outside the documentation source directory", range)
            }
            return xref
        }
        var reference = Node(.reference, attributes: ["refuri": .string(node.url)], children: content, range: range)
        if !node.title.isEmpty { reference.attributes["reftitle"] = .string(node.title) }
        return reference
    }

    struct PageLink {
        var target: String
        var anchor: String?
        var escapesRoot = false
    }

    /// Classifies a destination; nil when it is not a link to a page of the site.
    func pageLink(_ url: String) -> PageLink? {
        if url.isEmpty || Self.hasScheme(url) || url.hasPrefix("//") { return nil }
        var path = url
        var anchor: String?
        if let hash = url.firstIndex(of: "#") {
            path = String(url[..<hash])
            let fragment = String(url[url.index(after: hash)...])
            anchor = fragment.isEmpty ? nil : (fragment.removingPercentEncoding ?? fragment)
        }
        if path.contains("?") { return nil }
        if path.isEmpty {
            guard anchor != nil else { return nil }
            return PageLink(target: documentName, anchor: anchor)
        }
        let decoded = path.removingPercentEncoding ?? path
        guard let suffix = settings.pageSuffixes.first(where: { decoded.lowercased().hasSuffix($0) }),
              decoded.count > suffix.count else { return nil }
        let withoutSuffix = String(decoded.dropLast(suffix.count))
        let resolved = Self.resolve(withoutSuffix, from: documentName)
        return PageLink(target: resolved.name, anchor: anchor, escapesRoot: resolved.escapes)
    }

    static func hasScheme(_ url: String) -> Bool {
        var sawLetter = false
        for scalar in url.unicodeScalars {
            if scalar == ":" { return sawLetter }
            let isLetter = (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z")
            if !sawLetter {
                if !isLetter { return false }
                sawLetter = true
                continue
            }
            let isOther = (scalar >= "0" && scalar <= "9") || scalar == "+" || scalar == "-" || scalar == "."
            if !(isLetter || isOther) { return false }
        }
        return false
    }

    /// Resolves a relative page path against the current page's directory
    /// (a leading `/` means the source root). `escapes` is set when `..` climbs above the root.
    static func resolve(_ path: String, from documentName: String) -> (name: String, escapes: Bool) {
        var components: [Substring] = []
        if !path.hasPrefix("/") {
            components = documentName.split(separator: "/")
            if !components.isEmpty { components.removeLast() }
        }
        var escapes = false
        for part in path.split(separator: "/") {
            switch part {
            case ".", "": continue
            case "..":
                if components.isEmpty { escapes = true } else { components.removeLast() }
            default:
                components.append(part)
            }
        }
        return (components.joined(separator: "/"), escapes)
    }
}
