import CFileSystem
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a site into a staging folder beside the output and swaps it into
/// place only when the whole build has succeeded: a failed or killed build
/// leaves the previous output exactly as it was.
///
/// Staging folders are named `.NAME.vellum-staging-PID-TOKEN` and carry the
/// marker file from the moment they exist, so a later build can tell them
/// apart from anything else and remove those whose process has died.
///
/// An incremental builder keeps the output it replaced as a standby folder,
/// `.NAME.vellum-standby`, and the next build starts its staging folder from
/// it (renamed, so it is a staging folder of this process from then on): only
/// files that differ from the standby's are written, instead of every file
/// being linked into an empty folder. The standby is trusted only as the
/// records describe it (``OutputWriter``); a build killed while using it
/// leaves a staging folder that the next build removes.
struct OutputDirectory {
    let destination: URL
    let staging: URL
    /// Where the previous output waits while it is swapped without an atomic exchange.
    let movedAside: URL
    /// Whether the user allowed replacing a directory Vellum did not write.
    let replaceForeign: Bool
    private let destinationPath: String
    private let stagingPath: String
    /// Folders made in the staging folder so far (relative paths).
    private let folders = MadeFolders()

    private final class MadeFolders: @unchecked Sendable {
        let lock = NSLock()
        var made: Set<String> = []
    }

    static let stagingInfix = ".vellum-staging-"
    static let oldInfix = ".vellum-old-"
    static let standbySuffix = ".vellum-standby"
    /// Whether the staging folder began as the standby (so it holds files already).
    let reusedStandby: Bool

    /// The standby folder of an output.
    static func standby(of destination: URL) -> URL {
        let destination = destination.standardizedFileURL
        return destination.deletingLastPathComponent().appendingPathComponent("." + destination.lastPathComponent + standbySuffix)
    }

