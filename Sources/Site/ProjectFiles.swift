import Foundation
import RST
#if canImport(Glibc)
import Glibc
#endif

/// What a build may read: the project. That is the source directory, the
/// repository holding it (the nearest ancestor with `.git`, else the source
/// directory's parent, so `../CHANGES.rst` and `literalinclude` of the code
/// keep working), the autodoc roots and the folders of `[build] read_roots`.
/// Paths are compared with every symbolic link resolved, so a link inside the
/// source tree that points elsewhere is outside too.
///
/// Reading never blocks or runs away: only regular files are opened (never a
/// pipe or a device), non-blocking, and at most `maxFileSize` bytes are read.
struct ProjectFiles: Sendable {
    /// The most Vellum reads from one file.
    static let maxFileSize = 64 << 20

    /// Real paths of the folders that may be read.
    let roots: [String]
    /// The repository (or the source directory's parent), for messages.
    let repository: String

    /// Real paths of folders, looked up once per build (every page's file would otherwise
    /// resolve every folder above it again, a `readlink` per component).
    private let folders = RealFolders()

    init(roots: [String], repository: String) {
        self.roots = roots
        self.repository = repository
    }

    init(sourceURL: URL, config: SiteConfig) {
        let source = OutputSafety.realPath(sourceURL)
        let repository = Self.repositoryRoot(of: source)
        var roots = [source, repository]
        for path in config.pythonPaths + config.swiftModules.map(\.path) + config.readRoots {
            roots.append(OutputSafety.realPath(URL(fileURLWithPath: path)))
        }
        self.init(roots: Array(Set(roots)).sorted(), repository: repository)
    }

    /// The nearest folder at or above `source` holding `.git` (a folder, or a file
    /// in a worktree), else the parent of `source`.
    static func repositoryRoot(of source: String) -> String {
        var folder = source
        while true {
            if FileManager.default.fileExists(atPath: folder + "/.git") { return folder }
            let parent = (folder as NSString).deletingLastPathComponent
            if parent == folder || parent.isEmpty { break }
            folder = parent
        }
        let parent = (source as NSString).deletingLastPathComponent
        return parent.isEmpty ? "/" : parent
    }

    /// Whether a real path is inside the project.
    func contains(_ realPath: String) -> Bool {
        roots.contains { $0 == realPath || OutputSafety.contains($0, realPath) }
    }

    /// The real path of `path` (symbolic links resolved) and why it may not be
    /// read, or nil when it may.
    func check(_ path: String) -> (realPath: String, failure: FileReadFailure?) {
        // A regular file (not a link) in a folder already resolved: its real path is that folder's and its name.
        if let slash = path.lastIndex(of: "/"), slash != path.startIndex {
            let name = path[path.index(after: slash)...]
            var status = stat()
            if !name.isEmpty, name != ".", name != "..", lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG,
               let folder = folders.realPath(of: String(path[..<slash])) {
                let real = (folder == "/" ? "" : folder) + "/" + name
                return (real, contains(real) ? nil : outside(real, shownFor: path))
            }
        }
        guard let resolved = realpath(path, nil) else {
            let code = errno
            if code == ELOOP { return (path, .init(id: "read.symlink-loop", message: "is a symbolic link loop")) }
            if code == ENOENT || code == ENOTDIR {
                // A dangling link is a file that exists, pointing nowhere.
                var status = stat()
                if lstat(path, &status) == 0 {
                    return (path, .init(id: "read.broken-link",
                                        message: "is a symbolic link to '\(Self.linkTarget(path))', which does not exist"))
                }
                return (path, .notFound)
            }
            return (path, .init(id: "read.io", message: "cannot be read: \(String(cString: strerror(code)))"))
        }
        defer { free(resolved) }
        let real = String(cString: resolved)
        guard contains(real) else { return (real, outside(real, shownFor: path)) }
        return (real, nil)
    }

    private func outside(_ real: String, shownFor path: String) -> FileReadFailure {
        let shown = real == path ? "" : " (it resolves to '\(real)')"
        return .init(id: "read.outside-project", message: """
            is outside the project\(shown): Vellum reads only the source directory, its repository \
            ('\(repository)') and the autodoc roots. To allow it, add its folder to `read_roots` \
            under [build] in vellum.toml (paths relative to the source directory)
            """)
    }

