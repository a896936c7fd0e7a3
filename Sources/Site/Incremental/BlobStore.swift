import Foundation

/// The parts of the page records that most builds never look at — each page's
/// tree and its rendered body — kept in files of their own in the cache
/// (`blobs/NAME`, NAME the hash of the bytes), so a build decodes only the
/// small part of every record and reads a tree or a body only for a page it
/// resolves or renders again. A blob is written once and never changed; the
/// records name the blobs they use, and a save removes the others after the
/// new records are in place, so a build killed at any moment leaves records
/// whose blobs are all there.
final class BlobStore: @unchecked Sendable {
    static let folderName = "blobs"

    /// The `blobs` folder.
    let directory: String

    init(cacheDirectory: String) {
        directory = cacheDirectory + "/" + Self.folderName
    }

    /// A blob of the cache that is missing or damaged.
    struct Damaged: Error, CustomStringConvertible {
        var name: ContentHash
        var description: String { "the page record part \(BlobStore.fileName(name)) is missing or damaged" }
    }

    static func fileName(_ name: ContentHash) -> String {
        let hex = String(name.value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// Stores `bytes` (once: a blob with that name is already them) and returns its name.
    func put(_ bytes: [UInt8]) throws -> ContentHash {
        let name = ContentHash(bytes: bytes)
        let path = directory + "/" + Self.fileName(name)
        if access(path, F_OK) == 0 { return name }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let temporary = directory + "/." + Self.fileName(name) + ".\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        try FileIO.write(temporary, bytes)
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw BuildError.io("cannot rename \(temporary): \(reason)")
        }
        return name
    }

    /// The bytes of blob `name`, checked against the name.
    func get(_ name: ContentHash) throws -> [UInt8] {
        guard let bytes = FileIO.read(directory + "/" + Self.fileName(name)), ContentHash(bytes: bytes) == name else {
            throw Damaged(name: name)
        }
        return bytes
    }

    /// Removes the blobs `names`.
    func remove(_ names: Set<ContentHash>) {
        for name in names { unlink(directory + "/" + Self.fileName(name)) }
    }

    /// Removes every blob not in `used`, and temporary files builds killed while writing left.
    func removeAll(except used: Set<ContentHash>) {
        for entry in DirectoryWalk.entries(of: directory) ?? [] {
            if entry.name.hasPrefix(".") && entry.name.hasSuffix(".tmp") {
                unlink(directory + "/" + entry.name)
            } else if let value = UInt64(entry.name, radix: 16), !used.contains(ContentHash(value: value)) {
                unlink(directory + "/" + entry.name)
            }
        }
    }
}

/// A part of a page's record that stays in the cache's blob folder until it is needed.
struct StoredBlob: Sendable {
    let store: BlobStore
    let name: ContentHash

    func bytes() throws -> [UInt8] { try store.get(name) }
}
