import Foundation

/// URLs between output pages: page `a/b` is written to `a/b.html`.
public enum PageURL {
    public static func path(of document: String) -> String { document + ".html" }

    /// A relative URL from the page `from` to the output file `toPath`.
    public static func relative(from document: String, toPath path: String) -> String {
        let fromDirectory = document.split(separator: "/", omittingEmptySubsequences: false).dropLast()
        let target = path.split(separator: "/", omittingEmptySubsequences: false)
        var common = 0
        while common < fromDirectory.count, common < target.count - 1, fromDirectory[common] == target[common] {
            common += 1
        }
        let ups = Array(repeating: "..", count: fromDirectory.count - common)
        return (ups + target[common...].map(String.init)).joined(separator: "/")
    }

    /// A relative URL from page `from` to page `to`, with an optional anchor.
    public static func relative(from: String, to: String, anchor: String? = nil) -> String {
        if from == to, let anchor, !anchor.isEmpty { return "#" + anchor }
        let base = relative(from: from, toPath: path(of: to))
        guard let anchor, !anchor.isEmpty else { return base }
        return base + "#" + anchor
    }

    /// A file path as written in a page (relative to the page's folder, or to the
    /// source root with a leading `/`), as a normalised path relative to the source root.
    public static func sourcePath(_ written: String, from document: String) -> String {
        let directory = document.split(separator: "/").dropLast().joined(separator: "/")
        let joined = written.hasPrefix("/") ? String(written.dropFirst())
            : (directory.isEmpty ? written : directory + "/" + written)
        return String(URL(fileURLWithPath: "/" + joined).standardizedFileURL.path.dropFirst())
    }

    /// Resolves a document name as written in `:doc:` or a toctree (relative
    /// to the referring page's directory, or absolute with a leading `/`),
    /// without extension. Returns nil when it climbs above the source root.
    /// ASCII without dots, spaces or control characters, not starting or ending with `/`, no `//`.
    static func isPlainName(_ written: String) -> Bool {
        var previous = UInt8(ascii: "/")
        for byte in written.utf8 {
            if byte == UInt8(ascii: ".") || byte <= 0x20 || byte >= 0x80 { return false }
            if byte == UInt8(ascii: "/") && previous == UInt8(ascii: "/") { return false }
            previous = byte
        }
        return previous != UInt8(ascii: "/")
    }

    public static func resolveDocument(_ written: String, from document: String) -> String? {
        // A plain name beside the page (`page0042`, `guide/setup`): no dots, spaces or leading slash.
        if isPlainName(written) {
            guard let slash = document.utf8.lastIndex(of: UInt8(ascii: "/")) else { return written }
            return String(document[..<slash]) + "/" + written
        }
        // Names are rarely written with spaces around them: trim only when there are some.
        var name = written.first?.isWhitespace == true || written.last?.isWhitespace == true
            ? written.trimmingCharacters(in: .whitespaces) : written
        for ext in [".rst", ".md", ".txt"] where name.hasSuffix(ext) {
            name = String(name.dropLast(ext.count))
        }
        var parts: [Substring]
        if name.hasPrefix("/") {
            parts = []
            name.removeFirst()
        } else {
            parts = document.split(separator: "/").dropLast()
        }
        for component in name.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".": continue
            case "..":
                if parts.isEmpty { return nil }
                parts.removeLast()
            default: parts.append(component)
            }
        }
        return parts.isEmpty ? nil : parts.joined(separator: "/")
    }
}
