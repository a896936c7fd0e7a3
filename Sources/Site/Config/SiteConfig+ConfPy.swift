import DocTree
import Domains
import Foundation
import Markdown

/// A Sphinx project's `conf.py`, read statically (``ConfPyEvaluator``) and
/// mapped onto the configuration. A key whose value cannot be evaluated is a
/// `conf.unevaluated` warning at its line, and its default stands.
extension SiteConfig {
    public static func load(confPy file: SourceFile, directory: String, tags: [String] = [],
                            now: Date = Date()) -> (SiteConfig, [Diagnostic]) {
        let environment = ConfPyEvaluator.Environment(directory: directory, tags: Set(tags), now: now)
        let result = ConfPyEvaluator.evaluate(file.text, environment: environment)
        var config = SiteConfig()
        var diagnostics: [Diagnostic] = []
        if let error = result.syntaxError {
            diagnostics.append(.error("conf.syntax", "conf.py: \(error.message); no setting of it is used",
                                      file: file, range: SourceRange(start: error.location, end: error.location)))
            return (config, diagnostics)
        }
        let modules = localExtensions(result, file: file, environment: environment)
        var mapper = ConfPyMapper(result: result, file: file, directory: directory)
        mapper.localExtensions = Set(modules.map(\.name))
        mapper.apply(to: &config)
        diagnostics += mapper.diagnostics
        var setup = SetupReader(globals: result.globals)
        setup.apply(result.setupCalls, file: file, to: &config)
        for module in modules {
            if let error = module.result.syntaxError {
                diagnostics.append(.warning("conf.syntax", "extension '\(module.name)': \(error.message); its setup() is not read",
                                            file: module.file, range: SourceRange(start: error.location, end: error.location)))
                continue
            }
            setup.apply(module.result.setupCalls, file: module.file, to: &config)
        }
        diagnostics += setup.diagnostics
        return (config, diagnostics)
    }

    /// The project's own extensions: names in `extensions` that are a module on
    /// the `sys.path` conf.py edited (`_ext/myext.py`, `_ext/myext/__init__.py`), each evaluated
    /// like conf.py (never run) for its `setup(app)`.
    static func localExtensions(_ result: ConfPyEvaluator.Result, file: SourceFile,
                                environment: ConfPyEvaluator.Environment)
        -> [(name: String, file: SourceFile, result: ConfPyEvaluator.Result)] {
        guard let names = result.globals["extensions"]?.elements else { return [] }
        var modules: [(name: String, file: SourceFile, result: ConfPyEvaluator.Result)] = []
        let displayRoot = (file.path as NSString).deletingLastPathComponent
        for case .str(let name) in names {
            let relative = name.replacingOccurrences(of: ".", with: "/")
            let found = result.sysPath.lazy.flatMap { root in [relative + ".py", relative + "/__init__.py"].map { (root, $0) } }
                .first { FileManager.default.fileExists(atPath: ($0.0 as NSString).appendingPathComponent($0.1)) }
            guard let (root, path) = found,
                  let data = FileManager.default.contents(atPath: (root as NSString).appendingPathComponent(path)) else { continue }
            let absolute = ((root as NSString).appendingPathComponent(path) as NSString).standardizingPath
            // Shown like conf.py: relative to its folder when inside it.
            let base = environment.directory.hasSuffix("/") ? environment.directory : environment.directory + "/"
            let shown = absolute.hasPrefix(base)
                ? (displayRoot.isEmpty ? "" : displayRoot + "/") + absolute.dropFirst(base.count) : absolute
            var moduleEnvironment = environment
            moduleEnvironment.file = absolute
            let text = String(decoding: data, as: UTF8.self)
            modules.append((name, SourceFile(path: shown, text: text), ConfPyEvaluator.evaluate(text, environment: moduleEnvironment)))
        }
        return modules
    }
}

/// Turns evaluated conf.py values into settings, one key at a time.
struct ConfPyMapper {
    let result: ConfPyEvaluator.Result
    let file: SourceFile
    let directory: String
    var diagnostics: [Diagnostic] = []
    /// Extensions that are the project's own modules, read for their `setup(app)` instead of reported.
    var localExtensions: Set<String> = []

