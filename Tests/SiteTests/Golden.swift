import DocTree
import Foundation
import Site
import Testing

/// Compares `actual` with a golden file under Fixtures/; with
/// VELLUM_UPDATE_GOLDEN=1 in the environment, rewrites the file instead.
func expectGolden(_ actual: String, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let url = fixturesURL.appendingPathComponent("golden").appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["VELLUM_UPDATE_GOLDEN"] == "1" {
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? actual.write(to: url, atomically: true, encoding: .utf8)
        return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
        Issue.record("missing golden file \(name); run with VELLUM_UPDATE_GOLDEN=1", sourceLocation: sourceLocation)
        return
    }
    if expected != actual {
        let expectedLines = expected.components(separatedBy: "\n"), actualLines = actual.components(separatedBy: "\n")
        let firstDifference = zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }
        let line = firstDifference?.offset ?? min(expectedLines.count, actualLines.count)
        Issue.record("""
            \(name) differs at line \(line + 1):
            expected: \(line < expectedLines.count ? expectedLines[line] : "<end>")
            actual:   \(line < actualLines.count ? actualLines[line] : "<end>")
            """, sourceLocation: sourceLocation)
    }
}

let fixturesURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

/// The folder of the fixture projects; diagnostics are rendered relative to it.
let projectsPath = fixturesURL.appendingPathComponent("projects").path

/// Builds a fixture project (by absolute path: tests run in parallel, so the
/// working directory is never changed).
func buildFixture(_ project: String, output: URL?, strict: Bool = false) throws -> Site.BuildReport {
    try Site.SiteBuilder.build(Site.BuildOptions(sourceDirectory: projectsPath + "/" + project,
                                                 outputDirectory: output?.path, strict: strict))
}

/// Diagnostics as the command line shows them, paths relative to the projects folder.
func rendered(_ diagnostics: [DocTree.Diagnostic], _ format: DocTree.DiagnosticFormat = .text) -> String {
    DocTree.DiagnosticFormatter(format: format, workingDirectory: projectsPath).render(diagnostics)
}

/// A new temporary folder and its `docs/` subfolder, for a project with its output and cache beside it.
func temporaryProjectFolder() throws -> (folder: URL, source: URL) {
    let folder = try temporaryDirectory()
    let source = folder.appendingPathComponent("docs")
    try FileManager.default.createDirectory(at: source, withIntermediateDirectories: true)
    return (folder, source)
}

/// A scratch directory, removed by the caller.
func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("vellum-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Copies a fixture project into a scratch directory so tests can change it.
func copyProject(_ name: String, to directory: URL) throws -> URL {
    let destination = directory.appendingPathComponent(name)
    try FileManager.default.copyItem(at: fixturesURL.appendingPathComponent("projects").appendingPathComponent(name),
                                     to: destination)
    return destination
}

/// A scratch project holding `files` (path relative to its root → text), removed by the caller.
func temporaryProject(_ files: [String: String]) throws -> URL {
    let root = try temporaryDirectory()
    for (path, text) in files {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }
    return root
}

/// Every file below `root` with its contents, for before/after comparisons.
func snapshot(_ root: URL) throws -> [String: Data] {
    var result: [String: Data] = [:]
    let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
    while let url = enumerator?.nextObject() as? URL {
        if (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
            result[String(url.path.dropFirst(root.path.count))] = try Data(contentsOf: url)
        }
    }
    return result
}
