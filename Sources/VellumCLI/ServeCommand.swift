import ArgumentParser
import Dispatch
import Foundation
import Site
import VellumServer

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build the site into memory, serve it, and rebuild it on every edit.",
        discussion: """
        Serves the site at http://HOST:PORT/ (the URL is printed once the first build is done; \
        --port 0 picks a free port). Watches SOURCE, the templates and the autodoc source roots; \
        after an edit it rebuilds and open pages reload by themselves. Pages with warnings or errors \
        still render, with their diagnostics in an overlay and in the terminal. A rebuild that fails \
        keeps the previous build served. Writes nothing to disk; Ctrl-C stops it.
        """)

    @OptionGroup var options: BuildArguments

    @Option(help: "The port to listen on (0: any free port).")
    var port: Int = 8000

    @Option(help: "The address to listen on (0.0.0.0 makes the site reachable from other machines).")
    var host: String = "127.0.0.1"

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port needs a number from 0 to 65535, not \(port)") }
        guard !host.isEmpty else { throw ValidationError("--host needs an address, such as 127.0.0.1") }
    }

    func run() throws {
        let source = options.source.count > 1 && options.source.hasSuffix("/") ? String(options.source.dropLast())
            : options.source
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: source, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError(BuildError.missingSource(source).description)
        }
        var buildOptions = BuildOptions(sourceDirectory: source, outputDirectory: nil, strict: options.strict)
        buildOptions.jobs = try options.workerCount()
        var serveOptions = ServeOptions(sourceRoot: source, watched: SiteBuilder.inputFolders(sourceDirectory: source))
        serveOptions.host = host
        serveOptions.port = port
        let console = ServeConsole(source: source, format: options.diagnostics, quiet: options.quiet)
        let server = LiveServer(rebuilder: IncrementalRebuild(options: buildOptions), options: serveOptions,
                                report: { console.show($0) })
        do {
            try Self.wait { try await server.run() }
        } catch let error as BuildError {
            FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
            throw ExitCode(1)
        } catch {
            FileHandle.standardError.write(Data("error: cannot serve on \(host):\(port): \(error)\n".utf8))
            throw ExitCode(1)
        }
    }

    /// Runs `work` to its end from synchronous code (the command line is not async).
    static func wait(_ work: @escaping @Sendable () async throws -> Void) throws {
        let done = DispatchSemaphore(value: 0)
        let outcome = Outcome()
        Task.detached {
            do { try await work() } catch { outcome.error = error }
            done.signal()
        }
        done.wait()
        if let error = outcome.error { throw error }
    }

    /// Carries the error out of the task; read only after the task signalled.
    private final class Outcome: @unchecked Sendable {
        var error: (any Error)?
    }
}
