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

    init(node: Node) {
        func option(_ name: String) -> String? { node.string("option-" + name) }
        members = Selection(option("members"))
        undocMembers = option("undoc-members") != nil && option("no-undoc-members") == nil
        privateMembers = Selection(option("private-members"))
        specialMembers = Selection(option("special-members"))
        inheritedMembers = option("inherited-members").map { value in
            let names = AutodocOptions.names(value)
            return names.isEmpty ? ["object"] : names
        }
        showInheritance = option("show-inheritance") != nil
        memberOrder = option("member-order").flatMap { Order(rawValue: $0.lowercased()) } ?? .alphabetical
        excludeMembers = Set(AutodocOptions.names(option("exclude-members") ?? ""))
        noindex = option("noindex") != nil || option("no-index") != nil
        synopsis = option("synopsis")
        platform = option("platform")
        deprecated = option("deprecated") != nil
        ignoreModuleAll = option("ignore-module-all") != nil
        noValue = option("no-value") != nil
        annotation = option("annotation")
    }

    /// `a, b c` → [a, b, c].
    static func names(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\n" || $0 == "\t" }).map(String.init)
    }
}
