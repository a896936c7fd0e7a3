import DocTree

/// Sphinx's doc-field transform for Python objects: the info fields of an
/// object's content (`:param x:`, `:type x:`, `:returns:`, `:rtype:`,
/// `:raises E:`, `:var x:` …) become grouped fields ("Parameters", "Returns",
/// "Return type", "Raises", "Variables") with linked types; other fields stay.
public enum DocFieldTransformer {
    struct Item {
        var name: String
        var type: [Node]
        var body: [Node]
        /// Where the field was written (for the references made from it).
        var range: SourceRange? = nil
    }

    enum Group: String {
        case parameters = "Parameters"
        case variables = "Variables"
        case raises = "Raises"
        case returns = "Returns"
        case returnType = "Return type"
        case yields = "Yields"
    }

    /// Transforms every top-level `field_list` of `content` (the body of one `desc_content`).
    public static func transform(_ content: [Node], documentName: String) -> [Node] {
        content.map { node in
            node.kind == .fieldList ? transformList(node, documentName: documentName) : node
        }
    }

    static func words(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map(String.init)
    }

    static func transformList(_ list: Node, documentName: String) -> Node {
        var grouped: [Group: [Item]] = [:]
        var types: [String: [Node]] = [:]
        var varTypes: [String: [Node]] = [:]
        var order: [Group] = []
        // Output sequence: a group at its first field, other fields where they stand.
        var sequence: [(group: Group?, node: Node?)] = []
        func add(_ group: Group, _ item: Item, at index: Int) {
            if grouped[group] == nil { order.append(group); sequence.append((group, nil)) }
            grouped[group, default: []].append(item)
        }
        for (index, field) in list.children.enumerated() {
            guard field.kind == .field,
                  let nameNode = field.children.first(where: { $0.kind == .fieldName }),
                  let bodyNode = field.children.first(where: { $0.kind == .fieldBody }) else {
                sequence.append((nil, field)); continue
            }
            let parts = words(nameNode.textContent)
            guard let kind = parts.first?.lowercased() else { sequence.append((nil, field)); continue }
            let argument = parts.dropFirst()
            let body = bodyNode.children
            let range = nameNode.range ?? field.range
            switch kind {
            case "param", "parameter", "arg", "argument", "key", "keyword":
                guard let name = argument.last else { sequence.append((nil, field)); continue }
                let type = argument.count > 1 ? located(typeNodes(argument.dropLast().joined(separator: " "), documentName: documentName), range) : []
                add(.parameters, Item(name: name, type: type, body: body), at: index)
            case "type":
                guard let name = argument.last else { sequence.append((nil, field)); continue }
                types[name] = located(typeBody(body, documentName: documentName), bodyNode.range ?? range)
            case "var", "ivar", "cvar":
                guard let name = argument.last else { sequence.append((nil, field)); continue }
                let type = argument.count > 1 ? located(typeNodes(argument.dropLast().joined(separator: " "), documentName: documentName), range) : []
                add(.variables, Item(name: name, type: type, body: body), at: index)
            case "vartype":
                guard let name = argument.last else { sequence.append((nil, field)); continue }
                varTypes[name] = located(typeBody(body, documentName: documentName), bodyNode.range ?? range)
            case "raises", "raise", "except", "exception":
                // Without the exception's name the field does not match Sphinx's spec: it stays a plain field.
                guard !argument.isEmpty else { sequence.append((nil, field)); continue }
                let name = argument.joined(separator: " ")
                add(.raises, Item(name: name, type: [], body: body, range: range), at: index)
            case "returns", "return":
                guard argument.isEmpty else { sequence.append((nil, field)); continue }
                add(.returns, Item(name: "", type: [], body: body), at: index)
            case "rtype":
                add(.returnType, Item(name: "", type: [], body: located(typeBody(body, documentName: documentName), bodyNode.range ?? range)), at: index)
            case "meta":
                continue
            default:
                sequence.append((nil, field))
            }
        }
        guard !order.isEmpty else { return list }
        var fields: [Node] = []
        // Groups appear where their first field was, as in Sphinx.
        for entry in sequence {
            if let node = entry.node { fields.append(node); continue }
            guard let group = entry.group, var items = grouped[group] else { continue }
            for k in items.indices where items[k].type.isEmpty {
                if group == .parameters, let type = types[items[k].name] { items[k].type = type }
                if group == .variables, let type = varTypes[items[k].name] { items[k].type = type }
            }
            fields.append(field(group, items, documentName: documentName))
        }
        var copy = list
        copy.children = fields
        return copy
    }

