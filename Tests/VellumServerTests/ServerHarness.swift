import Foundation
import Site
import Testing
@testable import VellumServer

/// Everything the server reported, for tests to wait on.
final class EventLog: @unchecked Sendable {
    private let lock = NSLock()
    private var events: [ServeEvent] = []

    func append(_ event: ServeEvent) {
        lock.withLock { events.append(event) }
    }

    var all: [ServeEvent] { lock.withLock { events } }

    /// Polls until an event satisfies `match`, or `timeout` seconds pass.
    func wait<T>(timeout: Double = 20, for match: (ServeEvent) -> T?) async -> T? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let found = all.lazy.compactMap(match).first { return found }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return nil
    }
}

/// A `LiveServer` on a free port, in this process, for one test.
struct ServerHarness {
    let project: ScratchProject
    let log: EventLog
    let task: Task<Void, any Error>
    let http: RawHTTP

    /// Starts the server on `project` and waits until it listens.
    static func start(_ project: ScratchProject, rebuilder: (any SiteRebuilder)? = nil) async throws -> ServerHarness {
        var options = ServeOptions(sourceRoot: project.path, watched: SiteBuilder.inputFolders(sourceDirectory: project.path))
        options.port = 0
        let log = EventLog()
        let server = LiveServer(rebuilder: rebuilder ?? FullRebuild(options: BuildOptions(sourceDirectory: project.path, outputDirectory: nil)),
                                options: options, report: { log.append($0) })
        let task = Task { try await server.run(stopOnSignals: false) }
        let url = await log.wait { event -> String? in
            if case .listening(let url) = event { return url }
            return nil
        }
        let port = try #require(url.flatMap { URL(string: $0)?.port })
        return ServerHarness(project: project, log: log, task: task, http: RawHTTP(port: port))
    }

    private init(project: ScratchProject, log: EventLog, task: Task<Void, any Error>, http: RawHTTP) {
        self.project = project
        self.task = task
        self.http = http
        self.log = log
    }

    /// Polls `target` until its body satisfies `done`; the seconds it took, or nil after `timeout`.
    func secondsUntil(_ target: String, timeout: Double = 20, _ done: (String) -> Bool) async throws -> Double? {
        let started = Date()
        while Date().timeIntervalSince(started) < timeout {
            if done(try await http.get(target).body) { return Date().timeIntervalSince(started) }
            try await Task.sleep(for: .milliseconds(10))
        }
        return nil
    }

    /// An open `/__vellum/events` stream, past its first event (build 1).
    func openEvents() async throws -> Int32 {
        let events = try http.open(LiveReloadScript.eventsPath)
        _ = await RawHTTP.read(events, timeout: 15) { $0.contains("data: 1\n\n") }
        return events
    }

    /// Stops the server; true when it stopped within `timeout` seconds.
    func stop(timeout: Double = 15) async -> Bool {
        task.cancel()
        let stopped = await log.wait(timeout: timeout) { event -> Bool? in
            if case .stopped = event { return true }
            return nil
        }
        return stopped ?? false
    }
}
