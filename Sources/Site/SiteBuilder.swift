import Autodoc
import CrossRef
import Extensions
import DocTree
import Foundation
import HTMLWriter

/// What to build and where.
public struct BuildOptions: Sendable {
    public var sourceDirectory: String
    /// Where the site goes; nil checks everything but writes nothing.
    public var outputDirectory: String?
    /// Treat warnings as errors.
    public var strict: Bool
    /// Replace an existing non-empty output directory that Vellum did not write.
    public var force: Bool
    /// The date `|today|` and conf.py's `datetime` see (the CLI takes `SOURCE_DATE_EPOCH` when set).
    public var buildDate = Date()
    /// Write the site here instead of to `outputDirectory`, even when the build has
    /// errors (`vellum serve` shows such pages with their diagnostics).
    public var memoryOutput: MemoryOutput?
    /// Worker threads; nil: one per core.
    public var jobs: Int?
    /// Told how many pages each phase has done (from worker threads).
    public var progress: (@Sendable (BuildProgress) -> Void)?

    public init(sourceDirectory: String, outputDirectory: String?, strict: Bool = false, force: Bool = false) {
        self.sourceDirectory = sourceDirectory
        self.outputDirectory = outputDirectory
        self.strict = strict
        self.force = force
    }
}

/// How far a build is: pages read, resolved or written so far.
public struct BuildProgress: Sendable {
    public enum Phase: String, Sendable {
        case reading, resolving, writing
    }
    public var phase: Phase
    public var done: Int
    public var total: Int
}

/// The outcome of a build: counts for the summary line and every diagnostic,
/// in a fixed order.
public struct BuildReport: Sendable {
    public var pages = 0
    public var referencesChecked = 0
    public var diagnostics: [Diagnostic] = []
    public var duration: Double = 0
    /// Whether the output directory was replaced.
    public var wroteOutput = false

    public var errorCount: Int { diagnostics.filter { $0.severity >= .error }.count }
    public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }
    public var succeeded: Bool { errorCount == 0 }
}

/// Problems that stop a build before it looks at any page (bad arguments, I/O).
public enum BuildError: Error, CustomStringConvertible {
    case missingSource(String)
    /// The output directory is one Vellum must not replace (the message says why and what to do).
    case unsafeOutput(String)
    case io(String)

    public var description: String {
        switch self {
        case .missingSource(let path): return "source directory '\(path)' does not exist"
        case .unsafeOutput(let message), .io(let message): return message
        }
    }
}

/// The build pipeline: discover → read (parallel) → collect → resolve
/// (parallel) → write (parallel) → finish. Each phase is a function over the
/// values the previous one produced.
public enum SiteBuilder {
    public static func build(_ options: BuildOptions) throws -> BuildReport {
        try Workers.runWithLargeStack { try buildOnCurrentThread(options) }
    }

    static func buildOnCurrentThread(_ options: BuildOptions) throws -> BuildReport {
        let started = Date()
        var report = BuildReport()
        let sourceURL = URL(fileURLWithPath: options.sourceDirectory).standardizedFileURL
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: sourceURL.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw BuildError.missingSource(options.sourceDirectory)
        }
        let displayRoot = options.sourceDirectory.hasSuffix("/") ? String(options.sourceDirectory.dropLast())
            : options.sourceDirectory

        // discover
        let (config, configDiagnostics) = loadConfig(sourceURL: sourceURL, displayRoot: displayRoot,
                                                     now: options.buildDate)
        report.diagnostics += configDiagnostics
        let outputURL = try options.outputDirectory.map { path in
            let checked = try OutputSafety.check(output: URL(fileURLWithPath: path), shownAs: path, source: sourceURL,
                                                 protected: protectedFolders(config), homeDirectories: homeDirectories(),
                                                 force: options.force)
            OutputDirectory.removeStaleFolders(of: checked)
            return checked
        }
        let pages: [PageSource]
        let project = ProjectFiles(sourceURL: sourceURL, config: config)
        do {
            let (found, problems) = try Discovery.pages(in: sourceURL, exclude: config.exclude, include: config.include,
                                                        outputDirectory: outputURL,
                                                        files: project, displayRoot: displayRoot,
                                                        suffixes: config.sourceSuffixes)
            pages = found
            report.diagnostics += problems
        } catch {
            throw BuildError.io("cannot list \(options.sourceDirectory): \(error.localizedDescription)")
        }
        report.pages = pages.count

