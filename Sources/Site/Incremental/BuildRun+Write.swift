import CrossRef
import DocTree
import Extensions
import Foundation
import Mustache

/// One file of the site: where it goes, its bytes' fingerprint, and how to make it.
struct PlannedFile {
    enum Content {
        case bytes(Data)
        case copy(URL)
    }
    var path: String
    var hash: ContentHash
    /// nil: not made this build (its bytes are those the output already holds), `make` gives them.
    var content: Content?
    var make: (() throws -> Content)?

    func produce() throws -> Content { try content ?? make!() }
}

extension BuildRun {
    /// The write phase: pages rendered again when what their layout shows changed,
    /// the site-wide files made again when anything changed, and only files whose
    /// bytes differ from the output's written (see ``OutputWriter``).
    mutating func write(records: [ReadRecord], resolved: [ResolveRecord], site: SiteModel, registry: Registry,
                        config: SiteConfig, fingerprint: ConfigFingerprint, states: InputStates, outputURL: URL?,
                        memory: MemoryOutput?, old: BuildState?, state: inout BuildState) throws {
        let theme: Theme
        let library: MustacheLibrary
        do {
            theme = try Theme.load(overridesFrom: config.templateDirectory)
            library = try theme.library()
        } catch {
            report.diagnostics.append(.error("theme.invalid", "\(error)"))
            return
        }
        let identity = Self.outputIdentity(memory: memory, directory: outputURL)
        let trusted = old != nil && old?.outputIdentity == identity
            && (memory != nil || outputURL.map { OutputSafety.ownership(of: $0) == .vellum } == true)
        let themeHash = ContentHasher.hash { h in
            for key in theme.templates.keys.sorted() { h.add(key); h.add(theme.templates[key]!) }
            for key in theme.staticFiles.keys.sorted() { h.add(key); h.add(ContentHash(bytes: [UInt8](theme.staticFiles[key]!))) }
            h.add(theme.overridden.sorted())
        }
        let navigationHash = site.navigationHash
        let renderConfig = fingerprint.combined(.render)
        let siteKey = ContentHasher.hash { h in
            h.add(themeHash); h.add(navigationHash); h.add(renderConfig); h.add(site.fingerprints.everything)
            h.add(fingerprint.combined(.read)); h.add(fingerprint.combined(.resolve))
            for page in resolved { h.add(page.outputHash) }
        }
        state.outputIdentity = identity
        // The folder listed only when nothing else changed.
        if trusted, siteKey == old?.siteKey, outputURL.map({ OutputWriter.listingHash(OutputWriter.listing(of: $0))
            == OutputWriter.listingHash(Array(old?.outputs.keys ?? [:].keys)) }) ?? true {
            report.wroteOutput = outputURL != nil
            return
        }

        let pages = resolved.map(\.page)
        clock.mark("write: theme, site key")
        let extras = SiteExtras(config: config, pages: pages, index: site.index, domains: registry.domains)
        let renderer = PageRenderer(config: config, library: library, navigation: site.navigation, index: site.index,
                                    overridden: theme.overridden, indices: extras.indices)
        let indicesHash = ContentHasher.hash { h in for (title, path) in extras.indices { h.add(title); h.add(path) } }
        let showSource = config.showSource
        /// A page's HTML; its body comes from the cache when the resolution was kept from an earlier build.
        @Sendable func render(_ record: ResolveRecord) throws -> Data {
            let page = record.page
            return Data(renderer.render(name: page.name, title: page.title, body: try record.body(),
                                        source: showSource ? SiteExtras.sourceCopyPath(name: page.name, source: page.source) : nil).utf8)
        }
        var keys: [RenderKey] = []
        var wanted: [Int] = []
        var reasons: [String] = []
        for (record, page) in zip(records, resolved) {
            let key = RenderKey(content: page.outputHash,
                                sections: ContentHasher.hash { SiteFingerprints.add(record.targets.outline, to: &$0) },
                                indexLinks: indicesHash, navigation: navigationHash, configuration: renderConfig,
                                theme: themeHash)
            keys.append(key)
            let known = trusted ? old?.pages[record.source.relativePath]?.rendered : nil
            if let known, known.key == key { continue }
            wanted.append(keys.count - 1)
            reasons.append(known.map { key.changed(since: $0.key).joined(separator: ", ") } ?? "")
        }
        let progress = ProgressCounter(.writing, total: wanted.count, report: options.progress)
        let html = try wanted.map { resolved[$0] }.parallelMap(threads: threads) { record -> Result<Data, any Error> in
            defer { progress.step() }
            return Result { try render(record) }
        }.map { try $0.get() }
        report.pagesRendered = wanted.count
        clock.mark("write: render pages")
        var rendered: [Int: (Data, String)] = [:]
        for (position, i) in wanted.enumerated() { rendered[i] = (html[position], reasons[position]) }

        var plan: [PlannedFile] = []
        for (i, page) in pages.enumerated() {
            let path = PageURL.path(of: page.name)
            if let (data, reason) = rendered[i] {
                let hash = ContentHash(bytes: data)
                plan.append(PlannedFile(path: path, hash: hash, content: .bytes(data)))
                let relative = records[i].source.relativePath
                if trusted, old?.outputs[path] != hash, !reason.isEmpty {
                    explain(relative, "\(relative): rewritten: \(reason) changed")
                }
                state.pages[relative]?.rendered = RenderRecord(key: keys[i], html: hash)
                changedPages.insert(relative)
            } else {
                let hash = old!.pages[records[i].source.relativePath]!.rendered!.html
                let record = resolved[i]
                plan.append(PlannedFile(path: path, hash: hash, content: nil, make: { .bytes(try render(record)) }))
            }
        }
        // Site-wide files whose inputs did not change are not made again (the output has them).
        func kept(_ name: String, key: ContentHash?) -> [(path: String, hash: ContentHash)]? {
            guard trusted, let key, let known = old?.siteFiles[name], known.key == key else { return nil }
            let hashes = known.paths.compactMap { old?.outputs[$0] }
            return hashes.count == known.paths.count ? Array(zip(known.paths, hashes)) : nil
        }
        let layoutKey = ContentHasher.hash { h in
            h.add(navigationHash); h.add(indicesHash); h.add(renderConfig); h.add(themeHash); h.add(site.fingerprints.everything)
        }
        let pieces = DeflateCache(known: old?.deflated ?? [:])
        state.siteFiles = [:]
        for file in extras.files(renderer: renderer, layoutKey: layoutKey, pieces: pieces) {
            if let key = file.key { state.siteFiles[file.path] = SiteFileRecord(key: key, paths: [file.path]) }
            if let known = kept(file.path, key: file.key) {
                plan.append(PlannedFile(path: file.path, hash: known[0].hash, content: nil,
                                        make: { .bytes(Data(file.make().utf8)) }))
            } else {
                let data = Data(file.make().utf8)
                plan.append(PlannedFile(path: file.path, hash: ContentHash(bytes: data), content: .bytes(data)))
            }
        }
        state.deflated = pieces.used
        clock.mark("write: site files")
        for (path, data) in theme.staticFiles.sorted(by: { $0.key < $1.key }) {
            plan.append(PlannedFile(path: "_static/" + path, hash: ContentHash(bytes: data), content: .bytes(data)))
        }
        let input = ArtifactInput(index: site.index, domains: registry.domains, project: config.projectName,
                                  version: config.version)
        // What an artifact is made from: the site's targets (all of them), the project, its version, the domains.
        let artifactKey = ContentHasher.hash { h in
            h.add(site.fingerprints.everything); h.add(config.projectName); h.add(config.version)
            h.add(registry.domains.keys.sorted())
        }
        for (number, artifact) in registry.artifacts.enumerated() {
            let name = "artifact \(number) of \(registry.artifacts.count)"
            if let known = kept(name, key: artifactKey) {
                for (path, hash) in known {
                    plan.append(PlannedFile(path: path, hash: hash, content: nil, make: {
                        .bytes(Data(artifact.make(input)[path] ?? []))
                    }))
                }
                state.siteFiles[name] = old!.siteFiles[name]
                continue
            }
            let made = artifact.make(input).sorted(by: { $0.key < $1.key })
            for (path, bytes) in made {
                plan.append(PlannedFile(path: path, hash: ContentHash(bytes: bytes), content: .bytes(Data(bytes))))
            }
            state.siteFiles[name] = SiteFileRecord(key: artifactKey, paths: made.map(\.key))
        }
        var copied: Set<String> = []
        clock.mark("write: artifacts")
        for asset in pages.flatMap(\.assets).sorted(by: { $0.destination < $1.destination })
        where copied.insert(asset.destination).inserted {
            // The file itself, never a symbolic link to it.
            let file = URL(fileURLWithPath: OutputSafety.realPath(sourceURL.appendingPathComponent(asset.source)))
            plan.append(PlannedFile(path: asset.destination, hash: states.file(file.path), content: .copy(file)))
        }

        let writer = OutputWriter(plan: plan, previous: trusted ? old?.outputs : nil)
        clock.mark("write: plan")
        if let memory {
            report.filesWritten = try writer.write(into: memory)
        } else if let outputURL {
            if let cache = options.cacheDirectory { BuildCache.markOutputPending(in: cache) }
            // The replaced output is kept as a standby only when records will say what it holds.
            let keep = trusted && options.cacheDirectory != nil
            let (count, replaced) = try writer.write(into: outputURL, replaceForeign: options.force, cleanup: cleanup,
                                                     standby: trusted ? old?.standby : nil, keepPrevious: keep)
            report.filesWritten = count
            if replaced { state.standby = keep ? old?.outputs : nil }
            report.wroteOutput = true
        }
        state.outputs = Dictionary(plan.map { ($0.path, $0.hash) }, uniquingKeysWith: { _, last in last })
        clock.mark("write: output")
        state.siteKey = siteKey
    }
}
