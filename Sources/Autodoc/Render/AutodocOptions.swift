import DocTree

/// The options of one autodoc directive, read back from its `autodoc` node.
struct AutodocOptions: Sendable {
    /// A member filter option: absent, present without a list (all), or a list of names.
    enum Selection: Equatable, Sendable {
        case none
        case all
        case names([String])

        init(_ value: String?) {
            guard let value else { self = .none; return }
            let names = AutodocOptions.names(value)
            self = names.isEmpty ? .all : .names(names)
        }

        func includes(_ name: String) -> Bool {
            switch self {
            case .none: return false
            case .all: return true
            case .names(let names): return names.contains(name)
            }
        }
    }

    enum Order: String, Sendable { case alphabetical, groupwise, bysource }

    var members: Selection
    var undocMembers: Bool
    var privateMembers: Selection
    var specialMembers: Selection
    /// `inherited-members`: nil when absent; otherwise the base class names to stop at (`object` by default).
    var inheritedMembers: [String]?
    /// Leave out members documented as `:internal:` (``AutodocSettings/skipInternal``).
    var skipInternal = false
    var showInheritance: Bool
    var memberOrder: Order
    var excludeMembers: Set<String>
    var noindex: Bool
    var synopsis: String?
    var platform: String?
    var deprecated: Bool
    var ignoreModuleAll: Bool
    var noValue: Bool
    var annotation: String?
    /// The directive (`autoclass`, `autoexception`, `autodecorator` …): its object type is the one shown.
    var directive: String?
    /// The parameters written after the name (`autoclass:: Name()`), shown instead of the extracted ones.
    var explicitArguments: String?

    /// sphinxcontrib-trio's options: words shown before the name (`with`, `await`, `@`) and after the
    /// signature (`as excinfo`), for the object the directive names.
    var usagePrefix: [String] = []
    var usageSuffix: String?

    /// The options for the members documented inside (the directive and its signature are the outer object's).
    var forMembers: AutodocOptions {
        var copy = self
        copy.directive = nil
        copy.explicitArguments = nil
        copy.usagePrefix = []
        copy.usageSuffix = nil
        // autodoc documents each member with all of its own members: a `:members: Name` list chooses the
        // directive's members, not theirs (`automodule:: m` `:members: Cls` shows all of Cls's members).
        if case .names = members { copy.members = .all }
        return copy
    }

    /// `autodoc_typehints`: annotations are shown in signatures for `signature` and `both`
    /// (overload signatures keep theirs unless it is `none`).
    var typehints = "signature"
    var typehintsDescriptionTarget = "all"
    var preserveDefaults = false
    var classContent = "class"
    var inheritDocstrings = true

    init(node: Node, settings: AutodocSettings = AutodocSettings()) {
        // `autodoc_default_options` fill in what the directive does not set (`no-NAME` switches one off).
        func option(_ name: String) -> String? {
            if let value = node.string("option-" + name) { return value }
            guard node.string("option-no-" + name) == nil else { return nil }
            return settings.defaultOptions[name]
        }
        members = Selection(option("members"))
        func trio(_ name: String) -> String? { node.string("option-" + name) }
        for kind in ["abstractmethod", "classmethod", "staticmethod"] where trio(kind) != nil { usagePrefix.append(kind) }
        if trio("async") != nil { usagePrefix.append("await") }
        if let target = trio("with") ?? trio("async-with") {
            usagePrefix.append(trio("with") != nil ? "with" : "async with")
            if !target.isEmpty { usageSuffix = "as " + target }
        } else if let target = trio("for") ?? trio("async-for") {
            usagePrefix.append((trio("for") != nil ? "for " : "async for ") + (target.isEmpty ? "..." : target) + " in")
        }
        if trio("decorator") != nil { usagePrefix.append("@") }
        undocMembers = option("undoc-members") != nil && option("no-undoc-members") == nil
        privateMembers = Selection(option("private-members"))
        specialMembers = Selection(option("special-members"))
        inheritedMembers = option("inherited-members").map { value in
            let names = AutodocOptions.names(value)
            return names.isEmpty ? ["object"] : names
        }
        showInheritance = option("show-inheritance") != nil
        skipInternal = settings.skipInternal
        memberOrder = Order(rawValue: (option("member-order") ?? settings.memberOrder).lowercased()) ?? .alphabetical
        excludeMembers = Set(AutodocOptions.names(option("exclude-members") ?? ""))
        noindex = option("noindex") != nil || option("no-index") != nil
        synopsis = option("synopsis")
        platform = option("platform")
        deprecated = option("deprecated") != nil
        ignoreModuleAll = option("ignore-module-all") != nil
        noValue = option("no-value") != nil
        annotation = option("annotation")
        directive = node.string("directive")
        typehints = settings.typehints
        typehintsDescriptionTarget = settings.typehintsDescriptionTarget
        preserveDefaults = settings.preserveDefaults
        classContent = option("class-doc-from") ?? settings.classContent
        inheritDocstrings = settings.inheritDocstrings
    }

    /// `a, b c` → [a, b, c].
    static func names(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\n" || $0 == "\t" }).map(String.init)
    }
}
