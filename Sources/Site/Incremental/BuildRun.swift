import Autodoc
import CrossRef
import DocTree
import Extensions
import Foundation

/// One build of an ``IncrementalBuilder``: the phases over the previous
/// build's records (none for a clean build). `next` holds the records for the
/// build after it.
struct BuildRun {
    let options: BuildOptions
    /// The previous build's records, loaded only when they are needed (not for a build that changes nothing).
    let loadPrevious: () -> BuildState?
    let summary: BuildSummary?
    var next: BuildState?
    /// Set when nothing changed: the previous build stands.
    var unchanged = false
    /// When nothing changed but files settled since the last build (``FileStamp/isSettled``):
    /// the stamps to keep, so the next build need not read those files again.
    var settledStamps: [String: StampedFile]?
    var report = BuildReport()
    var explanations: [String: [String]] = [:]
    var clock = StepClock()
    /// Pages read, resolved or rendered again (their records changed).
    var changedPages: Set<String> = []
    /// `|version|`, `|release|` and `|today|` (``SiteBuilder/defaultSubstitutions(_:date:)``), worked out once.
    var substitutions: [String: String] = [:]
    /// Removes the previous output while the builder saves its records (``IncrementalBuilder`` waits for it).
    let cleanup = BackgroundWork()
    let started = Date()
    let sourceURL: URL
    let displayRoot: String

