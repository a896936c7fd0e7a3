/// The ids and reference names handed out within one page, following
/// docutils' rules: every id unique, name clashes recorded so the loser's
/// name can be moved to `dupnames`.
struct NameRegistry {
    private(set) var ids: Set<String> = []
    private var generated = 0
    private var slugCounts: [String: Int] = [:]
    /// For each name, whether each definition (in order) was explicit.
    private(set) var definitions: [String: [Bool]] = [:]

    /// docutils' `create_id` as Sphinx sets it up (`auto_id_prefix = "id"`): the first
    /// name's identifier when free, otherwise the page's next generated id (`id1`, `id2`, …,
    /// one counter for the page, which footnote references share).
    mutating func makeID(names: [String], tag: String) -> String {
        for name in names {
            let base = Identifiers.docutilsID(name)
            if !base.isEmpty, !ids.contains(base) {
                ids.insert(base)
                return base
            }
        }
        return generatedID()
    }

    /// The page's next generated id: `id` and a number no id of the page has.
    mutating func generatedID() -> String {
        while true {
            generated += 1
            let candidate = "id\(generated)"
            if !ids.contains(candidate) {
                ids.insert(candidate)
                return candidate
            }
        }
    }

    /// Marks an id as taken.
    mutating func reserve(_ id: String) {
        ids.insert(id)
    }

    /// A GitHub-style anchor for a heading (with `-1`, `-2` … for repeats),
    /// or nil when it would be empty or clash with an id already given out.
    mutating func githubAnchor(for title: String) -> String? {
        let slug = Identifiers.githubSlug(title)
        let seen = slugCounts[slug] ?? 0
        slugCounts[slug] = seen + 1
        let anchor = seen == 0 ? slug : "\(slug)-\(seen)"
        guard !anchor.isEmpty, !ids.contains(anchor) else { return nil }
        ids.insert(anchor)
        return anchor
    }

    /// Records a definition of `name`; returns the kinds of earlier definitions.
    mutating func define(_ name: String, explicit: Bool) -> [Bool] {
        let earlier = definitions[name] ?? []
        definitions[name, default: []].append(explicit)
        return earlier
    }

    /// Whether a definition of `name` of the given kind loses its name to `dupnames`.
    func isDuplicate(_ name: String, explicit: Bool) -> Bool {
        guard let kinds = definitions[name], kinds.count > 1 else { return false }
        let explicitCount = kinds.filter { $0 }.count
        if explicit { return explicitCount > 1 }
        return true
    }
}
