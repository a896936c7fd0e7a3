import Autodoc
import CrossRef
import DocTree
import Extensions
import Foundation
import HTMLWriter

extension BuildRun {
    /// The resolve phase: a page is resolved again when its tree, the part of
    /// the site it sees (``SiteFingerprints/slice(_:sawProblems:)``), the
    /// resolve configuration or one of its images and downloads changed.
    mutating func resolvePages(_ records: inout [ReadRecord], site: SiteModel, reader: PageReader, apiStore: APIStore,
                               registry: Registry, states: InputStates, config: SiteConfig, inventoryFiles: InventoryFiles,
                               resolveKey: ContentHash, old: BuildState?) -> [ResolveRecord] {
        let (inventories, offlineInventories, inventoryProblems) = inventoryFiles.load()
        report.diagnostics += inventoryProblems
        let inventoryHash = inventoryFiles.hash
        @Sendable func key(_ record: ReadRecord, sawProblems: Bool) -> [String: ContentHash] {
            var key = site.fingerprints.slice(record.dependencies, sawProblems: sawProblems)
            key["its tree"] = record.treeHash
            key["the resolve configuration"] = resolveKey
            // Captions of numbered elements show their numbers; titles and toctree entries their section numbers.
            if record.numbered.contains(where: { $0.kind != "toctree" }) { key["figure and table numbers"] = site.fingerprints.numbers }
            key["section numbers"] = site.sectionNumbersHash
            if record.dependencies.hasReferences { key["the intersphinx inventories"] = inventoryHash }
            return key
        }
        /// One fingerprint of what ``key(_:sawProblems:)`` holds, made without building it.
        @Sendable func keyHash(_ record: ReadRecord, sawProblems: Bool) -> ContentHash {
            let fingerprints = site.fingerprints, dependencies = record.dependencies
            return ContentHasher.hash { h in
                for name in dependencies.keys.sorted() { h.add(name); h.add(fingerprints.keys[name] ?? ContentHash(value: 0)) }
                h.add(dependencies.titles); if dependencies.titles { h.add(fingerprints.titles) }
                h.add(dependencies.documents); if dependencies.documents { h.add(fingerprints.documents) }
                let everything = dependencies.everything || sawProblems
                h.add(everything); if everything { h.add(fingerprints.everything) }
                let numbers = dependencies.numbers || record.numbered.contains(where: { $0.kind != "toctree" })
                h.add(numbers); if numbers { h.add(fingerprints.numbers) }
                h.add(record.treeHash); h.add(resolveKey); h.add(site.sectionNumbersHash)
                h.add(dependencies.hasReferences); if dependencies.hasReferences { h.add(inventoryHash) }
            }
        }
        var reasons: [String?] = []
        for index in records.indices {
            let path = records[index].source.relativePath
            guard let memo = old?.pages[path]?.resolved else { reasons.append(""); continue }
            let sawProblems = memo.key["the site's targets"] != nil
            if keyHash(records[index], sawProblems: sawProblems) != memo.keyHash {
                let wanted = key(records[index], sawProblems: sawProblems)
                let changed = Set(wanted.keys).union(memo.key.keys).filter { wanted[$0] != memo.key[$0] }.sorted()
                reasons.append(changed.contains("its tree") ? "" : changed.joined(separator: ", ") + " changed")
                continue
            }
            if let asset = memo.assets.first(where: { states.current($0) != $0.state }) {
                reasons.append("\(asset.shownName) changed")
                continue
            }
            reasons.append(nil)
        }
        var resolverOptions = ResolverOptions(inventories: inventories,
                                              ignore: IgnoreList(exact: config.ignore, patterns: config.ignoreRegex))
        resolverOptions.offlineInventories = offlineInventories
        resolverOptions.numbers = site.numbers
        resolverOptions.numfig = config.numfig
        resolverOptions.numfigFormat = config.numfigFormat
        resolverOptions.sourceFiles = { path in
            apiStore.sourceFile(path: path) ?? FileManager.default.contents(atPath: path).map {
                SourceFile(path: path, text: String(decoding: $0, as: UTF8.self))
            }
        }
        let resolver = Resolver(index: site.index, options: resolverOptions, domains: registry.sortedDomains)
        let writer = HTMLWriter(links: FlatLinkProvider(), nodeWriters: registry.nodeWriters)
        let wanted = records.indices.filter { reasons[$0] != nil }
        let progress = ProgressCounter(.resolving, total: wanted.count, report: options.progress)
        let sourceURL = self.sourceURL
        let readKey = records.first?.configKey ?? ContentHash(value: 0)
        let substitutions = self.substitutions
        let fresh = wanted.map { records[$0] }.parallelMap(threads: threads) { stored -> (ReadRecord, ResolveRecord) in
            defer { progress.step() }
            // A tree the cache cannot give back is read again from its page.
            let record = (try? stored.withTree()) ?? Self.read(stored.source, reader: reader, states: states,
                                                                readKey: readKey, substitutions: substitutions,
                                                                sourceURL: sourceURL)
            let (page, unresolved) = Self.resolve(record.document, resolver: resolver, writer: writer, reader: reader,
                                                  site: site, config: config, sourceURL: sourceURL)
            let assets = Self.assetInputs(of: record.document, states: states, sourceURL: sourceURL)
            return (record, ResolveRecord(page: page, key: key(record, sawProblems: unresolved),
                                          keyHash: keyHash(record, sawProblems: unresolved), assets: assets,
                                          outputHash: Self.outputHash(page, assets: assets)))
        }
        var byIndex: [Int: ResolveRecord] = [:]
        for (i, (record, resolved)) in zip(wanted, fresh) {
            records[i] = record
            byIndex[i] = resolved
            let path = records[i].source.relativePath
            if let reason = reasons[i], !reason.isEmpty { explain(path, "\(path): re-resolved: \(reason)") }
        }
        report.pagesResolved = wanted.count
        for i in wanted { changedPages.insert(records[i].source.relativePath) }
        return records.indices.map { byIndex[$0] ?? old!.pages[records[$0].source.relativePath]!.resolved! }
    }

