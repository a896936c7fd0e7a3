/// Which members an autodoc directive documents, and in what order (Sphinx's
/// `filter_members` and `sort_members`, over statically extracted objects).
enum MemberSelection {
    /// Sphinx's groupwise rank of an object type.
    static func groupRank(_ object: APIObject) -> Int {
        switch object.kind {
        case .exception: return 10
        case .class, .struct, .enum, .protocol, .actor, .extension: return 20
        case .typealias, .associatedType: return 25
        case .function: return 30
        case .data, .variable, .enumCase: return 40
        case .method, .initializer, .subscript:
            return object.modifiers.contains("classmethod") || object.modifiers.contains("staticmethod") ? 49 : 50
        case .attribute, .property: return 60
        case .macro: return 70
        }
    }

    /// Members in the requested order. `sourceOrder` gives the bysource rank (e.g. `__all__` order).
    static func sorted(_ members: [APIObject], order: AutodocOptions.Order) -> [APIObject] {
        switch order {
        case .bysource:
            return members
        case .alphabetical:
            return members.enumerated().sorted { a, b in
                a.element.name != b.element.name ? a.element.name < b.element.name : a.offset < b.offset
            }.map(\.element)
        case .groupwise:
            return members.enumerated().sorted { a, b in
                let ra = groupRank(a.element), rb = groupRank(b.element)
                if ra != rb { return ra < rb }
                return a.element.name != b.element.name ? a.element.name < b.element.name : a.offset < b.offset
            }.map(\.element)
        }
    }

    /// A docstring with a line that is only `:internal:`.
    static func isInternal(_ text: String) -> Bool {
        text.contains(":internal:")
            && text.split(separator: "\n").contains { $0.trimmingCharacters(in: .whitespaces) == ":internal:" }
    }

    /// Applies the private/special/undocumented/exclude filters to members found with `want all`.
    /// Explicitly listed members skip the private and special filters, as in Sphinx.
    static func filtered(_ members: [APIObject], options: AutodocOptions, explicit: Bool,
                         isDocumented: (APIObject) -> Bool) -> [APIObject] {
        members.filter { member in
            if options.excludeMembers.contains(member.name) { return false }
            if options.skipInternal, let text = member.docstring?.text, isInternal(text) { return false }
            if !explicit {
                if member.isSpecial {
                    guard options.specialMembers.includes(member.name) else { return false }
                    return isDocumented(member) || options.undocMembers
                }
                if member.isPrivate {
                    guard options.privateMembers.includes(member.name) else { return false }
                }
            }
            return isDocumented(member) || options.undocMembers
        }
    }
}
