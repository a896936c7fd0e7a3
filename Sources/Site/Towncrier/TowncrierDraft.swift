import Foundation

/// The draft of the next release's news that `towncrier build --draft
/// --version VERSION` prints, worked out without running towncrier: the
/// news fragments (`123.feature.md` in the fragments folder of each
/// section) grouped by type and text, their issues formatted, and the
/// project's template rendered with them (``JinjaTemplate``, towncrier's
/// `trim_blocks`). Lines are not re-wrapped (`wrap = true` is not
/// reproduced), and towncrier's built-in templates are not part of Vellum:
/// a project without a `template` of its own gets an error saying so.
struct TowncrierDraft {
    var config: TowncrierConfig
    /// The folder towncrier runs in, which its paths are relative to (absolute).
    var baseDirectory: String
    var version: String
    /// The release date towncrier would print (today, `YYYY-MM-DD`).
    var date: String
    /// Reads a file of the project (absolute path); nil when it cannot.
    var read: (String) -> String?
    /// The names of the files in a folder (absolute path), any order; empty when there is none.
    var list: (String) -> [String]

    func render() throws(JinjaTemplate.Failure) -> String {
        guard let templatePath = config.template else {
            throw JinjaTemplate.Failure(message: "the project uses towncrier's built-in template, which Vellum does not "
                + "reproduce; set `template` in [tool.towncrier] to a template of the project's")
        }
        let absoluteTemplate = path(templatePath)
        guard let source = read(absoluteTemplate) else {
            throw JinjaTemplate.Failure(message: "towncrier's template \(templatePath) cannot be read")
        }
        let template = try JinjaTemplate(source, trimBlocks: true)
        let isMarkdown = (templatePath as NSString).pathExtension.lowercased() == "md"
        let renderTitle = config.titleFormat.isEmpty
        var headerLevel = 1
        if isMarkdown {
            headerLevel = config.titleFormat.isEmpty ? (renderTitle ? 1 : 0)
                : config.titleFormat.prefix(while: { $0 == "#" }).count
        }
        let (sections, issuesByCategory) = fragments()
        var versionData = PyDict()
        for (key, value) in [("name", config.name), ("version", version), ("date", date)] { versionData[.str(key)] = .str(value) }
        var definitions = PyDict()
        for type in config.types {
            var definition = PyDict()
            definition[.str("name")] = .str(type.name)
            definition[.str("showcontent")] = .bool(type.showContent)
            definitions[.str(type.directory)] = .dict(definition)
        }
        let rendered = try template.render([
            "render_title": .bool(renderTitle), "sections": .dict(sections), "definitions": .dict(definitions),
            "underlines": .list(config.underlines.dropFirst().map { .str($0) }), "versiondata": .dict(versionData),
            "top_underline": .str(config.underlines.first ?? "="), "issues_by_category": .dict(issuesByCategory),
            "header_prefix": .str(String(repeating: "#", count: headerLevel)),
        ])
        guard !config.titleFormat.isEmpty else { return rendered }
        let top = config.titleFormat.replacingOccurrences(of: "{name}", with: config.name)
            .replacingOccurrences(of: "{version}", with: version).replacingOccurrences(of: "{project_date}", with: date)
        let underline = isMarkdown ? [] : [String(repeating: config.underlines.first ?? "=", count: top.count)]
        return ([top] + underline + [rendered]).joined(separator: "\n")
    }

    private func path(_ relative: String) -> String {
        relative.hasPrefix("/") ? relative : ((baseDirectory as NSString).appendingPathComponent(relative) as NSString).standardizingPath
    }

