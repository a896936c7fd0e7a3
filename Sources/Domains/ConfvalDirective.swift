import DocTree
import Markup

/// The standard domain's `confval` (Sphinx 7.4+): a configuration value,
/// anchor `confval-<name>`, found by `:confval:`. Its `:type:` and
/// `:default:` are parsed as inline markup and shown, as in Sphinx, as a
/// "Type" / "Default" field list at the start of the description; the
/// index options (`:no-index:`, `:no-index-entry:`, `:no-contents-entry:`,
/// `:no-typesetting:`) work as for every object description.
enum ConfvalDirective {
    /// Sphinx's options: only the hyphenated index spellings (`:noindex:` is an unknown option here, as there).
    static let options: [String: DirectiveOptionKind] = [
        "no-index": .flag, "no-index-entry": .flag, "no-contents-entry": .flag, "no-typesetting": .flag,
        "type": .unchangedRequired, "default": .unchangedRequired,
    ]

    static let directive = Directive(DirectiveSpec(
        requiredArguments: 1, finalArgumentWhitespace: true,
        options: options, hasContent: true)) { call, host in
        let noindex = call.flag("no-index")
        var signatures: [Node] = []
        for (offset, text) in DomainSupport.signatureLines(call.arguments.first ?? "") {
            let name = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
            var node = Node(.descSignature, children: [DescNodes.part("desc_name", name)],
                            range: SourceRange(line: call.line + offset))
            node.attributes[AttributeKey.fullname] = .string(name)
            if !noindex { node.attributes[AttributeKey.ids] = .list([DomainID.make(prefix: "confval", name)]) }
            signatures.append(node)
        }
        var fields: [Node] = []
        var messages: [Node] = []
        for (option, label) in [("type", "Type"), ("default", "Default")] {
            guard let value = call.option(option) else { continue }
            let (nodes, problems) = host.parseInline(value, line: call.line, column: 1)
            messages += problems
            fields.append(Node(.field, children: [
                Node(.fieldName, children: [.text(label)]),
                Node(.fieldBody, children: nodes),
            ]))
        }
        var content = StandardDomainDirectives.content(call, host)
        if !fields.isEmpty { content.insert(Node(.fieldList, children: fields), at: 0) }
        return [DescNodes.desc(domain: "std", objtype: "confval", noindex: noindex, signatures: signatures,
                               content: content, range: call.range)] + messages
    }
}
