import Domains
import Extensions
import RST

extension RSTOptions {
    /// docutils' and Sphinx's directives and roles with every built-in domain installed, as in a site build.
    static func site(sourceLabel: String? = nil) -> RSTOptions {
        var registry = Registry(directives: .standard, roles: .standard)
        BuiltinDomains.install(into: &registry)
        var options = RSTOptions(directives: registry.directives, roles: registry.roles)
        options.sourceLabel = sourceLabel
        return options
    }
}
