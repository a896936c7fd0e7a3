import DocTree

/// A module's extracted API: a Python module (one file) or a Swift module (a directory).
public struct APIModule: Hashable, Sendable {
    public enum Language: String, Hashable, Sendable { case python, swift }

    /// The dotted module name (`RestAuth.common.routers`) or Swift module name (`Routers`).
    public var name: String
    /// Which extractor produced the module.
    public var language: Language
    public var docstring: Docstring?
    /// Top-level declarations in source order.
    public var members: [APIObject]
    /// Python `__all__`, when the module defines it statically.
    public var all: [String]?
    /// Python imports, to follow `__all__` names that are defined elsewhere.
    public var imports: [APIImport]
    /// Python: the module's file. Swift: the files the module was read from, sorted.
    public var files: [SourceFile]
    /// Python: module-level names bound only under `if TYPE_CHECKING:` (unknown when the module runs).
    public var typeCheckingNames: Set<String> = []
    /// Python: `from __future__ import annotations` (annotations are strings at run time).
    public var postponedAnnotations = false

    public init(name: String, language: Language, docstring: Docstring? = nil, members: [APIObject] = [],
                all: [String]? = nil, imports: [APIImport] = [], files: [SourceFile] = []) {
        self.name = name
        self.language = language
        self.docstring = docstring
        self.members = members
        self.all = all
        self.imports = imports
        self.files = files
    }

    /// The member with the given name, if any.
    public func member(named name: String) -> APIObject? { members.first { $0.name == name } }

    /// Looks up a declaration by a dotted path relative to the module (`MasterSlave.db_for_read`).
    public func object(at path: String) -> APIObject? {
        var parts = path.split(separator: ".").map(String.init)[...]
        guard let first = parts.popFirst(), var current = member(named: first) else { return nil }
        for part in parts {
            guard let next = current.member(named: part) else { return nil }
            current = next
        }
        return current
    }

    /// The members `automodule :members:` documents by default: those listed in
    /// `__all__` (in `__all__` order) when it exists, otherwise the non-private ones.
    /// Names in `__all__` that are imported rather than defined here are skipped;
    /// see ``imports`` to follow them.
    public var publicMembers: [APIObject] {
        if let all {
            return all.compactMap { member(named: $0) }
        }
        return members.filter { !$0.name.hasPrefix("_") }
    }
}
