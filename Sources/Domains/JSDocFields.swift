import DocTree

/// Sphinx's doc fields of JavaScript callables (functions, methods,
/// classes): `:param type name:` / `:arg:` / `:argument:` / `:parameter:`
/// with `:type name:` (or `:paramtype name:`) become one "Arguments" list,
/// `:throws Error:` a "Throws" field (inline when there is one), `:returns:`
/// "Returns" and `:rtype:` "Return type" (text, not linked). Argument types
/// and thrown errors written as plain text are `:js:class:` references, as
/// in Sphinx, and so are checked. Any other field stays where it is, its
/// name capitalised.
enum JSDocFields {
    enum Kind { case argument, type, thrown, returns, returnType }

    static func kind(_ name: String) -> Kind? {
        switch name {
        case "param", "parameter", "arg", "argument": return .argument
        case "type", "paramtype": return .type
        case "throws": return .thrown
        case "returns", "return": return .returns
        case "rtype": return .returnType
        default: return nil
        }
    }

    /// Transforms the field lists at the top of a callable's content.
    static func transform(_ content: [Node], documentName: String) -> [Node] {
        content.map { $0.kind == .fieldList ? transformList($0, documentName: documentName) : $0 }
    }

    struct Entry {
        var name: String
        var body: [Node]
        var range: SourceRange?
    }

    static func transformList(_ list: Node, documentName: String) -> Node {
        // The output: a group (arguments or throws) at its first field, other fields where they stand.
        var sequence: [Node?] = []
        var argumentsAt: Int?, throwsAt: Int?
        var arguments: [Entry] = [], thrown: [Entry] = []
        var types: [String: (nodes: [Node], range: SourceRange?)] = [:]
        for field in list.children {
            guard field.kind == .field, let nameNode = field.children.first(where: { $0.kind == .fieldName }),
                  let bodyNode = field.children.first(where: { $0.kind == .fieldBody }) else {
                sequence.append(field); continue
            }
            let words = nameNode.textContent.split(whereSeparator: { $0.isWhitespace }).map(String.init)
            guard let first = words.first else { sequence.append(field); continue }
            let argument = words.dropFirst().joined(separator: " ")
            let range = nameNode.range ?? field.range
            let kind = kind(first)
            let takesArgument = kind == .argument || kind == .type || kind == .thrown
            guard let kind, takesArgument == !argument.isEmpty else {
                var copy = field
                if let index = copy.children.firstIndex(where: { $0.kind == .fieldName }) {
                    copy.children[index].children = [.text(first.prefix(1).uppercased() + first.dropFirst()
                                                          + (argument.isEmpty ? "" : " " + argument))]
                }
                sequence.append(copy)
                continue
            }
            switch kind {
            case .argument:
                var name = argument
                if let space = argument.lastIndex(where: { $0.isWhitespace }) {
                    name = String(argument[argument.index(after: space)...])
                    let type = argument[..<space].trimmingWhitespace()
                    types[name] = ([.text(type)], range)
                }
                if argumentsAt == nil { argumentsAt = sequence.count; sequence.append(nil) }
                arguments.append(Entry(name: name, body: bodyNode.children, range: range))
            case .type:
                let inline = inlineContent(bodyNode.children)
                if !inline.isEmpty { types[argument] = (inline, bodyNode.range ?? range) }
            case .thrown:
                if throwsAt == nil { throwsAt = sequence.count; sequence.append(nil) }
                thrown.append(Entry(name: argument, body: bodyNode.children, range: range))
            case .returns, .returnType:
                sequence.append(Node(.field, children: [
                    Node(.fieldName, children: [.text(kind == .returns ? "Returns" : "Return type")]),
                    Node(.fieldBody, children: bodyNode.children),
                ], range: field.range))
            }
        }
        if let argumentsAt {
            let items = arguments.map { entry -> [Node] in
                var head: [Node] = [Node(.strong, children: [.text(entry.name)])]
                if let (type, range) = types[entry.name] {
                    head += [.text(" (")] + linkedType(type, range: range, documentName: documentName) + [.text(")")]
                }
                if !entry.body.isEmpty { head.append(.text(" – ")) }
                return DocFieldTransformer.merge(head, entry.body)
            }
            sequence[argumentsAt] = field("Arguments", items, collapse: false)
        }
        if let throwsAt {
            let items = thrown.map { entry -> [Node] in
                var head = [xref(entry.name, range: entry.range, documentName: documentName)]
                if !entry.body.isEmpty { head.append(.text(" – ")) }
                return DocFieldTransformer.merge(head, entry.body)
            }
            sequence[throwsAt] = field("Throws", items, collapse: true)
        }
        var copy = list
        copy.children = sequence.compactMap { $0 }
        return copy
    }

    /// A field holding one item inline (when `collapse`) or a bullet list of items.
    static func field(_ label: String, _ items: [[Node]], collapse: Bool) -> Node {
        let body = collapse && items.count == 1 ? items[0]
            : [Node(.bulletList, children: items.map { Node(.listItem, children: $0) })]
        return Node(.field, children: [Node(.fieldName, children: [.text(label)]), Node(.fieldBody, children: body)])
    }

    /// A field body's inline content: the children of its only paragraph.
    static func inlineContent(_ body: [Node]) -> [Node] {
        guard body.count == 1, let paragraph = body.first, paragraph.kind == .paragraph else { return [] }
        return paragraph.children
    }

    /// A type written as plain text is a reference; marked-up types stay as written.
    static func linkedType(_ nodes: [Node], range: SourceRange?, documentName: String) -> [Node] {
        guard nodes.count == 1, let text = nodes.first, text.isText else { return nodes }
        return [xref(text.text, range: range, documentName: documentName)]
    }

    static func xref(_ target: String, range: SourceRange?, documentName: String) -> Node {
        let literal = Node(.literal, attributes: ["classes": .list(["xref", "js", "js-class"])],
                           children: [.text(target)])
        return PendingXref(domain: "js", type: "class", target: target, document: documentName, content: [literal],
                           range: range).node
    }
}