        // read (pure per file)
        let (apiStore, apiProblems) = APIStore.load(pythonPaths: pythonPaths(config, sourceURL: sourceURL),
                                                    swiftModules: config.swiftModules)
        report.diagnostics += apiProblems
        let registry = Registry.site(config)
        let reader = PageReader(config: config, sourceURL: sourceURL, displayRoot: displayRoot, apiStore: apiStore,
                                registry: registry, files: project)
        let defaultSubstitutions = Self.defaultSubstitutions(config, date: options.buildDate)
        let threads = options.jobs ?? Workers.threadCount
        let readProgress = ProgressCounter(.reading, total: pages.count, report: options.progress)
        let read = pages.parallelMap(threads: threads) { page -> (Document, PageTargets) in
            defer { readProgress.step() }
            let (document, targets) = TargetCollector.process(reader.read(page))
            var (resolved, problems) = LocalReferences.resolve(document, defaults: defaultSubstitutions)
            resolved.diagnostics += problems
            return (resolved, targets)
        }
        for (document, _) in read { report.diagnostics += document.diagnostics }

        // collect
        let (index, indexDiagnostics) = TargetIndex.collect(read.map(\.1))
        report.diagnostics += indexDiagnostics
        let names = pages.map(\.name)
        var toctrees: [String: [TocTree]] = [:]
        var files: [String: SourceFile] = [:]
        var titles: [String: String] = [:]
        var orphans: Set<String> = []
        for (document, _) in read {
            let (trees, problems) = TocTree.extract(from: document, pages: names)
            toctrees[document.name] = trees
            report.diagnostics += problems
            files[document.name] = document.source
            if let title = document.title { titles[document.name] = title }
            if document.metadata["orphan"] != nil { orphans.insert(document.name) }
        }
        var navigation = Navigation(root: config.rootDocument)
        if files[config.rootDocument] == nil {
            if !pages.isEmpty {
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

        // resolve (per page)
        let (inventories, inventoryProblems) = loadInventories(config)
        report.diagnostics += inventoryProblems
        var resolverOptions = ResolverOptions(inventories: inventories,
                                              ignore: IgnoreList(exact: config.ignore, patterns: config.ignoreRegex))
        resolverOptions.numfig = config.numfig
        resolverOptions.numfigFormat = config.numfigFormat
        let numbers = config.numfig ? Numbering.compute(read.map(\.0), root: config.rootDocument, toctrees: toctrees) : [:]
        resolverOptions.numbers = numbers
        resolverOptions.sourceFiles = { apiStore.sourceFile(path: $0) }
        let resolver = Resolver(index: index, options: resolverOptions, domains: registry.sortedDomains)
        let allTocTrees = toctrees
        let sectionNumbers = SectionNumbers(documents: read.map(\.0), toctrees: toctrees, order: navigation.order)
        let writer = HTMLWriter(links: FlatLinkProvider(), nodeWriters: registry.nodeWriters)
        let resolveProgress = ProgressCounter(.resolving, total: read.count, report: options.progress)
        let resolved = read.map(\.0).parallelMap(threads: threads) { document -> ResolvedPage in
            defer { resolveProgress.step() }
            var page = document
            page.root = Numbering.numberCaptions(page.root, document: page.name, numbers: numbers, format: config.numfigFormat)
            let (withDownloads, downloads, downloadProblems) = Downloads.resolve(page, sourceURL: sourceURL, project: reader.files)
            page.root = withDownloads
            let outcome = resolver.resolve(page)
            var doc = outcome.document
            let (safe, unsafeLinks) = UnsafeLinks.apply(doc, rawEnabled: config.rawEnabled)
            doc.root = safe
            doc.root = expandTocTrees(in: doc, index: index, toctrees: allTocTrees)
            doc.root = sectionNumbers.apply(to: doc.root, page: doc.name)
            let (images, assetProblems) = reader.assets(of: doc)
            // Images are copied to the same relative place, so the page's own URLs work unchanged.
            let (body, unknown) = writer.renderPage(doc.root)
            return ResolvedPage(
                document: doc, body: body,
                searchSections: SearchSection.sections(of: doc.root),
                indexEntries: RawIndexEntry.collect(from: doc.root, document: doc.name),
                diagnostics: downloadProblems + outcome.diagnostics + unsafeLinks + assetProblems
                    + HighlightCheck.diagnostics(doc)
                    + HTMLWriter.unknownNodeDiagnostics(unknown, file: doc.source),
                referencesChecked: outcome.referencesChecked + downloads.count + downloadProblems.count,
                assets: images.map { ($0, $0) } + downloads.map { ($0, "_downloads/" + $0) })
        }
        for page in resolved {
            report.diagnostics += page.diagnostics
            report.referencesChecked += page.referencesChecked
        }

        report.diagnostics = DiagnosticPolicy(config: config, strict: options.strict).apply(report.diagnostics)

        // write + finish
        let memory = options.memoryOutput
        guard (outputURL != nil && report.succeeded) || memory != nil else {
            report.duration = Date().timeIntervalSince(started)
            return report
        }
        let theme: Theme
        let library: MustacheLibraryBox
        do {
            theme = try Theme.load(overridesFrom: config.templateDirectory)
            library = MustacheLibraryBox(library: try theme.library())
        } catch {
            report.diagnostics.append(.error("theme.invalid", "\(error)"))
            report.duration = Date().timeIntervalSince(started)
            return report
        }
        let site = WritePhase(config: config, sourceURL: sourceURL, resolved: resolved, index: index, navigation: navigation,
                              registry: registry, theme: theme, library: library.library, threads: threads,
                              progress: options.progress)
        if let memory {
            try site.write(into: memory)
        } else if let outputURL {
            let output = try OutputDirectory(destination: outputURL, replaceForeign: options.force)
            do {
                try site.write(into: output)
                try output.commit()
                report.wroteOutput = true
            } catch {
                output.discard()
                throw BuildError.io("cannot write \(outputURL.path): \(error.localizedDescription)")
            }
        }
        report.duration = Date().timeIntervalSince(started)
        return report
    }

    /// Sphinx's substitutions every page has: `|version|`, `|release|`, `|today|`.
    static func defaultSubstitutions(_ config: SiteConfig, date: Date) -> [String: String] {
        let day = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: date)
        let today = config.today ?? ConfPyBuiltins.strftime(config.todayFormat, day.year ?? 1970, day.month ?? 1, day.day ?? 1)
        return ["version": config.version, "release": config.release ?? config.version, "today": today]
    }

