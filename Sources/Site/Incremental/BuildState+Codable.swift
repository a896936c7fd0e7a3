import DocTree
import Foundation

/// One page's record as the cache holds it: encoded on its own, with the texts of
/// the source files it names, so it is written only when it changes and the
/// pages are decoded in parallel.
struct CachedPage: Sendable, Codable {
    var files: [BuildCache.SourceFileEntry]
    var memo: Data

    init(_ memo: PageMemo) throws {
        let table = SourceFileTable()
        var encoder = CompactEncoder()
        encoder.userInfo[SourceFileTable.userInfoKey] = table
        self.memo = try encoder.encode(memo)
        files = table.files.map { BuildCache.SourceFileEntry(path: $0.path, text: $0.text) }
    }

    func decoded() throws -> PageMemo {
        var decoder = CompactDecoder()
        decoder.userInfo[SourceFileTable.userInfoKey] = SourceFileTable(files: files.map {
            SourceFile(path: $0.path, text: $0.text)
        })
        return try decoder.decode(PageMemo.self, from: memo)
    }
}

extension BuildState: Codable {
    enum CodingKeys: String, CodingKey {
        case config, paths, pages, outputIdentity, outputs, siteKey
    }

    /// Encodes the records of pages that changed since they were last encoded.
    mutating func encodePages() throws {
        for (path, memo) in pages {
            let digest = memo.digest
            if encodedPages[path]?.digest != digest { encodedPages[path] = (digest, try CachedPage(memo)) }
        }
        for path in encodedPages.keys where pages[path] == nil { encodedPages[path] = nil }
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
        let decoded = blobs.parallelMap { blob -> PageMemo? in try? blob.decoded() }
        for (i, path) in paths.enumerated() {
            guard let memo = decoded[i] else { throw CompactDecodingState.corrupt("the record of \(path)") }
            pages[path] = memo
            encodedPages[path] = (memo.digest, blobs[i])
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
        try c.encode(try paths.map { path in try encodedPages[path]?.blob ?? CachedPage(pages[path]!) }, forKey: .pages)
    }
}
