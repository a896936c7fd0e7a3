import CrossRef
import DocTree
import Foundation

/// One page's record as the cache holds it: encoded on its own (``RecordCodable``),
/// with the texts of the source files it names, so it is written only when it
/// changes and the pages are decoded in parallel. Its tree and body are blobs
/// of their own (``BlobStore``), named in `blobs`.
struct CachedPage: Sendable {
    var files: [SourceFile]
    /// The encoded memo: `memoRange` of `memo` (a page loaded from the cache shares the file's bytes).
    var memo: [UInt8]
    var memoRange: Range<Int>
    var blobs: [ContentHash]
    /// The memo's ``PageMemo/digest`` when it was encoded.
    var digest: ContentHash

    /// Puts the memo's tree and body into `store` (those not there yet) and encodes the rest.
    init(_ memo: inout PageMemo, digest: ContentHash, store: BlobStore) throws {
        self.digest = digest
        if memo.read.storedTree == nil || memo.read.treeLoaded && memo.read.storedTree?.store !== store {
            var tree = RecordWriter(files: SourceFileTable())
            tree.write(memo.read.document.root)
            memo.read.storedTree = StoredBlob(store: store, name: try store.put(tree.bytes))
        }
        if var resolved = memo.resolved, resolved.storedBody == nil || resolved.bodyLoaded && resolved.storedBody?.store !== store {
            resolved.storedBody = StoredBlob(store: store, name: try store.put(Array(resolved.page.body.utf8)))
            memo.resolved = resolved
        }
        let table = SourceFileTable()
        var writer = RecordWriter(files: table)
        memo.write(to: &writer)
        self.memo = writer.bytes
        memoRange = 0..<writer.bytes.count
        files = table.files
        blobs = [memo.read.storedTree?.name, memo.resolved?.storedBody?.name].compactMap { $0 }
    }

    init(files: [SourceFile], memo: [UInt8], memoRange: Range<Int>, blobs: [ContentHash],
         digest: ContentHash) {
        self.files = files
        self.memo = memo
        self.memoRange = memoRange
        self.blobs = blobs
        self.digest = digest
    }

    func decoded(store: BlobStore) throws -> PageMemo {
        var reader = RecordReader(bytes: memo, range: memoRange, files: SourceFileTable(files: files))
        let memo = try PageMemo(from: &reader, store: store)
        guard reader.isAtEnd else { throw RecordCodingError("a page record longer than it says") }
        return memo
    }
}

extension CachedPage: RecordCodable {
    init(from reader: inout RecordReader) throws {
        let files: [SourceFile] = try reader.array()
        let length = try reader.count()
        let start = reader.position
        reader.position += length
        self.init(files: files, memo: reader.bytes, memoRange: start..<start + length, blobs: try reader.array(),
                  digest: try reader.read())
    }

    func write(to writer: inout RecordWriter) {
        // The files themselves (`write(_: [SourceFile])` would write their numbers in a table).
        writer.writeCount(files.count)
        for file in files { file.write(to: &writer) }
        writer.write(bytes: memo[memoRange])
        writer.write(blobs)
        writer.write(digest)
    }
}

extension BuildState {
    /// The page records are kept in this many shards, each a blob of its own (``BlobStore``):
    /// an edit to one page writes its shard again, not every record.
    static let shardCount = 16

    static func shard(of path: String) -> Int {
        Int(ContentHasher.hash { $0.add(path) }.value % UInt64(shardCount))
    }

    /// Encodes the records of pages that changed since they were last encoded (their trees
    /// and bodies into `store`), puts the shards holding them into `store`, and returns
    /// the names of the blobs the records use.
    mutating func encodePages(store: BlobStore) throws -> Set<ContentHash> {
        try encodePagesNoting(store: store).used
    }

