import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Decides whether a build may replace its output directory.
///
/// A build replaces the whole output directory, so Vellum refuses outright
/// when that would delete something it did not write: the source tree or a
/// folder holding it, the templates or an autodoc source root, the
/// filesystem root, the home directory, or a file. An existing non-empty
/// directory is replaced only when it carries Vellum's marker file (or has
/// the layout earlier Vellum versions wrote), unless the user passes
/// `--force`. Paths are compared after resolving symbolic links.
enum OutputSafety {
    /// The file every output directory Vellum writes carries.
    static let markerName = ".vellum-output"
    static let markerText = "This directory was written by Vellum; the next build replaces it as a whole.\n"

    /// What an existing path holds, as far as replacing it is concerned.
    enum Ownership: Equatable {
        case absent, empty, vellum, foreign, notDirectory
    }

    /// A folder that the output directory must not contain.
    struct Protected {
        var url: URL
        /// How the refusal names it: "the templates", "the autodoc source root".
        var role: String
    }

    /// Checks `output` and returns the real path to write to (symbolic links
    /// resolved), or throws `BuildError.unsafeOutput` saying why and what to do.
    static func check(output: URL, shownAs display: String, source: URL, protected: [Protected],
                      homeDirectories: [URL], force: Bool) throws -> URL {
        let out = realPath(output)
        func refuse(_ why: String, _ advice: String) -> BuildError {
            .unsafeOutput("refusing to write the site into '\(display)': \(why). \(advice)")
        }
        let elsewhere = "Vellum replaces the whole output directory; choose a new folder such as 'public' or "
            + "'docs/_build/html'."
        if out == "/" { throw refuse("it is the filesystem root", elsewhere) }
        if homeDirectories.map(realPath).contains(out) { throw refuse("it is your home directory", elsewhere) }
        let src = realPath(source)
        if out == src { throw refuse("it is the source directory", elsewhere) }
        if contains(out, src) { throw refuse("it contains the source directory '\(src)'", elsewhere) }
        for folder in protected {
            let path = realPath(folder.url)
            if out == path || contains(out, path) {
                throw refuse("it \(out == path ? "is" : "contains") \(folder.role) '\(path)'", elsewhere)
            }
        }
        switch ownership(of: URL(fileURLWithPath: out)) {
        case .absent, .empty, .vellum:
            break
        case .notDirectory:
            throw refuse("it exists and is not a directory", "Remove it yourself or choose another output folder.")
        case .foreign:
            if !force {
                throw refuse("it is not empty and was not written by Vellum (it has no \(markerName) file)",
                             "Vellum replaces the whole output directory: choose an empty or new folder, "
                                + "or pass --force to replace this one and everything in it.")
            }
        }
        return URL(fileURLWithPath: out)
    }

    /// Whether `directory` is absent, empty, Vellum's output or something else.
    static func ownership(of directory: URL) -> Ownership {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: directory.path, isDirectory: &isDirectory) else {
            // A dangling symbolic link still occupies the name.
            return (try? fm.destinationOfSymbolicLink(atPath: directory.path)) == nil ? .absent : .notDirectory
        }
        guard isDirectory.boolValue else { return .notDirectory }
        guard let entries = try? fm.contentsOfDirectory(atPath: directory.path) else { return .foreign }
        if entries.isEmpty { return .empty }
        if entries.contains(markerName) { return .vellum }
        // Earlier Vellum versions wrote no marker; their sites always held these two files.
        if fm.fileExists(atPath: directory.appendingPathComponent("objects.inv").path),
           fm.fileExists(atPath: directory.appendingPathComponent("_static/vellum.css").path) {
            return .vellum
        }
        return .foreign
    }

    /// Whether `ancestor` is a proper ancestor of `path` (both real paths).
    static func contains(_ ancestor: String, _ path: String) -> Bool {
        path.hasPrefix(ancestor == "/" ? "/" : ancestor + "/") && path != ancestor
    }

    /// The absolute path with every symbolic link resolved; components below
    /// the deepest existing ancestor are kept as written.
    static func realPath(_ url: URL) -> String {
        let path = url.standardizedFileURL.path
        var existing = path
        var rest: [String] = []
        while true {
            if let resolved = realpath(existing, nil) {
                defer { free(resolved) }
                let base = String(cString: resolved)
                guard !rest.isEmpty else { return base }
                return (base == "/" ? "" : base) + "/" + rest.reversed().joined(separator: "/")
            }
            guard existing != "/", !existing.isEmpty else { return path }
            let parent = (existing as NSString).deletingLastPathComponent
            rest.append((existing as NSString).lastPathComponent)
            existing = parent.isEmpty ? "/" : parent
        }
    }
}
