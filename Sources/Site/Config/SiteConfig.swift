import Autodoc
import CrossRef
import DocTree
import Domains
import Foundation
import Markdown

/// The contents of `vellum.toml`: everything a build needs to know about a project.
public struct SiteConfig: Sendable {
    /// A link shortcut role (`[extlinks.NAME]`): `:NAME:`text`` → url pattern with `%s`.
    public struct ExtLink: Sendable, Equatable {
        public var url: String
        public var caption: String?
    }

    /// An inventory of another project (`[intersphinx.NAME]`), read offline.
    public struct Intersphinx: Sendable, Equatable {
        public var url: String
        public var inventory: String?
    }

    /// A custom object type (`[object_types.NAME]`), the declarative form of
    /// Sphinx's `add_object_type` and `add_crossref_type`: a directive and a role.
    public struct ObjectType: Sendable, Equatable {
        public var directive: String
        public var role: String
        /// The index entry, `%s` for the name, optionally after an entry type
        /// (`pair: %s; setting`); nil: `%s`; empty: no entry (Sphinx's default).
        public var indexTemplate: String?
        /// `add_crossref_type`: the directive only marks a target, it shows nothing.
        public var targetOnly = false
        /// How messages name the kind (Sphinx's `objname`); nil: the directive name.
        public var label: String?
        /// The node kind of a reference's text (Sphinx's `ref_nodeclass`); nil: code.
        public var referenceNode: String?

        public init(directive: String, role: String, indexTemplate: String? = nil, targetOnly: Bool = false,
                    label: String? = nil, referenceNode: String? = nil) {
            self.directive = directive
            self.role = role
            self.indexTemplate = indexTemplate
            self.targetOnly = targetOnly
            self.label = label
            self.referenceNode = referenceNode
        }
    }

    public var projectName = "Documentation"
    public var version = ""
    public var copyright: String?
    /// The page whose toctree is the site navigation.
    public var rootDocument = "index"
    /// A directory of templates overriding the built-in theme (resolved absolute path).
    public var templateDirectory: String?
    /// Glob patterns (relative to the source directory) of files not to read.
    public var exclude: [String] = []
    /// Globs a page must match to be read (Sphinx's `include_patterns`; default: every page).
    public var include: [String] = ["**"]
    /// The pages' language (`<html lang>`; conf.py's `language`, `[project] language`).
    public var language = "en"
    /// conf.py's `extensions` that Vellum does not implement: their directives and
    /// roles are reported once each, as warnings, not as an error per use.
    public var unsupportedExtensions: [String] = []

    /// The autodoc settings with what the project's extensions add: pallets-sphinx-themes
    /// leaves out members whose docstring has a line `:internal:`; sphinx-paramlinks gives parameters anchors.
    var autodocSettings: AutodocSettings {
        var settings = autodoc
        if unsupportedExtensions.contains("pallets_sphinx_themes") { settings.skipInternal = true }
        if unsupportedExtensions.contains("sphinx_paramlinks") { settings.parameterLinks = true }
        settings.addModuleNames = addModuleNames
        return settings
    }
    /// Sphinx's smart quotes on reStructuredText pages (`smartquotes`, `[build] smartquotes`).
    public var smartQuotes = true
    /// Which replacements (`smartquotes_action`, docutils' letters: `q` quotes, `D` dashes, `e` ellipses).
    public var smartQuotesAction = "qDe"

