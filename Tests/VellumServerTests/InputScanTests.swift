import Foundation
import Site
import Testing
@testable import VellumServer

@Suite struct InputScanTests {
    @Test func editsAdditionsRemovalsAndRenamesAreChanges() throws {
        let project = try ScratchProject()
        defer { project.remove() }
        let folders = [InputFolder(path: project.path)]
        let first = InputScan(folders)
        #expect(Set(first.stamps.keys) == [project.path + "/vellum.toml", project.path + "/index.rst",
                                           project.path + "/guide/index.rst"])
        #expect(InputScan(folders).changes(since: first).isEmpty)

        try project.write("guide/index.rst", "Guide\n=====\n\nEdited.\n")
        try project.write("guide/new.rst", "New\n===\n")
        let second = InputScan(folders)
        #expect(second.changes(since: first) == [project.path + "/guide/index.rst", project.path + "/guide/new.rst"])

        try FileManager.default.moveItem(atPath: project.path + "/guide/new.rst", toPath: project.path + "/renamed.rst")
        try FileManager.default.removeItem(atPath: project.path + "/index.rst")
        #expect(InputScan(folders).changes(since: second)
            == [project.path + "/guide/new.rst", project.path + "/renamed.rst", project.path + "/index.rst"])
    }

    @Test func hiddenFoldersAndOtherSuffixesAreIgnored() throws {
        let project = try ScratchProject()
        defer { project.remove() }
        try project.write(".git/HEAD", "ref")
        try project.write(".index.rst.swp", "swap")
        try project.write("src/__pycache__/mod.cpython-311.pyc", "x")
        try project.write("src/mod.py", "def f(): pass\n")
        try project.write("src/notes.txt", "not python")
        let scan = InputScan([InputFolder(path: project.path + "/src/", suffixes: [".py"])])
        #expect(Array(scan.stamps.keys) == [project.path + "/src/mod.py"])
        let all = InputScan([InputFolder(path: project.path)])
        #expect(!all.stamps.keys.contains { $0.contains("/.git/") || $0.hasSuffix(".swp") || $0.contains("__pycache__") })
    }

    @Test func aMissingFolderIsEmptyNotAnError() {
        #expect(InputScan([InputFolder(path: "/nonexistent-\(UUID().uuidString)")]).stamps.isEmpty)
    }

    @Test func inputFoldersNameTemplatesAndAutodocRoots() throws {
        let project = try ScratchProject()
        defer { project.remove() }
        try project.write("vellum.toml", """
            [project]
            name = "Scratch"
            templates = "theme"
            [autodoc]
            python_paths = ["../py"]
            swift_modules = { Lib = "../Sources/Lib" }

            """)
        let folders = SiteBuilder.inputFolders(sourceDirectory: project.path)
        let parent = project.root.deletingLastPathComponent().standardizedFileURL.path
        #expect(folders == [
            InputFolder(path: project.root.standardizedFileURL.path),
            InputFolder(path: project.root.standardizedFileURL.path + "/theme"),
            InputFolder(path: parent + "/py", suffixes: [".py"]),
            InputFolder(path: parent + "/Sources/Lib", suffixes: [".swift"]),
        ])
    }
}
