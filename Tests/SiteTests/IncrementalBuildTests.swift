import DocTree
import Foundation
import Testing
@testable import Site

/// An incremental build is the same, byte for byte, as a clean build of the same tree.
@Suite struct IncrementalBuildTests {
    static let steps = Int(ProcessInfo.processInfo.environment["VELLUM_INCREMENTAL_STEPS"] ?? "") ?? 200

    func options(_ source: URL, into memory: MemoryOutput) -> BuildOptions {
        var options = BuildOptions(sourceDirectory: source.path, outputDirectory: nil)
        options.memoryOutput = memory
        options.buildDate = Date(timeIntervalSince1970: 1_800_000_000)
        options.jobs = 2
        return options
    }

    /// The first path whose bytes differ, or nil when both sites are the same.
    func difference(_ a: [String: Data], _ b: [String: Data]) -> String? {
        for path in Set(a.keys).union(b.keys).sorted() where a[path] != b[path] {
            return path + (a[path] == nil ? " (only in the clean build)" : b[path] == nil ? " (only in the incremental build)" : "")
        }
        return nil
    }

    /// The fixture project in a scratch folder, and the options of a cached build into memory
    /// (its cache in `cache`).
    struct CachedProject {
        let folder: URL
        let source: URL
        var project: EditableProject
        var cached: BuildOptions
        var cache: URL { folder.appendingPathComponent("cache") }

        init(_ suite: IncrementalBuildTests) throws {
            (folder, source) = try temporaryProjectFolder()
            project = try EditableProject(root: source)
            cached = suite.options(source, into: MemoryOutput())
            cached.cacheDirectory = folder.appendingPathComponent("cache").path
        }

        func remove() { try? FileManager.default.removeItem(at: folder) }

        /// A clean build's files, and a new builder's rebuild from the cache (into a memory output of its own).
        func rebuildBesideACleanBuild(_ suite: IncrementalBuildTests) throws
            -> (report: BuildReport, files: [String: Data], clean: [String: Data]) {
            let clean = MemoryOutput()
            _ = try SiteBuilder.build(suite.options(source, into: clean))
            let memory = MemoryOutput()
            var options = cached
            options.memoryOutput = memory
            let report = try IncrementalBuilder(options: options).rebuild()
            return (report, memory.files, clean.files)
        }
    }

    @Test func randomEditsGiveTheSameSiteAsACleanBuild() throws {
        var fixture = try CachedProject(self)
        defer { fixture.remove() }
        var random = SeededRandom(seed: 15)
        var memory = MemoryOutput()
        var cached = fixture.cached
        cached.memoryOutput = memory
        var builder = IncrementalBuilder(options: cached)
        _ = try builder.rebuild()
        var reused = 0
        for step in 1...Self.steps {
            let edit = try fixture.project.apply(using: &random)
            if step % 10 == 0 {
                // A new process: the records come from the cache on disk.
                memory = MemoryOutput()
                cached.memoryOutput = memory
                builder = IncrementalBuilder(options: cached)
            }
            let report = try builder.rebuild()
            #expect(report.notes.isEmpty, "step \(step): \(report.notes)")
            let clean = MemoryOutput()
            let cleanReport = try SiteBuilder.build(options(fixture.source, into: clean))
            let differs = difference(clean.files, memory.files)
            #expect(differs == nil, "step \(step) (\(edit)): \(differs ?? "")")
            #expect(rendered(report.diagnostics) == rendered(cleanReport.diagnostics), "step \(step) (\(edit))")
            #expect(report.referencesChecked == cleanReport.referencesChecked, "step \(step) (\(edit))")
            if differs != nil { break }
            reused += report.pages - report.pagesRead
        }
        // The builder did reuse pages (it is not a clean build each time).
        #expect(reused > Self.steps)
    }

