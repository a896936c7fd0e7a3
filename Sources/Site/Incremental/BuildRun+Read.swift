import CrossRef
import DocTree
import Foundation

extension BuildRun {
    /// The read phase: each page read again when it is new, its configuration
    /// keys changed or one of its inputs changed; otherwise its record is reused.
    mutating func readPages(_ pages: [PageSource], reader: PageReader, states: InputStates, readKey: ContentHash,
                            old: BuildState?, changedKeys: [String], config: SiteConfig) -> [ReadRecord] {
        let readKeys = changedKeys.filter { ConfigKeys.affects($0, .read) }
        let reasons: [String?] = pages.parallelMap(threads: threads) { page -> String? in
            guard let old else { return "" }
            guard let memo = old.pages[page.relativePath] else { return "new page" }
            if memo.read.source != page { return "its markup changed" }
            if memo.read.configKey != readKey {
                return "configuration " + (readKeys.isEmpty ? "changed" : readKeys.map { "'\($0)'" }.joined(separator: ", ") + " changed")
            }
            for input in memo.read.inputs where states.current(input) != input.state {
                return "\(input.shownName) changed"
            }
            return nil
        }
        let wanted = pages.indices.filter { reasons[$0] != nil }
        let substitutions = self.substitutions
        let sourceURL = self.sourceURL
        let progress = ProgressCounter(.reading, total: wanted.count, report: options.progress)
        let fresh = wanted.map { pages[$0] }.parallelMap(threads: threads) { page -> ReadRecord in
            defer { progress.step() }
            return Self.read(page, reader: reader, states: states, readKey: readKey, substitutions: substitutions,
                             sourceURL: sourceURL)
        }
        var byIndex: [Int: ReadRecord] = [:]
        for (i, record) in zip(wanted, fresh) {
            byIndex[i] = record
            if let reason = reasons[i], !reason.isEmpty { explain(pages[i].relativePath, "\(pages[i].relativePath): re-read: \(reason)") }
        }
        report.pagesRead = wanted.count
        for i in wanted { changedPages.insert(pages[i].relativePath) }
        return pages.indices.map { byIndex[$0] ?? old!.pages[pages[$0].relativePath]!.read }
    }

    var threads: Int { options.jobs ?? Workers.threadCount }

    /// Reads one page, recording what it reads.
    static func read(_ page: PageSource, reader: PageReader, states: InputStates, readKey: ContentHash,
                     substitutions: [String: String], sourceURL: URL) -> ReadRecord {
        let log = InputLog(states: states)
        let path = sourceURL.appendingPathComponent(page.relativePath).path
        var stamp: FileStamp?
        let bytes = reader.files.read(path, stamp: &stamp)
        log.record(file: path, bytes, stamp: stamp)
        let (document, targets) = TargetCollector.process(reader.recording(into: log).read(page))
        var (resolved, problems) = LocalReferences.resolve(document, defaults: substitutions)
        resolved.diagnostics += problems
        var tocNodes: [Node] = []
        collectTocTrees(resolved.root, into: &tocNodes)
        let treeHash = ContentHasher.hash { h in
            h.add(resolved.name); h.add(resolved.source.path); h.add(resolved.root)
            h.add(resolved.includedFiles.map(\.path))
            for key in resolved.metadata.keys.sorted() { h.add(key); h.add(resolved.metadata[key]!) }
        }
        return ReadRecord(source: page, title: resolved.title, document: resolved, targets: targets, inputs: log.recorded, configKey: readKey,
                          treeHash: treeHash, tocNodes: tocNodes, numbered: Numbering.items(of: resolved.root),
                          dependencies: ResolveDependencies(of: resolved.root))
    }

    /// The `toctree` nodes of a tree, in document order.
    static func collectTocTrees(_ node: Node, into found: inout [Node]) {
        if node.kind == .toctree { found.append(node); return }
        for child in node.children where !child.isText { collectTocTrees(child, into: &found) }
    }
}
