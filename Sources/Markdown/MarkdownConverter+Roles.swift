import DocTree

extension MarkdownConverter {
    /// A MyST role `{name}`content``; `range` spans the whole role in the source.
    func role(_ name: String, content: String, range: SourceRange) -> [Node] {
        if let nodes = registryRole(name, content: content, range: range) {
            return nodes
        }
        if let nodes = BuiltinRoles.nodes(name: name, content: content, range: range, documentName: documentName) {
            return nodes
        }
        diagnose("md.unknown-role", .error, "unknown role '\(name)'", range,
                 suggestions: closestNames(to: name, among: settings.rst.roles.names + Array(localRoles.keys)))
        return [Node(.problematic, children: [.text("{\(name)}`\(content)`")], range: range)]
    }
}
