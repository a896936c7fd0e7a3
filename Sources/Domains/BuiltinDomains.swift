import CrossRef
import Extensions

/// The domains every build has: one line each.
public enum BuiltinDomains {
    public static func all(customTypes: [StandardDomain.CustomType] = []) -> [any Domain] {
        [
            StandardDomain(customTypes: customTypes),
            PythonDomain(),
            SwiftDomain(),
            JavaScriptDomain(),
            RSTDomain(),
            MathDomain(),
            CDomain(),
            CppDomain(),
        ]
    }

    /// Installs them all and the project's declared domains, with `primary`
    /// (Sphinx's `primary_domain`, `py` by default) also unprefixed.
    public static func install(into registry: inout Registry, customTypes: [StandardDomain.CustomType] = [],
                               declared: [DeclaredDomain] = [], primary: String = "py") {
        registry.install((all(customTypes: customTypes) + declared).map(DomainExtension.init))
        registry.setPrimaryDomain(primary)
    }
}
