import DocTree
import Foundation

/// The extracted APIs the autodoc directives document, looked up by dotted name.
///
/// Swift modules (named in the configuration) are extracted when the store is
/// loaded; Python modules are extracted on first use from the search paths and
/// cached. Thread-safe: pages are expanded in parallel.
public final class APIStore: @unchecked Sendable {
    private let lock = NSLock()
    private var modules: [String: APIModule]
    /// Python modules that were looked for: nil when missing or unreadable.
    private var pythonCache: [String: APIModule?] = [:]
    /// Why a Python module that exists could not be read (syntax errors).
    private var pythonFailures: [String: [Diagnostic]] = [:]
    /// What `follow` found for each dotted name (nil: nothing), asked again by several directives and members.
    private var followed: [String: APIStore.Found?] = [:]
    private let python: PythonExtractor?

    /// A store over modules already extracted (and optionally Python search paths for the rest).
    public init(modules: [APIModule], pythonPaths: [String] = []) {
        var table: [String: APIModule] = [:]
        for module in modules { table[module.name] = module }
        self.modules = table
        python = pythonPaths.isEmpty ? nil : PythonExtractor(searchPaths: pythonPaths)
    }

    /// Extracts the configured Swift modules now; Python modules are read when first asked for.
    /// Returns the Swift extractors' diagnostics (syntax errors, missing directories).
    public static func load(pythonPaths: [String], swiftModules: [(name: String, path: String)]) -> (APIStore, [Diagnostic]) {
        var extracted: [APIModule] = []
        var diagnostics: [Diagnostic] = []
        for entry in swiftModules {
            let result = SwiftExtractor().extract(moduleName: entry.name, directory: entry.path)
            extracted += result.modules
            diagnostics += result.diagnostics
        }
        return (APIStore(modules: extracted, pythonPaths: pythonPaths), diagnostics)
    }

    /// The module with the given dotted name, extracting a Python module on first use.
    public func module(named name: String) -> APIModule? {
        lock.lock()
        if let module = modules[name] { lock.unlock(); return module }
        if let cached = pythonCache[name] { lock.unlock(); return cached }
        lock.unlock()
        guard let python, !name.isEmpty, python.locator.locate(name) != nil else {
            lock.lock(); pythonCache[name] = .some(nil); lock.unlock()
            return nil
        }
        let (module, diagnostics) = python.extract(moduleNamed: name)
        lock.lock()
        pythonCache[name] = .some(module)
        if module == nil { pythonFailures[name] = diagnostics }
        lock.unlock()
        return module
    }

    /// `follow`'s answer for `dotted`, computed once.
    func memoized(_ dotted: String, _ compute: () -> Found?) -> Found? {
        lock.lock()
        if let known = followed[dotted] { lock.unlock(); return known }
        lock.unlock()
        let found = compute()
        lock.lock()
        followed[dotted] = .some(found)
        lock.unlock()
        return found
    }

    /// A source file of an extracted module, by path (to show the line of a problem found in a docstring).
    public func sourceFile(path: String) -> SourceFile? {
        lock.lock(); defer { lock.unlock() }
        for module in modules.values {
            if let file = module.files.first(where: { $0.path == path }) { return file }
        }
        for case let module? in pythonCache.values {
            if let file = module.files.first(where: { $0.path == path }) { return file }
        }
        return nil
    }

    /// Why a module that exists could not be extracted (e.g. its syntax error), if it failed.
    public func failure(for name: String) -> [Diagnostic] {
        _ = module(named: name)
        lock.lock(); defer { lock.unlock() }
        return pythonFailures[name] ?? []
    }

    /// Splits `dotted` into the longest module prefix that exists and the object path after it
    /// (`RestAuth.common.routers.MasterSlave.db_for_read` → (routers module, `MasterSlave.db_for_read`)).
    /// Dots inside parentheses (Swift argument labels) do not split.
    public func resolve(_ dotted: String) -> (module: APIModule, path: String?)? {
        let parts = APIStore.splitPath(dotted)
        guard !parts.isEmpty else { return nil }
        for count in stride(from: parts.count, through: 1, by: -1) {
            let name = parts[0..<count].joined(separator: ".")
            if let module = module(named: name) {
                let rest = parts[count...].joined(separator: ".")
                return (module, rest.isEmpty ? nil : rest)
            }
        }
        return nil
    }

    /// The names of the modules that failed on the way to `dotted` (for error notes).
    func failures(along dotted: String) -> [Diagnostic] {
        let parts = APIStore.splitPath(dotted)
        var out: [Diagnostic] = []
        for count in stride(from: parts.count, through: 1, by: -1) {
            out += failure(for: parts[0..<count].joined(separator: "."))
        }
        return out
    }

    /// Dotted-path components; dots inside `(...)` stay (`init(rawValue:)`, `a.b(c.d:)`).
    static func splitPath(_ text: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var depth = 0
        for c in text {
            if c == "(" { depth += 1 } else if c == ")" { depth = max(0, depth - 1) }
            if c == "." && depth == 0 {
                parts.append(current)
                current = ""
            } else {
                current.append(c)
            }
        }
        parts.append(current)
        return parts.contains(where: \.isEmpty) ? [] : parts
    }
}
