import DocTree

/// Applies the project's diagnostic settings: per-id severities from
/// vellum.toml, then `--strict` (warnings become errors); sorts the result and
/// drops repeats (a problem in a file that two pages include is reported once).
/// Informational messages (docutils' INFO level) are left out unless a
/// severity override raises them.
struct DiagnosticPolicy {
    let config: SiteConfig
    let strict: Bool

    func apply(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var result: [Diagnostic] = []
        var seen: Set<String> = []
        for var d in diagnostics {
            if let override = config.severityOverrides[d.id] ?? prefixOverride(d.id) { d.severity = override }
            if strict, d.severity == .warning { d.severity = .error }
            if d.severity == .info { continue }
            let key = [d.file?.path ?? "", d.range?.description ?? "", d.id, d.message].joined(separator: "\u{0}")
            guard seen.insert(key).inserted else { continue }
            result.append(d)
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
