import DocTree

/// `note`, `warning` … and the generic `admonition` (with a title argument).
enum Admonitions {
    static let specific = ["attention", "caution", "danger", "error", "hint", "important", "note", "tip", "warning"]

    static func register(into r: inout DirectiveRegistry) {
        for name in specific {
            r.register(name, specificAdmonition(kind: NodeKind(name)))
        }
        r.register("seealso", specificAdmonition(kind: "seealso"))
        r.register("admonition", Directive(DirectiveSpec(requiredArguments: 1, finalArgumentWhitespace: true,
                                                         options: DirectiveSupport.classAndName, hasContent: true)) { call, host in
            if let err = DirectiveSupport.contentRequired(call, host) { return [err] }
            var node = Node(.admonition, range: call.range)
            let title = call.arguments.first ?? ""
            let (titleNodes, messages) = host.parseInline(title, line: call.line, column: 1)
            node.children.append(Node(.title, children: titleNodes, range: call.range))
            node.children += messages
            if call.options["class"] == nil {
                node.append("admonition-" + Names.makeID(title), to: "classes")
            }
            node = DirectiveSupport.applyClassAndName(node, call, host)
            node.children += DirectiveSupport.nested(call, host)
            return [node]
        })
    }

    static func specificAdmonition(kind: NodeKind) -> Directive {
        Directive(DirectiveSpec(options: DirectiveSupport.classAndName, hasContent: true)) { call, host in
            if let err = DirectiveSupport.contentRequired(call, host) { return [err] }
            var node = Node(kind, range: call.range)
            node = DirectiveSupport.applyClassAndName(node, call, host)
            node.children += DirectiveSupport.nested(call, host)
            return [node]
        }
    }
}
