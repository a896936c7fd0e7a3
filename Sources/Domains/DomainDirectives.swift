import Markup

/// Registers Sphinx's object-description directives: the standard domain
/// (`program`, `option`, `envvar`, `describe`/`object`, `glossary`, custom
/// object types) and the Python domain (`py:module` … `py:decorator`, plus the
/// unprefixed names Sphinx accepts when `py` is the default domain).
public enum DomainDirectives {
    /// `objectTypes`: object type → (directive name, role name), from vellum.toml
    /// (e.g. `"setting": ("setting", "setting")`). Anchors are `<objtype>-<name>`.
    public static func register(into registry: inout DirectiveRegistry,
                                objectTypes: [String: (directive: String, role: String)]) {
        PythonDirectives.register(into: &registry)
        StandardDomainDirectives.register(into: &registry, objectTypes: objectTypes)
        GlossaryDirective.register(into: &registry)
    }
}