    func range(_ key: String) -> SourceRange? {
        result.lines[key].map { SourceRange(line: $0) }
    }

    /// Keys whose unknown value falls back to another key's (`release` to `version`): only a note.
    static let fallbacks: [String: String] = ["release": "version", "version": "release"]

    /// The value of a key, or nil when conf.py does not set it; an unknown value is reported.
    mutating func value(_ key: String) -> PyValue? {
        guard let value = result.globals[key] else { return nil }
        if case .unknown(let reason) = value {
            let covered = Self.fallbacks[key].flatMap { result.globals[$0] }.map { !$0.isUnknown } ?? false
            diagnostics.append(Diagnostic(
                id: "conf.unevaluated", severity: covered ? .info : .warning,
                message: "conf.py: '\(key)' could not be evaluated (\(reason)); its default is used",
                file: file, range: range(key),
                notes: [.init("Vellum reads conf.py without running Python; set \(key) in vellum.toml to override")]))
            return nil
        }
        return value
    }

    mutating func string(_ key: String) -> String? {
        guard let value = value(key) else { return nil }
        guard case .str(let text) = value else {
            wrongType(key, value, expected: "a string")
            return nil
        }
        return text
    }

    mutating func strings(_ key: String) -> [String]? {
        guard let value = value(key) else { return nil }
        switch value {
        case .list(let items), .tuple(let items), .set(let items):
            return items.compactMap { if case .str(let s) = $0 { return s } else { return nil } }
        default:
            wrongType(key, value, expected: "a list of strings")
            return nil
        }
    }

    mutating func wrongType(_ key: String, _ value: PyValue, expected: String) {
        diagnostics.append(.warning("conf.type", "conf.py: '\(key)' is \(value.typeName), expected \(expected); its default is used",
                                    file: file, range: range(key)))
    }

    mutating func apply(to config: inout SiteConfig) {
        if let project = string("project") { config.projectName = project }
        if let copyright = string("copyright") { config.copyright = copyright }
        let release = string("release")
        if let version = string("version") ?? release { config.version = version }
        config.release = release
        if let today = string("today"), !today.isEmpty { config.today = today }
        if let format = string("today_fmt") { config.todayFormat = format }
        if let root = string("root_doc") ?? string("master_doc") { config.rootDocument = root }
        if let patterns = strings("exclude_patterns") { config.exclude = patterns }
        if let patterns = strings("include_patterns") { config.include = patterns }
        if let language = string("language"), !language.isEmpty { config.language = language }
        if let title = string("html_title"), !title.isEmpty { config.siteTitle = title }
        if case .bool(let on)? = value("smartquotes") { config.smartQuotes = on }
        if let action = string("smartquotes_action") { config.smartQuotesAction = action }
        if let extensions = strings("myst_enable_extensions") { config.mystExtensions = extensions }
        if case .int(let depth)? = value("myst_heading_anchors") { config.mystHeadingAnchors = depth }
        if let schemes = value("myst_url_schemes").flatMap(Self.urlSchemes) { config.mystURLSchemes = schemes }
        if case .dict(let substitutions)? = value("myst_substitutions") {
            for (key, text) in zip(substitutions.keys, substitutions.values) {
                if case .str(let name) = key, case .str(let value) = text { config.mystSubstitutions[name] = value }
            }
        }
        if let prefixes = strings("modindex_common_prefix") { config.moduleIndexCommonPrefix = prefixes }
        // Sphinx copies and links sources unless told not to; Vellum only when asked.
        if case .bool(true)? = value("html_copy_source"), case .bool(true)? = value("html_show_sourcelink") {
            config.showSource = true
        }
        if let epilog = string("rst_epilog") { config.rstEpilog = epilog }
        if let prolog = string("rst_prolog"), !prolog.isEmpty { config.rstProlog = prolog }
        // Sphinx numbers figures only when asked (`numfig = True`).
        if let on = value("numfig") { config.numfig = on.truth ?? false } else { config.numfig = false }
        if let on = value("add_module_names"), let truth = on.truth { config.addModuleNames = truth }
        if case .dict(let formats)? = value("numfig_format") {
            for (key, text) in zip(formats.keys, formats.values) {
                if case .str(let type) = key, case .str(let format) = text { config.numfigFormat[type] = format }
            }
        }
        if let role = string("default_role") { config.defaultRole = role }
        if let language = string("highlight_language") { config.highlightLanguage = language }
        if let base = string("html_baseurl"), !base.isEmpty { config.baseURL = base }
        if let primary = string("primary_domain") {
            if BuiltinDomains.all().contains(where: { $0.name == primary }) {
                config.primaryDomain = primary
            } else {
                diagnostics.append(.warning("conf.primary-domain", "conf.py: unknown primary domain '\(primary)'",
                                            file: file, range: range("primary_domain")))
            }
        }
        applyExtensions(to: &config)
        applyAutodoc(to: &config)
        applySuppressWarnings(to: &config)
        applySourceSuffix(to: &config)
        applyNitpickIgnore(to: &config)
        applyExtlinks(to: &config)
        applyIntersphinx(to: &config)
        // `sys.path` edits are where autodoc finds the package (`sys.path.insert(0, os.path.abspath(".."))`).
        for path in result.sysPath where !config.pythonPaths.contains(path) { config.pythonPaths.append(path) }
    }