    /// The site title in the header and in each page's `<title>` (`html_title`); nil: the project name.
    public var siteTitle: String?
    /// Whether `raw` HTML (RST directive, Markdown HTML) is passed through.
    public var rawEnabled = false
    /// Tags for the `only` directive.
    public var tags: [String] = []
    /// Folders outside the project that files may be read from (`[build] read_roots`;
    /// absolute paths). See `ProjectFiles`.
    public var readRoots: [String] = []
    /// Directories searched for Python modules named in `automodule` (absolute paths).
    public var pythonPaths: [String] = []
    /// autodoc's project-wide settings (`autodoc_member_order`, `autodoc_default_options` …).
    public var autodoc = AutodocSettings()
    /// Swift modules for autodoc: module name → source directory (absolute path).
    public var swiftModules: [(name: String, path: String)] = []
    /// Per-diagnostic-id severity overrides (`[diagnostics.severity]`).
    public var severityOverrides: [String: Severity] = [:]
    /// Targets not to report when unresolved: `"type:target"` exact or regex.
    public var ignore: [String] = []
    public var ignoreRegex: [String] = []
    public var extlinks: [String: ExtLink] = [:]
    public var intersphinx: [String: Intersphinx] = [:]
    public var objectTypes: [String: ObjectType] = [:]
    /// Domains declared in `[domains.NAME]`, by name.
    public var domains: [DeclaredDomain] = []
    /// The domain whose directives and roles need no prefix (Sphinx's `primary_domain`).
    public var primaryDomain = "py"
    /// Base URL of the published site (for the sitemap), if any.
    public var baseURL: String?
    /// Page file suffixes and their markup (Sphinx's `source_suffix`).
    public var sourceSuffixes: [String: PageSource.Markup] = [".rst": .rst, ".md": .markdown]
    /// reStructuredText appended to every RST page (Sphinx's `rst_epilog`).
    public var rstEpilog: String?
    /// reStructuredText read before every RST page (Sphinx's `rst_prolog`).
    public var rstProlog: String?
    /// Figures, tables and captioned code blocks are numbered (`[build] numfig`; Sphinx's
    /// `numfig`, off unless conf.py turns it on).
    public var numfig = true
    /// Sphinx's `add_module_names` (`[build] add_module_names`): Python signatures show the module
    /// before the name (`pkg.mod.func`); off, only a class before a member's name.
    public var addModuleNames = true
    /// `:numref:` and caption texts by element type (Sphinx's `numfig_format`).
    public var numfigFormat: [String: String] = ResolverOptions.defaultNumfigFormat
    /// The role of `` `text` `` without a role name (Sphinx's `default_role`).
    public var defaultRole: String?
    /// The language of code blocks that name none (Sphinx's `highlight_language`).
    public var highlightLanguage: String?
    /// The full version (Sphinx's `release`; `version` when not given).
    public var release: String?
    /// `|today|`: conf.py's `today`, or the build date in `today_fmt` (default `%b %d, %Y`).
    public var today: String?
    public var todayFormat = "%b %d, %Y"
    /// MyST's optional extensions that are on (`myst_enable_extensions`, `[myst] enable_extensions`).
    public var mystExtensions: [String] = []
    /// `myst_substitutions` (`[myst] substitutions`): what `{{ name }}` stands for.
    public var mystSubstitutions: [String: String] = [:]
    /// `myst_heading_anchors` (`[myst] heading_anchors`): heading depth that gets slug anchors.
    public var mystHeadingAnchors: Int?
    /// `myst_url_schemes` (`[myst] url_schemes`, a list): the schemes whose links are external.
    public var mystURLSchemes: [String: MySTURLScheme] = MySTURLScheme.defaults
    /// Copy each page's source to `_sources/` and link it as "Show source" (`[html] show_source`).
    public var showSource = false
    /// Prefixes the module index leaves out when it sorts and groups (`modindex_common_prefix`).
    public var moduleIndexCommonPrefix: [String] = []
    /// Roles that wrap their text in one node kind (`app.add_generic_role`, `[roles] NAME = "kind"`).
    public var genericRoles: [String: String] = [:]
    /// Configuration values the project's extensions declare (`app.add_config_value`,
    /// `[config]`), with conf.py's setting or their default: what `ifconfig` sees.
    var configValues: [String: PyValue] = [:]

    public init() {}
}

extension SiteConfig {
    /// Reads `vellum.toml`; every unknown key and wrongly typed value is a
    /// diagnostic at its line, and the defaults stand in for it.
    /// `base` holds what `conf.py` said, if anything: each key vellum.toml sets replaces it.
    public static func load(file: SourceFile, baseDirectory: String, base: SiteConfig = SiteConfig()) -> (SiteConfig, [Diagnostic]) {
        var parser = TOMLParser(file: file)
        let root = parser.parse()
        var reader = ConfigReader(file: file, baseDirectory: baseDirectory)
        reader.diagnostics = parser.diagnostics
        let config = reader.read(root, base: base)
        return (config, reader.diagnostics)
    }
}

/// Walks the TOML tree against the known schema.
private struct ConfigReader {
    let file: SourceFile
    let baseDirectory: String
    var diagnostics: [Diagnostic] = []

