import Autodoc
import DocTree
import Foundation

/// Writes a configuration as `vellum.toml` (for `vellum migrate`): every
/// setting that differs from Vellum's default, in the file's own sections,
/// so that reading the text back gives the same configuration.
struct TOMLWriter {
    /// The folder the file will sit in: paths inside it are written relative to it.
    let directory: String
    private(set) var text = ""
    private var section: String?

    init(directory: String) {
        self.directory = directory
    }

    mutating func comment(_ line: String) {
        for part in line.split(separator: "\n", omittingEmptySubsequences: false) {
            text += part.isEmpty ? "#\n" : "# " + part + "\n"
        }
    }

    mutating func blank() {
        text += "\n"
    }

    /// `key = value` in `[table]`, starting the table if it is not the current one.
    mutating func set(_ table: String, _ key: String, _ value: String) {
        if section != table {
            if !text.isEmpty { text += "\n" }
            text += "[\(table)]\n"
            section = table
        }
        text += Self.key(key) + " = " + value + "\n"
    }

    mutating func set(_ table: String, _ key: String, string value: String) {
        set(table, key, Self.string(value))
    }

    mutating func set(_ table: String, _ key: String, strings values: [String]) {
        set(table, key, "[" + values.map(Self.string).joined(separator: ", ") + "]")
    }

    /// A bare key when TOML allows one, else a quoted key.
    static func key(_ key: String) -> String {
        let bare = !key.isEmpty && key.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-"
        }
        return bare ? key : string(key)
    }

    /// A basic string; text with line breaks is a multi-line basic string, so epilogs stay readable.
    static func string(_ value: String) -> String {
        let multiline = value.contains("\n")
        var out = multiline ? "\"\"\"\n" : "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += multiline ? "\n" : "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += String(format: "\\u%04X", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + (multiline ? "\"\"\"" : "\"")
    }

    /// A `[config]` value; nil when TOML has no such value (`None`, a dict).
    static func value(_ value: PyValue) -> String? {
        switch value {
        case .str(let s): return string(s)
        case .int(let n): return String(n)
        case .float(let d):
            if d.isNaN { return "nan" }
            if d.isInfinite { return d < 0 ? "-inf" : "inf" }
            return "\(d)"
        case .bool(let b): return b ? "true" : "false"
        case .list(let items), .tuple(let items):
            var parts: [String] = []
            for item in items {
                guard let part = Self.value(item) else { return nil }
                parts.append(part)
            }
            return "[" + parts.joined(separator: ", ") + "]"
        default: return nil
        }
    }

    /// A path as written in the file: relative to its folder (`../src`), or absolute when elsewhere on another root.
    func path(_ absolute: String) -> String {
        let from = URL(fileURLWithPath: directory).standardizedFileURL.pathComponents
        let to = URL(fileURLWithPath: absolute).standardizedFileURL.pathComponents
        var common = 0
        while common < from.count, common < to.count, from[common] == to[common] { common += 1 }
        guard common > 0 else { return absolute }
        let parts = Array(repeating: "..", count: from.count - common) + to[common...]
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }
}

