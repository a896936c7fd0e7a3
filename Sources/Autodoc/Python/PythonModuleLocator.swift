import Foundation

/// Finds Python modules by dotted name under a list of search paths, like
/// `sys.path` does for source files: `a.b.c` is `a/b/c.py` or `a/b/c/__init__.py`.
public struct PythonModuleLocator: Sendable {
    /// A module file that was found.
    public struct Location: Hashable, Sendable {
        public var moduleName: String
        public var path: String
        /// Whether the file is a package's `__init__.py`.
        public var isPackage: Bool
    }

    public var searchPaths: [String]

    public init(searchPaths: [String]) {
        self.searchPaths = searchPaths
    }

    /// The file of a module, searching the paths in order; nil when not found or the name is not a dotted identifier.
    public func locate(_ moduleName: String) -> Location? {
        let parts = moduleName.split(separator: ".", omittingEmptySubsequences: false)
        guard !parts.isEmpty, parts.allSatisfy({ part in
            guard let first = part.unicodeScalars.first else { return false }
            return PythonTokenizer.isIdentifierStart(first) && part.unicodeScalars.allSatisfy(PythonTokenizer.isIdentifierContinue)
        }) else { return nil }
        let relative = parts.joined(separator: "/")
        let manager = FileManager.default
        for root in searchPaths {
            let base = root.hasSuffix("/") ? String(root.dropLast()) : root
            let package = base + "/" + relative + "/__init__.py"
            if manager.fileExists(atPath: package) {
                return Location(moduleName: moduleName, path: package, isPackage: true)
            }
            let module = base + "/" + relative + ".py"
            if manager.fileExists(atPath: module) {
                return Location(moduleName: moduleName, path: module, isPackage: false)
            }
        }
        return nil
    }

    /// The dotted names of a package's direct submodules and subpackages, sorted.
    public func submodules(of packageName: String) -> [String] {
        guard let location = locate(packageName), location.isPackage else { return [] }
        let directory = (location.path as NSString).deletingLastPathComponent
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        var names: [String] = []
        for entry in entries.sorted() {
            if entry.hasSuffix(".py"), entry != "__init__.py" {
                names.append(packageName + "." + String(entry.dropLast(3)))
            } else if FileManager.default.fileExists(atPath: directory + "/" + entry + "/__init__.py") {
                names.append(packageName + "." + entry)
            }
        }
        return names.filter { locate($0) != nil }
    }
}
