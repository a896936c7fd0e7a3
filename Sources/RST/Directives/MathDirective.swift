import DocTree
import Markup

extension BodyDirectives {
    /// `math`, as Sphinx defines it (it replaces docutils' directive): one
    /// `math_block` holding the whole LaTeX text — an argument is the first
    /// equation, blank lines separate equations, and the writer splits them —
    /// with `:label:` (or `:name:`) naming the equation, `:no-wrap:` (`:nowrap:`) passing
    /// the text through without a math environment, and `:class:`.
    ///
    /// The label is kept on the node; the math domain numbers labelled
    /// equations per page and makes each one a target (`equation-<label>`).
    /// `:name:` is also a label for `:ref:` with an explicit title, as in Sphinx.
    static let mathDirective = Directive(DirectiveSpec(
        optionalArguments: 1, finalArgumentWhitespace: true,
        options: DirectiveSupport.classAndName.merging(["label": .unchanged, "nowrap": .flag, "no-wrap": .flag]) { a, _ in a },
        hasContent: true)) { call, host in
        let argument = call.arguments.first?.trimmingWhitespace() ?? ""
        if argument.isEmpty, let err = DirectiveSupport.contentRequired(call, host) { return [err] }
        let content = call.content.joined(separator: "\n")
        let latex = argument.isEmpty ? content : content.isEmpty ? argument : argument + "\n\n" + content
        var node = Node(.mathBlock, attributes: ["xml:space": .string("preserve")], children: [.text(latex)],
                        range: call.range)
        if case .list(let classes)? = call.options["class"] { node.attributes[AttributeKey.classes] = .list(classes) }
        if call.flag("nowrap") || call.flag("no-wrap") { node.attributes[AttributeKey.nowrap] = .bool(true) }
        if let label = (call.option("label") ?? call.option("name"))?.trimmingWhitespace(), !label.isEmpty {
            node.attributes[AttributeKey.label] = .string(label)
        }
        return [host.addName(node, name: call.option("name"))]
    }
}
