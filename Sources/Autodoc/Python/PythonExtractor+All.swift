import DocTree

extension PythonExtractor {
    /// Diagnostic id for an `__all__` entry that names nothing.
    public static let missingAllMemberID = "autodoc.python.missing-all-member"

    /// The members `automodule :members:` documents: with `__all__`, every listed
    /// name in `__all__` order — following `from x import y` to the module that
    /// defines names imported into this one, documented under this module's name;
    /// without `__all__`, the module's own non-private members.
    ///
    /// Names that cannot be found produce a warning (and are skipped).
    public func documentedMembers(of module: APIModule) -> (members: [APIObject], diagnostics: [Diagnostic]) {
        guard let all = module.all else { return (module.publicMembers, []) }
        var members: [APIObject] = []
        var diagnostics: [Diagnostic] = []
        for name in all {
            if let local = module.member(named: name) {
                members.append(local)
            } else if let found = importedObject(named: name, in: module, depth: 0) {
                var object = found.renamed(qualifiedName: module.name + "." + name)
                object.name = name
                members.append(object)
            } else {
                diagnostics.append(Diagnostic.warning(
                    Self.missingAllMemberID, "'\(name)' is listed in __all__ of '\(module.name)' but is not defined there",
                    file: module.files.first, range: SourceRange(line: 1)))
            }
        }
        return (members, diagnostics)
    }

    /// Follows `from module import original as name` (a few levels deep, cycles cut short).
    private func importedObject(named name: String, in module: APIModule, depth: Int) -> APIObject? {
        guard depth < 8, let item = module.imports.last(where: { $0.name == name }), let original = item.originalName else {
            return nil
        }
        guard let source = extract(moduleNamed: item.module).0 else { return nil }
        if let object = source.member(named: original) {
            return object.renamed(qualifiedName: source.name + "." + original)
        }
        return importedObject(named: original, in: source, depth: depth + 1)
    }
}
