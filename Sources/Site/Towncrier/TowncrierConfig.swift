/// towncrier's settings (`[tool.towncrier]` in `towncrier.toml` or
/// `pyproject.toml`), the ones a draft of the news depends on, with
/// towncrier's defaults for those not set.
struct TowncrierConfig {
    struct FragmentType {
        var directory: String
        var name: String
        var showContent: Bool
    }

    struct Section {
        var name: String
        var path: String
    }

    var name = ""
    var package: String?
    var packageDirectory = "."
    /// Where the fragments are, relative to the base folder (nil: `PACKAGE/newsfragments`).
    var directory: String?
    /// The template's path relative to the base folder; nil for towncrier's own (`package:resource`).
    var template: String?
    var titleFormat = ""
    var issueFormat: String?
    var underlines = ["=", "-", "~"]
    var wrap = false
    var allBullets = true
    var orphanPrefix = "+"
    var types: [FragmentType] = [
        FragmentType(directory: "feature", name: "Features", showContent: true),
        FragmentType(directory: "bugfix", name: "Bugfixes", showContent: true),
        FragmentType(directory: "doc", name: "Improved Documentation", showContent: true),
        FragmentType(directory: "removal", name: "Deprecations and Removals", showContent: true),
        FragmentType(directory: "misc", name: "Misc", showContent: false),
    ]
    var sections = [Section(name: "", path: "")]

    /// Reads `[tool.towncrier]`; the keys it does not know stay at their defaults.
    init(_ table: TOMLTable) {
        func string(_ key: String) -> String? {
            if case .string(let value)? = table[key]?.value { return value }
            return nil
        }
        name = string("name") ?? name
        package = string("package")
        packageDirectory = string("package_dir") ?? packageDirectory
        directory = string("directory")
        if let template = string("template") { self.template = template.contains(":") ? nil : template }
        if case .bool(false)? = table["title_format"]?.value { titleFormat = "" } else { titleFormat = string("title_format") ?? "" }
        issueFormat = string("issue_format")
        if case .array(let items)? = table["underlines"]?.value {
            underlines = items.compactMap { if case .string(let s) = $0.value { return s } else { return nil } }
        }
        if case .bool(let on)? = table["wrap"]?.value { wrap = on }
        if case .bool(let on)? = table["all_bullets"]?.value { allBullets = on }
        orphanPrefix = string("orphan_prefix") ?? orphanPrefix
        if let configured = Self.tables(table["type"]) {
            types = configured.compactMap { type in
                guard case .string(let directory)? = type["directory"]?.value,
                      case .string(let name)? = type["name"]?.value else { return nil }
                var show = true
                if case .bool(let on)? = type["showcontent"]?.value { show = on }
                return FragmentType(directory: directory, name: name, showContent: show)
            }
        }
        if let configured = Self.tables(table["section"]) {
            sections = configured.map { section in
                var result = Section(name: "", path: "")
                if case .string(let name)? = section["name"]?.value { result.name = name }
                if case .string(let path)? = section["path"]?.value { result.path = path }
                return result
            }
        }
    }

    private static func tables(_ value: TOMLValue.Located?) -> [TOMLTable]? {
        guard case .array(let items)? = value?.value else { return nil }
        return items.compactMap { if case .table(let table) = $0.value { return table } else { return nil } }
    }
}