    /// `destination` must already have passed `OutputSafety.check`, and
    /// `removeStaleFolders(of:)` have run for it. With `standby`, the staging folder
    /// is the standby folder, when there is one that Vellum wrote; else it starts empty.
    init(destination: URL, replaceForeign: Bool = false, standby: Bool = false) throws {
        self.destination = destination.standardizedFileURL
        self.replaceForeign = replaceForeign
        let parent = self.destination.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        let owner = "\(getpid())-" + String(UInt32.random(in: 0...UInt32.max), radix: 16)
        let name = "." + self.destination.lastPathComponent
        staging = parent.appendingPathComponent(name + Self.stagingInfix + owner)
        movedAside = parent.appendingPathComponent(name + Self.oldInfix + owner)
        destinationPath = self.destination.path
        stagingPath = staging.path
        let standbyURL = Self.standby(of: destination)
        if standby, OutputSafety.ownership(of: standbyURL) == .vellum, rename(standbyURL.path, staging.path) == 0 {
            reusedStandby = true
            return
        }
        reusedStandby = false
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: false)
        try FileIO.write(staging.path + "/" + OutputSafety.markerName, Array(OutputSafety.markerText.utf8))
    }

    /// Writes `data` at `relativePath` inside the staging folder.
    func write(_ data: Data, to relativePath: String) throws {
        let path = try stagedPath(relativePath)
        try makeFolders(of: relativePath)
        // A file the staging folder holds may be a link to the output's own: never write into it.
        if reusedStandby { unlink(path) }
        try FileIO.write(path, [UInt8](data))
    }

    func write(_ text: String, to relativePath: String) throws {
        try write(Data(text.utf8), to: relativePath)
    }

    func copyFile(from source: URL, to relativePath: String) throws {
        let url = try stagedURL(relativePath)
        try makeFolders(of: relativePath)
        try? FileManager.default.removeItem(at: url)
        try FileManager.default.copyItem(at: source, to: url)
    }

    /// Puts the destination's own file at `relativePath` into the staging folder as a
    /// hard link (same bytes, nothing copied); false when that file is gone or not a
    /// regular file, or the link fails (the caller writes the file instead).
    func linkFromDestination(_ relativePath: String) -> Bool {
        guard let staged = try? stagedPath(relativePath) else { return false }
        let existing = destinationPath + "/" + relativePath
        var status = stat()
        guard lstat(existing, &status) == 0, status.st_mode & S_IFMT == S_IFREG,
              (try? makeFolders(of: relativePath)) != nil else { return false }
        if reusedStandby { unlink(staged) }
        return link(existing, staged) == 0
    }

    /// Removes a file from the staging folder, and the folders it leaves empty.
    func remove(_ relativePath: String) {
        guard let staged = try? stagedPath(relativePath) else { return }
        unlink(staged)
        var folder = Substring(relativePath)
        while let slash = folder.lastIndex(of: "/") {
            folder = folder[..<slash]
            guard rmdir(stagingPath + "/" + folder) == 0 else { break }
            folders.lock.withLock { _ = folders.made.remove(String(folder)) }
        }
    }

    /// The regular files the staging folder holds (the marker left out).
    var stagedFiles: [String] {
        DirectoryWalk.regularFiles(below: stagingPath).filter { $0 != OutputSafety.markerName }
    }

    /// The staging folder's folders on the way to `relativePath`, each made once.
    private func makeFolders(of relativePath: String) throws {
        try folders.lock.withLock { try DirectoryWalk.makeFolders(of: relativePath, in: stagingPath, made: &folders.made) }
    }

    /// A path inside the staging folder; never one that climbs out of it.
    private func stagedURL(_ relativePath: String) throws -> URL {
        URL(fileURLWithPath: try stagedPath(relativePath))
    }

    private func stagedPath(_ relativePath: String) throws -> String {
        guard Self.staysInside(relativePath) else {
            throw BuildError.io("refusing to write '\(relativePath)' outside the output directory")
        }
        return stagingPath + "/" + relativePath
    }

    /// Whether a relative path names something below its folder: not absolute, not
    /// empty (nor only slashes), no `..` segment. Checked on bytes: every file of the site comes here.
    static func staysInside(_ relativePath: String) -> Bool {
        let slash = UInt8(ascii: "/"), dot = UInt8(ascii: ".")
        guard let first = relativePath.utf8.first, first != slash else { return false }
        var length = 0, dots = 0, named = false
        for byte in relativePath.utf8 {
            if byte == slash {
                if length == 2 && dots == 2 { return false }
                length = 0
                dots = 0
            } else {
                length += 1
                named = true
                if byte == dot { dots += 1 }
            }
        }
        return named && !(length == 2 && dots == 2)
    }

    /// Swaps the staged site into place. Where the system can exchange two
    /// directories atomically (Linux), there is no moment without a complete
    /// output; elsewhere the old output is moved aside first and a later
    /// build puts it back if this one dies in between. Only a directory that
    /// carries the marker (or one the user allowed with `--force`) is replaced.
    /// The previous output, now beside the new one, is removed on `cleanup` (the
    /// build goes on meanwhile and waits for it before it returns).
    func commit(cleanup: BackgroundWork? = nil, keepPrevious: Bool = false) throws {
        let fm = FileManager.default
        switch OutputSafety.ownership(of: destination) {
        case .absent:
            try fm.moveItem(at: staging, to: destination)
            return
        case .empty, .vellum:
            break
        case .foreign where replaceForeign:
            break
        case .foreign, .notDirectory:
            discard()
            throw BuildError.unsafeOutput("refusing to replace '\(destination.path)': it changed during the build "
                + "and no longer holds Vellum's output")
        }
        if vellum_rename_exchange(staging.path, destination.path) == 0 {
            // The staging path now holds the previous output: the next build's standby, or gone.
            let previous = staging
            func remove(_ folder: URL) {
                if let cleanup { cleanup.start { Self.removeMarked(folder) } } else { Self.removeMarked(folder) }
            }
            let standby = Self.standby(of: destination)
            var keep = keepPrevious
            switch OutputSafety.ownership(of: standby) {
            case .absent:
                break
            case .vellum, .empty:
                // A standby this build did not start from: out of date.
                if rename(standby.path, movedAside.path) == 0 { remove(movedAside) } else { keep = false }
            case .foreign, .notDirectory:
                keep = false
            }
            if keep, rename(previous.path, standby.path) == 0 { return }
            remove(previous)
            return
        }
        try fm.moveItem(at: destination, to: movedAside)
        do {
            try fm.moveItem(at: staging, to: destination)
        } catch {
            try? fm.moveItem(at: movedAside, to: destination)
            throw error
        }
        Self.removeMarked(movedAside)
    }

    /// Throws the staged files away; the previous output is untouched.
    func discard() {
        Self.removeMarked(staging)
    }

    /// Removes a folder that carries the marker, the marker last: a build killed
    /// meanwhile leaves a folder that still has its marker or is empty, which the
    /// next build recognises as its own and removes (a folder without the marker is
    /// never removed).
    static func removeMarked(_ folder: URL) {
        let path = folder.path
        for entry in DirectoryWalk.entries(of: path) ?? [] where entry.name != OutputSafety.markerName {
            DirectoryWalk.removeTree(path + "/" + entry.name)
        }
        DirectoryWalk.removeTree(path)
    }

    /// Removes staging folders that builds of the same output left behind
    /// when they died (their process is gone), and puts back an output that
    /// a dying build had moved aside. Folders of live builds, and anything
    /// without the marker, are left alone.
    static func removeStaleFolders(of destination: URL) {
        let fm = FileManager.default
        let parent = destination.deletingLastPathComponent()
        let name = destination.lastPathComponent
        guard let entries = try? fm.contentsOfDirectory(atPath: parent.path) else { return }
        for entry in entries.sorted() {
            for infix in [stagingInfix, oldInfix] {
                let prefix = "." + name + infix
                guard entry.hasPrefix(prefix),
                      let pid = entry.dropFirst(prefix.count).split(separator: "-").first.flatMap({ Int32($0) }),
                      !processIsAlive(pid) else { continue }
                let url = parent.appendingPathComponent(entry)
                let owned = OutputSafety.ownership(of: url)
                guard owned == .vellum || owned == .empty else { continue }
                if infix == oldInfix, OutputSafety.ownership(of: destination) == .absent {
                    try? fm.moveItem(at: url, to: destination)
                } else {
                    removeMarked(url)
                }
            }
        }
    }

    /// Whether a process with this id exists (the current one counts as alive:
    /// another build in this process may own the folder).
    static func processIsAlive(_ pid: Int32) -> Bool {
        if pid <= 0 { return false }
        if pid == getpid() { return true }
        return kill(pid, 0) == 0 || errno == EPERM
    }
}

/// Work a build hands to another thread, and waits for before it returns.
final class BackgroundWork: @unchecked Sendable {
    private let group = DispatchGroup()

    func start(_ work: @escaping @Sendable () -> Void) {
        group.enter()
        Thread.detachNewThread { [group] in
            work()
            group.leave()
        }
    }

    func wait() { group.wait() }
}
