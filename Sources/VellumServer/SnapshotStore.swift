import Foundation

/// What open pages are told through `/__vellum/events`.
enum LiveEvent: Equatable, Sendable {
    /// The site now served is build `generation`: pages of another build reload.
    case current(generation: Int)
    /// A rebuild failed; the previous build is still served.
    case rebuildFailed(String)
    /// Nothing happened for a while: a comment line that finds closed connections.
    case keepAlive
}

/// The snapshot being served, swapped whole by each rebuild, and the open
/// event streams that hear about it.
final class SnapshotStore: @unchecked Sendable {
    private let lock = NSLock()
    private var snapshot: SiteSnapshot
    private var listeners: [Int: AsyncStream<LiveEvent>.Continuation] = [:]
    private var nextListener = 0
    private var closed = false

    init(_ snapshot: SiteSnapshot) {
        self.snapshot = snapshot
    }

    var current: SiteSnapshot {
        lock.withLock { snapshot }
    }

    var isClosed: Bool {
        lock.withLock { closed }
    }

    /// Serves `next` from now on and tells every open page.
    func publish(_ next: SiteSnapshot) {
        broadcast(.current(generation: next.generation)) { snapshot = next }
    }

    func reportFailure(_ message: String) {
        broadcast(.rebuildFailed(message)) {}
    }

    /// Lets streams whose page went away notice it (their next write fails) and end.
    func keepAlive() {
        broadcast(.keepAlive) {}
    }

    /// A stream of events for one open page, starting with the current generation
    /// (a page loaded just before a rebuild finished then reloads at once).
    /// Finished when the store closes or the page goes away.
    func events() -> AsyncStream<LiveEvent> {
        let (stream, continuation) = AsyncStream.makeStream(of: LiveEvent.self, bufferingPolicy: .bufferingNewest(8))
        let id: Int? = lock.withLock {
            guard !closed else { return nil }
            defer { nextListener += 1 }
            listeners[nextListener] = continuation
            continuation.yield(.current(generation: snapshot.generation))
            return nextListener
        }
        guard let id else {
            continuation.finish()
            return stream
        }
        continuation.onTermination = { [weak self] _ in
            self?.lock.withLock { _ = self?.listeners.removeValue(forKey: id) }
        }
        return stream
    }

    /// Number of open event streams.
    var listenerCount: Int {
        lock.withLock { listeners.count }
    }

    /// Ends every event stream (the server is stopping); later streams end at once.
    func close() {
        let open = lock.withLock {
            closed = true
            defer { listeners = [:] }
            return Array(listeners.values)
        }
        for continuation in open { continuation.finish() }
    }

    private func broadcast(_ event: LiveEvent, updating update: () -> Void) {
        let open = lock.withLock {
            update()
            return Array(listeners.values)
        }
        for continuation in open { continuation.yield(event) }
    }
}
