import ArgumentParser
import DocTree
import Foundation
import Site

/// `vellum migrate [SOURCE]`: the `vellum.toml` equivalent of a Sphinx `conf.py`.
struct MigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Write the vellum.toml equivalent of a Sphinx project's conf.py.",
        discussion: """
        Reads SOURCE/conf.py as a build does (statically, never running Python) and prints the \
        settings as vellum.toml, with a comment for each one it could not evaluate. With --output, \
        writes the file instead; an existing file is only replaced with --force.
        """)

    @Argument(help: "The documentation source directory (holding conf.py).")
    var source: String = "."

    @Option(name: .shortAndLong, help: "Write to this file (e.g. SOURCE/vellum.toml) instead of standard output.")
    var output: String?

    @Flag(help: "Replace the output file if it exists.")
    var force = false

    func run() throws {
        let sourceURL = URL(fileURLWithPath: source)
        var now = Date()
        if let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap(Double.init) {
            now = Date(timeIntervalSince1970: epoch)
        }
        guard let (toml, diagnostics) = SiteConfig.migrate(sourceDirectory: sourceURL, displayRoot: source, now: now) else {
            throw ValidationError("no conf.py in '\(source)': there is nothing to migrate")
        }
        let formatter = DiagnosticFormatter(format: .text, workingDirectory: FileManager.default.currentDirectoryPath)
        FileHandle.standardError.write(Data(formatter.render(diagnostics).utf8))
        guard let output else {
            FileHandle.standardOutput.write(Data(toml.utf8))
            if FileManager.default.fileExists(atPath: sourceURL.appendingPathComponent("vellum.toml").path) {
                FileHandle.standardError.write(Data(
                    "note: \(source)/vellum.toml exists; a build reads it over conf.py, so it may differ from this\n".utf8))
            }
            return
        }
        if FileManager.default.fileExists(atPath: output), !force {
            FileHandle.standardError.write(Data("error: \(output) exists; use --force to replace it\n".utf8))
            throw ExitCode(1)
        }
        do {
            try Data(toml.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            FileHandle.standardError.write(Data("error: cannot write \(output): \(error.localizedDescription)\n".utf8))
            throw ExitCode(1)
        }
        FileHandle.standardError.write(Data("vellum: wrote \(output) from \(source)/conf.py\n".utf8))
    }
}
