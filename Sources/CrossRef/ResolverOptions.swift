import DocTree
import Foundation

/// Project settings that affect resolution.
public struct ResolverOptions: Sendable {
    /// Other projects' inventories, searched after the site's own targets.
    public var inventories: [ExternalInventory] = []
    /// The names of intersphinx inventories that are configured but not on disk: an unresolved reference
    /// that may be in one of them is a `ref.offline` warning, not a broken reference.
    public var offlineInventories: [String] = []
    /// Unresolved references that are not reported.
    public var ignore: IgnoreList = IgnoreList()
    /// Numbers of figures, tables and code blocks for `:numref:`, by `document#anchor`.
    public var numbers: [String: Int] = [:]
    /// Sphinx's `numfig`: whether figures, tables and code blocks are numbered; when
    /// not, `:numref:` is reported and shows its text without a link.
    public var numfig = true
    /// Sphinx's `numfig_format`: `:numref:`'s text by element type (`figure`, `table`,
    /// `code-block`, `section`), with `%s` (or `{number}`) for the number.
    public var numfigFormat: [String: String] = ResolverOptions.defaultNumfigFormat
    public static let defaultNumfigFormat = ["section": "Section %s", "figure": "Fig. %s", "table": "Table %s",
                                             "code-block": "Listing %s"]
    /// Source files other than the page, by path: a reference that came from a
    /// docstring carries a `source` attribute, and its problems point into that file.
    public var sourceFiles: @Sendable (String) -> SourceFile? = { _ in nil }

    public init(inventories: [ExternalInventory] = [], ignore: IgnoreList = IgnoreList()) {
        self.inventories = inventories
        self.ignore = ignore
    }
}

/// An inventory of another project, read offline, with the URL its URIs are relative to.
public struct ExternalInventory: Sendable {
    public var name: String
    public var baseURL: String
    /// Entries by `domain:type`, then name.
    let entries: [String: [String: Inventory.Entry]]

    public init(name: String, baseURL: String, inventory: Inventory) {
        self.name = name
        self.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        var entries: [String: [String: Inventory.Entry]] = [:]
        for entry in inventory.entries {
            let key = "\(entry.domain):\(entry.role)"
            let name = entry.domain == "std" && (entry.role == "label" || entry.role == "term")
                ? entry.name.lowercased() : entry.name
            if entries[key]?[name] == nil { entries[key, default: [:]][name] = entry }
        }
        self.entries = entries
    }

    public func lookup(domain: String, types: [String], name: String) -> Inventory.Entry? {
        for type in types {
            if let entry = entries["\(domain):\(type)"]?[name] { return entry }
        }
        return nil
    }

    public func url(for entry: Inventory.Entry) -> String { baseURL + entry.expandedURI }
}

/// Which unresolved references to stay quiet about, like Sphinx's
/// `nitpick_ignore`: entries `type:target` or `domain:type:target`, exact
/// or as regular expressions.
public struct IgnoreList: Sendable {
    var exact: Set<String> = []
    var patterns: [String] = []

    public init(exact: [String] = [], patterns: [String] = []) {
        self.exact = Set(exact)
        self.patterns = patterns
    }

    public var isEmpty: Bool { exact.isEmpty && patterns.isEmpty }

    func ignores(domain: String, type: String, target: String) -> Bool {
        if isEmpty { return false }
        let keys = domain.isEmpty || domain == "std"
            ? ["\(type):\(target)", "std:\(type):\(target)"]
            : ["\(domain):\(type):\(target)"]
        if keys.contains(where: exact.contains) { return true }
        for pattern in patterns {
            guard let regex = try? NSRegularExpression(pattern: "^(?:" + pattern + ")$") else { continue }
            for key in keys where regex.firstMatch(in: key, range: NSRange(key.startIndex..., in: key)) != nil {
                return true
            }
        }
        return false
    }
}
