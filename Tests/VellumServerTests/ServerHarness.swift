import Foundation
import Testing

/// `vellum serve PROJECT --port 0` in a child process, as a user runs it.
///
/// Tests that use it are synchronous on purpose: the server runs in its own
/// process and every wait here is a blocking one, so the test does not depend
/// on getting time on the shared Swift concurrency threads, which the rest
/// of the suite keeps busy.
final class ServeProcess {
    let project: ScratchProject
    let process = Process()
    let http: RawHTTP
    private let output = Output()

    /// Starts the server on `project` and waits (up to `timeout` seconds) until it prints its URL.
    init(_ project: ScratchProject, timeout: Double = 120) throws {
        self.project = project
        process.executableURL = try Self.vellum()
        process.arguments = ["serve", project.path, "--port", "0"]
        let stdout = Pipe(), stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        for (pipe, isError) in [(stdout, false), (stderr, true)] {
            pipe.fileHandleForReading.readabilityHandler = { [output] handle in
                output.append(String(decoding: handle.availableData, as: UTF8.self), error: isError)
            }
        }
        try process.run()
        var port: Int?
        let deadline = Date().addingTimeInterval(timeout)
        while port == nil, Date() < deadline, process.isRunning {
            port = Self.port(in: output.stdout)
            if port == nil { usleep(10_000) }
        }
        guard let port else {
            process.terminate()
            throw Failure.noURL(output.stdout + output.stderr)
        }
        http = RawHTTP(port: port)
    }

    enum Failure: Error { case noURL(String), noBinary(String) }

    var stdout: String { output.stdout }
    var stderr: String { output.stderr }

    /// Polls `target` until its body satisfies `done`: the seconds that took from
    /// `started`, or nil after `timeout` seconds.
    func secondsUntil(_ target: String, since started: Date = Date(), timeout: Double = 30,
                      _ done: (String) -> Bool) throws -> Double? {
        while Date().timeIntervalSince(started) < timeout {
            if done(try http.get(target).body) { return Date().timeIntervalSince(started) }
            usleep(5_000)
        }
        return nil
    }

    /// Waits until standard error has a line containing `text`.
    func waitForLog(_ text: String, timeout: Double = 30) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if stderr.contains(text) { return true }
            usleep(10_000)
        }
        return false
    }

    /// Sends `signal` and waits for the exit: its status, or nil when it did not stop in time.
    func stop(_ signal: Int32 = SIGINT, timeout: Double = 30) -> Int32? {
        kill(process.processIdentifier, signal)
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { usleep(10_000) }
        guard !process.isRunning else {
            process.terminate()
            return nil
        }
        return process.terminationStatus
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    /// The `vellum` built beside this test bundle.
    static func vellum() throws -> URL {
        let directory = Bundle.main.bundleURL.deletingLastPathComponent()
        for candidate in [directory.appendingPathComponent("vellum"), Bundle.main.bundleURL.appendingPathComponent("vellum")]
        where FileManager.default.isExecutableFile(atPath: candidate.path) {
            return candidate
        }
        throw Failure.noBinary("no vellum next to \(Bundle.main.bundleURL.path): run `swift build --build-tests` first")
    }

    static func port(in text: String) -> Int? {
        guard let range = text.range(of: #"http://127\.0\.0\.1:[0-9]+/"#, options: .regularExpression) else { return nil }
        return Int(text[range].dropFirst("http://127.0.0.1:".count).dropLast())
    }

    /// What the server printed so far (written from pipe handler threads).
    private final class Output: @unchecked Sendable {
        private let lock = NSLock()
        private var out = "", err = ""
        func append(_ text: String, error: Bool) {
            lock.withLock { if error { err += text } else { out += text } }
        }
        var stdout: String { lock.withLock { out } }
        var stderr: String { lock.withLock { err } }
    }
}