    @Test func aCorruptOrForeignCacheIsIgnoredWithANote() throws {
        var fixture = try CachedProject(self)
        defer { fixture.remove() }
        let cache = fixture.cache
        _ = try IncrementalBuilder(options: fixture.cached).rebuild()
        let records = cache.appendingPathComponent(BuildCache.recordsName)
        var bytes = try Data(contentsOf: records)
        bytes.replaceSubrange(bytes.count / 2..<bytes.count / 2 + 64, with: Data(repeating: 0x41, count: 64))
        try bytes.write(to: records)
        fixture.project.pages["page1"]!.text = "Edited, so the records are needed."
        try fixture.project.write()
        let (corrupt, files, clean) = try fixture.rebuildBesideACleanBuild(self)
        #expect(corrupt.notes.count == 1 && corrupt.notes[0].contains("cannot be read"), "\(corrupt.notes)")
        #expect(corrupt.pagesRead == corrupt.pages)
        #expect(files == clean)

        let summary = cache.appendingPathComponent(BuildCache.summaryName)
        let envelope = try BuildCache.Envelope(reading: [UInt8](Data(contentsOf: summary)))
        try Data(BuildCache.Envelope.bytes(payload: Array(envelope.bytes[envelope.payload]), files: envelope.files,
                                           vellumVersion: "0.0.1", executable: envelope.executable,
                                           format: envelope.format)).write(to: summary)
        let foreign = try IncrementalBuilder(options: fixture.cached).rebuild()
        #expect(foreign.notes.count == 1 && foreign.notes[0].contains("written by Vellum 0.0.1"), "\(foreign.notes)")
    }

