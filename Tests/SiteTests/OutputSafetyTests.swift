import Foundation
import Testing
@testable import Site
@testable import VellumCLI

/// The output directory is replaced as a whole, so every way of pointing it
/// at something Vellum did not write must be refused with exit 2 and leave
/// every file in place.
@Suite(.serialized) struct OutputSafetyTests {
    /// A scratch project: `root/docs` (the basic fixture with templates and a
    /// Python source root beside it) and a snapshot of everything in `root`.
    struct Scratch {
        let root: URL
        var docs: URL { root.appendingPathComponent("docs") }
        func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }
    }

    func scratch() throws -> Scratch {
        let tmp = try temporaryDirectory()
        let docs = try copyProject("basic", to: tmp)
        try FileManager.default.moveItem(at: docs, to: tmp.appendingPathComponent("docs"))
        let fm = FileManager.default
        try fm.createDirectory(at: tmp.appendingPathComponent("theme/templates"), withIntermediateDirectories: true)
        try fm.createDirectory(at: tmp.appendingPathComponent("src/pkg"), withIntermediateDirectories: true)
        try "\"\"\"A module.\"\"\"\n".write(to: tmp.appendingPathComponent("src/pkg/__init__.py"),
                                            atomically: true, encoding: .utf8)
        let config = tmp.appendingPathComponent("docs/vellum.toml")
        let existing = (try? String(contentsOf: config, encoding: .utf8)) ?? ""
        try (existing + "\n[autodoc]\npython_paths = [\"../src\"]\n")
            .write(to: config, atomically: true, encoding: .utf8)
        return Scratch(root: tmp)
    }

    /// Runs `vellum build` and returns its exit status and what it printed on stderr.
    func build(_ arguments: [String]) -> Int32 {
        VellumCommand.runMain(["build"] + arguments + ["--quiet"])
    }

    @Test func refusesTheSourceDirectoryAndEveryFolderHoldingIt() throws {
        let s = try scratch()
        defer { try? FileManager.default.removeItem(at: s.root) }
        let before = try snapshot(s.root)
        #expect(build([s.docs.path, "--output", s.docs.path]) == 2)
        #expect(build([s.docs.path, "--output", s.docs.path + "/"]) == 2)
        #expect(build([s.docs.path, "--output", s.docs.path + "/guide/.."]) == 2)
        #expect(build([s.docs.path, "--output", s.root.path]) == 2)
        #expect(build([s.docs.path, "--output", s.root.deletingLastPathComponent().path]) == 2)
        #expect(try snapshot(s.root) == before)
    }

    @Test func refusesFoldersHoldingTemplatesOrAutodocSources() throws {
        let s = try scratch()
        defer { try? FileManager.default.removeItem(at: s.root) }
        let config = s.docs.appendingPathComponent("vellum.toml")
        var text = try String(contentsOf: config, encoding: .utf8)
        text = text.replacingOccurrences(of: "[project]\n", with: "[project]\ntemplates = \"../theme/templates\"\n")
        try text.write(to: config, atomically: true, encoding: .utf8)
        #expect(text.contains("templates ="))
        let before = try snapshot(s.root)
        #expect(build([s.docs.path, "--output", s.path("theme")]) == 2)
        #expect(build([s.docs.path, "--output", s.path("theme/templates")]) == 2)
        #expect(build([s.docs.path, "--output", s.path("src")]) == 2)
        #expect(build([s.docs.path, "--output", s.path("src/pkg/..")]) == 2)
        #expect(try snapshot(s.root) == before)
    }

    @Test func refusesASymbolicLinkToTheSource() throws {
        let s = try scratch()
        defer { try? FileManager.default.removeItem(at: s.root) }
        try FileManager.default.createSymbolicLink(atPath: s.path("link"), withDestinationPath: s.docs.path)
        let before = try snapshot(s.docs)
        #expect(build([s.docs.path, "--output", s.path("link")]) == 2)
        #expect(try snapshot(s.docs) == before)
    }

    @Test func refusesAFile() throws {
        let s = try scratch()
        defer { try? FileManager.default.removeItem(at: s.root) }
        try "mine".write(toFile: s.path("notes.txt"), atomically: true, encoding: .utf8)
        #expect(build([s.docs.path, "--output", s.path("notes.txt")]) == 2)
        #expect(build([s.docs.path, "--output", s.path("notes.txt"), "--force"]) == 2)
        #expect(try String(contentsOfFile: s.path("notes.txt"), encoding: .utf8) == "mine")
    }

    @Test func refusesAForeignDirectoryUnlessForced() throws {
        let s = try scratch()
        defer { try? FileManager.default.removeItem(at: s.root) }
        let site = s.root.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: site.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try "mine".write(to: site.appendingPathComponent(".git/HEAD"), atomically: true, encoding: .utf8)
        let before = try snapshot(site)
        #expect(build([s.docs.path, "--output", site.path]) == 2)
        #expect(try snapshot(site) == before)

        #expect(build([s.docs.path, "--output", site.path, "--force"]) == 0)
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("index.html").path))
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent(OutputSafety.markerName).path))
        // Now it is Vellum's: no --force needed again.
        #expect(build([s.docs.path, "--output", site.path]) == 0)
    }

    @Test func forceNeverOverridesTheOtherRules() throws {
        let s = try scratch()
        defer { try? FileManager.default.removeItem(at: s.root) }
        let before = try snapshot(s.root)
        #expect(build([s.docs.path, "--output", s.docs.path, "--force"]) == 2)
        #expect(build([s.docs.path, "--output", s.root.path, "--force"]) == 2)
        #expect(build([s.docs.path, "--output", s.path("src"), "--force"]) == 2)
        #expect(try snapshot(s.root) == before)
    }

    @Test func emptyDirectoriesAndVellumOutputAreReplaced() throws {
        let s = try scratch()
        defer { try? FileManager.default.removeItem(at: s.root) }
        let site = s.root.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        #expect(build([s.docs.path, "--output", site.path]) == 0)
        try "stale".write(to: site.appendingPathComponent("stale.html"), atomically: true, encoding: .utf8)
        #expect(build([s.docs.path, "--output", site.path]) == 0)
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("stale.html").path))

        // Output of an earlier Vellum version (no marker, its usual layout) is recognised.
        try FileManager.default.removeItem(at: site.appendingPathComponent(OutputSafety.markerName))
        #expect(OutputSafety.ownership(of: site) == .vellum)
        #expect(build([s.docs.path, "--output", site.path]) == 0)
    }

    @Test func rootHomeAndTheWorkingDirectoryAreRefused() throws {
        let s = try scratch()
        defer { try? FileManager.default.removeItem(at: s.root) }
        func check(_ output: URL, home: URL? = nil, source: URL? = nil) -> String? {
            do {
                _ = try OutputSafety.check(output: output, shownAs: output.path, source: source ?? s.docs,
                                           protected: [], homeDirectories: home.map { [$0] } ?? [], force: true)
                return nil
            } catch {
                return "\(error)"
            }
        }
        #expect(check(URL(fileURLWithPath: "/"))?.contains("filesystem root") == true)
        #expect(check(URL(fileURLWithPath: "/tmp/../")) != nil)
        #expect(check(s.root.appendingPathComponent("site"), home: s.root.appendingPathComponent("site"))?
            .contains("home directory") == true)
        // `.` while the source is below the working directory.
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        #expect(check(URL(fileURLWithPath: "."), source: cwd.appendingPathComponent("docs-src"))?
            .contains("contains the source directory") == true)
        #expect(check(s.root.appendingPathComponent("site")) == nil)
        // The home directory itself is in the real list.
        #expect(SiteBuilder.homeDirectories().contains { OutputSafety.realPath($0) == OutputSafety.realPath(
            FileManager.default.homeDirectoryForCurrentUser) })
    }

    @Test func anOutputInsideTheSourceIsAllowedAndNeverRead() throws {
        let s = try scratch()
        defer { try? FileManager.default.removeItem(at: s.root) }
        let html = s.docs.appendingPathComponent("_out/html")
        let first = try SiteBuilder.build(BuildOptions(sourceDirectory: s.docs.path, outputDirectory: html.path))
        #expect(first.succeeded)
        // A page-looking file inside the output, and a second output under another name.
        try "Stray\n=====\n".write(to: html.appendingPathComponent("stray.rst"), atomically: true, encoding: .utf8)
        let other = s.docs.appendingPathComponent("other")
        _ = try SiteBuilder.build(BuildOptions(sourceDirectory: s.docs.path, outputDirectory: other.path))
        try "Stray\n=====\n".write(to: other.appendingPathComponent("stray.rst"), atomically: true, encoding: .utf8)
        let second = try SiteBuilder.build(BuildOptions(sourceDirectory: s.docs.path, outputDirectory: html.path))
        #expect(second.succeeded)
        #expect(second.pages == first.pages)
    }

    @Test func staleStagingFoldersOfDeadBuildsAreRemoved() throws {
        let s = try scratch()
        defer { try? FileManager.default.removeItem(at: s.root) }
        let site = s.root.appendingPathComponent("site")
        #expect(build([s.docs.path, "--output", site.path]) == 0)
        let marker = Data(OutputSafety.markerText.utf8)
        func folder(_ name: String, marked: Bool = true) throws -> URL {
            let url = s.root.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            try "x".write(to: url.appendingPathComponent("page.html"), atomically: true, encoding: .utf8)
            if marked { try marker.write(to: url.appendingPathComponent(OutputSafety.markerName)) }
            return url
        }
        let dead = deadProcessID()
        let stale = try folder(".site.vellum-staging-\(dead)-abc")
        let staleOld = try folder(".site.vellum-old-\(dead)-abc")
        let live = try folder(".site.vellum-staging-\(getppid())-abc")
        let unmarked = try folder(".site.vellum-staging-\(dead)-def", marked: false)
        #expect(build([s.docs.path, "--output", site.path]) == 0)
        let fm = FileManager.default
        #expect(!fm.fileExists(atPath: stale.path))
        #expect(!fm.fileExists(atPath: staleOld.path))
        #expect(fm.fileExists(atPath: live.path))
        #expect(fm.fileExists(atPath: unmarked.path))
        // The build cache lives beside the output too; it is no staging folder.
        let left = try fm.contentsOfDirectory(atPath: s.root.path).filter { $0.contains("vellum-") && $0 != ".vellum-cache" }
            .sorted()
        #expect(left == [live.lastPathComponent, unmarked.lastPathComponent].sorted())
    }

    @Test func anOutputMovedAsideByADeadBuildIsPutBack() throws {
        let s = try scratch()
        defer { try? FileManager.default.removeItem(at: s.root) }
        let site = s.root.appendingPathComponent("site")
        #expect(build([s.docs.path, "--output", site.path]) == 0)
        let before = try snapshot(site)
        // A build that died between moving the old output aside and moving the new one in.
        let aside = s.root.appendingPathComponent(".site.vellum-old-\(deadProcessID())-abc")
        try FileManager.default.moveItem(at: site, to: aside)
        // The next build fails (a broken reference), so it writes nothing, but puts the output back.
        let page = s.docs.appendingPathComponent("index.rst")
        try (try String(contentsOf: page, encoding: .utf8) + "\n:ref:`missing-label`\n")
            .write(to: page, atomically: true, encoding: .utf8)
        #expect(build([s.docs.path, "--output", site.path]) == 1)
        #expect(try snapshot(site) == before)
        #expect(!FileManager.default.fileExists(atPath: aside.path))
    }

    @Test func theSwapRefusesADirectoryThatChangedOwner() throws {
        let s = try scratch()
        defer { try? FileManager.default.removeItem(at: s.root) }
        let site = s.root.appendingPathComponent("site")
        let output = try OutputDirectory(destination: site)
        try output.write("<p>new</p>", to: "index.html")
        // Between the check and the swap, someone puts their own files there.
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        try "mine".write(to: site.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        #expect(throws: BuildError.self) { try output.commit() }
        #expect(try String(contentsOf: site.appendingPathComponent("notes.txt"), encoding: .utf8) == "mine")
        #expect(!FileManager.default.fileExists(atPath: output.staging.path))
        #expect(throws: BuildError.self) { try output.write("x", to: "../escape.html") }
    }

    /// A process id that no running process has.
    func deadProcessID() -> Int32 {
        var pid: Int32 = 999_999
        while kill(pid, 0) == 0 || errno == EPERM { pid -= 1 }
        return pid
    }
}
