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
        case "figure-md":
            return figureMarkdown(directive, content: body(), range: range)
        default:
            return nil
        }
    }

    /// MyST's `figure-md`: an image (Markdown or `<img>`) then a caption paragraph, as a
    /// `figure`; the argument (or `:name:`) labels it, `:class:`, `:width:` and `:align:` apply to it.
    private func figureMarkdown(_ directive: DirectiveBlock, content: [Node], range: SourceRange) -> [Node] {
        var blocks = content
        // The image: a block image, or a paragraph holding only an image.
        var image: Node?
        if let first = blocks.first {
            if first.kind == .image {
                image = first
            } else if first.kind == .paragraph, first.children.count == 1, first.children[0].kind == .image {
                image = first.children[0]
            }
        }
        guard let image else {
            diagnose("md.directive-error", .error,
                     "error in \"figure-md\" directive: the first part must be an image (Markdown or <img>)", range)
            return []
        }
        blocks.removeFirst()
        var figure = Node(.figure, children: [image], range: range)
        if let caption = blocks.first, caption.kind == .paragraph {
            figure.children.append(Node(.caption, children: caption.children, range: caption.range))
            blocks.removeFirst()
        }
        if !blocks.isEmpty {
            diagnose("md.directive-error", .warning,
                     "\"figure-md\" takes an image and one caption paragraph; the rest is left out", range)
        }
        if let classes = directive.option("class") {
            figure.attributes[AttributeKey.classes] = .list(classes.split(separator: " ").map(String.init))
        }
        for key in ["width", "align"] {
            if let value = directive.option(key) { figure.attributes[key] = .string(value) }
        }
        let name = directive.argument.isEmpty ? directive.option("name") : directive.argument
        if let name, !name.isEmpty {
            let label = target(name, range: range)
            figure.attributes[AttributeKey.ids] = .list(label.ids)
            figure.attributes[AttributeKey.names] = .list(label.names)
        }
        return [figure]
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
