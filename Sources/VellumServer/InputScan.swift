#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Site

/// What a file looked like at one scan: a change to any of these is an edit
/// (the trigger for a rebuild; the build itself reads contents, not times).
struct FileStamp: Hashable, Sendable {
    var seconds: Int
    var nanoseconds: Int
    var size: Int64
    var inode: UInt64
}

/// Every file below the watched folders, with its stamp, by absolute path.
///
/// Hidden files and folders (`.git`, `.build`, `.vellum-cache`, editors' swap
/// files) and `__pycache__` are skipped; symbolic links to folders are not
/// followed (no cycles), symbolic links to files are stamped by their target.
struct InputScan: Equatable, Sendable {
    private(set) var stamps: [String: FileStamp] = [:]

    init(_ folders: [InputFolder]) {
        for folder in folders {
            let root = folder.path.count > 1 && folder.path.hasSuffix("/") ? String(folder.path.dropLast()) : folder.path
            walk(root, suffixes: folder.suffixes)
        }
    }

    /// The paths added, removed or changed since `earlier`.
    func changes(since earlier: InputScan) -> Set<String> {
        var changed: Set<String> = []
        for (path, stamp) in stamps where earlier.stamps[path] != stamp { changed.insert(path) }
        for path in earlier.stamps.keys where stamps[path] == nil { changed.insert(path) }
        return changed
    }

    private mutating func walk(_ directory: String, suffixes: [String]?) {
        guard let handle = opendir(directory) else { return }
        defer { closedir(handle) }
        var folders: [String] = []
        while let entry = readdir(handle) {
            var raw = entry.pointee.d_name
            let name = withUnsafeBytes(of: &raw) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
            guard !name.hasPrefix("."), name != "__pycache__" else { continue }
            let path = directory == "/" ? "/" + name : directory + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }   // gone since readdir: not there
            if info.st_mode & S_IFMT == S_IFDIR {
                folders.append(path)
                continue
            }
            if info.st_mode & S_IFMT == S_IFLNK {
                guard stat(path, &info) == 0, info.st_mode & S_IFMT != S_IFDIR else { continue }
            }
            guard suffixes.map({ list in list.contains { name.hasSuffix($0) } }) ?? true else { continue }
            stamps[path] = FileStamp(info)
        }
        for folder in folders { walk(folder, suffixes: suffixes) }
    }
}

extension FileStamp {
    init(_ info: stat) {
        #if canImport(Darwin)
        let time = info.st_mtimespec
        #else
        let time = info.st_mtim
        #endif
        self.init(seconds: Int(time.tv_sec), nanoseconds: Int(time.tv_nsec), size: Int64(info.st_size),
                  inode: UInt64(info.st_ino))
    }
}
