import Hummingbird
import Logging
import ServiceLifecycle

/// `vellum serve`: builds the site into memory, serves it, and rebuilds it when
/// its inputs change, telling open pages to reload.
package struct LiveServer: Sendable {
    package let rebuilder: any SiteRebuilder
    package let options: ServeOptions
    package let report: @Sendable (ServeEvent) -> Void

    package init(rebuilder: any SiteRebuilder, options: ServeOptions, report: @escaping @Sendable (ServeEvent) -> Void) {
        self.rebuilder = rebuilder
        self.options = options
        self.report = report
    }

    /// Runs until SIGINT or SIGTERM (when `stopOnSignals`) or until the task is
    /// cancelled. Throws when the first build fails to produce a site or the
    /// address cannot be bound.
    package func run(stopOnSignals: Bool = true) async throws {
        let scan = InputScan(options.watched)
        let first = try await RebuildLoop.offload { [rebuilder] in try rebuilder.rebuild(changes: []) }
        report(.rebuilt(first.report, changes: [], generation: 1))
        let store = SnapshotStore(SiteSnapshot(generation: 1, site: first, sourceRoot: options.sourceRoot))
        var logger = Logger(label: "vellum.serve")
        logger.logLevel = .critical  // failures that matter are thrown
        let app = Application(
            responder: SiteResponder(store: store),
            configuration: ApplicationConfiguration(address: .hostname(options.host, port: options.port), serverName: nil),
            onServerRunning: { [options, report] channel in
                let port = channel.localAddress?.port ?? options.port
                report(.listening(url: Self.url(host: options.host, port: port)))
            },
            logger: logger)
        let loop = RebuildLoop(rebuilder: rebuilder, store: store, options: options, report: report, initialScan: scan)
        // Shut down in reverse order: the loop first (it ends the event streams), then the server.
        var configuration = ServiceGroupConfiguration(
            services: [.init(service: app),
                       .init(service: loop, successTerminationBehavior: .gracefullyShutdownGroup)],
            gracefulShutdownSignals: stopOnSignals ? [.sigterm, .sigint] : [],
            logger: logger)
        configuration.maximumGracefulShutdownDuration = .seconds(5)
        defer { store.close() }
        do {
            try await ServiceGroup(configuration: configuration).run()
        } catch is CancellationError {
            // Cancelled from outside: as much a stop as Ctrl-C.
        }
        report(.stopped)
    }

    /// The address to open in a browser.
    static func url(host: String, port: Int) -> String {
        let shown = host.contains(":") ? "[\(host)]" : host
        return "http://\(shown):\(port)/"
    }
}
