import CrossRef
import DocTree
import Foundation
import HTMLWriter

/// The pages and files around the pages: the search page and its index, the
/// general index, the domains' indices, `404.html`, `sitemap.xml` (with a base
/// URL) and the `_sources/` copies behind "Show source".
struct SiteExtras {
    let config: SiteConfig
    let pages: [ResolvedPage]
    let index: TargetIndex
    let domains: [String: any Domain]
    let generalIndex: GeneralIndex
    /// Each domain index with entries: (domain, spec, objects).
    let domainIndices: [(domain: String, spec: DomainIndex, objects: [ObjectTarget])]

    init(config: SiteConfig, pages: [ResolvedPage], index: TargetIndex, domains: [String: any Domain]) {
        self.config = config
        self.pages = pages
        self.index = index
        self.domains = domains
        var general = GeneralIndex()
        for page in pages.sorted(by: { $0.name < $1.name }) {
            for entry in page.indexEntries { general.add(entry) }
        }
        general.addObjects(index, domains: domains)
        generalIndex = general
        var found: [(String, DomainIndex, [ObjectTarget])] = []
        for name in domains.keys.sorted() {
            for spec in domains[name]?.indices ?? [] {
                let objects = DomainIndexPage.names(spec, domain: name, index: index)
                if !objects.isEmpty { found.append((name, spec, objects)) }
            }
        }
        domainIndices = found
    }

    /// The indices the layout links to, when they have entries.
    var indices: [(title: String, path: String)] {
        var links: [(String, String)] = []
        if !generalIndex.isEmpty { links.append(("Index", "genindex.html")) }
        for entry in domainIndices { links.append((entry.spec.shortTitle, "\(entry.domain)-\(entry.spec.name).html")) }
        return links
    }

    static let searchIndexPath = "searchindex.js"

    /// A site-wide file: where it goes, what it is made from (nil: it is made every
    /// build) and how to make it.
    struct File {
        var path: String
        var key: ContentHash?
        var make: () -> String
    }

    /// The site-wide files, in a fixed order. `layoutKey` fingerprints what the
    /// layout around a page shows (navigation, theme, configuration) and the site's
    /// targets; the search index is made every build, from `pieces` where its parts did not change.
    func files(renderer: PageRenderer, layoutKey: ContentHash, pieces: DeflateCache) -> [File] {
        var files: [File] = []
        let pages = self.pages
        let index = self.index
        files.append(File(path: Self.searchIndexPath, key: nil, make: {
            SearchIndex.script(pages: pages.map {
                SearchIndex.Page(name: $0.name, title: $0.title ?? $0.name, sections: $0.searchSections)
            }, index: index, pieces: pieces)
        }))
        files.append(File(path: "search.html", key: layoutKey, make: {
            renderer.renderSpecial(name: "search", title: "Search", body: Self.searchBody,
                                   scripts: [Self.searchIndexPath, "_static/search.js"], noindex: true)
        }))
        if !generalIndex.isEmpty {
            let generalIndex = self.generalIndex
            let entries = ContentHasher.hash { h in
                h.add(layoutKey)
                for page in pages.sorted(by: { $0.name < $1.name }) {
                    for entry in page.indexEntries { h.add(entry.text); h.add(entry.document); h.add(entry.anchor) }
                }
            }
            files.append(File(path: "genindex.html", key: entries, make: {
                renderer.renderSpecial(name: "genindex", title: "Index", body: generalIndex.html())
            }))
        }
        let commonPrefixes = config.moduleIndexCommonPrefix
        for entry in domainIndices {
            let name = "\(entry.domain)-\(entry.spec.name)"
            files.append(File(path: name + ".html", key: layoutKey, make: {
                renderer.renderSpecial(name: name, title: entry.spec.title,
                                       body: DomainIndexPage.html(entry.spec, objects: entry.objects, commonPrefixes: commonPrefixes))
            }))
        }
        let notFoundRoot = config.baseURL.map { $0.hasSuffix("/") ? $0 : $0 + "/" } ?? "/"
        files.append(File(path: "404.html", key: layoutKey, make: {
            renderer.renderSpecial(name: "404", title: "Page not found", body: Self.notFoundBody, noindex: true,
                                   root: notFoundRoot)
        }))
        if let base = config.baseURL {
            let sitemap = self.sitemap(base: base)
            files.append(File(path: "sitemap.xml", key: nil, make: { sitemap }))
        }
        if config.showSource {
            for page in pages.sorted(by: { $0.name < $1.name }) {
                files.append(File(path: Self.sourceCopyPath(name: page.name, source: page.source), key: nil,
                                  make: { page.source.text }))
            }
        }
        return files
    }

    /// Where "Show source" finds a page's source: `_sources/guide/intro.rst.txt`, as Sphinx writes it.
    static func sourceCopyPath(name: String, source: SourceFile) -> String {
        let suffix = (source.path as NSString).pathExtension
        return "_sources/" + name + (suffix.isEmpty ? "" : "." + suffix) + ".txt"
    }

    static func absolute(_ base: String, _ path: String) -> String {
        (base.hasSuffix("/") ? base : base + "/") + path
    }

    func sitemap(base: String) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for name in pages.map(\.name).sorted() {
            out += "  <url><loc>\(Self.absolute(base, PageURL.path(of: name)).htmlEscaped)</loc></url>\n"
        }
        for (_, path) in indices {
            out += "  <url><loc>\(Self.absolute(base, path).htmlEscaped)</loc></url>\n"
        }
        return out + "</urlset>\n"
    }

    static let searchBody = """
        <section id="search">
        <h1>Search</h1>
        <form class="search-page-form" action="search.html" method="get" role="search">
          <input id="search-page-input" class="search-page-input" type="search" name="q" aria-label="Search the docs" autocomplete="off">
          <button type="submit">Search</button>
        </form>
        <noscript><p class="search-status">Search needs JavaScript: turn it on in your browser to search these pages.</p></noscript>
        <p id="search-status" class="search-status" role="status" aria-live="polite"></p>
        <ol id="search-results" class="search-results"></ol>
        </section>

        """

    static let notFoundBody = """
        <section id="page-not-found">
        <h1>Page not found</h1>
        <p>There is no page at this address. It may have moved: try the search box above, or start again from the first page.</p>
        </section>

        """
}
