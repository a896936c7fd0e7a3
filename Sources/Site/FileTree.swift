import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Directory listing in a fixed order (FileManager's order is unspecified),
/// safe on hostile trees: symbolic links are followed only to places inside
/// the project and never in a loop, and what cannot be listed or is not a
/// regular file is skipped and reported, never a hang or a failed build.
enum FileTree {
    /// Something below the root that was not listed, and why.
    struct Skipped: Sendable, Equatable {
        /// Path relative to the root, `/`-separated.
        var path: String
        /// A stable diagnostic id (`read.symlink-loop`, `read.outside-project`, …).
        var id: String
        /// Why, as the predicate of a sentence about the path ("is a symbolic link loop").
        var message: String
        /// Whether it is (or may be) a file rather than a folder.
        var isFile = true
    }

    /// Paths of regular files below `root`, relative to it, `/`-separated,
    /// sorted; hidden files and folders are skipped.
    static func files(under root: URL, skipping skip: (String) -> Bool = { _ in false }) throws -> [String] {
        try walk(root, skipping: skip).files
    }

    /// Like `files(under:)`, and what was left out: symbolic links that loop, dangle or
    /// lead outside (`inside` says whether a real path may be read), folders that cannot
    /// be listed, pipes and devices. Throws only when `root` itself cannot be listed.
    static func walk(_ root: URL, inside: (String) -> Bool = { _ in true },
                     skipping skip: (String) -> Bool = { _ in false },
                     skippingFolder skipFolder: (String) -> Bool = { _ in false }) throws -> (files: [String], skipped: [Skipped]) {
        let rootPath = OutputSafety.realPath(root)
        // FileManager for the root, so a folder that cannot be listed fails with its message.
        let names = try FileManager.default.contentsOfDirectory(atPath: rootPath)
        let entries = DirectoryWalk.entries(of: rootPath)
            ?? names.map { DirectoryWalk.Entry(name: $0, kind: DirectoryWalk.kind(ofPath: rootPath + "/" + $0)) }
        return withoutActuallyEscaping(inside) { inside in
            withoutActuallyEscaping(skip) { skip in
                withoutActuallyEscaping(skipFolder) { skipFolder in
                var walker = Walker(inside: inside, skip: skip, skipFolder: skipFolder)
                walker.seen.insert(rootPath)
                walker.collect(rootPath, entries: entries, prefix: "")
                return (walker.files.sorted(), walker.skipped.sorted { $0.path < $1.path })
                }
            }
        }
    }

    private struct Walker {
        let inside: (String) -> Bool
        let skip: (String) -> Bool
        /// Asked only of what may be a folder (not a plain file).
        let skipFolder: (String) -> Bool
        var files: [String] = []
        var skipped: [Skipped] = []
        /// Real paths of the folders listed so far (a folder reached twice through links is listed once).
        var seen: Set<String> = []
        /// Relative path each listed folder was first listed under, for messages.
        var listedAs: [String: String] = [:]

        mutating func collect(_ directory: String, entries: [DirectoryWalk.Entry], prefix: String) {
            listedAs[directory] = prefix
            for entry in entries.sorted(by: { $0.name < $1.name }) where !entry.name.hasPrefix(".") {
                let name = entry.name
                let relative = prefix.isEmpty ? name : prefix + "/" + name
                if skip(relative) { continue }
                let path = directory + "/" + name
                // A plain file needs nothing more than its listing says.
                if entry.kind == .file {
                    files.append(relative)
                    continue
                }
                if skipFolder(relative) { continue }
                var status = stat()
                guard lstat(path, &status) == 0 else { continue }
                var real = path
                if status.st_mode & S_IFMT == S_IFLNK {
                    guard let resolved = realpath(path, nil) else {
                        let loop = errno == ELOOP
                        let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?"
                        skipped.append(Skipped(path: relative, id: loop ? "read.symlink-loop" : "read.broken-link",
                                               message: loop ? "is a symbolic link loop"
                                                   : "is a symbolic link to '\(target)', which does not exist"))
                        continue
                    }
                    real = String(cString: resolved)
                    free(resolved)
                    guard inside(real) else {
                        var target = stat()
                        let isFolder = stat(real, &target) == 0 && target.st_mode & S_IFMT == S_IFDIR
                        skipped.append(Skipped(path: relative, id: "read.outside-project", message: """
                            is a symbolic link to '\(real)', outside the project, and is skipped; to read it, \
                            add \(isFolder ? "that folder" : "its folder") to `read_roots` under [build] in vellum.toml
                            """, isFile: !isFolder))
                        continue
                    }
                    guard stat(real, &status) == 0 else { continue }
                }
                switch status.st_mode & S_IFMT {
                case S_IFREG:
                    files.append(relative)
                case S_IFDIR:
                    guard seen.insert(real).inserted else {
                        let first = listedAs[real].map { $0.isEmpty ? "the source directory" : "'\($0)'" } ?? "a folder above it"
                        let isAncestor = real == directory || directory.hasPrefix(real + "/")
                        skipped.append(Skipped(path: relative, id: isAncestor ? "read.symlink-loop" : "read.duplicate-folder",
                                               message: isAncestor
                                                   ? "is a symbolic link loop: it leads back to \(first)"
                                                   : "is a symbolic link to \(first), which is read already",
                                               isFile: false))
                        continue
                    }
                    if let entries = DirectoryWalk.entries(of: real) {
                        collect(real, entries: entries, prefix: relative)
                        continue
                    }
                    do {
                        // Not listed: FileManager says why.
                        let names = try FileManager.default.contentsOfDirectory(atPath: real)
                        collect(real, entries: names.map {
                            DirectoryWalk.Entry(name: $0, kind: DirectoryWalk.kind(ofPath: real + "/" + $0))
                        }, prefix: relative)
                    } catch {
                        let denied = (error as NSError).code == NSFileReadNoPermissionError
                        skipped.append(Skipped(path: relative, id: denied ? "read.permission" : "read.io",
                                               message: "is a folder that cannot be listed (\(denied ? "permission denied" : error.localizedDescription))",
                                               isFile: false))
                    }
                default:
                    skipped.append(Skipped(path: relative, id: "read.not-a-file",
                                           message: "is not a regular file (a pipe, socket or device) and is skipped"))
                }
            }
        }
    }
}
