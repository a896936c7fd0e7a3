import DocTree

/// The types autodoc writes into an object's field list when
/// `autodoc_typehints = "description"`: `:type x:` for each annotated
/// parameter without one, `:param x:` for each without one, and `:rtype:`
/// for the return annotation (not for a class) — merged into the first field
/// list of the docstring, or a new one at its end, as Sphinx's
/// `autodoc.typehints` does before the fields are grouped.
struct TypeFields {
    /// Parameter name (with `*`/`**` for variadics) → type text (`~pkg.mod.Name` shows `Name`).
    var parameters: [(name: String, type: String)]
    var returnType: String?
    /// `autodoc_typehints_description_target` (``AutodocSettings/typehintsDescriptionTarget``).
    var target = "all"

    var isEmpty: Bool { parameters.isEmpty && returnType == nil }

    /// Into every top-level field list of `nodes`; with `appendIfNone`, into a new one at the end when there is none.
    func merged(into nodes: [Node], appendIfNone: Bool = false) -> [Node] {
        guard !isEmpty else { return nodes }
        var out = nodes
        if !out.contains(where: { $0.kind == .fieldList }) {
            guard appendIfNone else { return out }
            out.append(Node(.fieldList))
        }
        for index in out.indices where out[index].kind == .fieldList { out[index] = merged(into: out[index]) }
        return out.filter { $0.kind != .fieldList || !$0.children.isEmpty }
    }

    func merged(into fieldList: Node) -> Node {
        var list = fieldList
        var params: Set<String> = []
        var types: Set<String> = []
        var hasReturnType = false
        var describesReturn = false
        for field in list.children where field.kind == .field {
            let words = (field.children.first { $0.kind == .fieldName }?.textContent ?? "")
                .split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            guard let kind = words.first else { continue }
            switch kind {
            case "param", "parameter", "arg", "argument", "key", "keyword":
                if words.count == 2 { params.insert(words[1]) }
                if words.count > 2 { params.insert(words.last!); types.insert(words.last!) }
            case "type": if words.count > 1 { types.insert(words.dropFirst().joined(separator: " ")) }
            case "rtype": hasReturnType = true
            case "return", "returns": describesReturn = true
            default: break
            }
        }
        func field(_ name: String, _ body: String) -> Node {
            Node(.field, children: [Node(.fieldName, children: [.text(name)]),
                                    Node(.fieldBody, children: body.isEmpty ? [] : [Node(.paragraph, children: [.text(body)])])])
        }
        for (written, type) in parameters {
            let name = params.contains("*" + written) || types.contains("*" + written) ? "*" + written
                : params.contains("**" + written) || types.contains("**" + written) ? "**" + written : written
            if target != "all" {
                // Only the parameters the docstring describes get a type.
                if params.contains(name), !types.contains(name) { list.children.append(field("type " + name, type)) }
                continue
            }
            if !types.contains(name) { list.children.append(field("type " + name, type)) }
            if !params.contains(name) { list.children.append(field("param " + name, "")) }
        }
        if let returnType, !hasReturnType,
           target == "all" || describesReturn || (target == "documented_params" && returnType != "None") {
            list.children.append(field("rtype", returnType))
        }
        return list
    }
}