    mutating func read(_ root: TOMLTable, base: SiteConfig) -> SiteConfig {
        var config = base
        for key in root.keys {
            guard let entry = root[key] else { continue }
            switch key {
            case "project":
                guard let table = table(entry, "project") else { continue }
                readProject(table, into: &config)
            case "build":
                guard let table = table(entry, "build") else { continue }
                readBuild(table, into: &config)
            case "autodoc":
                guard let table = table(entry, "autodoc") else { continue }
                readAutodoc(table, into: &config)
            case "diagnostics":
                guard let table = table(entry, "diagnostics") else { continue }
                readDiagnostics(table, into: &config)
            case "extlinks":
                guard let table = table(entry, "extlinks") else { continue }
                for name in table.keys {
                    guard let sub = self.table(table[name]!, "extlinks.\(name)") else { continue }
                    var url: String?
                    var caption: String?
                    for k in sub.keys {
                        switch k {
                        case "url": url = string(sub[k]!, "extlinks.\(name).url")
                        case "caption": caption = string(sub[k]!, "extlinks.\(name).caption")
                        default: unknown(k, in: "extlinks.\(name)", sub[k]!)
                        }
                    }
                    if let url { config.extlinks[name] = .init(url: url, caption: caption) }
                    else { missing("url", in: "extlinks.\(name)", table[name]!) }
                }
            case "intersphinx":
                guard let table = table(entry, "intersphinx") else { continue }
                for name in table.keys {
                    guard let sub = self.table(table[name]!, "intersphinx.\(name)") else { continue }
                    var url: String?
                    var inventory: String?
                    for k in sub.keys {
                        switch k {
                        case "url": url = string(sub[k]!, "intersphinx.\(name).url")
                        case "inventory": inventory = string(sub[k]!, "intersphinx.\(name).inventory").map(absolute)
                        default: unknown(k, in: "intersphinx.\(name)", sub[k]!)
                        }
                    }
                    if let url { config.intersphinx[name] = .init(url: url, inventory: inventory) }
                    else { missing("url", in: "intersphinx.\(name)", table[name]!) }
                }
            case "object_types":
                guard let table = table(entry, "object_types") else { continue }
                for name in table.keys {
                    guard let sub = self.table(table[name]!, "object_types.\(name)") else { continue }
                    var type = SiteConfig.ObjectType(directive: name, role: name, indexTemplate: nil)
                    for k in sub.keys {
                        switch k {
                        case "directive": type.directive = string(sub[k]!, "object_types.\(name).directive") ?? name
                        case "role": type.role = string(sub[k]!, "object_types.\(name).role") ?? name
                        case "index": type.indexTemplate = string(sub[k]!, "object_types.\(name).index")
                        case "target": type.targetOnly = bool(sub[k]!, "object_types.\(name).target") ?? false
                        case "label": type.label = string(sub[k]!, "object_types.\(name).label")
                        case "reference_node":
                            guard let kind = string(sub[k]!, "object_types.\(name).reference_node") else { continue }
                            if SetupReader.nodeClasses.contains(kind) { type.referenceNode = kind }
                            else { report(sub[k]!, "unknown node kind '\(kind)'; use " + SetupReader.nodeClasses.sorted().joined(separator: ", ")) }
                        default: unknown(k, in: "object_types.\(name)", sub[k]!)
                        }
                    }
                    config.objectTypes[name] = type
                }
            case "html":
                guard let table = table(entry, "html") else { continue }
                for key in table.keys {
                    switch key {
                    case "show_source": config.showSource = bool(table[key]!, "html.show_source") ?? false
                    case "modindex_common_prefix":
                        config.moduleIndexCommonPrefix = strings(table[key]!, "html.modindex_common_prefix") ?? []
                    default: unknown(key, in: "html", table[key]!)
                    }
                }
            case "myst":
                guard let table = table(entry, "myst") else { continue }
                for key in table.keys {
                    switch key {
                    case "enable_extensions": config.mystExtensions = strings(table[key]!, "myst.enable_extensions") ?? []
                    case "heading_anchors": config.mystHeadingAnchors = int(table[key]!, "myst.heading_anchors")
                    case "url_schemes":
                        if let schemes = urlSchemes(table[key]!) { config.mystURLSchemes = schemes }
                    case "substitutions":
                        guard let values = self.table(table[key]!, "myst.substitutions") else { continue }
                        for name in values.keys {
                            if let text = string(values[name]!, "myst.substitutions.\(name)") { config.mystSubstitutions[name] = text }
                        }
                    default: unknown(key, in: "myst", table[key]!)
                    }
                }
            case "roles":
                guard let table = table(entry, "roles") else { continue }
                for name in table.keys {
                    guard let kind = string(table[name]!, "roles.\(name)") else { continue }
                    if SetupReader.nodeClasses.contains(kind) { config.genericRoles[name] = kind }
                    else { report(table[name]!, "unknown node kind '\(kind)'; use " + SetupReader.nodeClasses.sorted().joined(separator: ", ")) }
                }
            case "config":
                guard let table = table(entry, "config") else { continue }
                for name in table.keys {
                    if let value = pyValue(table[name]!) { config.configValues[name] = value }
                    else { report(table[name]!, "'config.\(name)' must be a string, number, boolean or an array of them") }
                }
            case "domains":
                guard let table = table(entry, "domains") else { continue }
                for name in table.keys.sorted() {
                    if let domain = readDomain(name, table[name]!) { config.domains.append(domain) }
                }
            default:
                unknown(key, in: nil, entry)
            }
        }
        if let entry = root["project"].flatMap({ if case .table(let t) = $0.value { return t["primary_domain"] } else { return nil } }) {
            let known = BuiltinDomains.all().map(\.name) + config.domains.map(\.name)
            if !known.contains(config.primaryDomain) {
                var d = Diagnostic.error("config.primary-domain", "unknown primary domain '\(config.primaryDomain)'",
                                         file: file, range: entry.range)
                d.suggestions = TargetIndex.suggestions(for: config.primaryDomain, among: known)
                d.notes = [.init("domains: " + known.sorted().joined(separator: ", "))]
                diagnostics.append(d)
                config.primaryDomain = "py"
            }
        }
        return config
    }

