extension APIObject {
    /// The Sphinx `py` domain object type for a Python object (`class`, `exception`,
    /// `function`, `method`, `classmethod`, `staticmethod`, `property`, `attribute`, `data`),
    /// or the kind's name for Swift objects.
    public var sphinxObjectType: String {
        switch kind {
        case .method:
            if modifiers.contains("classmethod") { return "classmethod" }
            if modifiers.contains("staticmethod") { return "staticmethod" }
            return "method"
        default:
            return kind.rawValue
        }
    }

    /// The same object documented under another name: its qualified name and
    /// those of all its members re-rooted at `qualifiedName`.
    public func renamed(qualifiedName newName: String) -> APIObject {
        var copy = self
        copy.qualifiedName = newName
        copy.members = members.map { $0.renamed(qualifiedName: newName + "." + $0.name) }
        return copy
    }
}
