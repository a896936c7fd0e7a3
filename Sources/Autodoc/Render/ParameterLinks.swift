import DocTree

/// sphinx-paramlinks' anchors in a docstring: each parameter its `:param name:` and `:keyword name:`
/// fields describe gets the anchor `<object>.params.<name>` and a `¶` link to it after its name,
/// which `:paramref:` links to. As the extension does, only for the docstrings of functions,
/// methods and classes (a class's constructor parameters are the class's), and only for fields
/// the docstring itself writes.
enum ParameterLinks {
    /// The names the top-level field lists describe with `:param …:` or `:keyword …:`, as the anchors spell them.
    static func describedNames(_ nodes: [Node]) -> Set<String> {
        var names: Set<String> = []
        for list in nodes where list.kind == .fieldList {
            for field in list.children where field.kind == .field {
                guard let name = field.children.first(where: { $0.kind == .fieldName })?.textContent else { continue }
                let words = name.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
                guard words.count >= 2, words[0] == "param" || words[0] == "keyword", let last = words.last else { continue }
                names.insert(String(last))
            }
        }
        return names
    }

    /// `name`, then `name=default` and ``` ``name`` ``` as the anchor spells them.
    static func anchorName(_ name: String) -> String {
        var text = name
        if text.hasPrefix("``"), text.hasSuffix("``"), text.count > 4 { text = String(text.dropFirst(2).dropLast(2)) }
        if let equals = text.firstIndex(of: "="), equals != text.startIndex { text = String(text[..<equals]) }
        return text.replacingOccurrences(of: "\\", with: "")
    }

    /// Adds the anchors and links to the grouped Parameters field of `nodes` (after the doc-field transform).
    static func apply(_ nodes: [Node], object: String, names: Set<String>) -> [Node] {
        guard !names.isEmpty else { return nodes }
        let owner = object.hasSuffix(".__init__") ? String(object.dropLast(".__init__".count)) : object
        return nodes.map { list in
            guard list.kind == .fieldList else { return list }
            var copy = list
            copy.children = list.children.map { field in
                guard field.kind == .field,
                      field.children.first(where: { $0.kind == .fieldName })?.textContent == "Parameters" else { return field }
                return field.rewritten { node -> [Node] in
                    guard node.kind == .paragraph, let first = node.children.first, first.kind == .strong,
                          names.contains(first.textContent) else { return [node] }
                    let id = owner + ".params." + anchorName(first.textContent)
                    var paragraph = node
                    let anchor = Node(.inline, attributes: [AttributeKey.ids: .list([id]), AttributeKey.classes: .list(["target"])])
                    let link = Node(.reference, attributes: ["internal": .bool(true), "refuri": .string("#" + id),
                                                             AttributeKey.classes: .list(["paramlink", "headerlink"])],
                                    children: [.text("¶")])
                    paragraph.children = [anchor, first, link] + node.children.dropFirst()
                    return [paragraph]
                }.first ?? field
            }
            return copy
        }
    }
}