    /// Resolves one page: downloads, references, unsafe links, toctrees, images, then its body's HTML.
    /// Also says whether any reference stayed unresolved (its message depends on the whole site).
    static func resolve(_ document: Document, resolver: Resolver, writer: HTMLWriter, reader: PageReader,
                        site: SiteModel, config: SiteConfig, sourceURL: URL) -> (ResolvedPage, Bool) {
        var page = document
        page.root = Numbering.numberCaptions(page.root, document: page.name, numbers: site.numbers, format: config.numfigFormat)
        let (withDownloads, downloads, downloadProblems) = Downloads.resolve(page, sourceURL: sourceURL, project: reader.files)
        page.root = withDownloads
        let outcome = resolver.resolve(page)
        var doc = outcome.document
        let (safe, unsafeLinks) = UnsafeLinks.apply(doc, rawEnabled: config.rawEnabled)
        doc.root = safe
        doc.root = SiteBuilder.expandTocTrees(in: doc, index: site.index, toctrees: site.toctrees)
        doc.root = site.sectionNumbers.apply(to: doc.root, page: doc.name)
        doc.root = ImagePaths.resolve(doc.root, document: doc.name) { path in
            reader.files.assetProblem(sourceURL.appendingPathComponent(path).path) == nil
        }
        let (images, assetProblems) = reader.assets(of: doc)
        // Images are copied to the same relative place, so the page's own URLs work unchanged.
        let (body, unknown) = writer.renderPage(doc.root)
        let resolved = ResolvedPage(
            name: doc.name, title: doc.title, source: doc.source, body: body,
            searchSections: SearchSection.sections(of: doc.root),
            indexEntries: RawIndexEntry.collect(from: doc.root, document: doc.name),
            diagnostics: downloadProblems + outcome.diagnostics + unsafeLinks + assetProblems
                + HighlightCheck.diagnostics(doc)
                + HTMLWriter.unknownNodeDiagnostics(unknown, file: doc.source),
            referencesChecked: outcome.referencesChecked + downloads.count + downloadProblems.count,
            assets: images.map { Asset(source: $0, destination: $0) }
                + downloads.map { Asset(source: $0, destination: "_downloads/" + $0) })
        return (resolved, !outcome.diagnostics.isEmpty)
    }

    /// The images and downloads a page names, with their state now (found or not).
    static func assetInputs(of document: Document, states: InputStates, sourceURL: URL) -> [RecordedInput] {
        var paths: Set<String> = []
        document.root.walk { node in
            let uri: String?
            if node.kind == .image { uri = node.string("uri") } else if node.kind == "download_reference" {
                uri = node.string(AttributeKey.reftarget)
            } else { return }
            guard let uri, !uri.contains("://"), !uri.hasPrefix("data:") else { return }
            if node.kind == .image {
                paths.formUnion(ImagePaths.candidates(uri, document: document.name))   // `name.*`: each file it may choose
            } else {
                paths.insert(PageURL.sourcePath(uri, from: document.name))
            }
        }
        return paths.sorted().map { path in
            let absolute = sourceURL.appendingPathComponent(path).path
            return RecordedInput(kind: .file, name: states.relative(absolute), state: states.file(absolute))
        }
    }

    /// Fingerprint of what a resolved page puts into the site.
    static func outputHash(_ page: ResolvedPage, assets: [RecordedInput]) -> ContentHash {
        ContentHasher.hash { h in
            h.add(page.name); h.add(page.title); h.add(page.source.path); h.add(page.source.text); h.add(page.body)
            for section in page.searchSections { h.add(section.anchor); h.add(section.heading); h.add(section.text) }
            for entry in page.indexEntries { h.add(entry.text); h.add(entry.anchor) }
            for asset in page.assets { h.add(asset.source); h.add(asset.destination) }
            for input in assets { h.add(input.name); h.add(input.state) }
        }
    }
}
