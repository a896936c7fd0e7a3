import CrossRef
import DocTree
import Foundation

/// One complete build of the site as the server shows it. A rebuild makes a new
/// snapshot; requests see either the old one or the new one, never a mixture.
struct SiteSnapshot: Sendable {
    /// Counts builds from 1; pages carry it so the reload script knows when it is stale.
    let generation: Int
    let files: [String: Data]
    let diagnostics: [Diagnostic]
    /// Warnings and errors by the output page they belong to (`guide/install.html`).
    let pageDiagnostics: [String: [Diagnostic]]

    /// `sourceRoot` is the source folder as diagnostics name it (`docs-src`), which
    /// maps a diagnostic's file back to its page.
    init(generation: Int, site: BuiltSite, sourceRoot: String) {
        self.generation = generation
        files = site.files
        diagnostics = site.report.diagnostics
        var byPage: [String: [Diagnostic]] = [:]
        for diagnostic in site.report.diagnostics where diagnostic.severity >= .warning {
            guard let page = Self.page(of: diagnostic, sourceRoot: sourceRoot), site.files[page] != nil else { continue }
            byPage[page, default: []].append(diagnostic)
        }
        pageDiagnostics = byPage
    }

    /// What a request for `path` gets from this snapshot.
    func lookup(_ path: RequestPath?) -> Lookup {
        guard let path else { return .notFound }
        let candidates = path.candidates
        if let first = candidates.first, let data = files[first] { return .file(first, data) }
        if candidates.count > 1, files[candidates[1]] != nil {
            return .redirect("/" + path.segments.map(Self.percentEncoded).joined(separator: "/") + "/")
        }
        return .notFound
    }

    enum Lookup: Equatable {
        case file(String, Data)
        /// A folder asked for without its trailing slash: relative links need it.
        case redirect(String)
        case notFound
    }

    /// This page's warnings and errors, and how many the rest of the site has;
    /// for no page: all of them.
    func diagnostics(forPage path: String?) -> (own: [Diagnostic], elsewhere: Int) {
        let all = diagnostics.filter { $0.severity >= .warning }
        guard let path else { return (all, 0) }
        let own = pageDiagnostics[path] ?? []
        return (own, all.count - own.count)
    }

    /// The output page a diagnostic's file is the source of: `docs-src/guide/a.rst` → `guide/a.html`.
    static func page(of diagnostic: Diagnostic, sourceRoot: String) -> String? {
        guard let file = diagnostic.file?.path else { return nil }
        let prefix = sourceRoot.hasSuffix("/") ? sourceRoot : sourceRoot + "/"
        guard file.hasPrefix(prefix) else { return nil }
        let relative = file.dropFirst(prefix.count)
        guard let dot = relative.lastIndex(of: "."), !relative[dot...].contains("/") else { return nil }
        return PageURL.path(of: String(relative[..<dot]))
    }

    private static func percentEncoded(_ segment: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "/?#")
        return segment.addingPercentEncoding(withAllowedCharacters: allowed) ?? segment
    }
}
