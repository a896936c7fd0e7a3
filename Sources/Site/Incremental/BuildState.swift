import Autodoc
import CrossRef
import DocTree
import Foundation

/// What one page's read produced, and what it depended on.
struct ReadRecord: Sendable {
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
    /// Where the cache keeps the tree; after loading, `document.root` is empty until ``withTree()``.
    var storedTree: StoredBlob?
    var treeLoaded = true

    /// The record with its tree decoded (a record loaded from the cache keeps it in the cache until needed).
    func withTree() throws -> ReadRecord {
        guard !treeLoaded, let storedTree else { return self }
        var copy = self
        copy.document.root = try CompactDecoder().decode(Node.self, from: storedTree.bytes())
        copy.treeLoaded = true
        return copy
    }
}

/// The tree stays in the cache's blob folder (``BlobStore``), read only for a page that is resolved again.
extension ReadRecord: Codable {
    enum CodingKeys: String, CodingKey {
        case source, title, document, targets, inputs, configKey, treeHash, tocNodes, numbered, dependencies, tree
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        source = try c.decode(PageSource.self, forKey: .source)
        title = try c.decodeIfPresent(String.self, forKey: .title)
        document = try c.decode(Document.self, forKey: .document)
        targets = try c.decode(PageTargets.self, forKey: .targets)
        inputs = try c.decode([RecordedInput].self, forKey: .inputs)
        configKey = try c.decode(ContentHash.self, forKey: .configKey)
        treeHash = try c.decode(ContentHash.self, forKey: .treeHash)
        tocNodes = try c.decode([Node].self, forKey: .tocNodes)
        numbered = try c.decode([Numbering.Item].self, forKey: .numbered)
        dependencies = try c.decode(ResolveDependencies.self, forKey: .dependencies)
        storedTree = StoredBlob(store: try BlobStore.from(decoder), name: try c.decode(ContentHash.self, forKey: .tree))
        treeLoaded = false
    }

    /// Only after ``CachedPage`` has put the tree into the blob folder (``storedTree``).
    func encode(to encoder: any Encoder) throws {
        guard let storedTree else {
            throw EncodingError.invalidValue(source.relativePath, .init(codingPath: [], debugDescription: "the tree is not stored"))
        }
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(source, forKey: .source)
        try c.encodeIfPresent(title, forKey: .title)
        var shell = document
        shell.root = Node(.document)
        try c.encode(shell, forKey: .document)
        try c.encode(targets, forKey: .targets)
        try c.encode(inputs, forKey: .inputs)
        try c.encode(configKey, forKey: .configKey)
        try c.encode(treeHash, forKey: .treeHash)
        try c.encode(tocNodes, forKey: .tocNodes)
        try c.encode(numbered, forKey: .numbered)
        try c.encode(dependencies, forKey: .dependencies)
        try c.encode(storedTree.name, forKey: .tree)
    }
}

/// What one page's resolve phase produced, and the fingerprints it was produced from.
struct ResolveRecord: Sendable {
    /// After loading from the cache, `page.body` is empty until ``body()`` reads it.
    var page: ResolvedPage
    /// Part of the site (``SiteFingerprints/slice(_:sawProblems:)``) or own input → fingerprint.
    var key: [String: ContentHash]
    /// Images and downloads the page links to, with their state then.
    var assets: [RecordedInput]
    /// Fingerprint of everything the page contributes to the output (body, title, search text, index entries, assets).
    var outputHash: ContentHash
    /// Where the cache keeps the body, and whether `page.body` holds it.
    var storedBody: StoredBlob?
    var bodyLoaded = true

    init(page: ResolvedPage, key: [String: ContentHash], assets: [RecordedInput], outputHash: ContentHash) {
        self.page = page
        self.key = key
        self.assets = assets
        self.outputHash = outputHash
    }

    /// The page's HTML body, from the cache when it was loaded from there.
    func body() throws -> String {
        guard !bodyLoaded, let storedBody else { return page.body }
        return String(decoding: try storedBody.bytes(), as: UTF8.self)
    }
}

/// The body stays in the cache's blob folder (``BlobStore``), read only for a page that is rendered again.
extension ResolveRecord: Codable {
    enum CodingKeys: String, CodingKey {
        case page, key, assets, outputHash, body
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        page = try c.decode(ResolvedPage.self, forKey: .page)
        key = try c.decode([String: ContentHash].self, forKey: .key)
        assets = try c.decode([RecordedInput].self, forKey: .assets)
        outputHash = try c.decode(ContentHash.self, forKey: .outputHash)
        storedBody = StoredBlob(store: try BlobStore.from(decoder), name: try c.decode(ContentHash.self, forKey: .body))
        bodyLoaded = false
    }

    /// Only after ``CachedPage`` has put the body into the blob folder (``storedBody``).
    func encode(to encoder: any Encoder) throws {
        guard let storedBody else {
            throw EncodingError.invalidValue(page.name, .init(codingPath: [], debugDescription: "the body is not stored"))
        }
        var c = encoder.container(keyedBy: CodingKeys.self)
        var shell = page
        shell.body = ""
        try c.encode(shell, forKey: .page)
        try c.encode(key, forKey: .key)
        try c.encode(assets, forKey: .assets)
        try c.encode(outputHash, forKey: .outputHash)
        try c.encode(storedBody.name, forKey: .body)
    }
}

/// What a page's output file was rendered from, and its bytes' fingerprint.
struct RenderRecord: Sendable, Codable {
    var key: [String: ContentHash]
    var html: ContentHash
}

struct PageMemo: Sendable, Codable {
    var read: ReadRecord
    var resolved: ResolveRecord?
    var rendered: RenderRecord?
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
    /// What the site-wide files (search index, indices, theme files, artifacts) and every page were made from.
    var siteKey: ContentHash?
    /// Saved apart (``BuildSummary``); nil until the first build completes.
    var summary: BuildSummary?
    /// Each page's record as the cache holds it, by the page's ``PageMemo/digest``: a page whose
    /// record did not change is not encoded again.
    var encodedPages: [String: (digest: ContentHash, blob: CachedPage)] = [:]

    init(config: ConfigFingerprint) { self.config = config }

    /// A fingerprint of everything the records say: equal digests, nothing to save.
    var digest: ContentHash {
        ContentHasher.hash { h in
            for key in config.keys.keys.sorted() { h.add(key); h.add(config.keys[key]!) }
            for path in pages.keys.sorted() { h.add(path); h.add(pages[path]!.digest) }
            h.add(outputIdentity); h.add(siteKey)
            for path in outputs.keys.sorted() { h.add(path); h.add(outputs[path]!) }
            h.add(summary.flatMap { try? CompactEncoder().encode($0) }.map { ContentHash(bytes: [UInt8]($0)) })
        }
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
                for input in resolved.assets { h.add(input.name); h.add(input.state) }
            }
            if let rendered {
                h.add(rendered.html)
                for key in rendered.key.keys.sorted() { h.add(key); h.add(rendered.key[key]!) }
            }
        }
    }
}