    /// A rebuilt Vellum with the same version string is another program: its cache is not trusted.
    @Test func aCacheFromAnotherExecutableIsIgnoredWithANote() throws {
        var fixture = try CachedProject(self)
        defer { fixture.remove() }
        let cache = fixture.cache
        _ = try IncrementalBuilder(options: fixture.cached).rebuild()
        let current = try #require(ExecutableIdentity.current(cacheDirectory: cache.path))
        // Both files as another executable of the same version would have written them.
        for name in [BuildCache.summaryName, BuildCache.recordsName] {
            let file = cache.appendingPathComponent(name)
            let envelope = try BuildCache.Envelope(reading: [UInt8](Data(contentsOf: file)))
            #expect(envelope.executable == current)
            try Data(BuildCache.Envelope.bytes(payload: Array(envelope.bytes[envelope.payload]), files: envelope.files,
                                               vellumVersion: envelope.vellumVersion,
                                               executable: ContentHash(value: current.value ^ 1),
                                               format: envelope.format)).write(to: file)
        }
        fixture.project.pages["page1"]!.text = "Edited, so the records would be needed."
        try fixture.project.write()
        let (other, files, clean) = try fixture.rebuildBesideACleanBuild(self)
        #expect(!other.notes.isEmpty && other.notes.allSatisfy { $0.contains("written by another build of Vellum") },
                "\(other.notes)")
        #expect(other.pagesRead == other.pages)
        #expect(files == clean)
        // This executable's own cache is trusted again.
        let again = try IncrementalBuilder(options: fixture.cached).rebuild()
        #expect(again.notes.isEmpty, "\(again.notes)")
    }

    /// Files written just before a build cannot keep their stamps (another write in the same clock
    /// tick would go unseen); a later build that changes nothing keeps them once they have settled,
    /// so the builds after it look at those files' stamps instead of reading them.
    @Test func aBuildThatChangesNothingKeepsTheStampsOfFilesThatSettled() throws {
        let fixture = try CachedProject(self)
        defer { fixture.remove() }
        try fixture.project.write()
        let cache = fixture.cache, cached = fixture.cached
        let first = try IncrementalBuilder(options: cached).rebuild()
        let before = try #require(BuildCache.loadSummary(from: cache.path).0)
        let pageFiles = before.pages.map(\.source.relativePath)
        #expect(!pageFiles.allSatisfy { before.stamps[$0] != nil }, "the pages were written a moment ago")
        Thread.sleep(forTimeInterval: 2.1)
        let noOp = try IncrementalBuilder(options: cached).rebuild()
        #expect(noOp.pagesRead == 0 && noOp.pages == first.pages)
        #expect(noOp.notes.isEmpty, "\(noOp.notes)")
        let after = try #require(BuildCache.loadSummary(from: cache.path).0)
        #expect(pageFiles.allSatisfy { after.stamps[$0] != nil }, "\(after.stamps.keys.sorted())")
        // The same build again: nothing to keep, the cache is left as it is.
        let summary = cache.appendingPathComponent(BuildCache.summaryName)
        let saved = try Data(contentsOf: summary)
        let again = try IncrementalBuilder(options: cached).rebuild()
        #expect(again.pagesRead == 0)
        #expect(try Data(contentsOf: summary) == saved)
    }

    /// The executable is hashed only when its stamp is not the one kept in the cache folder.
    @Test func theExecutableIsHashedAgainOnlyWhenItsStampDiffers() throws {
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("vellum-exe-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: tmp) }
        let path = try #require(ExecutableIdentity.executablePath)
        let hash = try #require(ExecutableIdentity.hash(file: path))
        // A stamp is kept only for a binary settled for two seconds (``FileStamp/isSettled``).
        var status = stat()
        #expect(stat(path, &status) == 0)
        while !FileStamp(status).isSettled { Thread.sleep(forTimeInterval: 0.2) }
        #expect(ExecutableIdentity.current(cacheDirectory: tmp.path) == hash)
        let stampFile = tmp.appendingPathComponent(ExecutableIdentity.stampName)
        var kept = try #require(ExecutableIdentity.parse([UInt8](Data(contentsOf: stampFile))))
        #expect(kept.state == hash)
        // A kept stamp that matches is believed (so a no-op build does not read the binary) ...
        kept.state = ContentHash(value: 42)
        try Data(ExecutableIdentity.format(kept).utf8).write(to: stampFile)
        #expect(ExecutableIdentity.current(cacheDirectory: tmp.path) == ContentHash(value: 42))
        // ... and one from another file (another machine, a copied binary) is not.
        kept.stamp.inode &+= 1
        try Data(ExecutableIdentity.format(kept).utf8).write(to: stampFile)
        #expect(ExecutableIdentity.current(cacheDirectory: tmp.path) == hash)
        #expect(ExecutableIdentity.parse([UInt8](try Data(contentsOf: stampFile)))?.state == hash)
    }

    /// Trees and bodies are files of their own in the cache: one gone is noticed when it is needed.
    @Test func aMissingPartOfARecordIsNoticedAndEverythingBuilt() throws {
        var fixture = try CachedProject(self)
        defer { fixture.remove() }
        let cache = fixture.cache
        let builder = IncrementalBuilder(options: fixture.cached)
        let first = try builder.rebuild()
        let shards = Set(try #require(builder.state).shards.values.map { BlobStore.fileName($0) })
        let blobs = cache.appendingPathComponent(BlobStore.folderName)
        let names = try FileManager.default.contentsOfDirectory(atPath: blobs.path)
        #expect(names.count == 2 * first.pages + shards.count, "a tree and a body for each page, and the shards: \(names.count)")
        // The records stay; the trees and bodies go.
        for name in names where !shards.contains(name) { try FileManager.default.removeItem(at: blobs.appendingPathComponent(name)) }
        // A new copyright renders every page again from its body, without reading or resolving it.
        fixture.project.copyright = "2031, the fixture"
        try fixture.project.write()
        let (rebuilt, files, clean) = try fixture.rebuildBesideACleanBuild(self)
        #expect(rebuilt.notes.count == 1 && rebuilt.notes[0].contains("is missing or damaged"), "\(rebuilt.notes)")
        #expect(rebuilt.pagesRead == rebuilt.pages)
        #expect(difference(clean, files) == nil)
        // The next build trusts the cache again, and the blobs no record names are gone.
        fixture.project.pages["page1"]!.text = "Edited once more."
        try fixture.project.write()
        let nextBuilder = IncrementalBuilder(options: fixture.cached)
        let next = try nextBuilder.rebuild()
        #expect(next.notes.isEmpty && next.pagesRead == 1, "\(next.notes)")
        let kept = try #require(nextBuilder.state).shards.count
        #expect(try FileManager.default.contentsOfDirectory(atPath: blobs.path).count == 2 * next.pages + kept)
    }

    /// Files whose stamp (inode, size, times) is unchanged are not read again; an edit that keeps
    /// the size and puts the modification time back still changes the status-change time.
    @Test func anEditThatKeepsSizeAndModificationTimeIsSeen() throws {
        var fixture = try CachedProject(self)
        defer { fixture.remove() }
        // Stamps are kept only for files last touched two seconds before.
        Thread.sleep(forTimeInterval: 2.2)
        let first = try IncrementalBuilder(options: fixture.cached).rebuild()
        let summary = try #require(BuildCache.loadSummary(from: fixture.cache.path).0)
        #expect(summary.stamps.count >= first.pages, "\(summary.stamps.count) stamps")

        let page = fixture.source.appendingPathComponent("page2.rst")
        let before = try FileManager.default.attributesOfItem(atPath: page.path)[.modificationDate] as! Date
        let text = fixture.project.pages["page2"]!.text
        fixture.project.pages["page2"]!.text = String(text.reversed())
        try fixture.project.write()
        try FileManager.default.setAttributes([.modificationDate: before], ofItemAtPath: page.path)
        let (second, files, clean) = try fixture.rebuildBesideACleanBuild(self)
        #expect(second.pagesRead == 1, "\(second.explanations)")
        #expect(difference(clean, files) == nil)
    }

    @Test func aStaleRecordIsCaught() throws {
        let tmp = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: tmp) }
        var project = try EditableProject(root: tmp)
        let memory = MemoryOutput()
        let builder = IncrementalBuilder(options: options(tmp, into: memory))
        _ = try builder.rebuild()
        project.shared = "Shared text, changed behind the builder's back."
        try project.write()
        // Forge the records: every input of every page as it is now, though the pages were read before.
        var state = try #require(builder.state)
        let states = InputStates(sourceURL: tmp.standardizedFileURL, project: ProjectFiles(roots: ["/"], repository: "/"),
                                 pythonPaths: [], swiftModules: [])
        for (path, memo) in state.pages {
            var forged = memo
            forged.read.inputs = memo.read.inputs.map { input in
                var input = input
                if input.kind == .file { input.state = states.current(input) }
                return input
            }
            state.pages[path] = forged
        }
        builder.state = state
        _ = try builder.rebuild()
        let clean = MemoryOutput()
        _ = try SiteBuilder.build(options(tmp, into: clean))
        #expect(difference(clean.files, memory.files) != nil)
    }

    @Test func explainSaysWhyEachPageWasBuiltAgain() throws {
        let tmp = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: tmp) }
        var project = try EditableProject(root: tmp)
        let builder = IncrementalBuilder(options: options(tmp, into: MemoryOutput()))
        _ = try builder.rebuild()
        let unchanged = try builder.rebuild()
        #expect(unchanged.explanations.isEmpty)
        #expect(unchanged.pagesRead == 0 && unchanged.pagesResolved == 0 && unchanged.filesWritten == 0)
        project.shared = "Shared text, edited."
        try project.write()
        let edited = try builder.rebuild()
        #expect(edited.explanations.contains("page0.rst: re-read: shared.inc changed"))
        #expect(edited.pagesRead == 3)
        project.pages["page0"]!.label = "renamed"
        try project.write()
        let relabelled = try builder.rebuild()
        #expect(relabelled.explanations.contains("page0.rst: re-read: page0.rst changed"))
        #expect(relabelled.explanations.contains("page1.rst: re-resolved: target 'label-0' changed"))
        #expect(!relabelled.explanations.contains { $0.hasPrefix("page3.rst") })
        project.functions["route"] = "Routes every query."
        try project.write()
        let docstring = try builder.rebuild()
        #expect(docstring.explanations.contains("page3.rst: re-read: Python module shop.routing changed"))
        #expect(docstring.pagesRead == 1)
        project.copyright = "2027"
        try project.write()
        let config = try builder.rebuild()
        #expect(config.pagesRead == 0 && config.pagesResolved == 0)
        #expect(config.pagesRendered == config.pages)
    }
}

