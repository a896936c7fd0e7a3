import DocTree

/// The object lookup every domain starts from: the exact name (after the
/// domain's scope candidates: current class, module, namespace …), then a
/// unique match of the name's last part, then other projects' inventories.
/// An ambiguity lists every candidate; a miss suggests near names of the
/// same kind and says when the name is an object of another kind.
public struct ObjectLookup: Sendable {
    public let domain: any Domain
    /// The key objects are stored under, for a written target.
    public var key: @Sendable (String, PendingXref) -> String = { target, _ in target }
    /// Full names to try before the key itself, most specific first (scope prefixes).
    public var scoped: @Sendable (String, PendingXref) -> [String] = { _, _ in [] }
    /// Other spellings of the same key (Swift's `f(_:)` for `f`).
    public var spellings: @Sendable (String) -> [String] = { [$0] }
    /// What separates a name's parts for suffix matching (nil: exact names only).
    public var separator: String? = "."
    /// The part of a key that a longer name may end with (`--opt` of `prog --opt`).
    public var suffixPart: @Sendable (String) -> String = { $0 }
    /// An exact or scoped name of another type of this domain still matches (Sphinx's Python
    /// domain: `:func:` finds a method by its full name unless the reference is `.specific`).
    public var exactNameOfAnyType = false
    /// Whether a unique match of the name's last part resolves the reference
    /// (false where Sphinx looks up exact names only; the separator still
    /// shapes the did-you-mean suggestions).
    public var matchesSuffix = true
    /// A reference that is not `.specific` and is found only by its last part is linked with a
    /// warning (`ref.<domain>.suffix`): Sphinx's Python domain searches that way only for `.name`.
    public var warnsOnSuffixMatch = false

    public init(domain: any Domain) {
        self.domain = domain
    }

    public func resolve(_ xref: PendingXref, context: ResolveContext) -> Resolution {
        let name = domain.name
        var target = xref.target
        if target.hasPrefix(".") || target.hasPrefix("~") { target.removeFirst() }
        let types = domain.objectTypes(forRole: xref.type)
        let shown = xref.roleName
        guard !types.isEmpty else {
            return context.unresolved(xref, "unknown reference type '\(shown)'")
        }

        // A reference into another project: `name:target`.
        if let (external, rest) = context.externalInventory(for: target) {
            if let entry = external.lookup(domain: name, types: types, name: rest) {
                return context.externalLink(xref, url: external.url(for: entry), text: nil)
            }
            return context.unresolved(xref, "no \(shown) named '\(rest)' in the '\(external.name)' inventory")
        }

        let lookupName = key(target, xref)
        let byName = context.index.objects[name] ?? [:]
        func matching(_ name: String) -> [ObjectTarget] {
            (byName[name] ?? []).filter { types.contains($0.type) }
        }
        for spelling in spellings(lookupName) {
            for candidate in scoped(spelling, xref) + [spelling] {
                if let found = matching(candidate).first { return context.link(xref, to: found) }
            }
            guard let separator, matchesSuffix else { continue }
            let suffix = separator + suffixPart(spelling)
            // An object and its canonical name (one anchor, two names) are one match.
            var places: Set<String> = []
            let matches = byName.keys.filter { $0.hasSuffix(suffix) }.sorted().flatMap(matching)
                .filter { places.insert($0.document + "#" + $0.anchor).inserted }
            if matches.count == 1, let found = matches.first {
                let link = context.link(xref, to: found)
                guard warnsOnSuffixMatch, !xref.specific, case .resolved(let node) = link else { return link }
                return .linked(node, warning: context.suffixWarning(xref, found: found, domain: name))
            }
            if matches.count > 1 {
                return context.unresolved(
                    xref, "ambiguous \(shown) reference '\(xref.target)': \(matches.count) objects match",
                    notes: matches.map { .init("candidate \($0.kindName) '\($0.name)'", file: $0.file, range: $0.range) }
                        + [.init("write the full name, e.g. :\(shown):`\(matches[0].name)`")])
            }
        }
        if exactNameOfAnyType, !xref.specific {
            for spelling in spellings(lookupName) {
                for candidate in scoped(spelling, xref) + [spelling] {
                    if let found = byName[candidate]?.first { return context.link(xref, to: found) }
                }
            }
        }
        if let external = context.inventoryLink(xref, domain: name, types: types, name: lookupName) {
            return external
        }
        return notFound(xref, lookupName: lookupName, types: types, byName: byName, context: context)
    }

    /// The miss: near names of the same kind, and the same name as another kind.
    func notFound(_ xref: PendingXref, lookupName: String, types: [String], byName: [String: [ObjectTarget]],
                  context: ResolveContext) -> Resolution {
        var notes: [Diagnostic.Note] = []
        let tail = (separator ?? "\u{0}") + lookupName
        for (_, targets) in byName where targets.contains(where: { $0.name == lookupName || $0.name.hasSuffix(tail) }) {
            for other in targets where !types.contains(other.type) {
                notes.append(.init("'\(other.name)' is a \(other.kindName); use the matching role, e.g. :\(roleName(for: other)):`\(xref.target)`",
                                   file: other.file, range: other.range))
            }
        }
        let sameKind = byName.values.flatMap { $0 }.filter { types.contains($0.type) }.map(\.name)
        var suggestions = TargetIndex.suggestions(for: lookupName, among: sameKind)
        if suggestions.isEmpty, let separator {
            // Compare last parts too: `MasterSlve` → `routers.MasterSlave`.
            func last(_ name: String) -> String { name.components(separatedBy: separator).last ?? name }
            let byLast = Dictionary(grouping: sameKind, by: last)
            suggestions = TargetIndex.suggestions(for: last(lookupName), among: byLast.keys)
                .flatMap { byLast[$0] ?? [] }.sorted()
        }
        notes.sort { $0.message < $1.message }
        if xref.domain == "py", let first = xref.target.first, "'\"-0123456789".contains(first) {
            // A value made a reference: what Sphinx's typed fields do with `te.Literal['a']` (only
            // `Literal` and `typing.Literal` are known as Literal there), and report with `-n`.
            notes.append(.init("a value in a field type: Sphinx reads the values of a Literal as class names unless it is written Literal or typing.Literal"))
        }
        return context.unresolved(xref, "no \(xref.roleName) named '\(xref.target)'", suggestions: suggestions,
                                  notes: notes)
    }

    /// The role that links to an object of this kind (for "use :py:class:" hints).
    func roleName(for object: ObjectTarget) -> String {
        let role = domain.objectTypes.first { $0.name == object.type }?.roles.first ?? object.type
        return object.domain == "std" ? role : "\(object.domain):\(role)"
    }
}
