import DocTree
import Foundation

/// What a build was made from, in brief, and what it reported: enough to tell
/// that nothing changed without loading any page's record. When every input is
/// as it was, the build is the previous one: its report is given again and
/// nothing is read, resolved or written. Saved apart from the records
/// (`inputs.bin`), so a rebuild that changes nothing reads only this.
struct BuildSummary: Sendable {
    struct PageInputs: Sendable {
        var source: PageSource
        var configKey: ContentHash
        var inputs: [RecordedInput]
        var assets: [RecordedInput]
    }

    struct StoredReport: Sendable {
        var pages: Int
        var referencesChecked: Int
        var diagnostics: [Diagnostic]
        var wroteOutput: Bool
    }

    var config: ConfigFingerprint
    /// In discovery order.
    var pages: [PageInputs]
    /// Everything else the build read: configuration and discovery messages, Swift
    /// module sources, intersphinx inventories, the template folder.
    var surroundings: ContentHash
    var outputIdentity: String?
    /// The files an output folder held after the build (``OutputWriter/listingHash(_:)``), nil for other outputs.
    var outputListing: ContentHash?
    var report: StoredReport
    /// The stamps of the files the build looked at (``FileStamp``): the next build reads only those whose stamp changed.
    var stamps: [String: StampedFile] = [:]

    /// Whether a build with `config`, `pages` and `surroundings` would be this one again.
    func matches(config: ConfigFingerprint, pages found: [PageSource], surroundings: ContentHash, outputIdentity: String,
                 states: InputStates, threads: Int) -> Bool {
        guard config == self.config, surroundings == self.surroundings, outputIdentity == self.outputIdentity,
              found == pages.map(\.source) else { return false }
        let stale = pages.parallelMap(threads: threads) { page in
            page.inputs.contains { states.current($0) != $0.state } || page.assets.contains { states.current($0) != $0.state }
        }
        return !stale.contains(true)
    }

    /// The fingerprint of what surrounds the pages (see ``surroundings``).
    static func surroundings(setupDiagnostics: [Diagnostic], config: SiteConfig, states: InputStates,
                             inventories: InventoryFiles) -> ContentHash {
        ContentHasher.hash { h in
            for diagnostic in setupDiagnostics {
                h.add(diagnostic.id); h.add(diagnostic.message); h.add(diagnostic.file?.path); h.add(diagnostic.range)
            }
            for entry in config.swiftModules { h.add(entry.name); h.add(states.swiftModule(entry.name)) }
            h.add(inventories.hash)
            if let templates = config.templateDirectory {
                let base = URL(fileURLWithPath: templates).standardizedFileURL.path
                for path in (FileManager.default.subpaths(atPath: base) ?? []).sorted() {
                    h.add(path)
                    h.add(FileManager.default.contents(atPath: base + "/" + path).map { ContentHash(bytes: [UInt8]($0)) })
                }
            }
        }
    }
}