/// Incremental builds into a directory: only changed files are new, the rest are the same files.
@Suite struct IncrementalDirectoryTests {
    func inode(_ url: URL) throws -> UInt64 {
        try #require(FileManager.default.attributesOfItem(atPath: url.path)[.systemFileNumber] as? UInt64)
    }

    @Test func unchangedFilesAreKeptAndChangedOnesWritten() throws {
        let (tmp, source) = try temporaryProjectFolder()
        defer { try? FileManager.default.removeItem(at: tmp) }
        var project = try EditableProject(root: source)
        let output = tmp.appendingPathComponent("site")
        var options = BuildOptions(sourceDirectory: source.path, outputDirectory: output.path)
        options.buildDate = Date(timeIntervalSince1970: 1_800_000_000)
        options.cacheDirectory = tmp.appendingPathComponent(".vellum-cache").path
        let first = try IncrementalBuilder(options: options).rebuild()
        #expect(first.succeeded && first.wroteOutput)
        let untouched = try inode(output.appendingPathComponent("page4.html"))
        let edited = try inode(output.appendingPathComponent("page2.html"))

        project.pages["page2"]!.text = "A new paragraph for page 2."
        try project.write()
        let second = try IncrementalBuilder(options: options).rebuild()
        #expect(second.pagesRead == 1 && second.wroteOutput)
        #expect(try inode(output.appendingPathComponent("page4.html")) == untouched)
        #expect(try inode(output.appendingPathComponent("page2.html")) != edited)

        let nothing = try IncrementalBuilder(options: options).rebuild()
        #expect(nothing.filesWritten == 0 && nothing.explanations.isEmpty && nothing.wroteOutput)

        // A file put into the output by hand goes, as with a clean build (the output is replaced as a whole).
        try Data("stray".utf8).write(to: output.appendingPathComponent("stray.html"))
        _ = try IncrementalBuilder(options: options).rebuild()
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("stray.html").path))
        #expect(try inode(output.appendingPathComponent("page4.html")) == untouched)

        var clean = options
        clean.outputDirectory = tmp.appendingPathComponent("clean").path
        clean.cacheDirectory = nil
        _ = try SiteBuilder.build(clean)
        #expect(try snapshot(output) == snapshot(tmp.appendingPathComponent("clean")))
        let left = try FileManager.default.contentsOfDirectory(atPath: tmp.path).filter { $0.contains("vellum-staging") }
        #expect(left.isEmpty)
    }

    /// The output a build replaces waits beside it as the next build's starting point
    /// (`.NAME.vellum-standby`): the site is still the same as a clean build's after edits, a
    /// new page and a standby that no longer holds what the records say.
    @Test func theReplacedOutputStartsTheNextBuild() throws {
        let (tmp, source) = try temporaryProjectFolder()
        defer { try? FileManager.default.removeItem(at: tmp) }
        var project = try EditableProject(root: source)
        let output = tmp.appendingPathComponent("site")
        let standby = tmp.appendingPathComponent(".site.vellum-standby")
        var options = BuildOptions(sourceDirectory: source.path, outputDirectory: output.path)
        options.buildDate = Date(timeIntervalSince1970: 1_800_000_000)
        options.cacheDirectory = tmp.appendingPathComponent(".vellum-cache").path
        func cleanSite() throws -> [String: Data] {
            var clean = options
            clean.outputDirectory = tmp.appendingPathComponent("clean").path
            clean.cacheDirectory = nil
            _ = try SiteBuilder.build(clean)
            return try snapshot(tmp.appendingPathComponent("clean"))
        }
        _ = try IncrementalBuilder(options: options).rebuild()
        #expect(!FileManager.default.fileExists(atPath: standby.path))
        for step in 0..<4 {
            switch step {
            case 0, 1: project.pages["page\(step + 1)"]!.text = "Edit number \(step)."
            case 2:
                // A file the records do not know of: the standby is not used.
                try Data("stray".utf8).write(to: standby.appendingPathComponent("stray.html"))
                project.pages["page3"]!.text = "Edit number 2."
            default:
                project.pages["page9"] = .init(title: "Page 9", label: "label-9", text: "A new page.")
                project.toctree.append("page9")
            }
            try project.write()
            let report = try IncrementalBuilder(options: options).rebuild()
            #expect(report.succeeded && report.wroteOutput, "step \(step)")
            #expect(FileManager.default.fileExists(atPath: standby.appendingPathComponent("page0.html").path), "step \(step)")
            #expect(try snapshot(output) == cleanSite(), "step \(step)")
        }
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("stray.html").path))
        // A build without records does not keep one.
        var uncached = options
        uncached.cacheDirectory = nil
        project.pages["page1"]!.text = "Without the cache."
        try project.write()
        _ = try SiteBuilder.build(uncached)
        #expect(!FileManager.default.fileExists(atPath: standby.path))
        #expect(try snapshot(output) == cleanSite())
    }
}
