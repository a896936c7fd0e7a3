import Dispatch
import ServiceLifecycle

/// Watches the inputs, waits for a burst of edits to settle, rebuilds, and
/// publishes the new snapshot; a failed rebuild keeps the previous one served.
/// On graceful shutdown it closes the event streams, so open pages let go.
struct RebuildLoop: Service {
    let rebuilder: any SiteRebuilder
    let store: SnapshotStore
    let options: ServeOptions
    let report: @Sendable (ServeEvent) -> Void
    /// The inputs as they were when the first build started.
    let initialScan: InputScan

    func run() async {
        await withGracefulShutdownHandler {
            await watch()
        } onGracefulShutdown: {
            store.close()
        }
    }

    private func watch() async {
        var seen = initialScan
        var generation = store.current.generation
        // Changes since the last good build: a failed rebuild hands its changes on.
        var pending: Set<String> = []
        var quietSince = ContinuousClock.now
        while !store.isClosed {
            guard (try? await Task.sleep(for: options.pollInterval)) != nil else { return }
            if ContinuousClock.now - quietSince > options.keepAliveInterval {
                store.keepAlive()
                quietSince = .now
            }
            let (latest, changes) = await settle(after: seen)
            guard !changes.isEmpty, !store.isClosed else { continue }
            quietSince = .now
            seen = latest
            pending.formUnion(changes)
            let batch = pending
            do {
                let site = try await Self.offload { try rebuilder.rebuild(changes: batch) }
                generation += 1
                store.publish(SiteSnapshot(generation: generation, site: site, sourceRoot: options.sourceRoot))
                pending = []
                report(.rebuilt(site.report, changes: batch.sorted(), generation: generation))
            } catch {
                store.reportFailure("\(error)")
                report(.rebuildFailed("\(error)", changes: batch.sorted()))
            }
        }
    }

    /// Scans until a scan finds nothing new (or `longestWait` has passed since
    /// the first change): the inputs as they now are, and every path that changed.
    private func settle(after seen: InputScan) async -> (InputScan, Set<String>) {
        var latest = InputScan(options.watched)
        var changes = latest.changes(since: seen)
        guard !changes.isEmpty else { return (seen, []) }
        let deadline = ContinuousClock.now + options.longestWait
        while ContinuousClock.now < deadline {
            try? await Task.sleep(for: options.quietPeriod)
            let next = InputScan(options.watched)
            let more = next.changes(since: latest)
            latest = next
            if more.isEmpty { break }
            changes.formUnion(more)
        }
        return (latest, changes)
    }

    /// Runs a build on its own thread, off the threads that answer requests.
    static func offload<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async {
                continuation.resume(with: Result { try work() })
            }
        }
    }
}