    init(options: BuildOptions, summary: BuildSummary?, loadPrevious: @escaping () -> BuildState?) throws {
        self.options = options
        self.summary = summary
        self.loadPrevious = loadPrevious
        sourceURL = URL(fileURLWithPath: options.sourceDirectory).standardizedFileURL
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: sourceURL.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw BuildError.missingSource(options.sourceDirectory)
        }
        displayRoot = options.sourceDirectory.hasSuffix("/") ? String(options.sourceDirectory.dropLast())
            : options.sourceDirectory
    }

    mutating func explain(_ page: String, _ line: String) {
        explanations[page, default: []].append(line)
    }

    mutating func build() throws -> BuildReport {
        // config
        let (config, configDiagnostics) = SiteBuilder.loadConfig(sourceURL: sourceURL, displayRoot: displayRoot,
                                                                 now: options.buildDate)
        report.diagnostics += configDiagnostics
        clock.mark("config")
        // The build date matters only as the day `|today|` shows.
        substitutions = SiteBuilder.defaultSubstitutions(config, date: options.buildDate)
        let fingerprint = ConfigFingerprint(config, extra: [
            "buildDay": substitutions["today"] ?? "",
            "strict": String(options.strict),
        ])

        // discover
        let outputURL = try options.outputDirectory.map { path in
            let checked = try OutputSafety.check(output: URL(fileURLWithPath: path), shownAs: path, source: sourceURL,
                                                 protected: SiteBuilder.protectedFolders(config),
                                                 homeDirectories: SiteBuilder.homeDirectories(), force: options.force)
            OutputDirectory.removeStaleFolders(of: checked)
            return checked
        }
        let pages: [PageSource]
        let project = ProjectFiles(sourceURL: sourceURL, config: config)
        do {
            let (found, problems) = try Discovery.pages(in: sourceURL, exclude: config.exclude, include: config.include,
                                                        outputDirectory: outputURL, files: project,
                                                        displayRoot: displayRoot, suffixes: config.sourceSuffixes)
            pages = found
            report.diagnostics += problems
        } catch {
            throw BuildError.io("cannot list \(options.sourceDirectory): \(error.localizedDescription)")
        }
        let pythonPaths = SiteBuilder.pythonPaths(config, sourceURL: sourceURL)
        clock.mark("discover")
        let states = InputStates(sourceURL: sourceURL, project: project, pythonPaths: pythonPaths,
                                 swiftModules: config.swiftModules, stamps: summary?.stamps ?? [:])
        let inventoryFiles = InventoryFiles(config)
        let surroundings = BuildSummary.surroundings(setupDiagnostics: report.diagnostics, config: config, states: states,
                                                     inventories: inventoryFiles)
        let identity = Self.outputIdentity(memory: options.memoryOutput, directory: outputURL)
        if let summary, summary.matches(config: fingerprint, pages: pages, surroundings: surroundings,
                                        outputIdentity: identity, states: states, threads: threads),
           outputURL.map({ url in
               !summary.report.wroteOutput || (OutputSafety.ownership(of: url) == .vellum
                   && summary.outputListing == OutputWriter.listingHash(OutputWriter.listing(of: url)))
           }) ?? true {
            unchanged = true
            let stamps = states.stamps
            if stamps != summary.stamps { settledStamps = stamps }
            clock.mark("check inputs")
            report.timings = clock.steps
            report.pages = summary.report.pages
            report.referencesChecked = summary.report.referencesChecked
            report.diagnostics = summary.report.diagnostics
            report.wroteOutput = summary.report.wroteOutput
            report.duration = Date().timeIntervalSince(started)
            return report
        }
        var old = loadPrevious()
        clock.mark("check inputs, load records")
        if old == nil { explain("", "everything: no records of an earlier build") }
        var changedKeys: [String] = []
        if let known = old?.config {
            changedKeys = fingerprint.changedKeys(since: known)
            if let key = changedKeys.first(where: ConfigKeys.isSiteWide) {
                explain("", "everything: configuration key '\(key)' changed")
                old = nil
            }
        }
        var state = BuildState(config: fingerprint)
        report.pages = pages.count
        if let old {
            let present = Set(pages.map(\.relativePath))
            for path in old.pages.keys.sorted() where !present.contains(path) {
                explain(path, "\(path): removed")
            }
        }

        // read
        let apiStore = loadAPIStore(config, pythonPaths: pythonPaths, states: states, old: old, into: &state)
        let registry = Registry.site(config)
        let reader = PageReader(config: config, sourceURL: sourceURL, displayRoot: displayRoot, apiStore: apiStore,
                                registry: registry, files: project)
        let readKey = fingerprint.combined(.read)
        var records = readPages(pages, reader: reader, states: states, readKey: readKey, old: old,
                                changedKeys: changedKeys, config: config)
        for i in records.indices { report.diagnostics += records[i].document.diagnostics }
        clock.mark("read")

        // collect
        let site = SiteModel(records: records, config: config, report: &report)
        clock.mark("collect")

        // resolve
        let resolveKey = fingerprint.combined(.resolve)
        let resolved = resolvePages(&records, site: site, reader: reader, apiStore: apiStore, registry: registry,
                                    states: states, config: config, inventoryFiles: inventoryFiles, resolveKey: resolveKey,
                                    old: old)
        for page in resolved {
            report.diagnostics += page.page.diagnostics
            report.referencesChecked += page.page.referencesChecked
        }
        report.diagnostics = DiagnosticPolicy(config: config, strict: options.strict).apply(report.diagnostics)
        clock.mark("resolve")
        state.pages.reserveCapacity(records.count)
        for i in records.indices {
            let path = records[i].source.relativePath
            state.pages[path] = PageMemo(read: records[i], resolved: resolved[i], rendered: old?.pages[path]?.rendered)
        }
        state.encodedPages = old?.encodedPages ?? [:]
        state.shards = old?.shards ?? [:]
        state.dirty = old?.dirty.map { $0.union(changedPages) }
        state.outputIdentity = old?.outputIdentity
        state.outputs = old?.outputs ?? [:]
        state.standby = old?.standby
        state.siteKey = old?.siteKey
        state.siteFiles = old?.siteFiles ?? [:]
        state.deflated = old?.deflated ?? [:]

        // write
        let memory = options.memoryOutput
        if (outputURL != nil && report.succeeded) || memory != nil {
            try write(records: records, resolved: resolved, site: site, registry: registry, config: config,
                      fingerprint: fingerprint, states: states, outputURL: outputURL, memory: memory,
                      old: old, state: &state)
        }
        state.summary = BuildSummary(
            config: fingerprint,
            pages: zip(records, resolved).map { record, resolution in
                BuildSummary.PageInputs(source: record.source, configKey: record.configKey, inputs: record.inputs,
                                        assets: resolution.assets)
            },
            surroundings: surroundings, outputIdentity: identity,
            outputListing: outputURL == nil ? nil : OutputWriter.listingHash(Array(state.outputs.keys)),
            report: .init(pages: report.pages, referencesChecked: report.referencesChecked,
                          diagnostics: report.diagnostics, wroteOutput: report.wroteOutput),
            stamps: states.stamps)
        next = state
        state.dirty = state.dirty.map { $0.union(changedPages) }
        clock.mark("summary")
        report.timings = clock.steps
        report.explanations = explanations.keys.sorted().flatMap { explanations[$0]! }
        report.duration = Date().timeIntervalSince(started)
        return report
    }

    /// Names where the site goes, for the records (a memory output is never the same as another).
    static func outputIdentity(memory: MemoryOutput?, directory: URL?) -> String {
        memory.map { "memory:" + $0.identity } ?? "directory:" + (directory?.path ?? "")
    }

    /// The API store: Swift modules extracted again only when their sources changed.
    mutating func loadAPIStore(_ config: SiteConfig, pythonPaths: [String], states: InputStates, old: BuildState?,
                      into state: inout BuildState) -> APIStore {
        var modules: [APIModule] = []
        for entry in config.swiftModules {
            let current = states.swiftModule(entry.name)
            let extracted: (state: ContentHash, modules: [APIModule], diagnostics: [Diagnostic])
            if let known = old?.swiftModules[entry.name], known.state == current {
                extracted = known
            } else {
                let result = SwiftExtractor().extract(moduleName: entry.name, directory: entry.path)
                extracted = (current, result.modules, result.diagnostics)
            }
            state.swiftModules[entry.name] = extracted
            modules += extracted.modules
            report.diagnostics += extracted.diagnostics
        }
        return APIStore(modules: modules, pythonPaths: pythonPaths)
    }
}
