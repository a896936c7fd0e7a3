import ArgumentParser
import DocTree
import Foundation
import Site

/// Options shared by `build` and `check`.
struct BuildArguments: ParsableArguments {
    @Argument(help: "The documentation source directory (holding vellum.toml and the pages).")
    var source: String = "docs-src"

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Option(help: "How to print diagnostics: text (compiler style), json (one object per line on stdout) or github (workflow annotations).")
    var diagnostics: DiagnosticFormatOption = .text

    @Flag(name: .shortAndLong, help: "Print nothing but diagnostics and the summary line's errors.")
    var quiet = false

    @Option(name: [.customShort("j"), .customLong("jobs")],
            help: ArgumentHelp("Worker threads (default: VELLUM_JOBS, else one per core). Output is the same whatever the number.",
                               valueName: "N"))
    var jobs: Int?

    mutating func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("-j needs a number of workers of 1 or more, not \(jobs)") }
    }

    /// `-j`, else `VELLUM_JOBS`, else nil (one per core).
    func workerCount() throws -> Int? {
        if let jobs { return jobs }
        guard let text = ProcessInfo.processInfo.environment["VELLUM_JOBS"], !text.isEmpty else { return nil }
        guard let jobs = Int(text), jobs >= 1 else {
            throw ValidationError("VELLUM_JOBS must be a number of workers of 1 or more, not '\(text)'")
        }
        return jobs
    }
}

enum DiagnosticFormatOption: String, ExpressibleByArgument, CaseIterable {
    case text, json, github
    var format: DiagnosticFormat { DiagnosticFormat(rawValue: rawValue)! }
}

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site into the output directory.",
        discussion: """
        Reads every .rst and .md page below SOURCE, checks every cross-reference and writes \
        the HTML site. The site is written to a staging folder and moved into place only when \
        the build has no errors; a failed build leaves the previous output untouched. \
        The output directory is replaced as a whole, so Vellum refuses (exit 2) to write into the \
        source directory or any folder holding it, the templates or autodoc sources, /, the home \
        directory, or a non-empty folder it did not write (see --force).
        """)

    @OptionGroup var options: BuildArguments

    @Option(name: .shortAndLong, help: "The output directory.")
    var output: String = "public"

    @Flag(help: """
        Replace the output directory even though it is not empty and Vellum did not write it \
        (everything in it is deleted). Never overrides the other refusals: the source directory, \
        a folder holding it, the templates or autodoc sources, /, and the home directory.
        """)
    var force = false

    @Flag(help: "Print, for each page read, resolved or written again, why (the first build after a clean checkout reads everything).")
    var explain = false

    @Flag(help: "Print how long each step of the build took.")
    var timings = false

    @Option(help: ArgumentHelp("Where the page records of incremental builds are kept (default: .vellum-cache beside the output).",
                               valueName: "DIR"))
    var cache: String?

    @Flag(help: "Build everything from scratch, without reading or writing the cache.")
    var noCache = false

    func run() throws {
        let folder = noCache ? nil : (cache ?? Self.defaultCache(for: output))
        try runBuild(options, output: output, force: force, cache: folder, explain: explain, timings: timings)
    }

    /// `.vellum-cache` in the folder that holds the output.
    static func defaultCache(for output: String) -> String {
        let parent = (URL(fileURLWithPath: output).standardizedFileURL.path as NSString).deletingLastPathComponent
        return (parent.isEmpty ? "." : parent) + "/.vellum-cache"
    }
}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Read and check everything, write nothing.",
        discussion: "Does all a build does (parsing, references, toctrees, configuration) except writing the site.")

    @OptionGroup var options: BuildArguments

    func run() throws {
        try runBuild(options, output: nil)
    }
}