extension SiteConfig {
    /// This configuration as `vellum.toml` text for a file in `directory`,
    /// headed by `header` comment lines.
    func tomlText(directory: String, header: [String] = []) -> String {
        let defaults = SiteConfig()
        var w = TOMLWriter(directory: directory)
        for line in header { w.comment(line) }
        if projectName != defaults.projectName { w.set("project", "name", string: projectName) }
        if version != defaults.version { w.set("project", "version", string: version) }
        if let release { w.set("project", "release", string: release) }
        if let copyright { w.set("project", "copyright", string: copyright) }
        if rootDocument != defaults.rootDocument { w.set("project", "root", string: rootDocument) }
        if let templateDirectory { w.set("project", "templates", string: w.path(templateDirectory)) }
        if let baseURL { w.set("project", "base_url", string: baseURL) }
        if language != defaults.language { w.set("project", "language", string: language) }
        if let siteTitle { w.set("project", "title", string: siteTitle) }
        if primaryDomain != defaults.primaryDomain { w.set("project", "primary_domain", string: primaryDomain) }
        if let today { w.set("project", "today", string: today) }
        if todayFormat != defaults.todayFormat { w.set("project", "today_format", string: todayFormat) }

        if exclude != defaults.exclude { w.set("build", "exclude", strings: exclude) }
        if include != defaults.include { w.set("build", "include", strings: include) }
        if sourceSuffixes != defaults.sourceSuffixes {
            let pairs = sourceSuffixes.keys.sorted().map { TOMLWriter.key($0) + " = " + TOMLWriter.string(sourceSuffixes[$0]!.rawValue) }
            w.set("build", "source_suffix", "{ " + pairs.joined(separator: ", ") + " }")
        }
        if !unsupportedExtensions.isEmpty { w.set("build", "extensions", strings: unsupportedExtensions) }
        if smartQuotes != defaults.smartQuotes { w.set("build", "smartquotes", smartQuotes ? "true" : "false") }
        if smartQuotesAction != defaults.smartQuotesAction { w.set("build", "smartquotes_action", string: smartQuotesAction) }
        if rawEnabled { w.set("build", "raw", "true") }
        if !tags.isEmpty { w.set("build", "tags", strings: tags) }
        if !readRoots.isEmpty { w.set("build", "read_roots", strings: readRoots.map(w.path)) }
        if let defaultRole { w.set("build", "default_role", string: defaultRole) }
        if let highlightLanguage { w.set("build", "highlight_language", string: highlightLanguage) }
        if let rstProlog { w.set("build", "rst_prolog", string: rstProlog) }
        if numfig != defaults.numfig { w.set("build", "numfig", numfig ? "true" : "false") }
        if addModuleNames != defaults.addModuleNames { w.set("build", "add_module_names", addModuleNames ? "true" : "false") }
        if numfigFormat != defaults.numfigFormat {
            let pairs = numfigFormat.keys.sorted().map { TOMLWriter.key($0) + " = " + TOMLWriter.string(numfigFormat[$0]!) }
            w.set("build", "numfig_format", "{ " + pairs.joined(separator: ", ") + " }")
        }
        if let rstEpilog { w.set("build", "rst_epilog", string: rstEpilog) }

        if !pythonPaths.isEmpty { w.set("autodoc", "python_paths", strings: pythonPaths.map(w.path)) }
        let autodocDefaults = AutodocSettings()
        if autodoc.memberOrder != autodocDefaults.memberOrder { w.set("autodoc", "member_order", string: autodoc.memberOrder) }
        if autodoc.typehints != autodocDefaults.typehints { w.set("autodoc", "typehints", string: autodoc.typehints) }
        if autodoc.typehintsDescriptionTarget != autodocDefaults.typehintsDescriptionTarget {
            w.set("autodoc", "typehints_description_target", string: autodoc.typehintsDescriptionTarget)
        }
        if autodoc.classContent != autodocDefaults.classContent { w.set("autodoc", "class_content", string: autodoc.classContent) }
        if autodoc.classSignature != autodocDefaults.classSignature {
            w.set("autodoc", "class_signature", string: autodoc.classSignature)
        }
        if autodoc.preserveDefaults != autodocDefaults.preserveDefaults {
            w.set("autodoc", "preserve_defaults", autodoc.preserveDefaults ? "true" : "false")
        }
        if autodoc.inheritDocstrings != autodocDefaults.inheritDocstrings {
            w.set("autodoc", "inherit_docstrings", autodoc.inheritDocstrings ? "true" : "false")
        }
        if !autodoc.defaultOptions.isEmpty {
            // A flag is `true`; an option with a value keeps it.
            let pairs = autodoc.defaultOptions.keys.sorted().map { name in
                let value = autodoc.defaultOptions[name]!
                return TOMLWriter.key(name) + " = " + (value.isEmpty ? "true" : TOMLWriter.string(value))
            }
            w.set("autodoc", "default_options", "{ " + pairs.joined(separator: ", ") + " }")
        }
        if !swiftModules.isEmpty {
            let pairs = swiftModules.map { TOMLWriter.key($0.name) + " = " + TOMLWriter.string(w.path($0.path)) }
            w.set("autodoc", "swift_modules", "{ " + pairs.joined(separator: ", ") + " }")
        }

        if !severityOverrides.isEmpty {
            let pairs = severityOverrides.keys.sorted().map {
                TOMLWriter.key($0) + " = " + TOMLWriter.string(severityOverrides[$0]!.label)
            }
            w.set("diagnostics", "severity", "{ " + pairs.joined(separator: ", ") + " }")
        }
        if !ignore.isEmpty { w.set("diagnostics", "ignore", strings: ignore) }
        if !ignoreRegex.isEmpty { w.set("diagnostics", "ignore_regex", strings: ignoreRegex) }

        if showSource { w.set("html", "show_source", "true") }
        if !moduleIndexCommonPrefix.isEmpty { w.set("html", "modindex_common_prefix", strings: moduleIndexCommonPrefix) }

        if !mystExtensions.isEmpty { w.set("myst", "enable_extensions", strings: mystExtensions) }
        if let mystHeadingAnchors { w.set("myst", "heading_anchors", String(mystHeadingAnchors)) }
        if !mystSubstitutions.isEmpty {
            let pairs = mystSubstitutions.keys.sorted().map { TOMLWriter.key($0) + " = " + TOMLWriter.string(mystSubstitutions[$0]!) }
            w.set("myst", "substitutions", "{ " + pairs.joined(separator: ", ") + " }")
        }

        for name in extlinks.keys.sorted() {
            let link = extlinks[name]!
            w.set("extlinks.\(TOMLWriter.key(name))", "url", string: link.url)
            if let caption = link.caption { w.set("extlinks.\(TOMLWriter.key(name))", "caption", string: caption) }
        }
        for name in intersphinx.keys.sorted() {
            let entry = intersphinx[name]!
            w.set("intersphinx.\(TOMLWriter.key(name))", "url", string: entry.url)
            if let inventory = entry.inventory { w.set("intersphinx.\(TOMLWriter.key(name))", "inventory", string: w.path(inventory)) }
        }
        for name in objectTypes.keys.sorted() {
            let type = objectTypes[name]!
            let table = "object_types.\(TOMLWriter.key(name))"
            w.set(table, "directive", string: type.directive)
            w.set(table, "role", string: type.role)
            if let index = type.indexTemplate { w.set(table, "index", string: index) }
            if type.targetOnly { w.set(table, "target", "true") }
            if let label = type.label { w.set(table, "label", string: label) }
            if let node = type.referenceNode { w.set(table, "reference_node", string: node) }
        }
        for name in genericRoles.keys.sorted() { w.set("roles", name, string: genericRoles[name]!) }
        var untyped: [String] = []
        for name in configValues.keys.sorted() {
            if let value = TOMLWriter.value(configValues[name]!) { w.set("config", name, value) } else { untyped.append(name) }
        }
        if !untyped.isEmpty {
            w.blank()
            for name in untyped {
                w.comment("config value '\(name)' is \(configValues[name]!.typeName), which TOML cannot hold; ifconfig will not know it")
            }
        }
        return w.text
    }
}

