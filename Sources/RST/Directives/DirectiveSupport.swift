import DocTree

/// Small helpers shared by directive implementations.
enum DirectiveSupport {
    static let classAndName: [String: DirectiveOptionKind] = ["class": .classList, "name": .unchanged]

    /// The "content block expected" error docutils reports.
    static func contentRequired(_ call: DirectiveCall, _ host: DirectiveHost) -> Node? {
        guard call.content.isEmpty else { return nil }
        return host.report(.error, "rst.directive-content",
                           "Content block expected for the \"\(call.name)\" directive; none found.",
                           line: call.line, range: call.range, details: [literal(call.blockText)])
    }

    static func literal(_ text: String) -> Node {
        Node(.literalBlock, attributes: ["xml:space": .string("preserve")], children: text.isEmpty ? [] : [.text(text)])
    }

    static func error(_ call: DirectiveCall, _ host: DirectiveHost, _ message: String, id: String = "rst.directive-error",
                      severity: Severity = .error) -> Node {
        host.report(severity, id, message, line: call.line, range: call.range, details: [literal(call.blockText)])
    }

    /// Applies `:class:` and `:name:` options.
    static func applyClassAndName(_ node: Node, _ call: DirectiveCall, _ host: DirectiveHost) -> Node {
        var n = node
        if case .list(let classes)? = call.options["class"] {
            for c in classes { n.append(c, to: "classes") }
        }
        return host.addName(n, name: call.option("name"))
    }

    static func nested(_ call: DirectiveCall, _ host: DirectiveHost, matchTitles: Bool = false) -> [Node] {
        host.parseNested(call.content, line: call.contentLine, column: call.contentColumn, matchTitles: matchTitles)
    }

    static func bool(_ b: Bool) -> AttributeValue { .bool(b) }
}