    /// One grouped field: a single item inline, several as a bullet list.
    static func field(_ group: Group, _ items: [Item], documentName: String) -> Node {
        var bodies: [[Node]] = []
        for item in items {
            switch group {
            case .returns, .returnType, .yields:
                bodies.append(item.body)
            case .raises:
                var head: [Node] = located([xref(item.name, type: "exc", documentName: documentName, emphasis: false)], item.range)
                if !item.body.isEmpty { head.append(.text(" – ")) }
                bodies.append(merge(head, item.body))
            case .parameters, .variables:
                var head: [Node] = [Node(.strong, children: [.text(item.name)])]
                if !item.type.isEmpty { head += [.text(" (")] + item.type + [.text(")")] }
                if !item.body.isEmpty { head.append(.text(" – ")) }
                bodies.append(merge(head, item.body))
            }
        }
        let body: [Node]
        if bodies.count == 1, let only = bodies.first {
            body = only
        } else {
            body = [Node(.bulletList, children: bodies.map { Node(.listItem, children: $0) })]
        }
        return Node(.field, children: [Node(.fieldName, children: [.text(group.rawValue)]),
                                       Node(.fieldBody, children: body)])
    }

    /// Puts `head` in front of the body's first paragraph (or in a paragraph of its own).
    static func merge(_ head: [Node], _ body: [Node]) -> [Node] {
        if var first = body.first, first.kind == .paragraph {
            first.children = head + first.children
            return [first] + body.dropFirst()
        }
        return [Node(.paragraph, children: head)] + body
    }

    /// Gives generated references without a position the position of the field they came from.
    static func located(_ nodes: [Node], _ range: SourceRange?) -> [Node] {
        guard let range else { return nodes }
        return nodes.map { node in
            guard node.kind == .pendingXref, node.range == nil else { return node }
            var copy = node
            copy.range = range
            return copy
        }
    }

    /// A type given in a field body: its inline content, or a link when it is a plain name.
    static func typeBody(_ body: [Node], documentName: String) -> [Node] {
        guard body.count == 1, let paragraph = body.first, paragraph.kind == .paragraph else { return body }
        if paragraph.children.count == 1, let text = paragraph.children.first, text.isText {
            return typeNodes(text.text, documentName: documentName)
        }
        return paragraph.children
    }

    /// `str` → a `py:class` reference; in `list[str] | None` each name is one (as Sphinx's typed fields
    /// split a type); `~pkg.mod.Name` shows `Name`. Other text stays as it is.
    static func typeNodes(_ text: String, documentName: String) -> [Node] {
        // Sphinx writes field types as `literal_emphasis`, which its smart quotes leave alone.
        typeNodesQuoted(text, documentName: documentName).map { node in
            var copy = node
            copy.attributes[AttributeKey.noSmartQuotes] = .bool(true)
            return copy
        }
    }

    static func typeNodesQuoted(_ text: String, documentName: String) -> [Node] {
        let trimmed = text.trimming(" \t\n")
        if isDottedName(trimmed) { return [xref(trimmed, type: "class", documentName: documentName, emphasis: true)] }
        let shortened = trimmed.hasPrefix("~") ? String(trimmed.dropFirst()) : trimmed
        if trimmed.hasPrefix("~"), isDottedName(shortened) {
            return [xref(shortened, type: "class", documentName: documentName, emphasis: true,
                         text: String(shortened.split(separator: ".").last ?? Substring(shortened)))]
        }
        if trimmed.contains(where: { "[|".contains($0) }), let expression = PythonTypeExpression.parse(trimmed.replacingOccurrences(of: "~", with: "")) {
            var out: [Node] = []
            let tilde = Set(trimmed.split(whereSeparator: { !($0.isLetter || $0.isNumber || "._~".contains($0)) })
                .filter { $0.hasPrefix("~") }.map { String($0.dropFirst()) })
            for node in expression.fieldNodes(document: documentName) {
                if let reference = PendingXref(node) {
                    let shown = tilde.contains(reference.target)
                        ? String(reference.target.split(separator: ".").last ?? Substring(reference.target)) : reference.target
                    out.append(xref(reference.target, type: "class", documentName: documentName, emphasis: true, text: shown))
                } else {
                    out.append(Node(.emphasis, children: [node]))
                }
            }
            return out
        }
        return [Node(.emphasis, children: [.text(trimmed)])]
    }

    static func isDottedName(_ text: String) -> Bool {
        !text.isEmpty && text.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { part in
            guard let first = part.first, first == "_" || first.isLetter else { return false }
            return part.allSatisfy { $0 == "_" || $0.isLetter || $0.isNumber }
        }
    }

    static func xref(_ target: String, type: String, documentName: String, emphasis: Bool, text: String? = nil) -> Node {
        let shown = text ?? target
        if PythonBuiltins.contains(target) {
            return emphasis ? Node(.emphasis, children: [.text(shown)])
                            : Node(.literal, attributes: ["classes": .list(["xref", "py", "py-" + type])], children: [.text(shown)])
        }
        let inner = emphasis ? Node(.emphasis, children: [.text(shown)])
                             : Node(.literal, attributes: ["classes": .list(["xref", "py", "py-" + type])],
                                    children: [.text(shown)])
        return PendingXref(domain: "py", type: type, target: target, document: documentName, content: [inner],
                           specific: true, warn: false).node
    }
}
