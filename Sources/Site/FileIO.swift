import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Whole files read and written with plain system calls: no copies through
/// `Data`, and no `fsync` (Foundation's `Data.write` syncs every file, which
/// costs more than the rest of an incremental build on some disks). What
/// must survive a killed build is made safe by renaming, not by syncing.
enum FileIO {
    /// A whole file, read straight into bytes; nil when it cannot be read.
    static func read(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0 else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(status.st_size))
        var done = 0
        while done < bytes.count {
            let count = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + done, $0.count - done) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return nil }
            done += count
        }
        return bytes
    }

    /// Writes `bytes` to a new file at `path` (replacing one there).
    static func write(_ path: String, _ bytes: [UInt8]) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw BuildError.io("cannot write \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var done = 0
        while done < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + done, $0.count - done) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { throw BuildError.io("cannot write \(path): \(String(cString: strerror(errno)))") }
            done += count
        }
    }
}