    /// Where autodoc finds Python modules: the configured paths (`[autodoc] python_paths`,
    /// conf.py's `sys.path` edits), else where a package usually sits next to its docs:
    /// the repository's `src/` folder and the repository itself (Sphinx imports the
    /// installed package; Vellum reads its source).
    static func pythonPaths(_ config: SiteConfig, sourceURL: URL) -> [String] {
        guard config.pythonPaths.isEmpty else { return config.pythonPaths }
        let repository = ProjectFiles.repositoryRoot(of: OutputSafety.realPath(sourceURL))
        return [repository + "/src", repository].filter {
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: $0, isDirectory: &isDirectory) && isDirectory.boolValue
        }
    }

    /// Folders that an output directory must not contain: the build would delete them.
    static func protectedFolders(_ config: SiteConfig) -> [OutputSafety.Protected] {
        var folders: [OutputSafety.Protected] = []
        if let templates = config.templateDirectory {
            folders.append(.init(url: URL(fileURLWithPath: templates), role: "the templates"))
        }
        for path in config.pythonPaths + config.swiftModules.map(\.path) {
            folders.append(.init(url: URL(fileURLWithPath: path), role: "the autodoc source root"))
        }
        return folders
    }

    /// The user's home directory, as the system and as `HOME` name it.
    static func homeDirectories() -> [URL] {
        var homes = [FileManager.default.homeDirectoryForCurrentUser]
        if let entry = getpwuid(getuid()), let dir = entry.pointee.pw_dir {
            homes.append(URL(fileURLWithPath: String(cString: dir)))
        }
        return homes
    }

    /// Reads the `[intersphinx.NAME]` inventories from disk (never from the network).
    static func loadInventories(_ config: SiteConfig) -> ([ExternalInventory], [Diagnostic]) {
        var inventories: [ExternalInventory] = []
        var diagnostics: [Diagnostic] = []
        for name in config.intersphinx.keys.sorted() {
            guard let entry = config.intersphinx[name] else { continue }
            guard let path = entry.inventory else {
                diagnostics.append(.error("intersphinx.no-inventory",
                    "[intersphinx.\(name)] needs an 'inventory' path: Vellum reads inventories from disk, never from the network"))
                continue
            }
            guard let data = FileManager.default.contents(atPath: path) else {
                diagnostics.append(.error("intersphinx.missing", "inventory file for '\(name)' not found: \(path)"))
                continue
            }
            do {
                inventories.append(ExternalInventory(name: name, baseURL: entry.url, inventory: try Inventory.decode(data)))
            } catch {
                diagnostics.append(.error("intersphinx.corrupt", "inventory file for '\(name)' (\(path)) is unreadable: \(error)"))
            }
        }
        return (inventories, diagnostics)
    }

    /// `vellum.toml`, over what `conf.py` says when there is one (key by key).
    static func loadConfig(sourceURL: URL, displayRoot: String, now: Date = Date()) -> (SiteConfig, [Diagnostic]) {
        var base = SiteConfig()
        var diagnostics: [Diagnostic] = []
        if let data = FileManager.default.contents(atPath: sourceURL.appendingPathComponent("conf.py").path) {
            let file = SourceFile(path: displayRoot + "/conf.py", text: String(decoding: data, as: UTF8.self))
            (base, diagnostics) = SiteConfig.load(confPy: file, directory: sourceURL.path, tags: [], now: now)
        }
        guard let data = FileManager.default.contents(atPath: sourceURL.appendingPathComponent("vellum.toml").path) else {
            return (base, diagnostics)
        }
        let file = SourceFile(path: displayRoot + "/vellum.toml", text: String(decoding: data, as: UTF8.self))
        let (config, tomlDiagnostics) = SiteConfig.load(file: file, baseDirectory: sourceURL.path, base: base)
        return (config, diagnostics + tomlDiagnostics)
    }

    /// Replaces each `toctree` node by its rendered lists; hidden ones vanish.
    static func expandTocTrees(in document: Document, index: TargetIndex, toctrees: [String: [TocTree]]) -> Node {
        let trees = toctrees[document.name] ?? []
        var next = 0
        let rewritten = document.root.rewritten { node -> [Node] in
            if node.kind == .toctree {
                defer { next += 1 }
                guard next < trees.count else { return [] }
                return trees[next].bodyNodes(in: document.name, index: index, toctrees: toctrees)
                    .flatMap(\.children)
            }
            if node.kind == .compound, node.classes.contains("toctree-wrapper"), node.children.isEmpty {
                return []
            }
            return [node]
        }
        return rewritten.first ?? document.root
    }
}

