import Foundation
import Site

/// What one build produced: every output file (path relative to the site root → bytes)
/// and the build's report, diagnostics included.
package struct BuiltSite: Sendable {
    package var files: [String: Data]
    package var report: BuildReport

    package init(files: [String: Data], report: BuildReport) {
        self.files = files
        self.report = report
    }
}

/// Builds the site for `vellum serve`: the one thing the server knows about building.
///
/// The server calls it once at start (no changes) and then after each batch of
/// changed files, one call at a time. An implementation that keeps state between
/// builds (an incremental builder) plugs in here.
package protocol SiteRebuilder: Sendable {
    /// The whole site as it is now. `changes` are the absolute paths of the input
    /// files that were added, edited or removed since the previous call.
    /// Throws when no site could be built (the server keeps the previous one).
    func rebuild(changes: Set<String>) throws -> BuiltSite
}

/// A complete build into memory every time (`SiteBuilder` with a `MemoryOutput`):
/// the site is built even when it has errors, so such pages can show them.
package struct FullRebuild: SiteRebuilder {
    package let options: BuildOptions

    package init(options: BuildOptions) {
        self.options = options
    }

    package func rebuild(changes: Set<String>) throws -> BuiltSite {
        var options = options
        let memory = MemoryOutput()
        options.memoryOutput = memory
        options.outputDirectory = nil
        let report = try SiteBuilder.build(options)
        return BuiltSite(files: memory.files, report: report)
    }
}

/// Rebuilds through one ``IncrementalBuilder`` kept for the server's life: records stay in
/// memory, and only what an edit touches is read, resolved and written again. The builder
/// writes into one ``MemoryOutput`` that persists from build to build (it updates and
/// removes files in place), so each snapshot is the whole site: the previous one and the
/// changes. A rebuild that throws leaves records and output out of step: both start afresh,
/// and the next rebuild is a clean one.
package final class IncrementalRebuild: SiteRebuilder, @unchecked Sendable {
    private let options: BuildOptions
    private let lock = NSLock()
    private var memory = MemoryOutput()
    private var builder: IncrementalBuilder

    package init(options: BuildOptions) {
        var options = options
        options.outputDirectory = nil
        options.cacheDirectory = nil
        self.options = options
        builder = Self.builder(options, into: memory)
    }

    private static func builder(_ options: BuildOptions, into memory: MemoryOutput) -> IncrementalBuilder {
        var options = options
        options.memoryOutput = memory
        return IncrementalBuilder(options: options)
    }

    package func rebuild(changes: Set<String>) throws -> BuiltSite {
        try lock.withLock {
            do {
                let report = try builder.rebuild()
                return BuiltSite(files: memory.files, report: report)
            } catch {
                memory = MemoryOutput()
                builder = Self.builder(options, into: memory)
                throw error
            }
        }
    }
}
