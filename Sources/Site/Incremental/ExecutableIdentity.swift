import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Which Vellum executable is running, as the fingerprint of its bytes: two builds
/// of Vellum with the same version string (a developer's rebuild, a patched
/// package) are different programs, and a cache one wrote is not trusted by the
/// other (``BuildCache``). Hashing a release binary (~180 MB) costs more than a
/// whole no-op build, so the hash is kept in the cache folder
/// (`executable.stamp`) together with the binary's ``FileStamp``, and the binary is
/// hashed again only when its stamp differs. The stamp is only a shortcut: a
/// cache copied to another machine, or a binary copied there, has another stamp,
/// so the binary is hashed once and, being the same bytes, gets the same hash.
enum ExecutableIdentity {
    static let stampName = "executable.stamp"

    /// The fingerprint of the running executable; nil when it cannot be read
    /// (then no cache is trusted or kept as this executable's).
    static func current(cacheDirectory: String) -> ContentHash? {
        guard let path = executablePath else { return nil }
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        let stamp = FileStamp(status)
        let stampPath = cacheDirectory + "/" + stampName
        if let known = FileIO.read(stampPath).flatMap(parse), known.stamp == stamp { return known.state }
        guard let hash = memo.hash(stamp: stamp, path: path) else { return nil }
        // A binary written a moment ago may be written again within the same clock tick:
        // keep its stamp only once it has settled (``FileStamp/isSettled``).
        if stamp.isSettled {
            try? FileManager.default.createDirectory(atPath: cacheDirectory, withIntermediateDirectories: true)
            let temporary = cacheDirectory + "/.\(stampName).\(getpid()).tmp"
            if (try? FileIO.write(temporary, Array(format(StampedFile(stamp: stamp, state: hash)).utf8))) != nil {
                if rename(temporary, stampPath) != 0 { unlink(temporary) }
            }
        }
        return hash
    }

    /// The running executable's path (`/proc/self/exe` where there is one).
    static var executablePath: String? {
        if FileManager.default.fileExists(atPath: "/proc/self/exe") { return "/proc/self/exe" }
        return Bundle.main.executablePath
    }

    /// The fingerprint of a file's bytes, read a mebibyte at a time (the same
    /// bytes give the same hash on every machine).
    static func hash(file path: String) -> ContentHash? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var hasher = ContentHasher()
        let chunk = 1 << 20
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunk, alignment: 8)
        defer { buffer.deallocate() }
        while true {
            // Fill the whole chunk (a short read must not change where chunks end).
            var filled = 0
            while filled < chunk {
                let count = read(fd, buffer.baseAddress! + filled, chunk - filled)
                if count < 0, errno == EINTR { continue }
                guard count >= 0 else { return nil }
                if count == 0 { break }
                filled += count
            }
            if filled == 0 { break }
            hasher.add(raw: UnsafeRawBufferPointer(rebasing: buffer[0..<filled]))
            if filled < chunk { break }
        }
        return hasher.finish()
    }

    /// `executable.stamp`: one line, the stamp's fields and the hash.
    static func format(_ file: StampedFile) -> String {
        let s = file.stamp
        return "\(s.device) \(s.inode) \(s.size) \(s.modified) \(s.changed) \(file.state.value)\n"
    }

    static func parse(_ bytes: [UInt8]) -> StampedFile? {
        let fields = String(decoding: bytes, as: UTF8.self).split(whereSeparator: \.isWhitespace)
        guard fields.count == 6, let device = UInt64(fields[0]), let inode = UInt64(fields[1]),
              let size = Int64(fields[2]), let modified = Int64(fields[3]), let changed = Int64(fields[4]),
              let hash = UInt64(fields[5]) else { return nil }
        return StampedFile(stamp: FileStamp(device: device, inode: inode, size: size, modified: modified, changed: changed),
                           state: ContentHash(value: hash))
    }

    /// The hash worked out in this process, so a process using many cache folders (a test
    /// run, `vellum serve`) hashes the executable once.
    private static let memo = Memo()

    private final class Memo: @unchecked Sendable {
        private let lock = NSLock()
        private var known: StampedFile?

        func hash(stamp: FileStamp, path: String) -> ContentHash? {
            lock.lock()
            defer { lock.unlock() }
            if let known, known.stamp == stamp { return known.state }
            guard let hash = ExecutableIdentity.hash(file: path) else { return nil }
            known = StampedFile(stamp: stamp, state: hash)
            return hash
        }
    }
}