    /// ``encodePages(store:)``, and the blobs the records used before (nil when there were no records).
    mutating func encodePagesNoting(store: BlobStore) throws -> (used: Set<ContentHash>, before: Set<ContentHash>?) {
        let before = encodedPages.isEmpty && shards.isEmpty ? nil
            : Set(encodedPages.values.flatMap(\.blob.blobs)).union(shards.values)
        var changed: Set<Int> = []
        // Over the paths: a loop over the records themselves would copy each one.
        for path in pages.keys where encodedPages[path]?.digest != digest(of: path) {
            var stored = pages[path]!
            let digest = stored.digest
            encodedPages[path] = (digest, try CachedPage(&stored, digest: digest, store: store))
            pages[path] = stored
            changed.insert(Self.shard(of: path))
        }
        for path in encodedPages.keys where pages[path] == nil {
            encodedPages[path] = nil
            changed.insert(Self.shard(of: path))
        }
        dirty = []
        // A shard is written again when one of its pages changed, or when it is new.
        var members: [Int: [String]] = [:]
        for path in pages.keys {
            let shard = Self.shard(of: path)
            if changed.contains(shard) || shards[shard] == nil { members[shard, default: []].append(path) }
        }
        for shard in changed.union(members.keys) {
            guard let paths = members[shard]?.sorted() else {
                shards[shard] = nil
                continue
            }
            var writer = RecordWriter(files: SourceFileTable())
            writer.write(paths)
            for path in paths { writer.write(encodedPages[path]!.blob) }
            shards[shard] = try store.put(writer.bytes)
        }
        return (Set(encodedPages.values.flatMap(\.blob.blobs)).union(shards.values), before)
    }

    /// The records as `records.bin` holds them (after ``encodePages(store:)``): what the
    /// site is, and the names of the shards holding the pages' records.
    func write(to writer: inout RecordWriter, digest: ContentHash) {
        writer.write(digest)
        writer.write(config)
        writer.write(outputIdentity)
        writer.write(outputs)
        writer.write(standby != nil)
        if let standby { writer.write(standby) }
        writer.write(siteKey)
        writer.writeCount(siteFiles.count)
        for name in siteFiles.keys.sorted() {
            writer.write(name)
            writer.write(siteFiles[name]!.key)
            writer.write(siteFiles[name]!.paths)
        }
        writer.writeCount(deflated.count)
        for key in deflated.keys.sorted(by: { $0.value < $1.value }) {
            writer.write(key)
            writer.write(bytes: deflated[key]!.deflated)
            writer.write(UInt64(deflated[key]!.adler))
            writer.write(deflated[key]!.count)
        }
        writer.writeCount(shards.count)
        for shard in shards.keys.sorted() {
            writer.write(shard)
            writer.write(shards[shard]!)
        }
    }

    /// Reads `records.bin` and its shards; the shards are read and their pages decoded in
    /// parallel, the pages' trees and bodies left in `store`.
    init(from reader: inout RecordReader, store: BlobStore) throws {
        let digest = try reader.read(ContentHash.self)
        self.init(config: try reader.read())
        savedDigest = digest
        outputIdentity = try reader.optionalString()
        outputs = try reader.hashes()
        standby = try reader.bool() ? try reader.hashes() : nil
        siteKey = try reader.optional()
        for _ in 0..<(try reader.count()) {
            let name = try reader.string()
            siteFiles[name] = SiteFileRecord(key: try reader.read(), paths: try reader.strings())
        }
        for _ in 0..<(try reader.count()) {
            let key = try reader.read(ContentHash.self)
            deflated[key] = Zlib.Piece(deflated: try reader.bytesRun(), adler: UInt32(truncatingIfNeeded: try reader.uint64()),
                                       count: try reader.int())
        }
        for _ in 0..<(try reader.count()) {
            let shard = try reader.int()
            shards[shard] = try reader.read(ContentHash.self)
        }
        let names = shards.keys.sorted().map { shards[$0]! }
        let read = names.parallelMap { name -> Result<[(String, CachedPage, PageMemo)], any Error> in
            Result {
                let bytes = try store.get(name)
                var reader = RecordReader(bytes: bytes, files: SourceFileTable())
                let paths = try reader.strings()
                var pages: [(String, CachedPage, PageMemo)] = []
                for path in paths {
                    let blob = try reader.read(CachedPage.self)
                    pages.append((path, blob, try blob.decoded(store: store)))
                }
                guard reader.isAtEnd else { throw RecordCodingError("a shard longer than its records") }
                return pages
            }
        }
        let decoded = try read.map { try $0.get() }
        // Room for every page at once: growing a table of records this large one step at a time
        // moves every record again at each step.
        let count = decoded.reduce(0) { $0 + $1.count }
        pages.reserveCapacity(count)
        encodedPages.reserveCapacity(count)
        for shard in decoded {
            for (path, blob, memo) in shard {
                pages[path] = memo
                encodedPages[path] = (blob.digest, blob)
            }
        }
        dirty = []
    }
}
