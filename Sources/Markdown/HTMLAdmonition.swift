import DocTree

/// MyST's `html_admonition` extension: an HTML block
///
///     <div class="admonition note">
///     <p class="title">A *title*</p>
///     Markdown content
///     </div>
///
/// is an `admonition` with the div's classes (the `title` paragraph optional,
/// "Note" without it, as in myst-parser; the content read as Markdown), so
/// it needs no raw HTML. Only a block that opens and closes the
/// `div` itself is read this way; anything else follows the raw-HTML policy.
extension MarkdownConverter {
    func htmlAdmonition(_ block: CmarkNode, context: Context) -> Node? {
        guard settings.mystExtensions, settings.extensions.contains("html_admonition") else { return nil }
        var lines = sourceLines(of: block, context: context)
        while let last = lines.last, last.allSatisfy({ $0 == " " || $0 == "\t" }) { lines.removeLast() }
        guard lines.count >= 2, let open = lines.first?.trimmingLeadingSpace(), open.lowercased().hasPrefix("<div"),
              open.hasSuffix(">"), lines.last?.trimmingLeadingSpace().lowercased().hasPrefix("</div>") == true,
              let attributes = Self.htmlAttributes(Substring(open).dropFirst(4).dropLast()),
              let classList = attributes["class"]?.split(separator: " ").map(String.init),
              classList.contains("admonition") else { return nil }
        var body = Array(lines.dropFirst().dropLast())
        var firstLine = block.start.line + 1
        var title: [Node] = []
        if let first = body.first?.trimmingLeadingSpace(), first.hasPrefix("<p class=\"title\">"), first.hasSuffix("</p>") {
            let inner = String(first.dropFirst("<p class=\"title\">".count).dropLast(4))
            let column = (text.firstContentColumn(line: firstLine, quoteDepth: context.quoteDepth) ?? 1) + 17
            title = parseInline(inner, line: firstLine, column: column).nodes
            body.removeFirst()
            firstLine += 1
        }
        // As myst-parser: always a generic admonition with the div's classes, titled "Note" when untitled.
        var node = Node("admonition", attributes: [AttributeKey.classes: .list(classList)], range: range(of: block))
        if title.isEmpty { title = [.text("Note")] }
        node.children.append(Node(.title, children: title, range: SourceRange(line: max(firstLine - 1, block.start.line))))
        node.children += parseNested(body, firstLine: firstLine, columnOffset: 0, context: context)
        if let name = attributes["name"] ?? attributes["id"] {
            let label = target(name, range: range(of: block))
            node.attributes[AttributeKey.ids] = .list(label.ids)
            node.attributes[AttributeKey.names] = .list(label.names)
        }
        return node
    }
}
