import DocTree
import Foundation

extension MarkdownConverter {
    /// A link, classified as myst-parser classifies destinations:
    ///
    /// - a scheme of `myst_url_schemes` (`https:`, `mailto:` …, or `//host`): an external
    ///   `reference`, written through the scheme's template when it has one; another
    ///   scheme is a reference target (`[](releases:when)`), except in an autolink;
    /// - a path with a page suffix (`other.md#anchor`): `pending_xref` reftype
    ///   `mdlink`, the page and its anchor checked by the site;
    /// - `#name`, a name or path without suffix (`intro`, `/guide/setup`,
    ///   `label`), `project:…` and `inv:…`: `pending_xref` reftype `myst`,
    ///   which the resolver tries as a label, document, anchor or object;
    /// - a path to another file (`data.csv`, `path:…`): a `download_reference`.
    ///
    /// A link without text of its own (`[](target)`, `<project:target>`) shows
    /// the title of what it resolves to.
    func link(_ node: CmarkNode, range: SourceRange) -> Node {
        let isAutolink = node.children.count == 1 && node.children[0].kind == .text
            && node.children[0].literal == node.url
        linkDepth += 1
        let written = inlines(node.children)
        linkDepth -= 1
        let content = isAutolink ? [] : written
        guard settings.pageLinks else { return reference(node, content: written, range: range) }
        switch destination(node.url, autolink: isAutolink) {
        case .external:
            return reference(node, content: written, range: range)
        case .scheme(let scheme):
            return reference(node, content: content.isEmpty && scheme.title != nil ? [] : written, range: range, scheme: scheme)
        case .page(let page):
            var xref = Node(.pendingXref, attributes: [
                "refdomain": .string(""), "reftype": .string("mdlink"),
                "reftarget": .string(page.target), "refexplicit": .bool(!content.isEmpty),
                "refdoc": .string(documentName),
            ], children: content, range: range)
            if let anchor = page.anchor { xref.attributes["refanchor"] = .string(anchor) }
            if !node.title.isEmpty { xref.attributes["reftitle"] = .string(node.title) }
            if page.escapesRoot {
                diagnose("md.broken-link", .warning,
                         "link '\(node.url)' points outside the documentation source directory", range)
            }
            return xref
        case .myst(let target):
            var xref = PendingXref(domain: "", type: "myst", target: target, explicit: !content.isEmpty,
                                   document: documentName, content: content, range: range).node
            if !node.title.isEmpty { xref.attributes["reftitle"] = .string(node.title) }
            return xref
        case .download(let path):
            // Like myst-parser: the written text, or the path as code when there is none.
            let inner = Node(content.isEmpty ? .literal : .inline, attributes: ["classes": .list(["xref", "download", "myst"])],
                             children: content.isEmpty ? [Node.text(path)] : content, range: range)
            return Node("download_reference", attributes: [
                "refdomain": .string(""), "reftype": .string("myst"), "reftarget": .string(path),
                "refexplicit": .bool(!content.isEmpty), "refdoc": .string(documentName),
            ], children: [inner], range: range)
        }
    }

    private func reference(_ node: CmarkNode, content: [Node], range: SourceRange,
                           scheme: MySTURLScheme? = nil) -> Node {
        let url = scheme?.url.map { MySTURLScheme.expand($0, for: node.url) } ?? node.url
        var children = content
        if children.isEmpty, let title = scheme?.title {
            children = [Node.text(MySTURLScheme.expand(title, for: node.url))]
        }
        var reference = Node(.reference, attributes: ["refuri": .string(url)], children: children, range: range)
        if !node.title.isEmpty { reference.attributes["reftitle"] = .string(node.title) }
        if let classes = scheme?.classes, !classes.isEmpty { reference.attributes["classes"] = .list(classes) }
        return reference
    }

    enum Destination {
        case external
        /// A scheme of `myst_url_schemes` with a URL or title template.
        case scheme(MySTURLScheme)
        case page(PageLink)
        case myst(String)
        case download(String)
    }

    /// What a link destination names (see ``link(_:range:)``).
    func destination(_ url: String, autolink: Bool = false) -> Destination {
        if url.isEmpty || url.hasPrefix("//") { return .external }
        var written = url
        var forced = false
        // Browsers drop tabs and newlines inside a URL and spaces around it, so `java\tscript:` is a scheme.
        let browserView = String(url.unicodeScalars.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" })
            .trimmingCharacters(in: CharacterSet(charactersIn: " ").union(.controlCharacters))
        if Self.hasScheme(browserView) {
            let scheme = browserView[..<browserView.firstIndex(of: ":")!].lowercased()
            switch scheme {
            case "project":
                written = String(url.dropFirst("project:".count))
                forced = true
            case "path":
                let path = String(url.dropFirst("path:".count))
                return .download(path.removingPercentEncoding ?? path)
            case "inv":
                return .myst(url.removingPercentEncoding ?? url)
            default:
                // As written (myst-parser compares the scheme case-sensitively).
                let writtenScheme = String(url[..<(url.firstIndex(of: ":") ?? url.endIndex)])
                if let known = settings.urlSchemes[writtenScheme] {
                    return known.url == nil && known.title == nil && known.classes.isEmpty ? .external : .scheme(known)
                }
                if autolink || scheme == "javascript" || scheme == "vbscript" || scheme == "data" { return .external }
                return .myst(url.removingPercentEncoding ?? url)
            }
        }
        if written.isEmpty { return forced ? .myst(documentName) : .external }
        if written.hasPrefix("#") {
            let name = String(written.dropFirst())
            return name.isEmpty ? .external : .myst("#" + (name.removingPercentEncoding ?? name))
        }
        if written.contains("?") { return forced ? .myst(written) : .external }
        if let page = pageLink(written) { return .page(page) }
        var path = written
        if let hash = written.firstIndex(of: "#") { path = String(written[..<hash]) }
        let decodedPath = path.removingPercentEncoding ?? path
        let lastComponent = decodedPath.split(separator: "/").last ?? ""
        if !written.contains("#"), Self.hasFileExtension(lastComponent) { return .download(decodedPath) }
        return .myst(written.removingPercentEncoding ?? written)
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
        if path.isEmpty { return nil }
        let decoded = path.removingPercentEncoding ?? path
        guard let suffix = settings.pageSuffixes.first(where: { decoded.lowercased().hasSuffix($0) }),
              decoded.count > suffix.count else { return nil }
        let withoutSuffix = String(decoded.dropLast(suffix.count))
        let resolved = Self.resolve(withoutSuffix, from: documentName)
        return PageLink(target: resolved.name, anchor: anchor, escapesRoot: resolved.escapes)
    }

    /// Whether a path's last component ends in a file extension (`.pdf`, `.tar.gz`, `.mp3`): one to
    /// five lower-case ASCII letters or digits, at least one a letter (so `v1.2` or
    /// `pkg.MyClass` stay names).
    static func hasFileExtension(_ component: Substring) -> Bool {
        guard let dot = component.lastIndex(of: "."), dot != component.startIndex else { return false }
        let ext = component[component.index(after: dot)...].unicodeScalars
        guard (1...5).contains(ext.count) else { return false }
        return ext.allSatisfy { ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") }
            && ext.contains { $0 >= "a" && $0 <= "z" }
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
