import Foundation

/// The configuration as one fingerprint per key (each stored property of
/// ``SiteConfig``), so a change invalidates only what reads that key: a new
/// `copyright` re-renders the pages, it does not read them again.
struct ConfigFingerprint: Sendable, Codable, Equatable {
    /// Property name → fingerprint of its value.
    var keys: [String: ContentHash]

    init(keys: [String: ContentHash]) { self.keys = keys }

    init(_ config: SiteConfig, extra: [String: String] = [:]) {
        var keys: [String: ContentHash] = [:]
        for child in Mirror(reflecting: config).children {
            guard let label = child.label else { continue }
            keys[label] = ContentHasher.hash { $0.add(StableDescription.of(child.value)) }
        }
        for (key, value) in extra { keys[key] = ContentHasher.hash { $0.add(value) } }
        self.keys = keys
    }

    /// The keys whose values differ (present in one only counts), sorted.
    func changedKeys(since old: ConfigFingerprint) -> [String] {
        Set(keys.keys).union(old.keys.keys).filter { keys[$0] != old.keys[$0] }.sorted()
    }

    /// One fingerprint over the keys a phase reads (`ConfigKeys`).
    func combined(_ phase: ConfigKeys.Phase) -> ContentHash {
        ContentHasher.hash { hasher in
            for key in keys.keys.sorted() where ConfigKeys.affects(key, phase) {
                hasher.add(key)
                hasher.add(keys[key]!)
            }
        }
    }
}

/// Which phases each configuration key feeds. A key not listed here feeds
/// every phase (a new key is safe before anyone sorts it).
enum ConfigKeys {
    enum Phase: Sendable { case read, resolve, render, report }

    static let read: Set<String> = [
        "rawEnabled", "tags", "extlinks", "defaultRole", "highlightLanguage", "mystExtensions", "mystSubstitutions",
        "mystHeadingAnchors", "rstEpilog", "smartQuotes", "smartQuotesAction", "version", "release", "today",
        "todayFormat", "language", "buildDay", "addModuleNames",
        // Extensions Vellum implements in part change the directives pages are read with.
        "unsupportedExtensions",
    ]
    static let resolve: Set<String> = ["ignore", "ignoreRegex", "intersphinx", "rawEnabled"]
    static let render: Set<String> = [
        "projectName", "siteTitle", "language", "version", "copyright", "baseURL", "showSource",
        "moduleIndexCommonPrefix",
    ]
    /// Keys that change only which diagnostics are reported, and how.
    static let report: Set<String> = ["severityOverrides", "diagnostics", "unsupportedExtensions", "strict"]

    static func affects(_ key: String, _ phase: Phase) -> Bool {
        let known = read.contains(key) || resolve.contains(key) || render.contains(key) || report.contains(key)
        if !known { return phase != .report }
        switch phase {
        case .read: return read.contains(key)
        case .resolve: return resolve.contains(key)
        case .render: return render.contains(key)
        case .report: return report.contains(key)
        }
    }

    /// Keys that feed every phase (`root`, `exclude`, the autodoc paths, the domains …).
    static func isSiteWide(_ key: String) -> Bool {
        !(read.contains(key) || resolve.contains(key) || render.contains(key) || report.contains(key))
    }
}

/// A description of a value that is the same in every process: dictionary and
/// set entries sorted, nested values described the same way.
enum StableDescription {
    static func of(_ value: Any, depth: Int = 0, limit: Int = 32) -> String {
        // The common leaves without a Mirror (each kind of value a Mirror meets costs a
        // search of the binary's conformance records, every process).
        switch value {
        case let string as String: return string
        case let flag as Bool: return String(flag)
        case let number as Int: return String(number)
        case let number as Double: return String(number)
        case let strings as [String]: return "(" + strings.map { ":" + $0 }.joined(separator: ",") + ")"
        case let table as [String: String]: return "{" + table.map { $0.key + ":" + $0.value }.sorted().joined(separator: ",") + "}"
        default: break
        }
        let mirror = Mirror(reflecting: value)
        guard depth < limit, !mirror.children.isEmpty else { return String(describing: value) }
        let parts = mirror.children.map { child in (child.label ?? "") + ":" + of(child.value, depth: depth + 1, limit: limit) }
        switch mirror.displayStyle {
        case .dictionary, .set: return "{" + parts.sorted().joined(separator: ",") + "}"
        default: return "(" + parts.joined(separator: ",") + ")"
        }
    }
}
