import Foundation

/// Writes a site into a staging folder beside the output and swaps it into
/// place only when the whole build has succeeded: a failed build leaves the
/// previous output exactly as it was.
struct OutputDirectory {
    let destination: URL
    let staging: URL

    init(destination: URL) throws {
        self.destination = destination.standardizedFileURL
        let parent = self.destination.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        staging = parent.appendingPathComponent(".\(self.destination.lastPathComponent).vellum-staging-\(getpid())")
        try? FileManager.default.removeItem(at: staging)
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
    }

    /// Writes `data` at `relativePath` inside the staging folder.
    func write(_ data: Data, to relativePath: String) throws {
        let url = staging.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    func write(_ text: String, to relativePath: String) throws {
        try write(Data(text.utf8), to: relativePath)
    }

    func copyFile(from source: URL, to relativePath: String) throws {
        let url = staging.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? FileManager.default.removeItem(at: url)
        try FileManager.default.copyItem(at: source, to: url)
    }

    /// Moves the staged site into place (old output moved aside, then removed).
    func commit() throws {
        let fm = FileManager.default
        let old = destination.deletingLastPathComponent()
            .appendingPathComponent(".\(destination.lastPathComponent).vellum-old-\(getpid())")
        try? fm.removeItem(at: old)
        let hadOutput = fm.fileExists(atPath: destination.path)
        if hadOutput { try fm.moveItem(at: destination, to: old) }
        do {
            try fm.moveItem(at: staging, to: destination)
        } catch {
            if hadOutput { try? fm.moveItem(at: old, to: destination) }
            throw error
        }
        if hadOutput { try? fm.removeItem(at: old) }
    }

    /// Throws the staged files away; the previous output is untouched.
    func discard() {
        try? FileManager.default.removeItem(at: staging)
    }
}