    /// section name → type → fragment text → formatted issues, and section → type → all its issues.
    func fragments() -> (PyDict, PyDict) {
        var sections = PyDict()
        var issues = PyDict()
        let typeNames = Set(config.types.map(\.directory))
        for section in config.sections {
            let fragmentsFolder = config.directory
                ?? [config.packageDirectory, config.package ?? "", "newsfragments"].joined(separator: "/")
            let folder = path(section.path.isEmpty ? fragmentsFolder : section.path + "/" + fragmentsFolder)
            // type → [(text, [issue])], texts in the order first seen.
            var byType: [String: [(text: String, issues: [String])]] = [:]
            for name in list(folder).sorted() where !name.hasPrefix(".") {
                guard let (issue, type) = parse(name, types: typeNames),
                      let text = read((folder as NSString).appendingPathComponent(name)) else { continue }
                let show = config.types.first { $0.directory == type }?.showContent ?? true
                // A type that hides its text keeps it only for a fragment without an issue.
                let content = show || issue.isEmpty ? Self.content(text, allBullets: config.allBullets) : ""
                var entries = byType[type, default: []]
                if let index = entries.firstIndex(where: { $0.text == content }) {
                    if !issue.isEmpty { entries[index].issues.append(issue) }
                } else {
                    entries.append((content, issue.isEmpty ? [] : [issue]))
                }
                byType[type] = entries
            }
            var categories = PyDict()
            var sectionIssues = PyDict()
            for type in config.types.map(\.directory) {
                guard let entries = byType[type] else { continue }
                var texts = PyDict()
                var sorted = entries.map { ($0.text, $0.issues.sorted(by: Self.issueOrder)) }.sorted(by: Self.entryOrder)
                if !config.allBullets {
                    sorted = sorted.enumerated().sorted { (Self.bulletRank($0.element.0), $0.offset) < (Self.bulletRank($1.element.0), $1.offset) }
                        .map(\.element)
                }
                for (text, entryIssues) in sorted { texts[.str(text)] = .list(entryIssues.map { .str(render(issue: $0)) }) }
                categories[.str(type)] = .dict(texts)
                let all = Set(entries.flatMap(\.issues)).sorted(by: Self.issueOrder)
                sectionIssues[.str(type)] = .list(all.map { .str(render(issue: $0)) })
            }
            sections[.str(section.name)] = .dict(categories)
            issues[.str(section.name)] = .dict(sectionIssues)
        }
        return (sections, issues)
    }

    /// A fragment's file name read as towncrier reads it: `ISSUE.TYPE[.COUNTER][.EXT]`, the
    /// type being the last part that names one; an issue starting with the orphan prefix is none.
    func parse(_ name: String, types: Set<String>) -> (issue: String, type: String)? {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count > 1, let index = parts.indices.last(where: { $0 > 0 && types.contains(parts[$0]) }) else { return nil }
        let issue = parts[..<index].joined(separator: ".").trimmingCharacters(in: .whitespaces)
        return (issue.hasPrefix(config.orphanPrefix) ? "" : issue, parts[index])
    }

    /// `issue_format` with the issue, or `#123` for a number without one.
    func render(issue: String) -> String {
        guard let format = config.issueFormat else {
            return issue.allSatisfy(\.isNumber) ? "#" + issue : issue
        }
        return format.replacingOccurrences(of: "{issue}", with: issue)
    }

    /// A fragment's text: trimmed, and when every fragment is a bullet its lines after
    /// the first indented under the bullet (blank lines stay blank).
    static func content(_ text: String, allBullets: Bool) -> String {
        guard allBullets else { return String(text.reversed().drop(while: \.isWhitespace).reversed()) }
        let lines = text.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\n", omittingEmptySubsequences: false)
        return lines.enumerated().map { offset, line in
            offset == 0 || line.allSatisfy(\.isWhitespace) ? String(line) : "  " + line
        }.joined(separator: "\n")
    }

    /// towncrier's order of issues: names without a number first (as text), then those with
    /// a prefix grouped by it and by number, then plain numbers (`alpha`, `#3`, `#11`, `gh-4`, `2`).
    static func issueKey(_ issue: String) -> (Int, String, Int) {
        if let number = Int(issue) { return (2, "", number) }
        guard let digits = issue.firstIndex(where: \.isNumber) else { return (0, issue, 0) }
        let number = issue[digits...].prefix(while: \.isNumber)
        return (1, String(issue[..<digits]), Int(number) ?? 0)
    }

    static func issueOrder(_ a: String, _ b: String) -> Bool { issueKey(a) < issueKey(b) }

    /// Entries with issues first, in the order of their issues; those without after them, by text.
    static func entryOrder(_ a: (String, [String]), _ b: (String, [String])) -> Bool {
        let (keyA, keyB) = (a.1.isEmpty ? a.0 : "", b.1.isEmpty ? b.0 : "")
        if keyA != keyB { return keyA < keyB }
        for (x, y) in zip(a.1, b.1) where issueKey(x) != issueKey(y) { return issueKey(x) < issueKey(y) }
        return a.1.count < b.1.count
    }

    /// Without `all_bullets`: entries written as `- ` bullets first, then `* `, `#. `, the rest.
    static func bulletRank(_ text: String) -> Int {
        if text.isEmpty { return -1 }
        if text.hasPrefix("- ") { return 0 }
        if text.hasPrefix("* ") { return 1 }
        if text.hasPrefix("#. ") { return 2 }
        return 3
    }
}
