import CrossRef
import DocTree
import Markup

/// Reference resolution of the `c` and `cpp` domains, after Sphinx's symbol
/// lookup: a name is looked up in the scope the reference is written in
/// (namespace, enclosing struct or class), then in each enclosing scope up
/// to the root — and nowhere else. Unlike the Python domain there is no
/// "unique suffix" match: `:cpp:class:`Stack`` outside `namespace ds` does
/// not find `ds::Stack`, as Sphinx reports it too; the miss suggests it.
///
/// Enumerators of an unscoped enum are also named in the enum's enclosing
/// scope (`RED` for `color.RED`; see ``DomainContext``). Function references
/// with a parameter list (C++: `f(int)`) pick the overload with those
/// parameter types; without one (`f`, `f()`) the first overload.
struct CFamilyLookup {
    let domain: any Domain
    let language: CDeclaration.Language

    var separator: String { language == .cpp ? "::" : "." }

    func types(for role: String) -> [String] {
        role == "any" ? domain.objectTypes.map(\.name) : domain.objectTypes(forRole: role)
    }

    func resolve(_ xref: PendingXref, context: ResolveContext) -> Resolution {
        let types = types(for: xref.type)
        guard !types.isEmpty else { return context.unresolved(xref, "unknown reference type '\(xref.roleName)'") }
        if let (external, rest) = context.externalInventory(for: xref.target) {
            let name = CFamilyNames.reference(rest, language: language).name
            if let entry = external.lookup(domain: domain.name, types: types, name: name) {
                return context.externalLink(xref, url: external.url(for: entry), text: nil)
            }
            return context.unresolved(xref, "no \(xref.roleName) named '\(rest)' in the '\(external.name)' inventory")
        }
        let (name, overload) = CFamilyNames.reference(xref.target, language: language)
        let byName = context.index.objects[domain.name] ?? [:]
        let found = lookup(name, types: types, scope: xref.scope["\(domain.name):scope"], byName: byName)
        if !found.isEmpty {
            guard let overload else { return link(xref, to: found[0], context: context) }
            // Template arguments pick a specialisation when there is one, else the template itself.
            if overload.hasPrefix("<") {
                return link(xref, to: found.first { $0.overload == overload } ?? found[0], context: context)
            }
            // The exact overload; else one with those parameter types whatever its qualifiers
            // (`f(int)` for `f(int) const`), rather than report a reference Sphinx may accept.
            let parameters = CFamilyNames.parameterPart(overload)
            if let match = found.first(where: { $0.overload == overload || $0.overload == nil })
                ?? found.first(where: { $0.overload.map(CFamilyNames.parameterPart) == parameters }) {
                return link(xref, to: match, context: context)
            }
            return context.unresolved(
                xref, "no overload of \(xref.roleName) '\(found[0].name)' takes \(overload)",
                notes: found.map { .init("candidate \($0.kindName) '\($0.name)\($0.overload ?? "")'", file: $0.file, range: $0.range) })
        }
        let bare = name.hasPrefix(separator) ? String(name.dropFirst(separator.count)) : name
        if let external = context.inventoryLink(xref, domain: domain.name, types: types, name: bare) {
            return external
        }
        return notFound(xref, name: bare, types: types, byName: byName, context: context)
    }

    /// A link; an `any` reference to a function shows `()` after the name, as `:func:` does
    /// (Sphinx's `add_function_parentheses`).
    func link(_ xref: PendingXref, to object: ObjectTarget, context: ResolveContext) -> Resolution {
        let shown = xref.content.map(\.textContent).joined()
        guard xref.type == "any", object.type == "function", !xref.explicit, !shown.hasSuffix(")") else {
            return context.link(xref, to: object)
        }
        return context.link(xref, to: object, text: shown + "()")
    }

