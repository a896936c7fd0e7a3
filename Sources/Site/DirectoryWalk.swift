#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Folder listings and removals through `opendir`/`readdir`/`unlink`: an
/// incremental build lists and relinks the whole output folder, and
/// FileManager's enumerators (URLs and resource values per entry) cost
/// several times the build itself there. Symbolic links are never followed.
package enum DirectoryWalk {
    package enum Kind: Sendable { case file, directory, link, other }

    package struct Entry: Sendable {
        package var name: String
        package var kind: Kind
    }

    /// The entries of one folder (`.` and `..` left out), unsorted; nil when it cannot be listed.
    package static func entries(of directory: String) -> [Entry]? {
        guard let handle = opendir(directory) else { return nil }
        defer { closedir(handle) }
        var found: [Entry] = []
        while let entry = readdir(handle) {
            var raw = entry.pointee.d_name
            let name = withUnsafeBytes(of: &raw) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
            if name == "." || name == ".." { continue }
            let kind: Kind
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_REG): kind = .file
            case Int32(DT_DIR): kind = .directory
            case Int32(DT_LNK): kind = .link
            case Int32(DT_UNKNOWN): kind = Self.kind(ofPath: directory + "/" + name)
            default: kind = .other
            }
            found.append(Entry(name: name, kind: kind))
        }
        return found
    }

    /// What `path` is, without following a final symbolic link; nil when it does not exist.
    static func kind(ofPath path: String) -> Kind {
        var status = stat()
        guard lstat(path, &status) == 0 else { return .other }
        switch status.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        case S_IFLNK: return .link
        default: return .other
        }
    }

    /// Paths (relative to `root`, `/`-separated, unsorted) of every regular file below it,
    /// hidden ones included.
    static func regularFiles(below root: String) -> [String] {
        var files: [String] = []
        func walk(_ directory: String, prefix: String) {
            for entry in entries(of: directory) ?? [] {
                let relative = prefix.isEmpty ? entry.name : prefix + "/" + entry.name
                switch entry.kind {
                case .file: files.append(relative)
                case .directory: walk(directory + "/" + entry.name, prefix: relative)
                case .link, .other: break
                }
            }
        }
        walk(root, prefix: "")
        return files
    }

    /// Removes what is at `path`, a folder with everything below it (links are removed, not followed).
    static func removeTree(_ path: String) {
        remove(path, kind: kind(ofPath: path))
    }

    private static func remove(_ path: String, kind: Kind) {
        if kind == .directory {
            for entry in entries(of: path) ?? [] { remove(path + "/" + entry.name, kind: entry.kind) }
            rmdir(path)
        } else {
            unlink(path)
        }
    }

    /// Makes the folders of `relativePath` below `root` that `made` does not hold yet
    /// (`a` and `a/b` for `a/b/c.html`), and notes them there.
    static func makeFolders(of relativePath: String, in root: String, made: inout Set<String>) throws {
        var end = relativePath.endIndex
        var missing: [Substring] = []
        while let slash = relativePath[..<end].lastIndex(of: "/") {
            let folder = relativePath[..<slash]
            if made.contains(String(folder)) { break }
            missing.append(folder)
            end = slash
        }
        for folder in missing.reversed() {
            let path = root + "/" + folder
            if mkdir(path, 0o755) != 0 {
                let code = errno
                guard code == EEXIST, kind(ofPath: path) == .directory else {
                    throw BuildError.io("cannot create the folder \(path): \(String(cString: strerror(code)))")
                }
            }
            made.insert(String(folder))
        }
    }
}
