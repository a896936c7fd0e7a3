import Autodoc
import CrossRef
import DocTree
import Foundation

/// What one page's read produced, and what it depended on.
///
/// The parts live in one box shared by the record's copies (``SharedParts``): every build
/// hands each page's record from phase to phase and table to table, and a copy of a record
/// of this many parts would otherwise retain every one of them. `record.title` reads a part.
@dynamicMemberLookup
struct ReadRecord: Sendable {
    struct Parts {
        var source: PageSource
        var title: String?
        /// The tree after target propagation and local references; its diagnostics are the read's.
        var document: Document
        var targets: PageTargets
        /// Every input the read used (the page itself first among them), with its state then.
        var inputs: [RecordedInput]
        /// The read-phase configuration keys' fingerprint (``ConfigKeys``).
        var configKey: ContentHash
        /// Fingerprint of the tree (what the resolve phase starts from).
        var treeHash: ContentHash
        /// The page's toctree nodes, its numbered elements and what its references can see.
        var tocNodes: [Node]
        var numbered: [Numbering.Item]
        var dependencies: ResolveDependencies
        /// Where the cache keeps the tree; after loading, `document.root` is empty until ``ReadRecord/withTree()``.
        var storedTree: StoredBlob?
        var treeLoaded: Bool
    }

    private var parts: SharedParts<Parts>

    init(source: PageSource, title: String?, document: Document, targets: PageTargets, inputs: [RecordedInput],
         configKey: ContentHash, treeHash: ContentHash, tocNodes: [Node], numbered: [Numbering.Item],
         dependencies: ResolveDependencies, storedTree: StoredBlob? = nil, treeLoaded: Bool = true) {
        parts = SharedParts(Parts(source: source, title: title, document: document, targets: targets, inputs: inputs,
                                  configKey: configKey, treeHash: treeHash, tocNodes: tocNodes, numbered: numbered,
                                  dependencies: dependencies, storedTree: storedTree, treeLoaded: treeLoaded))
    }

    subscript<T>(dynamicMember part: WritableKeyPath<Parts, T>) -> T {
        _read { yield parts[dynamicMember: part] }
        _modify { yield &parts[dynamicMember: part] }
    }

    /// The record with its tree decoded (a record loaded from the cache keeps it in the cache until needed).
    func withTree() throws -> ReadRecord {
        guard !self.treeLoaded, let storedTree = self.storedTree else { return self }
        var copy = self
        var reader = RecordReader(bytes: try storedTree.bytes(), files: SourceFileTable())
        copy.document.root = try Node(from: &reader)
        copy.treeLoaded = true
        return copy
    }
}

/// What one page's resolve phase produced, and the fingerprints it was produced from
/// (in a shared box, as ``ReadRecord`` keeps its parts).
@dynamicMemberLookup
struct ResolveRecord: Sendable {
    struct Parts {
        /// After loading from the cache, `page.body` is empty until ``ResolveRecord/body()`` reads it.
        var page: ResolvedPage
        /// Part of the site (``SiteFingerprints/slice(_:sawProblems:)``) or own input → fingerprint.
        var key: [String: ContentHash]
        /// One fingerprint of `key`, to compare without building it again.
        var keyHash: ContentHash
        /// Images and downloads the page links to, with their state then.
        var assets: [RecordedInput]
        /// Fingerprint of everything the page contributes to the output (body, title, search text, index entries, assets).
        var outputHash: ContentHash
        /// Where the cache keeps the body, and whether `page.body` holds it.
        var storedBody: StoredBlob?
        var bodyLoaded = true
    }

    private var parts: SharedParts<Parts>

    init(page: ResolvedPage, key: [String: ContentHash], keyHash: ContentHash, assets: [RecordedInput],
         outputHash: ContentHash) {
        parts = SharedParts(Parts(page: page, key: key, keyHash: keyHash, assets: assets, outputHash: outputHash))
    }

    subscript<T>(dynamicMember part: WritableKeyPath<Parts, T>) -> T {
        _read { yield parts[dynamicMember: part] }
        _modify { yield &parts[dynamicMember: part] }
    }

    /// The page's HTML body, from the cache when it was loaded from there.
    func body() throws -> String {
        guard !self.bodyLoaded, let storedBody = self.storedBody else { return self.page.body }
        return String(decoding: try storedBody.bytes(), as: UTF8.self)
    }
}

/// What a page's output file was rendered from, and its bytes' fingerprint.
struct RenderRecord: Sendable {
    var key: RenderKey
    var html: ContentHash
}

/// What a page's layout shows, one fingerprint per part.
struct RenderKey: Sendable, Equatable {
    var content: ContentHash
    var sections: ContentHash
    var indexLinks: ContentHash
    var navigation: ContentHash
    var configuration: ContentHash
    var theme: ContentHash

    /// The parts that differ from `other`, as `--explain` names them.
    func changed(since other: RenderKey) -> [String] {
        [(content, other.content, "its content"), (sections, other.sections, "its sections"),
         (indexLinks, other.indexLinks, "the index links"), (navigation, other.navigation, "the navigation"),
         (configuration, other.configuration, "the render configuration"), (theme, other.theme, "the theme")]
            .filter { $0.0 != $0.1 }.map(\.2)
    }

    var parts: [ContentHash] { [content, sections, indexLinks, navigation, configuration, theme] }
}

struct PageMemo: Sendable {
    var read: ReadRecord
    var resolved: ResolveRecord?
    var rendered: RenderRecord?
}