    /// The objects of `types` that `name` means in `scope` (most specific scope first).
    func lookup(_ name: String, types: [String], scope: String?, byName: [String: [ObjectTarget]]) -> [ObjectTarget] {
        for full in candidates(name, scope: scope) {
            let found = (byName[full] ?? []).filter { types.contains($0.type) }
            if !found.isEmpty { return found }
        }
        return []
    }

    /// `name` completed with each enclosing scope: in `a.b`, `f` is `a.b.f`, `a.f`, `f`.
    /// A C++ name written from the root (`::f`) has only itself.
    func candidates(_ name: String, scope: String?) -> [String] {
        if name.hasPrefix(separator) { return [String(name.dropFirst(separator.count))] }
        guard let scope, !scope.isEmpty else { return [name] }
        var parts = scope.components(separatedBy: separator)
        var names: [String] = []
        while !parts.isEmpty {
            names.append((parts + [name]).joined(separator: separator))
            parts.removeLast()
        }
        return names + [name]
    }

    /// The miss: names of the same kinds that end like it (`ds::Stack` for `Stack`) or are
    /// spelled nearly like it, and the same name as an object of another kind.
    func notFound(_ xref: PendingXref, name: String, types: [String], byName: [String: [ObjectTarget]],
                  context: ResolveContext) -> Resolution {
        // Parameters are objects Sphinx makes up from signatures: never suggested.
        let implicit: Set<String> = ["functionParam", "templateParam"]
        let sameKind = Set(byName.values.flatMap { $0 }.filter { types.contains($0.type) && !implicit.contains($0.type) }
            .map(\.name))
        func last(_ name: String) -> String { name.components(separatedBy: separator).last ?? name }
        var suggestions = sameKind.filter { $0.hasSuffix(separator + name) }.sorted()
        if suggestions.isEmpty, let cut = name.range(of: separator, options: .backwards) {
            // `orb::metre` → `orb::Unit::metre`: the same last part, deeper in the same scope.
            let qualifier = name[..<cut.upperBound], tail = name[cut.lowerBound...]
            suggestions = sameKind.filter { $0.hasPrefix(qualifier) && $0.hasSuffix(tail) }.sorted()
        }
        if suggestions.isEmpty { suggestions = TargetIndex.suggestions(for: name, among: sameKind) }
        if suggestions.isEmpty {
            let byLast = Dictionary(grouping: sameKind, by: last)
            suggestions = TargetIndex.suggestions(for: last(name), among: byLast.keys)
                .flatMap { (byLast[$0] ?? []).sorted() }
        }
        var notes: [Diagnostic.Note] = []
        let allTypes = domain.objectTypes.map(\.name)
        for other in lookup(name, types: allTypes, scope: xref.scope["\(domain.name):scope"], byName: byName)
            where !types.contains(other.type) && !implicit.contains(other.type) {
            let role = domain.objectTypes.first { $0.name == other.type }?.roles.first ?? other.type
            notes.append(.init("'\(other.name)' is a \(other.kindName); use the matching role, e.g. :\(domain.name):\(role):`\(xref.target)`",
                               file: other.file, range: other.range))
        }
        return context.unresolved(xref, "no \(xref.roleName) named '\(xref.target)'",
                                  suggestions: Array(suggestions.prefix(3)), notes: notes)
    }

    /// `:any:`: objects of any kind with the name, from the root scope; one per kind (the first overload).
    func resolveAny(_ target: String, context: ResolveContext) -> [AnyMatch] {
        let name = CFamilyNames.reference(target, language: language).name
        let byName = context.index.objects[domain.name] ?? [:]
        var seen: Set<String> = []
        return lookup(name, types: domain.objectTypes.map(\.name), scope: nil, byName: byName)
            .filter { seen.insert($0.type).inserted }
            .map {
                let title = $0.type == "function" && !target.hasSuffix(")") ? target + "()" : nil
                return AnyMatch(document: $0.document, anchor: $0.anchor, title: title, description: "\($0.kindName) '\($0.name)'")
            }
    }
}
