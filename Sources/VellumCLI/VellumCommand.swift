import ArgumentParser
import Site
import Foundation

/// What `vellum --version` prints.
public let vellumVersion = VellumVersion.current

/// `vellum`: the command-line entry point.
public struct VellumCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "vellum",
        abstract: "Build documentation sites from reStructuredText and Markdown, with every cross-reference checked.",
        discussion: """
        Exit status: 0 when the documentation has no errors, 1 when it has errors \
        (broken references, invalid markup, bad configuration), 2 on bad usage.
        """,
        version: vellumVersion,
        subcommands: [BuildCommand.self, CheckCommand.self, ParseCommand.self, MigrateCommand.self, ServeCommand.self],
        defaultSubcommand: nil)

    public init() {}

    /// Runs the command line and returns the process exit status, so that usage
    /// errors exit with 2 (ArgumentParser's default would be 64).
    public static func runMain(_ arguments: [String] = Array(CommandLine.arguments.dropFirst())) -> Int32 {
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            return 0
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                FileHandle.standardError.write(Data("Run 'vellum --help' for usage.\n".utf8))
                return 2
            }
            if code == .success {
                print(fullMessage(for: error))
                return 0
            }
            let message = fullMessage(for: error)
            if !message.isEmpty { FileHandle.standardError.write(Data((message + "\n").utf8)) }
            return code.rawValue
        }
    }
}
