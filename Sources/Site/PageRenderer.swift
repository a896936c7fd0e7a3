import CrossRef
import DocTree
import Foundation
import HTMLWriter
import Mustache

/// Renders one resolved page through the theme's layout. Sees the page, the
/// navigation and the index, and writes nothing itself.
struct PageRenderer: Sendable {
    let config: SiteConfig
    let library: MustacheLibrary
    let navigation: Navigation
    let index: TargetIndex
    /// Templates the project replaced: a replaced `nav-item` renders the sidebar
    /// item by item, a replaced `layout` also gets the sidebar as data.
    var overridden: Set<String> = []

    /// Links to the site's indices (general index, module index) the layout shows.
    var indices: [(title: String, path: String)] = []

    /// The page: `body` (the tree's HTML) inside the layout; `source` is the
    /// path of its "Show source" copy, when there is one.
    func render(name: String, title: String?, body: String, source: String? = nil) -> String {
        let (previous, next) = navigation.neighbours(of: name)
        let localToc = tocItems(index.documents[name]?.outline ?? [])
        var context = common(name: name, title: title ?? name, body: body)
        context["localToc"] = localToc
        context["hasLocalToc"] = !localToc.isEmpty
        context["hasRelations"] = previous != nil || next != nil
        if let previous { context["prev"] = link(to: previous, from: name) }
        if let next { context["next"] = link(to: next, from: name) }
        if let source { context["sourceURL"] = PageURL.relative(from: name, toPath: source) }
        if let base = config.baseURL { context["canonical"] = SiteExtras.absolute(base, PageURL.path(of: name)) }
        return library.render(context, withTemplate: "layout") ?? ""
    }

    /// A page the site makes itself (search, indices, 404) at `name`, in the same layout.
    /// `root` replaces the relative way up to the site root (the 404 page needs absolute links).
    func renderSpecial(name: String, title: String, body: String, scripts: [String] = [], noindex: Bool = false,
                       root: String? = nil) -> String {
        var context = common(name: name, title: title, body: body, root: root)
        let up = context["root"] as? String ?? ""
        context["scripts"] = scripts.map { ["url": up + $0] }
        if noindex { context["noindex"] = true }
        if let base = config.baseURL, !noindex { context["canonical"] = SiteExtras.absolute(base, PageURL.path(of: name)) }
        return library.render(context, withTemplate: "layout") ?? ""
    }

    /// What every page's layout gets.
    private func common(name: String, title: String, body: String, root: String? = nil) -> [String: Any] {
        let up = root ?? String(PageURL.relative(from: name, toPath: "x").dropLast(1))
        let sidebar = Sidebar(items: navigation.items, current: name, ancestors: navigation.ancestors(of: name),
                              prefix: root)
        // Mustache treats an empty string as true: leave out what is empty.
        var context: [String: Any] = [
            "project": config.siteTitle ?? config.projectName,
            "language": config.language,
            "title": title,
            "root": up,
            "rootPage": PageURL.path(of: navigation.root),
            "body": body,
            "hasNavigation": !sidebar.items.isEmpty,
            "hasRelations": false,
            "hasLocalToc": false,
            "indices": indices.map { ["title": $0.title, "url": up + $0.path] },
            "hasIndices": !indices.isEmpty,
            "hasGenindex": indices.contains { $0.path == "genindex.html" },
        ]
        if overridden.contains("layout") || overridden.contains("nav-item") {
            let items = sidebar.context()
            context["navigation"] = items
            if overridden.contains("nav-item") {
                context["navigationHTML"] = sidebar.groups(items.map { library.render($0, withTemplate: "nav-item") ?? "" })
            }
        }
        if context["navigationHTML"] == nil { context["navigationHTML"] = sidebar.html() }
        if !config.version.isEmpty { context["version"] = config.version }
        if let copyright = config.copyright { context["copyright"] = copyright }
        return context
    }

    private func link(to page: String, from current: String) -> [String: Any] {
        ["url": PageURL.relative(from: current, to: page), "title": index.documents[page]?.title ?? page]
    }

    private func tocItems(_ outline: [SectionOutline]) -> [[String: Any]] {
        outline.map {
            ["title": $0.title, "anchor": $0.anchor, "children": tocItems($0.children), "hasChildren": !$0.children.isEmpty]
        }
    }
}

/// One page's sidebar: the top level, and below it only the branch that leads
/// to the current page (each ancestor's children, so the page's siblings, and
/// the page's own children). Everything else stays collapsed, so a page's HTML
/// grows with the depth of the tree, not with the number of pages.
struct Sidebar {
    let items: [Navigation.Item]
    let current: String
    let ancestors: Set<String>
    /// Links start here instead of being relative to `current` (the 404 page).
    var prefix: String? = nil

    private func isAncestor(_ item: Navigation.Item) -> Bool {
        guard case .document(let page) = item.target else { return false }
        return ancestors.contains(page)
    }

    private func isOpen(_ item: Navigation.Item) -> Bool {
        item.target == .document(current) || isAncestor(item)
    }

    private func url(_ item: Navigation.Item) -> String {
        switch item.target {
        case .url(let url): return url
        case .document(let page):
            if let prefix { return prefix + PageURL.path(of: page) }
            return PageURL.relative(from: current, to: page)
        }
    }

    /// The top-level items' HTML in lists, one per toctree of the root page; a
    /// captioned toctree's list follows its caption, as in Sphinx's sidebar.
    func groups(_ rendered: [String]) -> String {
        var out = ""
        var open = false
        for (item, html) in zip(items, rendered) {
            if let caption = item.caption {
                if open { out += "</ul>\n" }
                out += "<p class=\"caption\" role=\"heading\">\(caption.htmlEscaped)</p>\n"
                open = false
            }
            if !open { out += "<ul class=\"nav\">\n"; open = true }
            out += html
        }
        if open { out += "</ul>\n" }
        return out
    }

    /// The built-in `nav-item.mustache`, written directly: the same bytes, without
    /// Mustache's per-key lookups over every item of every page.
    func html() -> String {
        groups(items.map { item in
            var out = ""
            write([item], into: &out)
            return out
        })
    }

    private func write(_ items: [Navigation.Item], into out: inout String) {
        for item in items {
            let isCurrent = item.target == .document(current)
            let open = isOpen(item)
            out += "<li class=\""
            if isCurrent { out += "current" }
            if isAncestor(item) { out += " ancestor" }
            if !open, !item.children.isEmpty { out += " collapsed" }
            out += "\"><a href=\"" + url(item).htmlEscaped + "\""
            if isCurrent { out += " aria-current=\"page\"" }
            out += ">" + item.title.htmlEscaped + "</a>"
            if open, !item.children.isEmpty {
                out += "<ul>"
                write(item.children, into: &out)
                out += "</ul>"
            }
            out += "</li>\n"
        }
    }

    /// The same tree as Mustache data, for a project's own `nav-item` or `layout`.
    func context() -> [[String: Any]] {
        func entries(_ items: [Navigation.Item]) -> [[String: Any]] {
            items.map { item in
                let open = isOpen(item)
                let children = open ? entries(item.children) : []
                // Every key is set on every item: Mustache looks a missing key up in the
                // enclosing item, so a child would inherit its parent's `current`.
                return ["title": item.title, "url": url(item),
                        "current": item.target == .document(current), "ancestor": isAncestor(item),
                        "collapsed": !open && !item.children.isEmpty,
                        "hasChildren": !children.isEmpty, "children": children]
            }
        }
        return entries(items)
    }
}
