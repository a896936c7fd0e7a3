import DocTree
import Extensions
import Foundation
import Markup

/// `sphinxcontrib.towncrier`'s `towncrier-draft-entries` directive: the
/// news of the coming release, as `towncrier build --draft` would print
/// them (``TowncrierDraft``), read into the page where the directive stands
/// as if included (in a Markdown page its headings continue the page's
/// sections). Its settings are conf.py's `towncrier_draft_autoversion_mode`,
/// `towncrier_draft_include_empty`, `towncrier_draft_working_directory` and
/// `towncrier_draft_config_path` (`[config]` in vellum.toml). What Vellum
/// cannot reproduce is a `towncrier.unrendered` warning, and the directive
/// gives nothing.
struct TowncrierExtension: Extension {
    static let settingNames = ["towncrier_draft_autoversion_mode", "towncrier_draft_include_empty",
                               "towncrier_draft_working_directory", "towncrier_draft_config_path"]
    var settings: [String: PyValue]
    var version: String
    var release: String
    var date: String

    /// The extension, when the project uses it (its settings are among the config values).
    init?(config: SiteConfig, now: Date = Date()) {
        guard config.configValues["towncrier_draft_autoversion_mode"] != nil else { return nil }
        settings = config.configValues.filter { Self.settingNames.contains($0.key) }
        version = config.version
        release = config.release ?? config.version
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd"
        date = formatter.string(from: now)
    }

    func setup(_ registry: inout Registry) {
        let extensionValue = self
        registry.directives.register("towncrier-draft-entries", Directive(DirectiveSpec(hasContent: true)) { call, host in
            extensionValue.run(call, host)
        })
    }

    func run(_ call: DirectiveCall, _ host: DirectiveHost) -> [Node] {
        func unrendered(_ why: String) -> [Node] {
            [host.report(.warning, "towncrier.unrendered", "towncrier-draft-entries: \(why); the draft is left out",
                         line: call.line, range: call.range, details: [])]
        }
        let lines = call.content.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        guard lines.count <= 1 else {
            return [host.report(.error, "rst.directive-error",
                                "Error in \"\(call.name)\" directive: only one argument permitted.",
                                line: call.line, range: call.range, details: [])]
        }
        let target: String
        if let given = lines.first?.trimmingCharacters(in: .whitespaces) {
            target = given
        } else {
            switch settings["towncrier_draft_autoversion_mode"]?.str ?? "scm-draft" {
            case "draft": target = "[UNRELEASED DRAFT]"
            case "sphinx-version": target = version
            case "sphinx-release": target = release
            case let mode: return unrendered("the version from autoversion mode '\(mode)' needs the project's version control")
            }
        }
        let root = host.options.includeRoot ?? "."
        let base = Self.absolute(settings["towncrier_draft_working_directory"]?.str ?? root, from: root)
        let candidates = settings["towncrier_draft_config_path"]?.str.map { [Self.absolute($0, from: base)] }
            ?? ["towncrier.toml", "pyproject.toml"].map { Self.absolute($0, from: base) }
        let read = { (path: String) -> String? in Self.read(path, host.options) }
        guard let (configPath, configText) = candidates.lazy.compactMap({ path in read(path).map { (path, $0) } }).first else {
            return unrendered("no towncrier configuration in \(candidates.joined(separator: " or "))")
        }
        var parser = TOMLParser(file: SourceFile(path: configPath, text: configText), allowsArraysOfTables: true)
        let toml = parser.parse()
        guard case .table(let tool)? = toml["tool"]?.value, case .table(let table)? = tool["towncrier"]?.value else {
            return unrendered("\(configPath) has no [tool.towncrier] table")
        }
        let draft = TowncrierDraft(config: TowncrierConfig(table), baseDirectory: base, version: target, date: date,
                                   read: read, list: { folder in
                                       (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
                                   })
        let rendered: String
        do throws(JinjaTemplate.Failure) { rendered = try draft.render() } catch { return unrendered(error.message) }
        let text = rendered.trimmingCharacters(in: .whitespacesAndNewlines)
        if settings["towncrier_draft_include_empty"]?.truth == false, text.contains("No significant changes") { return [] }
        if let problem = host.insertInput(text, path: "[towncrier-fragments]", tabWidth: 8) { return unrendered(problem) }
        return []
    }

    static func absolute(_ path: String, from base: String) -> String {
        (path.hasPrefix("/") ? path : ((base as NSString).appendingPathComponent(path))) .standardizedPath
    }

    /// A file through the page's file access (which keeps reads inside the project).
    static func read(_ path: String, _ options: ParserOptions) -> String? {
        if let readBytes = options.readBytes {
            guard case .success(let bytes) = readBytes(path) else { return nil }
            return String(decoding: bytes, as: UTF8.self)
        }
        return options.readFile?(path)
    }
}

private extension String {
    var standardizedPath: String { (self as NSString).standardizingPath }
}