    /// `myst_url_schemes`: a list of schemes, or a dict of scheme -> None, a URL template,
    /// or `{"url": …, "title": …, "classes": [...]}`; nil for any other value.
    static func urlSchemes(_ value: PyValue) -> [String: MySTURLScheme]? {
        var schemes: [String: MySTURLScheme] = [:]
        switch value {
        case .list(let items), .tuple(let items), .set(let items):
            for case .str(let name) in items { schemes[name] = MySTURLScheme() }
        case .dict(let dict):
            for (key, entry) in zip(dict.keys, dict.values) {
                guard case .str(let name) = key else { continue }
                var scheme = MySTURLScheme()
                switch entry {
                case .str(let url): scheme.url = url
                case .dict(let fields):
                    for (field, item) in zip(fields.keys, fields.values) {
                        switch (field, item) {
                        case (.str("url"), .str(let url)): scheme.url = url
                        case (.str("title"), .str(let title)): scheme.title = title
                        case (.str("classes"), .list(let classes)):
                            scheme.classes = classes.compactMap { if case .str(let c) = $0 { c } else { nil } }
                        default: break
                        }
                    }
                default: break
                }
                schemes[name] = scheme
            }
        default:
            return nil
        }
        return schemes
    }

    /// Extensions whose directives, roles and settings Vellum implements itself (or that
    /// change nothing in the HTML it writes).
    static let supportedExtensions: Set<String> = [
        "sphinx.ext.autodoc", "sphinx.ext.napoleon", "sphinx.ext.intersphinx", "sphinx.ext.extlinks",
        "sphinx.ext.todo", "sphinx.ext.doctest", "sphinx.ext.githubpages", "sphinx.ext.duration",
        "sphinx.ext.coverage", "sphinx.ext.mathjax", "sphinx.ext.imgmath", "sphinx.ext.ifconfig",
        "sphinx_copybutton", "myst_parser", "sphinx.ext.autodoc.typehints", "sphinx_autodoc_typehints",
        "sphinxcontrib.towncrier",
    ]

    /// Extensions Vellum implements only in part (they stay in ``SiteConfig/unsupportedExtensions``, so the
    /// rest of their markup is reported once): what it does implement.
    static let partlySupportedExtensions: [String: String] = [
        "pallets_sphinx_themes": "the jinja:nodes, jinja:filters and jinja:tests directives and the skipping of "
            + ":internal: members (not click:example or click:run, which run the program)",
        "sphinx_paramlinks": "the anchors of the parameters autodoc documents and the :paramref: role "
            + "(in the default link_symbol style; not the parameters' index entries)",
        "sphinxcontrib_trio": "its options on autodoc directives (:with:, :async-with:, :for:, :async-for:, :async:, "
            + ":decorator: and the method kinds), not on the py: directives",
    ]

