import DocTree
import RST

extension MarkdownConverter {
    /// Directives the Markdown reader handles itself when the shared registry
    /// does not have them (MyST's `eval-rst`, and a few body elements); nil for unknown names.
    func builtinDirective(_ directive: DirectiveBlock, range: SourceRange, context: Context) -> [Node]? {
        let name = directive.name.lowercased()
        func body() -> [Node] {
            parseNested(directive.body, firstLine: max(directive.bodyFirstLine, 1),
                        columnOffset: directive.columnOffset, context: context)
        }
        switch name {
        case "eval-rst", "eval_rst":
            return evalRST(directive)
        case "rubric":
            return [Node("rubric", children: [.text(directive.argument)], range: range)]
        case "container":
            let classes = directive.argument.split(separator: " ").map(String.init)
            return [Node(.container, attributes: ["classes": .list(classes)],
                         children: body(), range: range)]
        case "topic", "sidebar":
            let title = Node(.title, children: [.text(directive.argument)], range: range)
            return [Node(NodeKind(name), children: [title] + body(), range: range)]
        case "image", "figure":
            var image = Node(.image, attributes: ["uri": .string(directive.argument)], range: range)
            for key in ["alt", "width", "height", "scale", "align", "target"] {
                if let value = directive.option(key) { image.attributes[key] = .string(value) }
            }
            if name == "image" { return [image] }
            var figure = Node(.figure, children: [image], range: range)
            let content = body()
            if let first = content.first, first.kind == .paragraph {
                figure.children.append(Node(.caption, children: first.children, range: first.range))
                if content.count > 1 { figure.children.append(Node("legend", children: Array(content.dropFirst()))) }
            }
            return [figure]
        default:
            return nil
        }
    }

    /// MyST's `eval-rst`: the body is reStructuredText, parsed by the RST reader
    /// with its lines kept at their place in this file.
    private func evalRST(_ directive: DirectiveBlock) -> [Node] {
        guard !directive.body.isEmpty else { return [] }
        let padding = String(repeating: "\n", count: max(directive.bodyFirstLine - 1, 0))
        let embedded = SourceFile(path: file.path, text: padding + directive.bodyText + "\n")
        var rst = settings.rst
        rst.parser = options
        let document = RSTParser(options: rst).parse(embedded, name: documentName)
        for var diagnostic in document.diagnostics {
            diagnostic.file = file
            diagnostics.append(diagnostic)
        }
        for (key, value) in document.metadata { metadata[key] = value }
        return document.root.children
    }
}
