import Domains
import Extensions
import Markdown
import RST

extension MarkdownOptions {
    /// Options with the roles and directives a site build has (every built-in domain installed).
    static func site(rawHTMLEnabled: Bool = false) -> MarkdownOptions {
        var registry = Registry(directives: .standard, roles: .standard)
        BuiltinDomains.install(into: &registry)
        var options = MarkdownOptions(rawHTMLEnabled: rawHTMLEnabled)
        options.rst.directives = registry.directives
        options.rst.roles = registry.roles
        return options
    }
}
