@_exported import Markup
import DocTree

/// Settings for one RST parse: the markup-neutral `ParserOptions` (read
/// through this value as if they were its own) plus the directives and
/// roles the document may use, docutils' and Sphinx's unless replaced.
@dynamicMemberLookup
public struct RSTOptions: Sendable {
    public var parser: ParserOptions
    /// Directives available to the document (the standard set unless replaced).
    public var directives: DirectiveRegistry
    /// Interpreted-text roles available to the document.
    public var roles: RoleRegistry
    /// Text read before the document (Sphinx's `rst_prolog`), after its leading docinfo
    /// fields; its lines are its own, so the document's line numbers stay as written.
    public var prolog: SourceFile?

    public init(rawEnabled: Bool = false, tags: Set<String> = [], includeRoot: String? = nil,
                readFile: (@Sendable (String) -> String?)? = nil,
                extlinks: [String: (url: String, caption: String?)] = [:],
                sourceLabel: String? = nil,
                directives: DirectiveRegistry = .standard, roles: RoleRegistry = .standard,
                defaultRole: String? = nil, highlightLanguage: String? = nil) {
        parser = ParserOptions(rawEnabled: rawEnabled, tags: tags, includeRoot: includeRoot, readFile: readFile, extlinks: extlinks, sourceLabel: sourceLabel,
                               defaultRole: defaultRole, highlightLanguage: highlightLanguage)
        self.directives = directives
        self.roles = roles
    }

    public init(parser: ParserOptions, directives: DirectiveRegistry = .standard, roles: RoleRegistry = .standard) {
        self.parser = parser
        self.directives = directives
        self.roles = roles
    }

    public subscript<Value>(dynamicMember keyPath: WritableKeyPath<ParserOptions, Value>) -> Value {
        get { parser[keyPath: keyPath] }
        set { parser[keyPath: keyPath] = newValue }
    }
}

extension DirectiveRegistry {
    /// docutils' standard directives plus the Sphinx ones Vellum supports.
    public static let standard: DirectiveRegistry = {
        var r = DirectiveRegistry()
        StandardDirectives.register(into: &r)
        return r
    }()
}

extension RoleRegistry {
    /// docutils' standard roles plus Sphinx's cross-reference and text roles.
    public static let standard: RoleRegistry = {
        var r = RoleRegistry()
        StandardRoles.register(into: &r)
        SphinxRoles.register(into: &r)
        return r
    }()
}