    /// Why a file to copy into the site (an image, a download) may not be used, or
    /// nil when it may: it must be a regular file of the project.
    func assetProblem(_ path: String) -> FileReadFailure? {
        let (real, failure) = check(path)
        if let failure { return failure }
        var status = stat()
        guard stat(real, &status) == 0 else { return .notFound }
        switch status.st_mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return .init(id: "read.directory", message: "is a directory, not a file")
        default: return .init(id: "read.not-a-file", message: "is not a regular file (a pipe, socket or device)")
        }
    }

    /// The stamp of a regular file of the project, from one `lstat`; nil when finding out takes
    /// more (a link, a folder not resolved yet, anything outside the project): such a file is read.
    func stamp(_ path: String) -> FileStamp? {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return nil }
        let name = path[path.index(after: slash)...]
        var status = stat()
        guard !name.isEmpty, name != ".", name != "..", lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG,
              let folder = folders.realPath(of: String(path[..<slash])),
              contains((folder == "/" ? "" : folder) + "/" + name) else { return nil }
        return FileStamp(status)
    }

    /// Reads a whole file of the project.
    func read(_ path: String) -> Result<[UInt8], FileReadFailure> {
        var stamp: FileStamp?
        return read(path, stamp: &stamp)
    }

    /// Reads a whole file of the project, and says what it looked like just before (`fstat`).
    func read(_ path: String, stamp: inout FileStamp?) -> Result<[UInt8], FileReadFailure> {
        let (real, failure) = check(path)
        if let failure { return .failure(failure) }
        let fd = open(real, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else {
            let code = errno
            if code == ENOENT { return .failure(.notFound) }
            if code == EACCES {
                return .failure(.init(id: "read.permission", message: "cannot be read: permission denied"))
            }
            return .failure(.init(id: "read.io", message: "cannot be read: \(String(cString: strerror(code)))"))
        }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0 else {
            return .failure(.init(id: "read.io", message: "cannot be read: \(String(cString: strerror(errno)))"))
        }
        switch status.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: return .failure(.init(id: "read.directory", message: "is a directory, not a file"))
        default: return .failure(.init(id: "read.not-a-file", message: "is not a regular file (a pipe, socket or device)"))
        }
        let limit = Self.maxFileSize
        let tooLarge = FileReadFailure(id: "read.too-large",
                                       message: "is larger than \(limit >> 20) MiB, the most Vellum reads from one file")
        if Int(status.st_size) > limit { return .failure(tooLarge) }
        stamp = FileStamp(status)
        // Read straight into the bytes, sized for the file (one more byte to see it end).
        var bytes = [UInt8](repeating: 0, count: Int(status.st_size) + 1)
        var filled = 0
        while true {
            if filled == bytes.count {
                // The file grew since fstat.
                bytes += [UInt8](repeating: 0, count: max(bytes.count, 1 << 16))
            }
            let count = bytes.withUnsafeMutableBytes { readSome(fd, $0.baseAddress! + filled, $0.count - filled) }
            if count < 0 {
                if errno == EINTR { continue }
                let code = errno
                if code == EISDIR { return .failure(.init(id: "read.directory", message: "is a directory, not a file")) }
                return .failure(.init(id: "read.io", message: "cannot be read: \(String(cString: strerror(code)))"))
            }
            if count == 0 { break }
            filled += count
            if filled > limit { return .failure(tooLarge) }
        }
        bytes.removeSubrange(filled...)
        return .success(bytes)
    }

    static func linkTarget(_ path: String) -> String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?"
    }
}

/// POSIX `read` (the name is taken inside `ProjectFiles`).
private func readSome(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(fd, buffer, count)
}

/// Folders' real paths (`realpath`), each looked up once; nil for one that cannot be resolved.
private final class RealFolders: @unchecked Sendable {
    private let lock = NSLock()
    private var known: [String: String?] = [:]

    func realPath(of folder: String) -> String? {
        if let found = lock.withLock({ known[folder] }) { return found }
        let resolved = realpath(folder, nil).map { pointer in
            defer { free(pointer) }
            return String(cString: pointer)
        }
        lock.withLock { known[folder] = .some(resolved) }
        return resolved
    }
}
