import DocTree
import RST

extension MarkdownConverter {
    /// The directives the Markdown reader handles itself; nil for unknown names.
    func builtinDirective(_ directive: DirectiveBlock, range: SourceRange, context: Context) -> [Node]? {
        let name = directive.name.lowercased()
        func body(includingArgument: Bool) -> [Node] {
            var lines = directive.body
            var firstLine = directive.bodyFirstLine
            if includingArgument, !directive.argument.isEmpty {
                lines = [directive.argument, ""] + lines
                firstLine -= 2
            }
            return parseNested(lines, firstLine: max(firstLine, 1), columnOffset: directive.columnOffset,
                               context: context)
        }
        if NodeKind.specificAdmonitions.contains(NodeKind(name)) {
            var node = Node(NodeKind(name), children: body(includingArgument: true), range: range)
            if let classes = directive.option("class") {
                node.attributes["classes"] = .list(classes.split(separator: " ").map(String.init))
            }
            return [node]
        }
        switch name {
        case "eval-rst", "eval_rst":
            return evalRST(directive)
        case "admonition":
            let title = Node(.title, children: [.text(directive.argument)], range: range)
            var classes = ["admonition-" + Identifiers.docutilsID(directive.argument)]
            if let extra = directive.option("class") { classes += extra.split(separator: " ").map(String.init) }
            return [Node(.admonition, attributes: ["classes": .list(classes)],
                         children: [title] + body(includingArgument: false), range: range)]
        case "code-block", "code", "sourcecode":
            return [codeDirective(directive, range: range)]
        case "toctree":
            return [toctree(directive, range: range)]
        case "rubric":
            return [Node("rubric", children: [.text(directive.argument)], range: range)]
        case "container":
            let classes = directive.argument.split(separator: " ").map(String.init)
            return [Node(.container, attributes: ["classes": .list(classes)],
                         children: body(includingArgument: false), range: range)]
        case "topic", "sidebar":
            let title = Node(.title, children: [.text(directive.argument)], range: range)
            return [Node(NodeKind(name), children: [title] + body(includingArgument: false), range: range)]
        case "image", "figure":
            var image = Node(.image, attributes: ["uri": .string(directive.argument)], range: range)
            for key in ["alt", "width", "height", "scale", "align", "target"] {
                if let value = directive.option(key) { image.attributes[key] = .string(value) }
            }
            if name == "image" { return [image] }
            var figure = Node(.figure, children: [image], range: range)
            let content = body(includingArgument: false)
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
        let document = RSTParser(options: options).parse(embedded, name: documentName)
        for var diagnostic in document.diagnostics {
            diagnostic.file = file
            diagnostics.append(diagnostic)
        }
        for (key, value) in document.metadata { metadata[key] = value }
        return document.root.children
    }

    private func codeDirective(_ directive: DirectiveBlock, range: SourceRange) -> Node {
        var block = Node(.literalBlock, attributes: ["xml:space": .string("preserve")],
                         children: [.text(directive.bodyText)], range: range)
        if let language = directive.argument.split(separator: " ").first {
            block.attributes["language"] = .string(String(language))
        }
        if directive.option("linenos") != nil || directive.option("lineno-start") != nil {
            block.attributes["linenos"] = .bool(true)
        }
        if let name = directive.option("name") {
            let normalized = Identifiers.normalizeName(name)
            _ = names.define(normalized, explicit: true)
            block.attributes["names"] = .list([normalized])
            block.attributes["ids"] = .list([names.makeID(names: [normalized], tag: "literal-block")])
        }
        if let caption = directive.option("caption") {
            return Node(.container, attributes: [
                "classes": .list(["literal-block-wrapper"]), "literal_block": .bool(true),
            ], children: [Node(.caption, children: [.text(caption)], range: range), block], range: range)
        }
        return block
    }

    private func toctree(_ directive: DirectiveBlock, range: SourceRange) -> Node {
        var toctree = Node(.toctree, attributes: ["parent": .string(documentName)], range: range)
        if let value = directive.option("maxdepth") {
            if let depth = Int(value) {
                toctree.attributes["maxdepth"] = .int(depth)
            } else {
                diagnose("md.directive-options", .error, "toctree option maxdepth must be an integer, not '\(value)'",
                         range)
            }
        }
        if let caption = directive.option("caption") { toctree.attributes["caption"] = .string(caption) }
        for flag in ["hidden", "glob", "numbered", "titlesonly", "reversed"] where directive.option(flag) != nil {
            toctree.attributes[flag] = .bool(true)
        }
        for (offset, rawLine) in directive.body.enumerated() {
            let entry = rawLine.trimmingLeadingSpace()
            if entry.isEmpty { continue }
            let line = directive.bodyFirstLine + offset
            let bytes = text.bytes(ofLine: line)
            var startByte = 1
            while startByte <= bytes.count, bytes[startByte - 1] == UInt8(ascii: " ") { startByte += 1 }
            let entryRange = text.range(CmarkPosition(line: line, column: startByte),
                                        CmarkPosition(line: line, column: startByte + entry.utf8.count - 1))
            var node = Node("toctree_entry", range: entryRange)
            if let split = BuiltinRoles.explicitTitle(entry) {
                node.attributes["target"] = .string(split.target)
                node.attributes["title"] = .string(split.title)
            } else {
                node.attributes["target"] = .string(entry)
            }
            toctree.children.append(node)
        }
        return Node(.compound, attributes: ["classes": .list(["toctree-wrapper"])], children: [toctree], range: range)
    }
}