    /// `extensions = [...]`: the ones Vellum does not implement are named once.
    mutating func applyExtensions(to config: inout SiteConfig) {
        guard let names = strings("extensions") else { return }
        if names.contains("sphinxcontrib.towncrier") { applyTowncrier(to: &config) }
        let unsupported = names.filter { !Self.supportedExtensions.contains($0) && !localExtensions.contains($0) }
        config.unsupportedExtensions = unsupported
        guard !unsupported.isEmpty else { return }
        diagnostics.append(Diagnostic(
            id: "conf.unsupported-extension", severity: .warning,
            message: "conf.py: Vellum does not implement " + (unsupported.count == 1 ? "the extension " : "the extensions ")
                + unsupported.map { "'\($0)'" }.joined(separator: ", "),
            file: file, range: range("extensions"),
            notes: [.init("their directives and roles are reported once each where first used, and left out of the pages")]
                + unsupported.compactMap { name in Self.partlySupportedExtensions[name].map { .init("of '\(name)', Vellum implements " + $0) } }))
    }

    /// sphinxcontrib-towncrier's settings become config values (as its `add_config_value` calls
    /// would make them), the autoversion mode with its default: what ``TowncrierExtension`` reads.
    /// sphinxcontrib-towncrier's configuration values (here, so the conf.py reader stands on its own).
    static let towncrierSettingNames = ["towncrier_draft_autoversion_mode", "towncrier_draft_include_empty",
                                        "towncrier_draft_working_directory", "towncrier_draft_config_path"]

    mutating func applyTowncrier(to config: inout SiteConfig) {
        config.configValues["towncrier_draft_autoversion_mode"] = .str("scm-draft")
        for name in Self.towncrierSettingNames {
            switch value(name) {
            case .path(let path)?: config.configValues[name] = .str(path)
            case .none?, nil: continue
            case let value?: config.configValues[name] = value
            }
        }
    }

    /// Sphinx's warning types and the Vellum diagnostic ids (or id prefixes) they stand for.
    static let warningTypes: [String: [String]] = [
        "ref": ["ref"], "ref.ref": ["ref.ref", "ref.numref"], "ref.doc": ["ref.doc"], "ref.term": ["ref.term"],
        "ref.option": ["ref.option"], "ref.any": ["ref.any"],
        // Sphinx's `ref.python` is only its "more than one target found" warning, not unresolved Python references.
        "ref.python": [], "ref.keyword": ["ref.keyword"],
        "ref.citation": ["rst.unknown-citation"], "ref.footnote": ["rst.unknown-footnote"],
        "ref.c": ["ref.c"], "ref.cpp": ["ref.cpp"], "ref.js": ["ref.js"], "ref.rst": ["ref.rst"],
        "toc": ["toctree"], "toc.not_included": ["toctree.not-included"], "toc.excluded": ["toctree.missing-document"],
        "image.not_readable": ["asset.missing"], "download.not_readable": ["download.missing"],
        "autodoc": ["autodoc"], "autodoc.import_object": ["autodoc.missing-object", "autodoc.missing-module"],
        "myst": ["md"], "docutils": ["rst"], "misc.highlighting_failure": ["highlight"],
    ]

    /// `suppress_warnings = ["ref.python", …]`: those diagnostics are left out (made informational).
    mutating func applySuppressWarnings(to config: inout SiteConfig) {
        guard let types = strings("suppress_warnings") else { return }
        for type in types {
            var ids: [String]
            if let known = Self.warningTypes[type] {
                ids = known
            } else if type.hasPrefix("ref.") {
                // `ref.class`: an unresolved reference of that role type, in every domain.
                let role = String(type.dropFirst(4))
                ids = ["ref.\(role)"] + ["py", "c", "cpp", "js", "swift", "rst"].map { "ref.\($0).\(role)" }
            } else {
                ids = Self.warningTypes[type.split(separator: ".").first.map(String.init) ?? type] ?? []
            }
            for id in ids where config.severityOverrides[id] == nil {
                config.severityOverrides[id] = .info
            }
        }
    }

