import Site

/// How `vellum serve` runs.
package struct ServeOptions: Sendable {
    package var host = "127.0.0.1"
    /// 0 picks a free port (the `listening` event says which).
    package var port = 8000
    /// The source folder as diagnostics name it (`docs-src`): maps diagnostics to pages.
    package var sourceRoot: String
    /// What to watch for edits.
    package var watched: [InputFolder]
    /// How often the watched folders are scanned.
    package var pollInterval: Duration = .milliseconds(100)
    /// A burst of writes is over once a scan this long after the last one finds nothing new.
    package var quietPeriod: Duration = .milliseconds(40)
    /// A rebuild starts at the latest this long after the first change of a burst.
    package var longestWait: Duration = .milliseconds(500)
    /// Open event streams get a comment line this often when nothing else happens.
    package var keepAliveInterval: Duration = .seconds(15)

    package init(sourceRoot: String, watched: [InputFolder]) {
        self.sourceRoot = sourceRoot
        self.watched = watched
    }
}

/// What the server reports to whoever runs it (the CLI prints these).
package enum ServeEvent: Sendable {
    /// The first build is done and the server accepts connections at `url`.
    case listening(url: String)
    /// A rebuild after `changes` (sorted absolute paths) is now served.
    case rebuilt(BuildReport, changes: [String], generation: Int)
    /// A rebuild after `changes` failed; the previous build is still served.
    case rebuildFailed(String, changes: [String])
    /// Ctrl-C or SIGTERM: the server has stopped.
    case stopped
}
