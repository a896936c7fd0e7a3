import DocTree
import Foundation

/// One page's record as the cache holds it: encoded on its own, with the texts of
/// the source files it names, so it is written only when it changes and the
/// pages are decoded in parallel. Its tree and body are blobs of their own
/// (``BlobStore``), named in `blobs`.
struct CachedPage: Sendable, Codable {
    var files: [BuildCache.SourceFileEntry]
    var memo: Data
    var blobs: [ContentHash]
    /// The memo's ``PageMemo/digest`` when it was encoded.
    var digest: ContentHash

    /// Puts the memo's tree and body into `store` (those not there yet) and encodes the rest.
    init(_ memo: inout PageMemo, digest: ContentHash, store: BlobStore) throws {
        self.digest = digest
        if memo.read.storedTree == nil || memo.read.treeLoaded && memo.read.storedTree?.store !== store {
            let tree = try CompactEncoder().encodeBytes(memo.read.document.root)
            memo.read.storedTree = StoredBlob(store: store, name: try store.put(tree))
        }
        if var resolved = memo.resolved, resolved.storedBody == nil || resolved.bodyLoaded && resolved.storedBody?.store !== store {
            resolved.storedBody = StoredBlob(store: store, name: try store.put(Array(resolved.page.body.utf8)))
            memo.resolved = resolved
        }
        let table = SourceFileTable()
        var encoder = CompactEncoder()
        encoder.userInfo[SourceFileTable.userInfoKey] = table
        self.memo = try encoder.encode(memo)
        files = table.files.map { BuildCache.SourceFileEntry(path: $0.path, text: $0.text) }
        blobs = [memo.read.storedTree?.name, memo.resolved?.storedBody?.name].compactMap { $0 }
    }

    func decoded(store: BlobStore) throws -> PageMemo {
        var decoder = CompactDecoder()
        decoder.userInfo[SourceFileTable.userInfoKey] = SourceFileTable(files: files.map {
            SourceFile(path: $0.path, text: $0.text)
        })
        decoder.userInfo[BlobStore.userInfoKey] = store
        return try decoder.decode(PageMemo.self, from: memo)
    }
}

extension BuildState: Codable {
    enum CodingKeys: String, CodingKey {
        case config, paths, pages, outputIdentity, outputs, siteKey
    }

    /// Encodes the records of pages that changed since they were last encoded (their trees
    /// and bodies into `store`), and returns the names of the blobs the records use.
    mutating func encodePages(store: BlobStore) throws -> Set<ContentHash> {
        for (path, memo) in pages {
            let digest = memo.digest
            if encodedPages[path]?.digest != digest {
                var stored = memo
                encodedPages[path] = (digest, try CachedPage(&stored, digest: digest, store: store))
                pages[path] = stored
            }
        }
        for path in encodedPages.keys where pages[path] == nil { encodedPages[path] = nil }
        return Set(encodedPages.values.flatMap(\.blob.blobs))
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        config = try c.decode(ConfigFingerprint.self, forKey: .config)
        outputIdentity = try c.decodeIfPresent(String.self, forKey: .outputIdentity)
        outputs = try c.decode([String: ContentHash].self, forKey: .outputs)
        siteKey = try c.decodeIfPresent(ContentHash.self, forKey: .siteKey)
        let paths = try c.decode([String].self, forKey: .paths)
        let blobs = try c.decode([CachedPage].self, forKey: .pages)
        guard paths.count == blobs.count else { throw CompactDecodingState.corrupt("pages and paths differ") }
        let store = try BlobStore.from(decoder)
        let decoded = blobs.parallelMap { blob -> PageMemo? in try? blob.decoded(store: store) }
        for (i, path) in paths.enumerated() {
            guard let memo = decoded[i] else { throw CompactDecodingState.corrupt("the record of \(path)") }
            pages[path] = memo
            encodedPages[path] = (blobs[i].digest, blobs[i])
        }
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(config, forKey: .config)
        try c.encodeIfPresent(outputIdentity, forKey: .outputIdentity)
        try c.encode(outputs, forKey: .outputs)
        try c.encodeIfPresent(siteKey, forKey: .siteKey)
        let paths = pages.keys.sorted()
        try c.encode(paths, forKey: .paths)
        // ``encodePages(store:)`` encoded every page.
        try c.encode(paths.map { path in encodedPages[path]!.blob }, forKey: .pages)
    }
}
