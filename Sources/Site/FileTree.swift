import Foundation

/// Directory listing in a fixed order (FileManager's order is unspecified).
enum FileTree {
    /// Paths of regular files below `root`, relative to it, `/`-separated,
    /// sorted; hidden files and folders are skipped.
    static func files(under root: URL, skipping skip: (String) -> Bool = { _ in false }) throws -> [String] {
        var result: [String] = []
        try collect(root, prefix: "", into: &result, skip: skip)
        return result.sorted()
    }

    private static func collect(_ directory: URL, prefix: String, into result: inout [String],
                                skip: (String) -> Bool) throws {
        let fm = FileManager.default
        let names = try fm.contentsOfDirectory(atPath: directory.path).sorted()
        for name in names where !name.hasPrefix(".") {
            let relative = prefix.isEmpty ? name : prefix + "/" + name
            if skip(relative) { continue }
            let url = directory.appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: url.path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                try collect(url, prefix: relative, into: &result, skip: skip)
            } else {
                result.append(relative)
            }
        }
    }
}
