import DocTree
import Foundation
import Testing
@testable import Site

/// Hostile source trees (issue 9, part 4): include cycles, directories and huge
/// files as includes, symbolic-link loops, links leading outside the project,
/// pipes, unreadable files and invalid UTF-8 are each a diagnostic at their
/// location, never a hang or a crash; files of the repository stay readable.
@Suite(.timeLimit(.minutes(2))) struct HostileTreeTests {
    /// tmp/repo/.git, tmp/repo/CHANGES.rst, tmp/repo/src/…, the source tree
    /// tmp/repo/docs, and tmp/outside (not part of the project).
    struct Tree {
        let root: URL
        var repo: URL { root.appendingPathComponent("repo") }
        var docs: URL { repo.appendingPathComponent("docs") }
        var outside: URL { root.appendingPathComponent("outside") }

        func write(_ text: String, _ path: String, in base: URL? = nil) throws {
            let url = (base ?? docs).appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }

        func link(_ path: String, to destination: String) throws {
            try FileManager.default.createSymbolicLink(atPath: docs.appendingPathComponent(path).path,
                                                       withDestinationPath: destination)
        }
    }

    func makeTree() throws -> Tree {
        let tree = Tree(root: URL(fileURLWithPath: OutputSafety.realPath(try temporaryDirectory())))
        let fm = FileManager.default
        try fm.createDirectory(at: tree.repo.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try tree.write("Changes\n-------\n\nRelease notes from the repository root.\n", "CHANGES.rst", in: tree.repo)
        try tree.write("The package's own *README*.\n", "src/pkg/README.rst", in: tree.repo)
        try tree.write("def f():\n    return 42\n", "src/pkg/code.py", in: tree.repo)
        try tree.write("secret\n", "secret.txt", in: tree.outside)
        try tree.write(":orphan:\n\nOutside\n=======\n\nNot part of the project.\n", "page.rst", in: tree.outside)
        try tree.write("PNG", "secret.png", in: tree.outside)

        try tree.write("[project]\nname = \"Hostile\"\n", "vellum.toml")
        try tree.write("""
            Hostile
            =======

            .. include:: ../CHANGES.rst

            .. include:: ../src/pkg/README.rst

            .. literalinclude:: ../src/pkg/code.py
               :language: python

            .. include:: folder

            .. include:: huge.txt

            .. include:: ../../outside/secret.txt

            .. include:: leak.txt

            .. literalinclude:: ../../outside/secret.txt

            .. include:: latin.txt

            .. include:: pipe.txt

            .. include:: missing.txt

            .. image:: leak.png

            """, "index.rst")
        // a.rst includes b.rst, which includes a.rst.
        try tree.write(":orphan:\n\nPage A\n======\n\n.. include:: b.rst\n", "a.rst")
        try tree.write("Part B.\n\n.. include:: a.rst\n", "b.rst")
        try tree.write("""
            ---
            orphan: true
            ---
            # Markdown

            ```{include} ../../outside/secret.txt
            ```

            ```{include} folder
            ```

            ```{include} x.md
            ```
            """, "md.md")
        try tree.write("Part X.\n\n```{include} md.md\n```\n", "x.md")
        try fm.createDirectory(at: tree.docs.appendingPathComponent("folder"), withIntermediateDirectories: true)
        try tree.write(":orphan:\n\nIn a folder.\n", "folder/inner.rst")
        // Larger than the 64 MiB limit, without writing 64 MiB (a sparse file).
        let huge = tree.docs.appendingPathComponent("huge.txt")
        fm.createFile(atPath: huge.path, contents: nil)
        let handle = try FileHandle(forWritingTo: huge)
        try handle.truncate(atOffset: UInt64(ProjectFiles.maxFileSize) + 1)
        try handle.close()
        try Data([0x63, 0x61, 0x66, 0xE9, 0x0A]).write(to: tree.docs.appendingPathComponent("latin.txt"))
        try Data(":orphan:\n\nBad \u{FF}\n".utf8 + [0xFF, 0x0A]).write(to: tree.docs.appendingPathComponent("bad.rst"))
        #expect(mkfifo(tree.docs.appendingPathComponent("pipe.txt").path, 0o644) == 0)
        #expect(mkfifo(tree.docs.appendingPathComponent("pipe.rst").path, 0o644) == 0)
        try tree.link("leak.txt", to: tree.outside.appendingPathComponent("secret.txt").path)
        try tree.link("leak.png", to: "../../outside/secret.png")
        try tree.link("external", to: tree.outside.path)
        try tree.link("loop", to: ".")
        try tree.link("folder/up", to: "..")
        try tree.link("self.rst", to: "self.rst")
        try tree.link("dangling.rst", to: "nowhere.rst")
        return tree
    }

    func build(_ tree: Tree, output: URL? = nil) throws -> BuildReport {
        try SiteBuilder.build(BuildOptions(sourceDirectory: tree.docs.path, outputDirectory: output?.path))
    }

    func text(_ diagnostics: [Diagnostic], _ tree: Tree) -> String {
        DiagnosticFormatter(format: .text, workingDirectory: tree.root.path).render(diagnostics)
            .replacingOccurrences(of: tree.root.path, with: "TMP")
    }

    @Test func everyHostileThingIsADiagnosticAtItsLocation() throws {
        let tree = try makeTree()
        defer { try? FileManager.default.removeItem(at: tree.root) }
        let report = try build(tree)
        expectGolden(text(report.diagnostics, tree), "hostile/diagnostics.txt")
        func ids(_ file: String) -> [String] {
            report.diagnostics.filter { $0.file?.path.hasSuffix("/" + file) == true }.map(\.id).sorted()
        }
        #expect(ids("index.rst") == ["read.directory", "read.encoding", "read.not-a-file",
                                     "read.outside-project", "read.outside-project", "read.outside-project",
                                     "read.outside-project", "read.too-large", "rst.include"])
        // Outside the project says so, and how to allow it; never "No such file" for a file that exists.
        for d in report.diagnostics where d.id == "read.outside-project" {
            #expect(d.message.contains("outside the project") && d.message.contains("read_roots"), "\(d.message)")
        }
        #expect(report.diagnostics.filter { $0.message.contains("No such file") }.map(\.message)
            == ["Problems with \"include\" directive path: InputError: [Errno 2] No such file or directory: 'missing.txt'."])
        // Discovery: loops, the folder outside, the pipe and the dangling page are warnings at their paths
        // (files that are not pages only where a page uses them).
        let walk = report.diagnostics.filter { $0.range == nil }.map { "\($0.file!.path.dropFirst(tree.docs.path.count + 1)) \($0.id)" }
        #expect(walk.sorted() == ["dangling.rst read.broken-link", "external read.outside-project", "folder/up read.symlink-loop",
                                  "loop read.symlink-loop", "pipe.rst read.not-a-file", "self.rst read.symlink-loop"])
        #expect(ids("a.rst").contains("rst.include") || ids("b.rst").contains("rst.include"))
        #expect(report.diagnostics.contains { $0.message.contains("circular inclusion") && $0.file?.path.hasSuffix("a.rst") == true })
        #expect(report.diagnostics.contains { $0.message.contains("circular inclusion") && $0.file?.path.hasSuffix("md.md") == true })
        #expect(ids("bad.rst") == ["read.encoding"])
        // md.md's problems are met again when x.md includes md.md: reported once.
        #expect(ids("md.md") == ["read.directory", "read.outside-project", "rst.include"])
        // index, a, b, bad, md, x, folder/inner: nothing through links, nothing outside.
        #expect(report.pages == 7)
    }

    @Test func filesOfTheRepositoryAreIncludedAndNothingOutsideReachesTheSite() throws {
        let tree = try makeTree()
        defer { try? FileManager.default.removeItem(at: tree.root) }
        // Only the hostile lines that are errors go; warnings stay.
        var index = try String(contentsOf: tree.docs.appendingPathComponent("index.rst"), encoding: .utf8)
        for line in [".. include:: folder", ".. include:: huge.txt", ".. include:: ../../outside/secret.txt",
                     ".. include:: leak.txt", ".. literalinclude:: ../../outside/secret.txt", ".. include:: latin.txt",
                     ".. include:: pipe.txt", ".. include:: missing.txt", ".. image:: leak.png"] {
            index = index.replacingOccurrences(of: line + "\n", with: "")
        }
        try tree.write(index, "index.rst")
        for page in ["a.rst", "b.rst", "md.md", "x.md", "bad.rst"] {
            try FileManager.default.removeItem(at: tree.docs.appendingPathComponent(page))
        }
        let out = tree.root.appendingPathComponent("site")
        let report = try build(tree, output: out)
        #expect(report.succeeded, "\(text(report.diagnostics, tree))")
        let html = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(html.contains("Release notes from the repository root."))
        #expect(html.contains("<em>README</em>"))
        #expect(html.contains("return"))
        let site = try snapshot(out)
        #expect(!site.values.contains { String(decoding: $0, as: UTF8.self).contains("secret") })
        #expect(!site.keys.contains { $0.contains("external") || $0.contains("loop") })
    }

    @Test func readRootsAllowAFolderOutsideTheProject() throws {
        let tree = try makeTree()
        defer { try? FileManager.default.removeItem(at: tree.root) }
        try tree.write("[build]\nread_roots = [\"../../outside\"]\n", "vellum.toml")
        let report = try build(tree)
        let index = report.diagnostics.filter { $0.file?.path.hasSuffix("/index.rst") == true }.map(\.id)
        #expect(!index.contains("read.outside-project"), "\(text(report.diagnostics, tree))")
        // The linked folder is now inside: its page is read, once.
        #expect(!report.diagnostics.contains { $0.id == "read.outside-project" })
        #expect(report.pages == 8)
    }

    /// Root reads files whatever their mode (and tests run as root in CI), so
    /// there the build runs as `nobody` (setpriv) in a subprocess: the `vellum`
    /// binary that `swift build --build-tests` builds next to the tests.
    @Test func unreadableFilesAndFoldersAreDiagnostics() throws {
        let root = URL(fileURLWithPath: OutputSafety.realPath(try temporaryDirectory()))
        defer {
            for path in ["docs/locked.txt", "docs/locked.rst", "docs/closed"] {
                chmod(root.appendingPathComponent(path).path, 0o755)
            }
            try? FileManager.default.removeItem(at: root)
        }
        let tree = Tree(root: root)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("docs"), withIntermediateDirectories: true)
        chmod(root.path, 0o755)
        let docs = root.appendingPathComponent("docs")
        try tree.write("Index\n=====\n\n.. include:: locked.txt\n", "index.rst", in: docs)
        try tree.write("secret\n", "locked.txt", in: docs)
        try tree.write(":orphan:\n\nLocked\n", "locked.rst", in: docs)
        try tree.write(":orphan:\n\nInside\n", "closed/inner.rst", in: docs)
        for path in ["locked.txt", "locked.rst", "closed"] {
            #expect(chmod(docs.appendingPathComponent(path).path, 0) == 0)
        }
        var found: [String] = []
        if getuid() != 0 {
            let report = try SiteBuilder.build(BuildOptions(sourceDirectory: docs.path, outputDirectory: nil))
            found = report.diagnostics.map { "\(($0.file?.path ?? "").dropFirst(docs.path.count + 1)) \($0.id)" }
        } else {
            let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent()
            let vellum = package.appendingPathComponent(".build/debug/vellum").path
            guard FileManager.default.isExecutableFile(atPath: vellum),
                  FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else {
                Issue.record("needs \(vellum) (swift build --build-tests builds it) and /usr/bin/setpriv to test as a user")
                return
            }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", vellum, "check", docs.path,
                                 "--diagnostics", "json", "--quiet"]
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = FileHandle.nullDevice
            try process.run()
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
                guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                      let id = object["id"] as? String else { continue }
                let path = (object["path"] as? String) ?? ""
                found.append("\(path.hasPrefix(docs.path + "/") ? String(path.dropFirst(docs.path.count + 1)) : path) \(id)")
            }
        }
        // (The unreadable page is not known to be an orphan, so it is not in any toctree either.)
        #expect(found.sorted() == ["closed read.permission", "index.rst read.permission", "locked.rst read.permission",
                                   "locked.rst toctree.not-included"])
    }

    @Test func theReaderRefusesWhatItMustNotRead() throws {
        let tree = try makeTree()
        defer { try? FileManager.default.removeItem(at: tree.root) }
        let files = ProjectFiles(sourceURL: tree.docs, config: SiteConfig())
        #expect(files.repository == tree.repo.path)
        func id(_ path: String) -> String? {
            if case .failure(let f) = files.read(tree.docs.appendingPathComponent(path).path) { return f.id }
            return nil
        }
        #expect(id("../CHANGES.rst") == nil)
        #expect(id("../../outside/secret.txt") == "read.outside-project")
        #expect(id("leak.txt") == "read.outside-project")
        #expect(id("folder") == "read.directory")
        #expect(id("huge.txt") == "read.too-large")
        #expect(id("pipe.txt") == "read.not-a-file")
        #expect(id("self.rst") == "read.symlink-loop")
        #expect(id("dangling.rst") == "read.broken-link")
        #expect(id("missing.txt") == "rst.include")
        // Without a repository, the source directory's parent is the boundary.
        try FileManager.default.removeItem(at: tree.repo.appendingPathComponent(".git"))
        #expect(ProjectFiles.repositoryRoot(of: tree.docs.path) == tree.repo.path)
    }
}
