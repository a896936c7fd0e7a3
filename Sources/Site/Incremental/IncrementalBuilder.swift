import Autodoc
import CrossRef
import DocTree
import Extensions
import Foundation

/// Builds a site again and again, doing only what changed since the last
/// build: pages whose inputs changed are read again, pages whose resolved
/// references, toctrees or numbers changed are resolved again, pages whose
/// tree or navigation changed are rendered again, and only output files
/// whose bytes changed are written. The result is the same, byte for byte,
/// as a clean build of the same tree (`SiteBuilder.build`, which is this
/// builder's first build).
///
/// Records stay in memory between calls (for `vellum serve`); with
/// `BuildOptions.cacheDirectory` they are also saved to and loaded from disk
/// (for `vellum build`). Not for concurrent use: one rebuild at a time.
public final class IncrementalBuilder: @unchecked Sendable {
    public var options: BuildOptions
    var state: BuildState?
    /// Notes about the cache (ignored as corrupt or from another version), for the report.
    var cacheNotes: [String] = []
    private var loadedCache = false
    /// What the cache on disk holds (``BuildState/digest``), so an unchanged state is not saved again.
    private var savedDigest: ContentHash?

    public init(options: BuildOptions) {
        self.options = options
    }

    /// Builds, reusing what the previous build (or the cache) knows.
    public func rebuild() throws -> BuildReport {
        try Workers.runWithLargeStack { try self.rebuildOnCurrentThread() }
    }

    /// Forgets every record: the next build is a clean one.
    public func invalidate() {
        state = nil
    }

    func rebuildOnCurrentThread() throws -> BuildReport {
        if !loadedCache, let directory = options.cacheDirectory {
            loadedCache = true
            let (loaded, notes) = BuildCache.load(from: directory)
            state = loaded
            savedDigest = loaded?.digest
            cacheNotes += notes
        }
        var run = try BuildRun(options: options, previous: state)
        let report = try run.build()
        state = run.next
        if let directory = options.cacheDirectory, var next = run.next {
            let digest = next.digest
            if digest != savedDigest {
                if let problem = BuildCache.save(&next, to: directory) {
                    // The output-pending mark stays: the output may hold what no saved record knows.
                    cacheNotes.append(problem)
                } else {
                    savedDigest = digest
                    state = next
                    BuildCache.clearOutputPending(in: directory)
                }
            } else {
                BuildCache.clearOutputPending(in: directory)
            }
        }
        var final = report
        final.notes = cacheNotes + final.notes
        cacheNotes = []
        return final
    }
}
