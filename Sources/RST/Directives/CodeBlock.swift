import DocTree

/// `code-block` / `sourcecode` / `code` (Sphinx semantics: a `literal_block`
/// with a `language` attribute; highlighting happens in the HTML writer).
enum CodeBlock {
    static let options: [String: DirectiveOptionKind] = [
        "force": .flag, "linenos": .flag, "dedent": .unchanged, "lineno-start": .int,
        "emphasize-lines": .unchangedRequired, "caption": .unchangedRequired, "class": .classList,
        "name": .unchanged, "number-lines": .unchanged,
    ]

    static func register(into r: inout DirectiveRegistry) {
        let d = Directive(DirectiveSpec(optionalArguments: 1, options: options, hasContent: true)) { call, host in
            run(call, host)
        }
        r.register("code-block", d)
        r.register("sourcecode", d)
        r.register("code", d)
    }

    static func run(_ call: DirectiveCall, _ host: DirectiveHost) -> [Node] {
        if let err = DirectiveSupport.contentRequired(call, host) { return [err] }
        var lines = call.content
        if let dedent = call.option("dedent") {
            let amount = Int(dedent.trimmingWhitespace()) ?? lines.filter { !$0.trimmingWhitespace().isEmpty }
                .map { $0.prefix(while: { $0 == " " }).count }.min() ?? 0
            lines = lines.map { String($0.dropFirst(Swift.min(amount, $0.prefix(while: { $0 == " " }).count))) }
        }
        let text = lines.joined(separator: "\n")
        var node = Node(.literalBlock, attributes: ["xml:space": .string("preserve")], children: [.text(text)],
                        range: call.range)
        let language = call.arguments.first ?? host.options.highlightLanguage ?? "default"
        node.attributes[AttributeKey.language] = .string(language)
        if call.flag("linenos") || call.options["lineno-start"] != nil || call.options["number-lines"] != nil {
            node.attributes["linenos"] = .bool(true)
        }
        if case .int(let start)? = call.options["lineno-start"] { node.attributes["linenostart"] = .int(start) }
        if let hl = call.option("emphasize-lines") {
            node.attributes["hl_lines"] = .list(expandLines(hl))
        }
        if call.flag("force") { node.attributes["force"] = .bool(true) }
        if case .list(let classes)? = call.options["class"] { for c in classes { node.append(c, to: "classes") } }
        if let caption = call.option("caption") {
            let (captionNodes, messages) = host.parseInline(caption, line: call.line, column: 1)
            var wrapper = Node(.container, attributes: ["classes": .list(["literal-block-wrapper"]),
                                                       "literal_block": .bool(true)], range: call.range)
            wrapper.children = [Node(.caption, children: captionNodes, range: call.range), node] + messages
            return [host.addName(wrapper, name: call.option("name"))]
        }
        return [host.addName(node, name: call.option("name"))]
    }

    /// "1,3-5" -> ["1","3","4","5"].
    static func expandLines(_ spec: String) -> [String] {
        var out: [String] = []
        for part in spec.split(separator: ",") {
            let p = part.trimmingWhitespace()
            if let dash = p.firstIndex(of: "-"), let a = Int(p[..<dash]), let b = Int(p[p.index(after: dash)...]), a <= b, b - a < 10000 {
                for k in a...b { out.append(String(k)) }
            } else if let a = Int(p) {
                out.append(String(a))
            }
        }
        return out
    }
}
