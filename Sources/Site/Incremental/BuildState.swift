import Autodoc
import CrossRef
import DocTree
import Foundation

/// What one page's read produced, and what it depended on.
struct ReadRecord: Sendable, Codable {
    var source: PageSource
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
}

/// What one page's resolve phase produced, and the fingerprints it was produced from.
struct ResolveRecord: Sendable, Codable {
    var page: ResolvedPage
    /// Part of the site (``SiteFingerprints/slice(_:sawProblems:)``) or own input → fingerprint.
    var key: [String: ContentHash]
    /// Images and downloads the page links to, with their state then.
    var assets: [RecordedInput]
    /// Fingerprint of everything the page contributes to the output (body, title, search text, index entries, assets).
    var outputHash: ContentHash
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
struct BuildState: Sendable, Codable {
    var config: ConfigFingerprint
    /// Extracted Swift modules, by the state of their sources.
    var swiftModules: [String: (state: ContentHash, modules: [APIModule], diagnostics: [Diagnostic])] = [:]
    /// By page path relative to the source directory.
    var pages: [String: PageMemo] = [:]
    /// Where the output went, and what it holds now (path → bytes' fingerprint).
    var outputIdentity: String?
    var outputs: [String: ContentHash] = [:]
    /// What the site-wide files (search index, indices, theme files, artifacts) and every page were made from.
    var siteKey: ContentHash?

    /// Extracted Swift modules are not kept on disk: they are extracted again after loading.
    enum CodingKeys: String, CodingKey {
        case config, pages, outputIdentity, outputs, siteKey
    }
}
