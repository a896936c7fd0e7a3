import Foundation

/// A folder a build reads from, and which of its files count.
package struct InputFolder: Hashable, Sendable {
    package var path: String
    /// File name suffixes that matter below `path`; nil: every file.
    package var suffixes: [String]?

    package init(path: String, suffixes: [String]? = nil) {
        self.path = path
        self.suffixes = suffixes
    }
}

extension SiteBuilder {
    /// The folders a build of `sourceDirectory` reads: the source tree (every file:
    /// pages, includes, images, the configuration), the templates, and the autodoc
    /// source roots (their `.py` or `.swift` files; the unconfigured Python fallback only
    /// inside a repository). `vellum serve` watches these.
    package static func inputFolders(sourceDirectory: String) -> [InputFolder] {
        let sourceURL = URL(fileURLWithPath: sourceDirectory).standardizedFileURL
        let (config, _) = loadConfig(sourceURL: sourceURL, displayRoot: sourceDirectory)
        var folders = [InputFolder(path: sourceURL.path)]
        if let templates = config.templateDirectory { folders.append(InputFolder(path: templates)) }
        // Without configured paths, autodoc looks in the repository; outside one that
        // guess is the folder holding the sources (/tmp, say): too wide to watch.
        let repository = ProjectFiles.repositoryRoot(of: OutputSafety.realPath(sourceURL))
        if !config.pythonPaths.isEmpty || FileManager.default.fileExists(atPath: repository + "/.git") {
            folders += pythonPaths(config, sourceURL: sourceURL).map { InputFolder(path: $0, suffixes: [".py"]) }
        }
        folders += config.swiftModules.map { InputFolder(path: $0.path, suffixes: [".swift"]) }
        return folders
    }
}