extension SiteConfig {
    /// `vellum migrate`: the `vellum.toml` equivalent of a Sphinx project's
    /// `conf.py` (read statically, as a build reads it), headed by a comment
    /// for each setting it could not carry over. Nil when there is no conf.py.
    public static func migrate(sourceDirectory: URL, displayRoot: String, now: Date = Date())
        -> (toml: String, diagnostics: [Diagnostic])? {
        let confURL = sourceDirectory.appendingPathComponent("conf.py")
        guard let data = FileManager.default.contents(atPath: confURL.path) else { return nil }
        let file = SourceFile(path: displayRoot + "/conf.py", text: String(decoding: data, as: UTF8.self))
        let (config, diagnostics) = load(confPy: file, directory: sourceDirectory.standardizedFileURL.path, now: now)
        var header = ["vellum.toml, written by `vellum migrate` from conf.py (read without running Python).",
                      "Vellum reads this file over conf.py, key by key; with it, conf.py is no longer needed."]
        if !diagnostics.isEmpty {
            header += ["", "Not carried over (set these by hand if the site needs them):"]
            let ordered = diagnostics.enumerated().sorted {
                ($0.element.file?.path ?? "", $0.element.range?.start.line ?? 0, $0.offset)
                    < ($1.element.file?.path ?? "", $1.element.range?.start.line ?? 0, $1.offset)
            }.map(\.element)
            for d in ordered {
                let place = (d.file?.path).map { path in path + (d.range.map { ":\($0.start.line)" } ?? "") } ?? "conf.py"
                let message = d.message.hasPrefix("conf.py: ") ? String(d.message.dropFirst(9)) : d.message
                header.append("  \(place): \(message) [\(d.id)]")
            }
        }
        return (config.tomlText(directory: sourceDirectory.standardizedFileURL.path, header: header), diagnostics)
    }
}