func runBuild(_ options: BuildArguments, output: String?, force: Bool = false, cache: String? = nil,
              explain: Bool = false, timings: Bool = false) throws {
    let report: BuildReport
    do {
        var buildOptions = BuildOptions(sourceDirectory: options.source, outputDirectory: output,
                                        strict: options.strict, force: force)
        buildOptions.jobs = try options.workerCount()
        let progress = ProgressLine(enabled: !options.quiet && isatty(STDERR_FILENO) == 1)
        if progress.enabled {
            buildOptions.progress = { @Sendable (step: BuildProgress) in progress.show(step) }
        }
        defer { progress.clear() }
        // Reproducible builds: the date of the sources, when the environment gives it (as Sphinx honours it).
        if let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap(Double.init) {
            buildOptions.buildDate = Date(timeIntervalSince1970: epoch)
        }
        buildOptions.cacheDirectory = cache
        if cache == nil {
            report = try SiteBuilder.build(buildOptions)
        } else {
            let builder = IncrementalBuilder(options: buildOptions)
            report = try builder.rebuild()
            // The process ends in a moment: freeing every page's record one by one would cost
            // more than the rest of a rebuild that changes one page.
            _ = Unmanaged.passRetained(builder)
        }
    } catch let error as BuildError {
        switch error {
        case .missingSource:
            throw ValidationError(error.description)
        case .unsafeOutput:
            FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
            throw ExitCode(2)
        case .io:
            break
        }
        FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
        throw ExitCode(1)
    }
    if !options.quiet {
        for note in report.notes { FileHandle.standardError.write(Data("note: \(note)\n".utf8)) }
    }
    if explain {
        let lines = report.explanations.isEmpty ? ["nothing changed"] : report.explanations
        FileHandle.standardError.write(Data(lines.map { "explain: " + $0 + "\n" }.joined().utf8))
    }
    if timings {
        let lines = report.timings.map { "timing: \($0.step) " + String(format: "%.1f", $0.seconds * 1000) + " ms\n" }
        FileHandle.standardError.write(Data(lines.joined().utf8))
    }
    printDiagnostics(report.diagnostics, format: options.diagnostics)
    let summary = Summary(report: report, output: output)
    if !options.quiet || !report.succeeded {
        FileHandle.standardError.write(Data((summary.line + "\n").utf8))
    }
    if !report.succeeded { throw ExitCode(1) }
}

/// Diagnostics as the user asked for them: text on standard error, JSON and
/// GitHub annotations on standard output.
func printDiagnostics(_ diagnostics: [Diagnostic], format: DiagnosticFormatOption) {
    let formatter = DiagnosticFormatter(format: format.format, workingDirectory: FileManager.default.currentDirectoryPath)
    let rendered = formatter.render(diagnostics)
    switch format {
    case .text:
        FileHandle.standardError.write(Data(rendered.utf8))
    case .json, .github:
        FileHandle.standardOutput.write(Data(rendered.utf8))
    }
}

/// The one line printed at the end of every build.
struct Summary {
    let report: BuildReport
    let output: String?

    var line: String {
        let verdict: String
        if !report.succeeded {
            verdict = output == nil ? "check failed" : "build failed, \(output!)/ left unchanged"
        } else {
            verdict = output.map { "built into \($0)/" } ?? "check passed"
        }
        return "vellum: \(verdict): \(counts)"
    }

    /// Pages, references, errors, warnings and time: `12 pages, 40 references checked, 0 errors, 1 warning in 0.31 s`.
    var counts: String {
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        return "\(plural(report.pages, "page")), "
            + "\(plural(report.referencesChecked, "reference")) checked, "
            + "\(plural(report.errorCount, "error")), \(plural(report.warningCount, "warning")) "
            + "in \(String(format: "%.2f", report.duration)) s"
    }
}

/// The progress line on a terminal: shown once a build has run for a second,
/// rewritten in place, erased at the end. Nothing when stderr is not a terminal.
final class ProgressLine: @unchecked Sendable {
    let enabled: Bool
    private let started = Date()
    private let lock = NSLock()
    private var shown = false

    init(enabled: Bool) { self.enabled = enabled }

    func show(_ progress: BuildProgress) {
        guard enabled, Date().timeIntervalSince(started) >= 1 else { return }
        lock.lock()
        defer { lock.unlock() }
        shown = true
        let line = "\r\u{1B}[K\(progress.phase.rawValue) pages: \(progress.done)/\(progress.total)"
        FileHandle.standardError.write(Data(line.utf8))
    }

    func clear() {
        lock.lock()
        defer { lock.unlock() }
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        shown = false
    }
}
