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
    /// Where an incremental build keeps its page records between runs (`vellum build`
    /// uses `.vellum-cache/` beside the output); nil keeps nothing on disk.
    public var cacheDirectory: String?

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
    /// Whether the output directory holds this build's site: replaced, or already
    /// byte-identical (an incremental build that changed nothing).
    public var wroteOutput = false
    /// For each page read, resolved or written again, why (`api.rst: re-read: ../Sources/Routers/RouterChain.swift changed`),
    /// in page order; `vellum build --explain` prints them.
    public var explanations: [String] = []
    /// Remarks about the build itself (a cache that was ignored, and why).
    public var notes: [String] = []
    /// How many pages were read, resolved and rendered again, and output files written or removed.
    public var pagesRead = 0
    public var pagesResolved = 0
    public var pagesRendered = 0
    public var filesWritten = 0
    /// How long each step took, in order (cache loading and saving included).
    public var timings: [StepTime] = []

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

    /// A clean build: an ``IncrementalBuilder``'s first build, without a cache.
    static func buildOnCurrentThread(_ options: BuildOptions) throws -> BuildReport {
        var clean = options
        clean.cacheDirectory = nil
        return try IncrementalBuilder(options: clean).rebuildOnCurrentThread()
    }

    /// Sphinx's substitutions every page has: `|version|`, `|release|`, `|today|`.
    static func defaultSubstitutions(_ config: SiteConfig, date: Date) -> [String: String] {
        let day = utcDay(date)
        let today = config.today ?? ConfPyBuiltins.strftime(config.todayFormat, day.year, day.month, day.day)
        return ["version": config.version, "release": config.release ?? config.version, "today": today]
    }

    /// The Gregorian day (UTC) of a date, by arithmetic (Howard Hinnant's `civil_from_days`):
    /// Foundation's `Calendar` starts ICU, a millisecond every build.
    static func utcDay(_ date: Date) -> (year: Int, month: Int, day: Int) {
        let days = Int((date.timeIntervalSince1970 / 86_400).rounded(.down))
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shifted = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shifted + 2) / 5 + 1
        let month = shifted < 10 ? shifted + 3 : shifted - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
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
struct Asset: Sendable, Hashable, Codable {
    var source: String
    var destination: String
}

/// One page after the resolve phase: its tree, its HTML body, what it reported and the files it uses.
struct ResolvedPage: Sendable, Codable {
    var name: String
    var title: String?
    /// The page's own file (its text is the "Show source" copy).
    var source: SourceFile
    var body: String
    /// The page's text by section, for the search index.
    var searchSections: [SearchSection]
    /// Its `index` entries, for `genindex.html`.
    var indexEntries: [RawIndexEntry]
    var diagnostics: [Diagnostic]
    var referencesChecked: Int
    var assets: [Asset]
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
    /// Names this output in an incremental builder's records (never the same for two outputs).
    let identity = UUID().uuidString

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

    /// Drops a file the site no longer has (an incremental rebuild).
    func remove(_ relativePath: String) {
        lock.lock()
        storage[relativePath] = nil
        lock.unlock()
    }
}
