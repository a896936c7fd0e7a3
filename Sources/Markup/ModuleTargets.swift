import DocTree

/// Sphinx's `MoveModuleTargets`: a module's target (`.. module::`,
/// `automodule`) that is the first thing in a section, right after its
/// title, becomes the section's first id, so the section's anchor and its
/// toctree entries are `#module-name`, as in Sphinx. The section takes the
/// object's attributes with the id, so the module stays an object there.
package enum ModuleTargets {
    static let movedKeys = [AttributeKey.domain, AttributeKey.objtype, AttributeKey.fullname, AttributeKey.isModule,
                            "synopsis", "platform", "deprecated"]

    static func isModuleTarget(_ node: Node) -> Bool {
        node.kind == .target && node.attributes[AttributeKey.isModule] == .bool(true) && !node.ids.isEmpty
    }

    package static func apply(_ root: Node) -> Node {
        guard root.first(where: isModuleTarget) != nil else { return root }
        return root.rewritten { node in
            guard node.kind == .section, node.children.first?.kind == .title, node.children.count > 1 else { return [node] }
            // Sphinx's module directive puts its index entry before the target; Vellum has none there.
            let position = node.children[1].kind == "index" ? 2 : 1
            guard position < node.children.count, isModuleTarget(node.children[position]) else { return [node] }
            var section = node
            let target = section.children.remove(at: position)
            section.ids = target.ids + section.ids
            for key in movedKeys { section.attributes[key] = target.attributes[key] }
            return [section]
        }.first ?? root
    }
}
