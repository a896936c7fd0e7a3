import DocTree
import Foundation

/// Reading files for `include`, `literalinclude`, `raw :file:` and `csv-table :file:`,
/// confined to the source tree.
enum IncludeSupport {
    /// Resolves `path` against the include root and reads it; nil when outside the tree or unreadable.
    static func read(_ path: String, host: DirectiveHost) -> (String, String)? {
        guard let root = host.options.includeRoot, let reader = host.options.readFile else { return nil }
        let rel = path.hasPrefix("/") ? String(path.dropFirst()) : path
        let full = (root as NSString).appendingPathComponent(rel)
        let standardized = (full as NSString).standardizingPath
        let rootStd = (root as NSString).standardizingPath
        guard standardized == rootStd || standardized.hasPrefix(rootStd + "/") else { return nil }
        guard let text = reader(standardized) else { return nil }
        return (path, text)
    }
}
