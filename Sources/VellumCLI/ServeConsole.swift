import Foundation
import VellumServer

/// What `vellum serve` prints: diagnostics like `vellum build` after every
/// build, one line per rebuild, and the URL (on standard output, for scripts).
struct ServeConsole: Sendable {
    let source: String
    let format: DiagnosticFormatOption
    let quiet: Bool

    func show(_ event: ServeEvent) {
        switch event {
        case .listening(let url):
            FileHandle.standardOutput.write(Data("vellum: serving \(source) at \(url) (Ctrl-C stops)\n".utf8))
        case .rebuilt(let report, let changes, let generation):
            printDiagnostics(report.diagnostics, format: format)
            let counts = Summary(report: report, output: nil).counts
            let verdict = generation == 1 ? "built" : "rebuilt after \(describe(changes))"
            if !quiet || !report.succeeded { errorLine("vellum: \(verdict): \(counts)") }
        case .rebuildFailed(let message, let changes):
            errorLine("vellum: rebuild after \(describe(changes)) failed, still serving the previous build: \(message)")
        case .stopped:
            if !quiet { errorLine("vellum: stopped") }
        }
    }

    /// `index.rst changed`, `index.rst and 3 more changed`, paths shown from the working directory.
    func describe(_ changes: [String]) -> String {
        let directory = FileManager.default.currentDirectoryPath + "/"
        let shown = changes.map { $0.hasPrefix(directory) ? String($0.dropFirst(directory.count)) : $0 }
        guard let first = shown.first else { return "a change" }
        return shown.count == 1 ? "\(first) changed" : "\(first) and \(shown.count - 1) more changed"
    }

    private func errorLine(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
