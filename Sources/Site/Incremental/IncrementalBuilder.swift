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
/// (for `vellum build`). Rebuilds run one at a time: a call made while another
/// runs waits for it.
public final class IncrementalBuilder: @unchecked Sendable {
    public var options: BuildOptions
    var state: BuildState?
    /// The last build's summary, and whether the records behind it are still on disk only.
    var summary: BuildSummary?
    private var recordsOnDisk = false
    /// Notes about the cache (ignored as corrupt or from another version), for the report.
    var cacheNotes: [String] = []
    private var loadedCache = false
    /// What the cache on disk holds (``BuildState/digest``), so an unchanged state is not saved again.
    private var savedDigest: ContentHash?

    public init(options: BuildOptions) {
        self.options = options
    }

    private let running = NSLock()

    /// Builds, reusing what the previous build (or the cache) knows.
    public func rebuild() throws -> BuildReport {
        running.lock()
        defer { running.unlock() }
        return try Workers.runWithLargeStack { try self.rebuildOnCurrentThread() }
    }

    /// Forgets every record: the next build is a clean one.
    public func invalidate() {
        running.lock()
        defer { running.unlock() }
        state = nil
        summary = nil
        recordsOnDisk = false
    }

    /// The records, from the cache on disk the first time they are needed.
    private func records() -> BuildState? {
        if recordsOnDisk, let directory = options.cacheDirectory {
            recordsOnDisk = false
            let (loaded, notes) = BuildCache.loadRecords(from: directory)
            state = loaded
            savedDigest = loaded?.savedDigest
            cacheNotes += notes
        }
        return state
    }

    func rebuildOnCurrentThread() throws -> BuildReport {
        var clock = StepClock()
        if !loadedCache, let directory = options.cacheDirectory {
            loadedCache = true
            let (loaded, notes) = BuildCache.loadSummary(from: directory)
            summary = loaded
            recordsOnDisk = FileManager.default.fileExists(atPath: directory + "/" + BuildCache.recordsName)
            cacheNotes += notes
        }
        clock.mark("load summary")
        var run = try BuildRun(options: options, summary: summary, loadPrevious: { [unowned self] in self.records() })
        // The previous output may still be going away (``BuildRun/cleanup``) when the build throws.
        defer { run.cleanup.wait() }
        var report: BuildReport
        do {
            report = try run.build()
        } catch let damaged as BlobStore.Damaged {
            // A part of a record is gone from the cache: trust none of it.
            cacheNotes.append("ignoring the build cache \(options.cacheDirectory ?? ""): \(damaged); building everything")
            state = nil
            summary = nil
            savedDigest = nil
            run = try BuildRun(options: options, summary: nil, loadPrevious: { nil })
            report = try run.build()
        }
        clock.mark("build")
        if run.unchanged, let stamps = run.settledStamps, var kept = summary {
            // Files written just before the last build (a checkout, a generator) could not keep
            // their stamps then; they have settled since, so the summary keeps them now.
            kept.stamps = stamps
            summary = kept
            state?.summary = kept
            if let directory = options.cacheDirectory, let problem = BuildCache.saveSummary(kept, to: directory) {
                cacheNotes.append(problem)
            }
        }
        if !run.unchanged {
            state = run.next
            summary = run.next?.summary
            if let directory = options.cacheDirectory, var next = run.next {
                let digest = next.digest
                if digest != savedDigest {
                    if let problem = BuildCache.save(&next, digest: digest, to: directory) {
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
        }
        run.cleanup.wait()
        clock.mark("save cache")
        var final = report
        final.timings = clock.steps.prefix(1) + report.timings + clock.steps.suffix(1)
        final.notes = cacheNotes + final.notes
        cacheNotes = []
        return final
    }
}
