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

    /// The page: `body` (the tree's HTML) inside the layout.
    func render(_ document: Document, body: String) -> String {
        let name = document.name
        let root = PageURL.relative(from: name, toPath: "x").dropLast(1)
        let (previous, next) = navigation.neighbours(of: name)
        let navigationItems = navItems(navigation.items, current: name, ancestors: navigation.ancestors(of: name))
        let localToc = tocItems(index.documents[name]?.outline ?? [])
        // Mustache treats an empty string as true: leave out what is empty.
        var context: [String: Any] = [
            "project": config.projectName,
            "language": "en",
            "title": document.title ?? name,
            "root": String(root),
            "rootPage": PageURL.path(of: navigation.root),
            "body": body,
            "navigation": navigationItems,
            "hasNavigation": !navigationItems.isEmpty,
            "localToc": localToc,
            "hasLocalToc": !localToc.isEmpty,
            "hasRelations": previous != nil || next != nil,
        ]
        if !config.version.isEmpty { context["version"] = config.version }
        if let copyright = config.copyright { context["copyright"] = copyright }
        if let previous { context["prev"] = link(to: previous, from: name) }
        if let next { context["next"] = link(to: next, from: name) }
        return library.render(context, withTemplate: "layout") ?? ""
    }

    private func link(to page: String, from current: String) -> [String: Any] {
        ["url": PageURL.relative(from: current, to: page), "title": index.documents[page]?.title ?? page]
    }

    private func navItems(_ items: [Navigation.Item], current: String, ancestors: Set<String>) -> [[String: Any]] {
        items.map { item in
            var entry: [String: Any] = ["title": item.title]
            switch item.target {
            case .url(let url):
                entry["url"] = url
            case .document(let page):
                entry["url"] = PageURL.relative(from: current, to: page)
                if page == current { entry["current"] = true }
                if ancestors.contains(page) { entry["ancestor"] = true }
            }
            entry["children"] = navItems(item.children, current: current, ancestors: ancestors)
            entry["hasChildren"] = !item.children.isEmpty
            return entry
        }
    }

    private func tocItems(_ outline: [SectionOutline]) -> [[String: Any]] {
        outline.map {
            ["title": $0.title, "anchor": $0.anchor, "children": tocItems($0.children), "hasChildren": !$0.children.isEmpty]
        }
    }
}