/// What a site-wide file (or an artifact's files) was made from, and where they went.
struct SiteFileRecord: Sendable, Equatable {
    var key: ContentHash
    var paths: [String]
}

/// Everything an ``IncrementalBuilder`` keeps between two builds.
struct BuildState: Sendable {
    var config: ConfigFingerprint
    /// Extracted Swift modules, by the state of their sources (not kept on disk: extracted again after loading).
    var swiftModules: [String: (state: ContentHash, modules: [APIModule], diagnostics: [Diagnostic])] = [:]
    /// By page path relative to the source directory.
    var pages: [String: PageMemo] = [:]
    /// Where the output went, and what it holds now (path → bytes' fingerprint).
    var outputIdentity: String?
    var outputs: [String: ContentHash] = [:]
    /// What the output's standby folder holds (``OutputDirectory``), nil when that is not known.
    var standby: [String: ContentHash]?
    /// What the site-wide files (search index, indices, theme files, artifacts) and every page were made from.
    var siteKey: ContentHash?
    /// Site-wide files (and artifacts, by number) made from a key of their own, and the paths they made.
    var siteFiles: [String: SiteFileRecord] = [:]
    /// The search index's deflated pieces (``DeflateCache``).
    var deflated: [ContentHash: Zlib.Piece] = [:]
    /// Saved apart (``BuildSummary``); nil until the first build completes.
    var summary: BuildSummary?
    /// Each page's record as the cache holds it, by the page's ``PageMemo/digest``: a page whose
    /// record did not change is not encoded again.
    var encodedPages: [String: (digest: ContentHash, blob: CachedPage)] = [:]
    /// Pages whose records may differ from their ``encodedPages`` entry (read, resolved or
    /// rendered again since); nil: any of them.
    var dirty: Set<String>?
    /// The ``digest`` these records had when they were saved (read back with them).
    var savedDigest: ContentHash?
    /// The blobs holding the page records, by shard (``shard(of:)``).
    var shards: [Int: ContentHash] = [:]

    init(config: ConfigFingerprint) { self.config = config }

    /// A fingerprint of everything the records say: equal digests, nothing to save.
    var digest: ContentHash {
        ContentHasher.hash { h in
            for key in config.keys.keys.sorted() { h.add(key); h.add(config.keys[key]!) }
            for path in pages.keys.sorted() { h.add(path); h.add(digest(of: path)) }
            h.add(outputIdentity); h.add(siteKey)
            // In no order: a sum of each path's and fingerprint's hash.
            var outputSum: UInt64 = 0
            for (path, hash) in outputs { outputSum &+= ContentHasher.hash { $0.add(path); $0.add(hash) }.value }
            h.add(outputs.count); h.add(ContentHash(value: outputSum))
            var standbySum: UInt64 = 0
            for (path, hash) in standby ?? [:] { standbySum &+= ContentHasher.hash { $0.add(path); $0.add(hash) }.value }
            h.add(standby?.count ?? -1); h.add(ContentHash(value: standbySum))
            for name in siteFiles.keys.sorted() { h.add(name); h.add(siteFiles[name]!.key); h.add(siteFiles[name]!.paths) }
            for key in deflated.keys.sorted(by: { $0.value < $1.value }) { h.add(key) }
            // The summary's pages are the records' inputs, hashed with the pages above.
            if let summary {
                h.add(summary.pages.count); h.add(summary.surroundings); h.add(summary.outputIdentity)
                h.add(summary.outputListing)
                h.add(summary.report.pages); h.add(summary.report.referencesChecked); h.add(summary.report.wroteOutput)
                for diagnostic in summary.report.diagnostics { h.add(diagnostic) }
            } else {
                h.add(false)
            }
        }
    }
}

extension BuildState {
    /// The ``PageMemo/digest`` of a page's record, known without hashing it when it did not change.
    func digest(of path: String) -> ContentHash {
        if let dirty, !dirty.contains(path), let known = encodedPages[path] { return known.digest }
        return pages[path]!.digest
    }
}

extension PageMemo {
    /// A fingerprint of what the record says (its inputs, tree, resolution and rendering).
    var digest: ContentHash {
        ContentHasher.hash { h in
            h.add(read.source.relativePath); h.add(read.source.markup.rawValue)
            h.add(read.treeHash); h.add(read.configKey)
            for input in read.inputs { h.add(input.kind.rawValue); h.add(input.name); h.add(input.state) }
            if let resolved {
                h.add(resolved.outputHash)
                for key in resolved.key.keys.sorted() { h.add(key); h.add(resolved.key[key]!) }
                h.add(resolved.keyHash)
                for input in resolved.assets { h.add(input.name); h.add(input.state) }
            }
            if let rendered {
                h.add(rendered.html)
                for part in rendered.key.parts { h.add(part) }
            }
        }
    }
}

/// A value in one heap box that copies of its owner share; a change to a shared one copies it
/// first (the records' parts, so that handing a record on is one reference, not one per part).
@dynamicMemberLookup
struct SharedParts<Value>: @unchecked Sendable {
    private final class Box {
        var value: Value
        init(_ value: Value) { self.value = value }
    }

    private var box: Box

    init(_ value: Value) { box = Box(value) }

    subscript<T>(dynamicMember part: WritableKeyPath<Value, T>) -> T {
        _read { yield box.value[keyPath: part] }
        _modify {
            if !isKnownUniquelyReferenced(&box) { box = Box(box.value) }
            yield &box.value[keyPath: part]
        }
    }
}