import Mustache

/// A file copied into the site: source path and output path, both relative.
typealias Asset = (source: String, destination: String)

/// One page after the resolve phase: its tree, its HTML body, what it reported and the files it uses.
struct ResolvedPage: Sendable {
    var document: Document
    var body: String
    /// The page's text by section, for the search index.
    var searchSections: [SearchSection]
    /// Its `index` entries, for `genindex.html`.
    var indexEntries: [RawIndexEntry]
    var diagnostics: [Diagnostic]
    var referencesChecked: Int
    var assets: [Asset]
}

/// Carries the compiled templates into the parallel write phase.
struct MustacheLibraryBox: Sendable {
    let library: MustacheLibrary
}

/// The write phase: every page through the layout, the pages around them,
/// the theme's static files, the artifacts and the copied assets, into one output.
struct WritePhase {
    let config: SiteConfig
    let sourceURL: URL
    let resolved: [ResolvedPage]
    let index: TargetIndex
    let navigation: Navigation
    let registry: Registry
    let theme: Theme
    let library: MustacheLibrary
    let threads: Int
    let progress: (@Sendable (BuildProgress) -> Void)?

    func write(into output: some SiteOutput) throws {
        let extras = SiteExtras(config: config, pages: resolved, index: index, domains: registry.domains)
        let renderer = PageRenderer(config: config, library: library, navigation: navigation, index: index,
                                    overridden: theme.overridden, indices: extras.indices)
        let writeProgress = ProgressCounter(.writing, total: resolved.count, report: progress)
        let showSource = config.showSource
        let html = resolved.parallelMap(threads: threads) { page in
            defer { writeProgress.step() }
            return renderer.render(page.document, body: page.body,
                                   source: showSource ? SiteExtras.sourceCopyPath(page.document) : nil)
        }
        for (page, text) in zip(resolved, html) {
            try output.write(Data(text.utf8), to: PageURL.path(of: page.document.name))
        }
        for (path, text) in extras.files(renderer: renderer) {
            try output.write(Data(text.utf8), to: path)
        }
        for (path, data) in theme.staticFiles.sorted(by: { $0.key < $1.key }) {
            try output.write(data, to: "_static/" + path)
        }
        let input = ArtifactInput(index: index, domains: registry.domains, project: config.projectName,
                                  version: config.version)
        for artifact in registry.artifacts {
            for (path, bytes) in artifact.make(input).sorted(by: { $0.key < $1.key }) {
                try output.write(Data(bytes), to: path)
            }
        }
        var copied: Set<String> = []
        for (source, destination) in resolved.flatMap(\.assets).sorted(by: { $0.1 < $1.1 })
        where copied.insert(destination).inserted {
            // The file itself, never a symbolic link to it.
            let file = URL(fileURLWithPath: OutputSafety.realPath(sourceURL.appendingPathComponent(source)))
            try output.copyFile(from: file, to: destination)
        }
    }
}

/// Where the write phase puts the site.
protocol SiteOutput {
    func write(_ data: Data, to relativePath: String) throws
    func copyFile(from source: URL, to relativePath: String) throws
}

extension OutputDirectory: SiteOutput {}

/// A site kept in memory (for `vellum serve`): output path → bytes.
public final class MemoryOutput: SiteOutput, @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [String: Data] = [:]

    public init() {}

    public var files: [String: Data] {
        lock.lock()
        defer { lock.unlock() }
        return storage
    }

    func write(_ data: Data, to relativePath: String) throws {
        lock.lock()
        storage[relativePath] = data
        lock.unlock()
    }

    func copyFile(from source: URL, to relativePath: String) throws {
        try write(Data(contentsOf: source), to: relativePath)
    }
}
