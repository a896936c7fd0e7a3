import CrossRef
import DocTree

/// The collect phase: the site index, toctrees, navigation and numbers, made
/// from every page's record (fresh or reused) the same way each build.
struct SiteModel: Sendable {
    let names: [String]
    let index: TargetIndex
    let toctrees: [String: [TocTree]]
    let navigation: Navigation
    let numbers: [String: Int]
    /// Section numbers under `:numbered:` toctrees, and their fingerprint (every page depends on it).
    let sectionNumbers: SectionNumbers
    let sectionNumbersHash: ContentHash
    let fingerprints: SiteFingerprints

    init(records: [ReadRecord], config: SiteConfig, report: inout BuildReport) {
        let (index, indexDiagnostics) = TargetIndex.collect(records.map(\.targets))
        report.diagnostics += indexDiagnostics
        let names = records.map(\.document.name)
        var toctrees: [String: [TocTree]] = [:]
        var files: [String: SourceFile] = [:]
        var titles: [String: String] = [:]
        var orphans: Set<String> = []
        toctrees.reserveCapacity(records.count)
        files.reserveCapacity(records.count)
        titles.reserveCapacity(records.count)
        let known = Set(names)
        // By index: a loop over the records themselves copies each one.
        for i in records.indices {
            let name = records[i].document.name, source = records[i].document.source
            if records[i].tocNodes.isEmpty {
                toctrees[name] = []
            } else {
                let tocOnly = Document(name: name, source: source, root: Node(.document, children: records[i].tocNodes))
                let (trees, problems) = TocTree.extract(from: tocOnly, pages: names, known: known)
                toctrees[name] = trees
                report.diagnostics += problems
            }
            files[name] = source
            if let title = records[i].title { titles[name] = title }
            if records[i].document.metadata["orphan"] != nil { orphans.insert(name) }
        }
        var navigation = Navigation(root: config.rootDocument)
        if files[config.rootDocument] == nil {
            if !records.isEmpty {
                report.diagnostics.append(Diagnostic(
                    id: "config.root-document", severity: .error,
                    message: "the root document '\(config.rootDocument)' does not exist",
                    file: nil, suggestions: TargetIndex.suggestions(for: config.rootDocument, among: names)))
            }
        } else {
            let (built, problems) = Navigation.build(root: config.rootDocument, toctrees: toctrees, titles: titles,
                                                     orphans: orphans, files: files)
            navigation = built
            report.diagnostics += problems
        }
        var items: [String: [Numbering.Item]] = [:]
        items.reserveCapacity(records.count)
        for i in records.indices where items[records[i].document.name] == nil { items[records[i].document.name] = records[i].numbered }
        numbers = config.numfig ? Numbering.compute(items, root: config.rootDocument, toctrees: toctrees) : [:]
        // Only sites with a `:numbered:` toctree need the pages' section outlines (their trees).
        if toctrees.values.contains(where: { $0.contains { $0.numbered > 0 } }) {
            let documents = records.map { (try? $0.withTree())?.document ?? $0.document }
            sectionNumbers = SectionNumbers(documents: documents, toctrees: toctrees, order: navigation.order)
        } else {
            sectionNumbers = SectionNumbers(documents: [], toctrees: [:], order: [])
        }
        let numbered = sectionNumbers.numbers
        sectionNumbersHash = ContentHasher.hash { h in
            for page in numbered.keys.sorted() {
                h.add(page)
                let sections = numbered[page]!
                for id in sections.keys.sorted() { h.add(id); h.add(sections[id]!.map(String.init).joined(separator: ".")) }
            }
        }
        self.names = names
        self.index = index
        self.toctrees = toctrees
        self.navigation = navigation
        fingerprints = SiteFingerprints(index: index, toctrees: toctrees, numbers: numbers)
    }

    /// The navigation as the layout shows it: the tree, the reading order and the titles of pages in it.
    var navigationHash: ContentHash {
        ContentHasher.hash { h in
            h.add(navigation.root)
            Self.add(navigation.items, to: &h)
            for name in navigation.order {
                h.add(name); h.add(index.documents[name]?.title); h.add(navigation.parents[name])
            }
        }
    }

    private static func add(_ items: [Navigation.Item], to h: inout ContentHasher) {
        h.add(items.count)
        for item in items {
            h.add(item.title); h.add(item.caption)
            switch item.target {
            case .document(let name): h.add("d"); h.add(name)
            case .url(let url): h.add("u"); h.add(url)
            }
            add(item.children, to: &h)
        }
    }
}
