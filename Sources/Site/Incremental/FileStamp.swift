import DocTree
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What a file looked like when its bytes were hashed: device, inode, size,
/// modification and status-change times. Only a shortcut: a file whose stamp
/// is the one recorded with its hash is taken to hold the same bytes (any
/// write changes its times, a replaced file has another inode), and a file
/// whose stamp differs is read and hashed, its content deciding. A stamp is
/// kept only once both times are two seconds in the past, so a write in the
/// same clock tick as the hashing cannot go unseen (git's "racily clean"
/// rule). Stamps never leave the machine in a meaningful way: on another
/// one, or after a checkout, every stamp differs and files are hashed.
struct FileStamp: Hashable, Sendable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    /// Nanoseconds since 1970.
    var modified: Int64
    var changed: Int64

    init(device: UInt64, inode: UInt64, size: Int64, modified: Int64, changed: Int64) {
        self.device = device
        self.inode = inode
        self.size = size
        self.modified = modified
        self.changed = changed
    }

    init(_ status: stat) {
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
        size = Int64(status.st_size)
        modified = Int64(status.st_mtim.tv_sec) * 1_000_000_000 + Int64(status.st_mtim.tv_nsec)
        changed = Int64(status.st_ctim.tv_sec) * 1_000_000_000 + Int64(status.st_ctim.tv_nsec)
    }

    /// Whether the file was last touched long enough ago for the stamp to stand for its bytes.
    var isSettled: Bool {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let nanoseconds = Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec)
        return max(modified, changed) < nanoseconds - 2_000_000_000
    }
}

/// A file's stamp and the fingerprint of its bytes (``InputStates/state(of:)``) when it had that stamp.
struct StampedFile: Hashable, Sendable {
    var stamp: FileStamp
    var state: ContentHash
}

extension FileStamp: RecordCodable {
    package init(from reader: inout RecordReader) throws {
        self.init(device: try reader.uint64(), inode: try reader.uint64(), size: Int64(try reader.int()),
                  modified: Int64(try reader.int()), changed: Int64(try reader.int()))
    }

    package func write(to writer: inout RecordWriter) {
        writer.write(device)
        writer.write(inode)
        writer.write(Int(size))
        writer.write(Int(modified))
        writer.write(Int(changed))
    }
}

extension StampedFile: RecordCodable {
    package init(from reader: inout RecordReader) throws {
        self.init(stamp: try reader.read(), state: try reader.read())
    }

    package func write(to writer: inout RecordWriter) {
        writer.write(stamp)
        writer.write(state)
    }
}
