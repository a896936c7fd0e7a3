import DocTree

/// Following imports the way griffe does, without importing anything:
/// `pkg.Name` where `pkg/__init__.py` says `from .app import Name` is the
/// class defined in `pkg.app`, documented under the name the directive uses.
extension APIStore {
    /// An object found by a dotted name, and where it is defined.
    public struct Found: Sendable {
        /// The object, renamed to the name it was found by (its members too).
        public var object: APIObject
        /// The module that defines it (whose imports its bases and annotations refer to).
        public var definingModule: APIModule
        /// The module the name it was found by documents it in (`pkg` for `pkg.Name`, renamed
        /// `pkg.fmt` for `pkg.fmt.render` when `fmt` is a module imported into `pkg`).
        public var publicModule: APIModule
        /// Its name where it is defined (`pkg.app.Name`), Sphinx's canonical name.
        public var canonicalName: String
    }

    /// Finds `dotted` through local definitions, `from x import y [as z]`,
    /// `import a.b as m`, and `from x import *` (honouring the source's
    /// `__all__`), at any depth; cycles end the search.
    public func follow(_ dotted: String) -> Found? {
        memoized(dotted) { findFollowing(dotted) }
    }

    private func findFollowing(_ dotted: String) -> Found? {
        guard let (module, path) = resolve(dotted), let path else { return nil }
        var visited: Set<String> = []
        let parts = APIStore.splitPath(path)
        guard let (object, defining) = find(parts, in: module, visited: &visited) else { return nil }
        var shown = module
        shown.name = ([module.name] + parts.prefix(importedModuleParts(parts, in: module))).joined(separator: ".")
        // Found where it is defined: keeps its own name (Swift members keep their argument labels).
        var renamed = defining.name == module.name ? object : object.renamed(qualifiedName: dotted)
        // Imported under another name (`from .utils import _get_stream as get_stream`): known by that name.
        if module.language == .python, let last = parts.last { renamed.name = last }
        return Found(object: renamed, definingModule: defining, publicModule: shown, canonicalName: object.qualifiedName)
    }

    /// How many leading parts of `parts` name modules imported into `module` (`import a.b as m`).
    private func importedModuleParts(_ parts: [String], in module: APIModule) -> Int {
        var current = module
        var count = 0
        while count < parts.count - 1, current.member(named: parts[count]) == nil,
              let item = current.imports.last(where: { $0.name == parts[count] && $0.originalName != "*" }),
              let target = self.module(named: item.originalName.map { item.module + "." + $0 } ?? item.module) {
            current = target
            count += 1
        }
        return count
    }

    /// A module-level name bound by both an import and a fallback assignment
    /// (`try: from .io import Reader` / `except ImportError: Reader = None`) is the import.
    private func isImportFallback(_ object: APIObject, in module: APIModule) -> Bool {
        object.kind == .data && object.value == "None" && module.imports.contains { $0.name == object.name }
    }

    private func find(_ parts: [String], in module: APIModule, visited: inout Set<String>) -> (APIObject, APIModule)? {
        guard let first = parts.first, visited.count < 64,
              visited.insert(module.name + ":" + parts.joined(separator: ".")).inserted else { return nil }
        if let local = AutodocExpander.member(first, in: module.members), !isImportFallback(local, in: module) {
            var current = local
            for part in parts.dropFirst() {
                guard let next = AutodocExpander.member(part, in: current.members) else { return nil }
                current = next
            }
            return (current, module)
        }
        if let item = module.imports.last(where: { $0.name == first && $0.originalName != "*" }) {
            let target = item.originalName.map { item.module + "." + $0 } ?? item.module
            guard let (source, path) = resolve(target) else { return nil }
            let rest = (path.map(APIStore.splitPath) ?? []) + parts.dropFirst()
            return rest.isEmpty ? nil : find(rest, in: source, visited: &visited)
        }
        for item in module.imports where item.originalName == "*" {
            guard let source = self.module(named: item.module) else { continue }
            let exported = source.all.map { $0.contains(first) } ?? !first.hasPrefix("_")
            if exported, let found = find(parts, in: source, visited: &visited) { return found }
        }
        return nil
    }
}