    /// `source_suffix`: a string, a list, or a dict of suffix → parser name.
    mutating func applySourceSuffix(to config: inout SiteConfig) {
        guard let value = value("source_suffix") else { return }
        var suffixes: [String: PageSource.Markup] = [:]
        func markup(_ suffix: String, _ parser: String?) -> PageSource.Markup {
            if let parser, parser.lowercased().contains("markdown") || parser.lowercased().contains("myst") { return .markdown }
            return suffix == ".md" ? .markdown : .rst
        }
        switch value {
        case .str(let suffix): suffixes[suffix] = markup(suffix, nil)
        case .list(let items), .tuple(let items):
            for case .str(let suffix) in items { suffixes[suffix] = markup(suffix, nil) }
        case .dict(let dict):
            for (key, parser) in zip(dict.keys, dict.values) {
                guard case .str(let suffix) = key else { continue }
                suffixes[suffix] = markup(suffix, parser.str)
            }
        default:
            wrongType("source_suffix", value, expected: "a string, list or dict")
            return
        }
        // Markdown pages stay readable when MyST is configured through extensions rather than source_suffix.
        if suffixes[".md"] == nil, case .list(let extensions)? = result.globals["extensions"],
           extensions.contains(.str("myst_parser")) || extensions.contains(.str("myst_nb")) {
            suffixes[".md"] = .markdown
        }
        if !suffixes.isEmpty { config.sourceSuffixes = suffixes }
    }

    /// `nitpick_ignore = [("py:class", "Any"), …]` and the regex form.
    mutating func applyNitpickIgnore(to config: inout SiteConfig) {
        for (key, regex) in [("nitpick_ignore", false), ("nitpick_ignore_regex", true)] {
            guard let value = value(key), let entries = value.elements else { continue }
            var out: [String] = []
            for entry in entries {
                guard let pair = entry.elements, pair.count == 2, case .str(let type) = pair[0],
                      case .str(let target) = pair[1] else { continue }
                out.append(type + ":" + target)
            }
            if regex { config.ignoreRegex += out } else { config.ignore += out }
        }
    }

    /// `extlinks = {"issue": ("https://…/%s", "#%s")}`.
    mutating func applyExtlinks(to config: inout SiteConfig) {
        guard case .dict(let dict)? = value("extlinks") else { return }
        for (key, entry) in zip(dict.keys, dict.values) {
            guard case .str(let name) = key, let pair = entry.elements, pair.count == 2, case .str(let url) = pair[0] else { continue }
            var caption: String?
            if case .str(let text) = pair[1] { caption = text }
            config.extlinks[name] = .init(url: url, caption: caption)
        }
    }

    /// `intersphinx_mapping`: each entry's inventory is read from disk when its second item names a file
    /// that exists; otherwise from the inventory folder, or the inventory is offline (the build says so
    /// once). Vellum never downloads inventories.
    mutating func applyIntersphinx(to config: inout SiteConfig) {
        guard case .dict(let dict)? = value("intersphinx_mapping") else { return }
        for (key, entry) in zip(dict.keys, dict.values) {
            guard case .str(let name) = key, let pair = entry.elements, pair.count == 2, case .str(let url) = pair[0] else { continue }
            let candidates: [String]
            switch pair[1] {
            case .str(let path): candidates = [path]
            case .tuple(let items), .list(let items): candidates = items.compactMap { if case .str(let s) = $0 { return s } else { return nil } }
            default: candidates = []
            }
            let local = candidates.filter { !$0.contains("://") }
                .map { $0.hasPrefix("/") ? $0 : (directory as NSString).appendingPathComponent($0) }
                .first { FileManager.default.fileExists(atPath: $0) }
            config.intersphinx[name] = .init(url: url, inventory: local)
        }
    }
}