    /// `[domains.NAME]` with `label` and `[domains.NAME.types.TYPE]` tables.
    mutating func readDomain(_ name: String, _ entry: TOMLValue.Located) -> DeclaredDomain? {
        let path = "domains.\(name)"
        guard let table = self.table(entry, path) else { return nil }
        var label: String?
        var types: [DeclaredDomain.DeclaredType] = []
        for key in table.keys {
            let value = table[key]!
            switch key {
            case "label": label = string(value, path + ".label")
            case "types":
                guard let typeTables = self.table(value, path + ".types") else { continue }
                for typeName in typeTables.keys.sorted() {
                    let typePath = path + ".types." + typeName
                    guard let sub = self.table(typeTables[typeName]!, typePath) else { continue }
                    var type = DeclaredDomain.DeclaredType(name: typeName)
                    for k in sub.keys {
                        let v = sub[k]!
                        switch k {
                        case "directive": type.directive = string(v, typePath + ".directive") ?? typeName
                        case "roles": type.roles = strings(v, typePath + ".roles") ?? [typeName]
                        case "id": type.idFormat = string(v, typePath + ".id") ?? type.idFormat
                        case "index": type.indexTemplate = string(v, typePath + ".index")
                        case "case_insensitive": type.caseInsensitive = bool(v, typePath + ".case_insensitive") ?? false
                        case "signature":
                            guard let word = string(v, typePath + ".signature") else { continue }
                            if let shape = DeclaredDomain.SignatureShape(rawValue: word) {
                                type.signature = shape
                            } else {
                                report(v, "unknown signature shape '\(word)'; use "
                                    + DeclaredDomain.SignatureShape.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", "))
                            }
                        default: unknown(k, in: "domain-type", v)
                        }
                    }
                    types.append(type)
                }
            default: unknown(key, in: "domain", value)
            }
        }
        if types.isEmpty { missing("types", in: path, entry) }
        return DeclaredDomain(name: name, label: label, types: types)
    }

    mutating func readProject(_ table: TOMLTable, into config: inout SiteConfig) {
        for key in table.keys {
            let entry = table[key]!
            switch key {
            case "name": config.projectName = string(entry, "project.name") ?? config.projectName
            case "version": config.version = string(entry, "project.version") ?? config.version
            case "copyright": config.copyright = string(entry, "project.copyright")
            case "root": config.rootDocument = string(entry, "project.root") ?? config.rootDocument
            case "templates": config.templateDirectory = string(entry, "project.templates").map(absolute)
            case "base_url": config.baseURL = string(entry, "project.base_url")
            case "language": config.language = string(entry, "project.language") ?? config.language
            case "title": config.siteTitle = string(entry, "project.title")
            case "release": config.release = string(entry, "project.release")
            case "today": config.today = string(entry, "project.today")
            case "today_format": config.todayFormat = string(entry, "project.today_format") ?? config.todayFormat
            case "primary_domain": config.primaryDomain = string(entry, "project.primary_domain") ?? "py"
            default: unknown(key, in: "project", entry)
            }
        }
    }

    mutating func readBuild(_ table: TOMLTable, into config: inout SiteConfig) {
        for key in table.keys {
            let entry = table[key]!
            switch key {
            case "exclude": config.exclude = strings(entry, "build.exclude") ?? []
            case "include": config.include = strings(entry, "build.include") ?? ["**"]
            case "smartquotes": config.smartQuotes = bool(entry, "build.smartquotes") ?? true
            case "raw": config.rawEnabled = bool(entry, "build.raw") ?? false
            case "tags": config.tags = strings(entry, "build.tags") ?? []
            case "read_roots": config.readRoots = (strings(entry, "build.read_roots") ?? []).map(absolute)
            case "smartquotes_action": config.smartQuotesAction = string(entry, "build.smartquotes_action") ?? "qDe"
            case "rst_epilog": config.rstEpilog = string(entry, "build.rst_epilog")
            case "rst_prolog": config.rstProlog = string(entry, "build.rst_prolog")
            case "numfig": config.numfig = bool(entry, "build.numfig") ?? true
            case "add_module_names": config.addModuleNames = bool(entry, "build.add_module_names") ?? true
            case "numfig_format":
                guard let formats = self.table(entry, "build.numfig_format") else { continue }
                for type in formats.keys {
                    if let text = string(formats[type]!, "build.numfig_format.\(type)") { config.numfigFormat[type] = text }
                }
            case "default_role": config.defaultRole = string(entry, "build.default_role")
            case "highlight_language": config.highlightLanguage = string(entry, "build.highlight_language")
            case "extensions":
                // Sphinx extensions the project uses: those Vellum does not implement are named where their markup is used.
                config.unsupportedExtensions = (strings(entry, "build.extensions") ?? [])
                    .filter { !ConfPyMapper.supportedExtensions.contains($0) }
            case "source_suffix":
                guard let suffixes = self.table(entry, "build.source_suffix") else { continue }
                var markups: [String: PageSource.Markup] = [:]
                for suffix in suffixes.keys {
                    guard let word = string(suffixes[suffix]!, "build.source_suffix.\(suffix)") else { continue }
                    if let markup = PageSource.Markup(rawValue: word) { markups[suffix] = markup }
                    else { report(suffixes[suffix]!, "'\(word)' is not a markup; use \"rst\" or \"markdown\"") }
                }
                config.sourceSuffixes = markups
            default: unknown(key, in: "build", entry)
            }
        }
    }

    mutating func readAutodoc(_ table: TOMLTable, into config: inout SiteConfig) {
        for key in table.keys {
            let entry = table[key]!
            switch key {
            case "python_paths": config.pythonPaths = (strings(entry, "autodoc.python_paths") ?? []).map(absolute)
            case "swift_modules":
                guard let modules = self.table(entry, "autodoc.swift_modules") else { continue }
                for name in modules.keys {
                    if let path = string(modules[name]!, "autodoc.swift_modules.\(name)") {
                        config.swiftModules.append((name, absolute(path)))
                    }
                }
            case "member_order":
                if let order = choice(entry, "autodoc.member_order", ["alphabetical", "groupwise", "bysource"]) {
                    config.autodoc.memberOrder = order
                }
            case "typehints":
                if let mode = choice(entry, "autodoc.typehints", ["signature", "description", "both", "none"]) {
                    config.autodoc.typehints = mode
                }
            case "typehints_description_target":
                if let target = choice(entry, "autodoc.typehints_description_target", ["all", "documented", "documented_params"]) {
                    config.autodoc.typehintsDescriptionTarget = target
                }
            case "class_content":
                if let content = choice(entry, "autodoc.class_content", ["class", "init", "both"]) {
                    config.autodoc.classContent = content
                }
            case "class_signature":
                if let mode = choice(entry, "autodoc.class_signature", ["mixed", "separated"]) {
                    config.autodoc.classSignature = mode
                }
            case "preserve_defaults": config.autodoc.preserveDefaults = bool(entry, "autodoc.preserve_defaults") ?? false
            case "inherit_docstrings": config.autodoc.inheritDocstrings = bool(entry, "autodoc.inherit_docstrings") ?? true
            case "default_options":
                guard let options = self.table(entry, "autodoc.default_options") else { continue }
                for name in options.keys.sorted() {
                    let value = options[name]!
                    guard AutodocSettings.defaultOptionNames.contains(name) else {
                        report(value, "'autodoc.default_options.\(name)' is not an autodoc option")
                        continue
                    }
                    switch value.value {
                    case .bool(true): config.autodoc.defaultOptions[name] = ""
                    case .bool(false): config.autodoc.defaultOptions[name] = nil
                    case .string(let text): config.autodoc.defaultOptions[name] = text
                    default: report(value, "'autodoc.default_options.\(name)' must be true, false or a string")
                    }
                }
            default: unknown(key, in: "autodoc", entry)
            }
        }
    }

    mutating func readDiagnostics(_ table: TOMLTable, into config: inout SiteConfig) {
        for key in table.keys {
            let entry = table[key]!
            switch key {
            case "severity":
                guard let levels = self.table(entry, "diagnostics.severity") else { continue }
                for id in levels.keys {
                    guard let word = string(levels[id]!, "diagnostics.severity.\(id)") else { continue }
                    if let severity = Severity(label: word) {
                        config.severityOverrides[id] = severity
                    } else {
                        report(levels[id]!, "'\(word)' is not a severity; use \"error\", \"warning\" or \"info\"")
                    }
                }
            case "ignore": config.ignore = strings(entry, "diagnostics.ignore") ?? []
            case "ignore_regex": config.ignoreRegex = strings(entry, "diagnostics.ignore_regex") ?? []
            default: unknown(key, in: "diagnostics", entry)
            }
        }
    }

    /// A `[config]` value as conf.py would hold it.
    func pyValue(_ entry: TOMLValue.Located) -> PyValue? {
        switch entry.value {
        case .string(let s): return .str(s)
        case .integer(let n): return .int(n)
        case .float(let d): return .float(d)
        case .bool(let b): return .bool(b)
        case .array(let items):
            var values: [PyValue] = []
            for item in items {
                guard let value = pyValue(item) else { return nil }
                values.append(value)
            }
            return .list(values)
        case .table: return nil
        }
    }

    func absolute(_ path: String) -> String {
        let url = path.hasPrefix("/") ? URL(fileURLWithPath: path)
            : URL(fileURLWithPath: baseDirectory).appendingPathComponent(path)
        return url.standardizedFileURL.path
    }

    // MARK: typed accessors

    mutating func report(_ entry: TOMLValue.Located, _ message: String, id: String = "config.type") {
        diagnostics.append(.error(id, message, file: file, range: entry.range))
    }

    mutating func unknown(_ key: String, in table: String?, _ entry: TOMLValue.Located) {
        let known: [String]
        switch table {
        case nil: known = ["project", "build", "autodoc", "diagnostics", "extlinks", "intersphinx", "object_types", "domains",
                           "myst", "html", "roles", "config"]
        case "html": known = ["show_source", "modindex_common_prefix"]
        case "project": known = ["name", "version", "copyright", "root", "templates", "base_url", "primary_domain",
                                 "language", "title", "release", "today", "today_format"]
        case "domain": known = ["label", "types"]
        case "myst": known = ["enable_extensions", "heading_anchors", "substitutions", "url_schemes"]
        case "domain-type": known = ["directive", "roles", "signature", "id", "index", "case_insensitive"]
        case "build": known = ["exclude", "include", "raw", "tags", "read_roots", "smartquotes", "smartquotes_action",
                               "rst_epilog", "rst_prolog", "default_role", "highlight_language", "extensions", "source_suffix",
                               "numfig", "numfig_format", "add_module_names"]
        case "autodoc": known = ["python_paths", "swift_modules", "member_order", "typehints", "typehints_description_target", "class_content",
                                 "class_signature", "preserve_defaults", "inherit_docstrings", "default_options"]
        case "diagnostics": known = ["severity", "ignore", "ignore_regex"]
        default: known = []
        }
        let qualified = table.map { "\($0).\(key)" } ?? key
        var d = Diagnostic.error("config.unknown-key", "unknown key '\(qualified)'", file: file, range: entry.range)
        if let best = known.min(by: { editDistance($0, key) < editDistance($1, key) }),
           editDistance(best, key) <= max(2, key.count / 3) {
            d.suggestions = [table.map { "\($0).\(best)" } ?? best]
        } else if !known.isEmpty {
            d.notes = [.init("known keys here: " + known.joined(separator: ", "))]
        }
        diagnostics.append(d)
    }

    mutating func missing(_ key: String, in table: String, _ entry: TOMLValue.Located) {
        report(entry, "[\(table)] needs a '\(key)' key", id: "config.missing-key")
    }

    mutating func table(_ entry: TOMLValue.Located, _ name: String) -> TOMLTable? {
        if case .table(let t) = entry.value { return t }
        report(entry, "'\(name)' must be a table, not a \(entry.value.typeName)")
        return nil
    }

    mutating func string(_ entry: TOMLValue.Located, _ name: String) -> String? {
        if case .string(let s) = entry.value { return s }
        report(entry, "'\(name)' must be a string, not a \(entry.value.typeName)")
        return nil
    }

    mutating func int(_ entry: TOMLValue.Located, _ name: String) -> Int? {
        if case .integer(let n) = entry.value { return n }
        report(entry, "'\(name)' must be a whole number, not a \(entry.value.typeName)")
        return nil
    }

    /// A string that must be one of `choices`.
    mutating func choice(_ entry: TOMLValue.Located, _ name: String, _ choices: [String]) -> String? {
        guard let text = string(entry, name) else { return nil }
        guard choices.contains(text) else {
            report(entry, "'\(name)' must be one of \(choices.map { "\"\($0)\"" }.joined(separator: ", ")), not \"\(text)\"")
            return nil
        }
        return text
    }

    mutating func bool(_ entry: TOMLValue.Located, _ name: String) -> Bool? {
        if case .bool(let b) = entry.value { return b }
        report(entry, "'\(name)' must be true or false, not a \(entry.value.typeName)")
        return nil
    }

    /// `[myst] url_schemes`: an array of schemes, or a table of scheme -> URL template
    /// or `{ url = …, title = …, classes = [...] }` (an empty string: the link as written).
    mutating func urlSchemes(_ entry: TOMLValue.Located) -> [String: MySTURLScheme]? {
        if case .array = entry.value {
            guard let names = strings(entry, "myst.url_schemes") else { return nil }
            return Dictionary(names.map { ($0, MySTURLScheme()) }, uniquingKeysWith: { a, _ in a })
        }
        guard let schemes = table(entry, "myst.url_schemes") else { return nil }
        var result: [String: MySTURLScheme] = [:]
        for name in schemes.keys {
            let value = schemes[name]!
            let key = "myst.url_schemes.\(name)"
            var scheme = MySTURLScheme()
            if case .table(let fields) = value.value {
                for field in fields.keys {
                    switch field {
                    case "url": scheme.url = string(fields[field]!, key + ".url")
                    case "title": scheme.title = string(fields[field]!, key + ".title")
                    case "classes": scheme.classes = strings(fields[field]!, key + ".classes") ?? []
                    default: unknown(field, in: key, fields[field]!)
                    }
                }
            } else if let url = string(value, key), !url.isEmpty {
                scheme.url = url
            }
            result[name] = scheme
        }
        return result
    }

    mutating func strings(_ entry: TOMLValue.Located, _ name: String) -> [String]? {
        guard case .array(let items) = entry.value else {
            report(entry, "'\(name)' must be an array of strings, not a \(entry.value.typeName)")
            return nil
        }
        var result: [String] = []
        for item in items {
            if case .string(let s) = item.value { result.append(s) }
            else { report(item, "'\(name)' must hold only strings, not a \(item.value.typeName)") }
        }
        return result
    }
}
