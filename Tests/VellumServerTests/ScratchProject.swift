import Foundation

/// A tiny documentation project in a temporary folder, for the server to build and watch.
struct ScratchProject {
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("vellum-serve-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try write("vellum.toml", "[project]\nname = \"Scratch\"\nroot = \"index\"\n")
        try write("index.rst", "Home\n====\n\nWelcome home.\n\n.. toctree::\n\n   guide/index\n")
        try write("guide/index.rst", "Guide\n=====\n\nThe guide says hello.\n")
    }

    var path: String { root.path }

    func write(_ relativePath: String, _ text: String) throws {
        let url = root.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url, options: .atomic)
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }
}
