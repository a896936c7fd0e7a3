import Autodoc

extension ConfPyMapper {
    /// Sphinx's `autodoc_*` and `autoclass_content` settings.
    mutating func applyAutodoc(to config: inout SiteConfig) {
        if let order = choice("autodoc_member_order", ["alphabetical", "groupwise", "bysource"]) {
            config.autodoc.memberOrder = order
        }
        if let mode = choice("autodoc_typehints", ["signature", "description", "both", "none"]) {
            config.autodoc.typehints = mode
        }
        if let target = choice("autodoc_typehints_description_target", ["all", "documented", "documented_params"]) {
            config.autodoc.typehintsDescriptionTarget = target
        }
        if let content = choice("autoclass_content", ["class", "init", "both"]) { config.autodoc.classContent = content }
        if let mode = choice("autodoc_class_signature", ["mixed", "separated"]) { config.autodoc.classSignature = mode }
        if case .bool(let on)? = value("autodoc_preserve_defaults") { config.autodoc.preserveDefaults = on }
        if case .bool(let on)? = value("autodoc_inherit_docstrings") { config.autodoc.inheritDocstrings = on }
        if case .dict(let options)? = value("autodoc_default_options") {
            // {"members": True, "exclude-members": "__weakref__", "special-members": None, "undoc-members": False}
            for (key, setting) in zip(options.keys, options.values) {
                guard case .str(let name) = key, AutodocSettings.defaultOptionNames.contains(name) else { continue }
                switch setting {
                case .bool(false): config.autodoc.defaultOptions[name] = nil
                case .bool(true), .none: config.autodoc.defaultOptions[name] = ""
                case .str(let text): config.autodoc.defaultOptions[name] = text
                case .list(let items), .tuple(let items):
                    config.autodoc.defaultOptions[name] = items.compactMap { item -> String? in
                        if case .str(let text) = item { return text }
                        return nil
                    }.joined(separator: ",")
                default: wrongType("autodoc_default_options", setting, expected: "True, False, None or a string")
                }
            }
        }
    }

    /// A string setting that must be one of `choices` (another value is a warning; the default stays).
    mutating func choice(_ key: String, _ choices: [String]) -> String? {
        guard let text = string(key) else { return nil }
        guard choices.contains(text) else {
            diagnostics.append(.warning("conf.type", "conf.py: '\(key)' is \"\(text)\", expected one of \(choices.joined(separator: ", ")); its default is used",
                                        file: file, range: range(key)))
            return nil
        }
        return text
    }
}
