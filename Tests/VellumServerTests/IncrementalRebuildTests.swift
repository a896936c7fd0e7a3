import Foundation
import Site
import Testing
@testable import VellumServer

/// `vellum serve` rebuilds through one incremental builder: every snapshot is the whole
/// site, the same as a full build of the tree as it is then.
@Suite struct IncrementalRebuildTests {
    func options(_ project: ScratchProject) -> BuildOptions {
        var options = BuildOptions(sourceDirectory: project.path, outputDirectory: nil)
        options.buildDate = Date(timeIntervalSince1970: 1_800_000_000)
        return options
    }

    /// The site a full build makes of the project now.
    func full(_ project: ScratchProject) throws -> [String: Data] {
        try FullRebuild(options: options(project)).rebuild(changes: []).files
    }

    @Test func everySnapshotIsTheWholeSite() throws {
        let project = try ScratchProject()
        defer { project.remove() }
        let rebuilder = IncrementalRebuild(options: options(project))
        let first = try rebuilder.rebuild(changes: [])
        #expect(first.files == (try full(project)))

        // An edit rewrites one page; the snapshot still holds every other file.
        try project.write("guide/index.rst", "Guide\n=====\n\nThe guide now says goodbye.\n")
        let edited = try rebuilder.rebuild(changes: [project.path + "/guide/index.rst"])
        #expect(edited.report.pagesRead == 1)
        #expect(edited.files.keys.sorted() == first.files.keys.sorted())
        #expect(edited.files == (try full(project)))

        // A new page appears, a removed one goes.
        try project.write("index.rst", "Home\n====\n\nWelcome home.\n\n.. toctree::\n\n   guide/index\n   extra\n")
        try project.write("extra.rst", "Extra\n=====\n\nMore.\n")
        let added = try rebuilder.rebuild(changes: [])
        #expect(added.files["extra.html"] != nil)
        #expect(added.files == (try full(project)))
        try FileManager.default.removeItem(at: project.root.appendingPathComponent("extra.rst"))
        try project.write("index.rst", "Home\n====\n\nWelcome home.\n\n.. toctree::\n\n   guide/index\n")
        let removed = try rebuilder.rebuild(changes: [])
        #expect(removed.files["extra.html"] == nil)
        #expect(removed.files == (try full(project)))
    }

    /// After a rebuild that fails, the next one starts afresh: nothing of the site before stays.
    @Test func aFailedRebuildStartsAfresh() throws {
        let project = try ScratchProject()
        defer { project.remove() }
        try project.write("extra.rst", "Extra\n=====\n\nAn orphan page.\n\n:orphan:\n")
        let rebuilder = IncrementalRebuild(options: options(project))
        #expect(try rebuilder.rebuild(changes: []).files["extra.html"] != nil)
        let aside = project.root.appendingPathExtension("aside")
        try FileManager.default.moveItem(at: project.root, to: aside)
        #expect(throws: BuildError.self) { try rebuilder.rebuild(changes: []) }
        try FileManager.default.moveItem(at: aside, to: project.root)
        try FileManager.default.removeItem(at: project.root.appendingPathComponent("extra.rst"))
        let back = try rebuilder.rebuild(changes: [])
        #expect(back.files["extra.html"] == nil)
        #expect(back.files == (try full(project)))
    }
}
