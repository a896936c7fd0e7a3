import DocTree

/// Applies the project's diagnostic settings: per-id severities from
/// vellum.toml, then `--strict` (warnings become errors); sorts the result and
/// drops repeats (a problem in a file that two pages include is reported once).
/// Informational messages (docutils' INFO level) are left out unless a
/// severity override raises them.
struct DiagnosticPolicy {
    let config: SiteConfig
    let strict: Bool

    /// Unknown directives and roles, when conf.py names extensions Vellum does not implement.
    static let unknownMarkup: Set<String> = ["rst.unknown-directive", "rst.unknown-role", "md.unknown-directive",
                                              "md.unknown-role"]

    func apply(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var result: [Diagnostic] = []
        var seen: Set<String> = []
        var unknownUses: [String: Int] = [:]
        var firstUnknown: [String: Int] = [:]
        for var d in diagnostics {
            var unknownKey: String?
            if !config.unsupportedExtensions.isEmpty, Self.unknownMarkup.contains(d.id) {
                // Probably from one of those extensions: once per name, as a warning.
                let key = d.id + "\u{0}" + d.message
                unknownUses[key, default: 0] += 1
                if firstUnknown[key] != nil { continue }
                d.severity = .warning
                d.notes.append(.init("probably from an extension Vellum does not implement ("
                    + config.unsupportedExtensions.joined(separator: ", ") + "); its content is left out"))
                unknownKey = key
            }
            if let override = config.severityOverrides[d.id] ?? prefixOverride(d.id) { d.severity = override }
            if strict, d.severity == .warning { d.severity = .error }
            if d.severity == .info { continue }
            let key = [d.file?.path ?? "", d.range?.description ?? "", d.id, d.message].joined(separator: "\u{0}")
            guard seen.insert(key).inserted else { continue }
            if let unknownKey { firstUnknown[unknownKey] = result.count }
            result.append(d)
        }
        for (key, index) in firstUnknown where unknownUses[key, default: 0] > 1 {
            result[index].notes.append(.init("used \(unknownUses[key]!) times; only the first use is reported"))
        }
        return result.sorted(by: Diagnostic.ordered)
    }

    /// `ref` in the config applies to `ref.py.class` too: the longest matching prefix wins.
    private func prefixOverride(_ id: String) -> Severity? {
        var parts = id.split(separator: ".").map(String.init)
        while parts.count > 1 {
            parts.removeLast()
            if let s = config.severityOverrides[parts.joined(separator: ".")] { return s }
        }
        return nil
    }
}
