import DocTree

/// Builders for Sphinx's object-description node shapes (`desc`, `desc_signature` …).
public enum DescNodes {
    /// A `desc` holding signatures and one `desc_content`.
    public static func desc(domain: String, objtype: String, noindex: Bool, signatures: [Node], content: [Node],
                            range: SourceRange?) -> Node {
        var node = Node("desc", range: range)
        node.attributes[AttributeKey.domain] = .string(domain)
        node.attributes[AttributeKey.objtype] = .string(objtype)
        node.attributes["desctype"] = .string(objtype)
        node.attributes[AttributeKey.classes] = .list([domain, objtype])
        if noindex { node.attributes[AttributeKey.noindex] = .bool(true) }
        node.children = signatures + [Node("desc_content", children: content)]
        return node
    }

    /// A signature part holding one text (`desc_name`, `desc_addname`, `desc_annotation` …).
    public static func part(_ kind: String, _ text: String) -> Node {
        Node(NodeKind(kind), children: [.text(text)])
    }

    /// `desc_parameterlist` with one `desc_parameter` per entry.
    public static func parameterList(_ parameters: [String]) -> Node {
        Node("desc_parameterlist", children: parameters.map { part("desc_parameter", $0) })
    }

    /// The signature nodes of a Python object: annotations, `prefix.`, name, type parameters,
    /// parameters, return annotation (`desc_returns`, rendered with an arrow by the writer).
    /// With a `document`, the types in annotations are `py:class` references (as Sphinx's Python domain makes them).
    public static func pythonSignatureParts(_ signature: PythonSignature, annotations: [String],
                                            prefix: String? = nil, document: String? = nil) -> [Node] {
        var parts: [Node] = annotations.map { part("desc_annotation", $0 + " ") }
        if let prefix = prefix ?? signature.prefix, !prefix.isEmpty { parts.append(part("desc_addname", prefix + ".")) }
        parts.append(part("desc_name", signature.name))
        if let typeParameters = signature.typeParameters {
            parts.append(part("desc_annotation", "[" + PythonSignature.splitTopLevel(Array(typeParameters)).joined(separator: ", ") + "]"))
        }
        if let parameters = signature.parameters {
            if let document {
                parts.append(Node("desc_parameterlist", children: parameters.map { pythonParameter($0, document: document) }))
            } else {
                parts.append(parameterList(parameters))
            }
        }
        if let returns = signature.returnAnnotation {
            parts.append(document.map { Node("desc_returns", children: PythonTypeExpression.annotationNodes(returns, document: $0)) }
                         ?? part("desc_returns", returns))
        }
        return parts
    }

    /// One parameter as written (`name: type = default`), its annotation as references.
    static func pythonParameter(_ text: String, document: String) -> Node {
        let chars = Array(text)
        var depth = 0
        var colon: Int?
        var equals: Int?
        for (index, c) in chars.enumerated() {
            if "([{".contains(c) { depth += 1 } else if ")]}".contains(c) { depth = max(0, depth - 1) }
            else if depth == 0, c == ":", colon == nil, equals == nil { colon = index }
            else if depth == 0, c == "=", equals == nil { equals = index }
        }
        guard let colon else { return part("desc_parameter", text) }
        let name = String(chars[..<colon]).trimming(" ")
        let annotation = String(chars[(colon + 1)..<(equals ?? chars.count)]).trimming(" ")
        guard !annotation.isEmpty else { return part("desc_parameter", text) }
        var children: [Node] = [.text(name + ": ")] + PythonTypeExpression.annotationNodes(annotation, document: document)
        if let equals { children.append(.text(" = " + String(chars[(equals + 1)...]).trimming(" "))) }
        return Node("desc_parameter", children: children)
    }
}
