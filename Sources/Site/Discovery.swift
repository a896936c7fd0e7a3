import DocTree
import Foundation

/// A source page found on disk.
public struct PageSource: Sendable, Hashable, Codable {
    public enum Markup: String, Sendable, Codable { case rst, markdown }
    /// Path relative to the source directory (`guide/replication.rst`).
    public var relativePath: String
    /// Page name: relative path without extension.
    public var name: String
    public var markup: Markup
}

/// Finds the pages of a project: every `.rst` and `.md` file (or the configured suffixes) below the
/// source directory, except hidden ones, `_build`-style output folders, any
/// folder carrying Vellum's output marker and the `exclude` globs of the
/// configuration. Sorted by path. Folders and pages that are symbolic links
/// leading outside the project (`files`), dangling or in a loop, folders that
/// cannot be listed and pipes are skipped with a warning at their path
/// (`displayRoot/relative`).
enum Discovery {
    static func pages(in sourceDirectory: URL, exclude: [String], include: [String] = ["**"], outputDirectory: URL?,
                      files project: ProjectFiles,
                      displayRoot: String,
                      suffixes: [String: PageSource.Markup] = [".rst": .rst, ".md": .markdown]) throws -> ([PageSource], [Diagnostic]) {
        // Longest suffix first, so `.rst.txt` wins over `.txt`.
        let ordered = suffixes.keys.sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }
        // Compared as bytes: every file of the tree goes through here.
        let orderedBytes = ordered.map { Array($0.utf8) }
        func page(_ path: String) -> (String, PageSource.Markup)? {
            let bytes = Array(path.utf8)
            guard let index = orderedBytes.firstIndex(where: { bytes.count > $0.count && bytes.suffix($0.count).elementsEqual($0) }),
                  let markup = suffixes[ordered[index]] else { return nil }
            return (String(decoding: bytes.dropLast(orderedBytes[index].count), as: UTF8.self), markup)
        }
        let outputRelative: String? = outputDirectory.flatMap { output in
            let src = OutputSafety.realPath(sourceDirectory) + "/"
            let out = OutputSafety.realPath(output)
            return out.hasPrefix(src) ? String(out.dropFirst(src.count)) : nil
        }
        let sourcePath = sourceDirectory.path
        let (files, skipped) = try FileTree.walk(sourceDirectory, inside: project.contains, skipping: { relative in
            if relative == "_build" || relative == outputRelative { return true }
            return exclude.contains(where: { Glob.matches($0, relative) })
        }, skippingFolder: { relative in
            // Output of another build (another --output) is never read as pages.
            access(sourcePath + "/" + relative + "/" + OutputSafety.markerName, F_OK) == 0
        })
        var pages: [PageSource] = []
        for path in files {
            guard let (name, markup) = page(path) else { continue }
            guard include.contains(where: { Glob.matches($0, path) }) else { continue }
            pages.append(PageSource(relativePath: path, name: name, markup: markup))
        }
        // Files that are not pages matter only when a page uses them, and are reported there.
        let diagnostics = skipped.filter { !$0.isFile || page($0.path) != nil }.map { item in
            Diagnostic(id: item.id, severity: .warning, message: "'\(item.path)' \(item.message)",
                       file: SourceFile(path: displayRoot + "/" + item.path, text: ""))
        }
        return (pages, diagnostics)
    }
}

/// Shell-style globs over `/`-separated paths: `*` and `?` stay within one
/// path segment, `**` crosses segments, `[abc]` matches a set. Linear-ish
/// dynamic programming, no backtracking blow-up.
public enum Glob {
    public static func matches(_ pattern: String, _ path: String) -> Bool {
        // The default `include` is every page: no need to walk each path.
        if pattern == "**" { return true }
        let p = Array(pattern.unicodeScalars), s = Array(path.unicodeScalars)
        // reachable[j]: pattern prefix consumed so far can match s[0..<j]
        var states = Set<Int>([0])
        func closure(_ set: Set<Int>) -> Set<Int> {
            var result = set
            var stack = Array(set)
            while let i = stack.popLast() {
                if i < p.count, p[i] == "*" {
                    let next = (i + 1 < p.count && p[i + 1] == "*") ? i + 2 : i + 1
                    if !result.contains(next) { result.insert(next); stack.append(next) }
                    if next == i + 2, next < p.count, p[next] == "/", !result.contains(next + 1) {
                        result.insert(next + 1); stack.append(next + 1)
                    }
                }
            }
            return result
        }
        states = closure(states)
        for c in s {
            var next = Set<Int>()
            for i in states where i < p.count {
                switch p[i] {
                case "*":
                    let double = i + 1 < p.count && p[i + 1] == "*"
                    if double || c != "/" { next.insert(i) }
                case "?":
                    if c != "/" { next.insert(i + 1) }
                case "[":
                    if let close = p[(i + 1)...].firstIndex(of: "]") {
                        let set = p[(i + 1)..<close]
                        let negate = set.first == "!" || set.first == "^"
                        let members = negate ? set.dropFirst() : set[...]
                        var hit = false
                        var k = members.startIndex
                        while k < members.endIndex {
                            if k + 2 < members.endIndex, members[k + 1] == "-" {
                                if members[k] <= c && c <= members[k + 2] { hit = true }
                                k += 3
                            } else {
                                if members[k] == c { hit = true }
                                k += 1
                            }
                        }
                        if hit != negate { next.insert(close + 1) }
                    } else if c == "[" {
                        next.insert(i + 1)
                    }
                default:
                    if p[i] == c { next.insert(i + 1) }
                }
            }
            states = closure(next)
            if states.isEmpty { return false }
        }
        return states.contains(p.count)
    }
}
