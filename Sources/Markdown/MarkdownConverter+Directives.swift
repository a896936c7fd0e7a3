import DocTree

extension MarkdownConverter {
    static let maxDirectiveDepth = 32

    /// A fenced block whose info string is `{name} …`: a MyST directive.
    func directive(_ block: CmarkNode, info: String, nameEnd: String.Index, context: Context) -> [Node] {
        let blockRange = range(of: block)
        let parsed = DirectiveBlock(info: info, nameEnd: nameEnd, literal: block.literal,
                                    fenceLine: block.start.line, fenceColumn: block.start.column)
        for problem in parsed.problems {
            diagnose("md.directive-options", .error, problem.message,
                     SourceRange(line: problem.line, column: 1, length: text.bytes(ofLine: problem.line).count))
        }
        guard directiveDepth < Self.maxDirectiveDepth else {
            diagnose("md.nesting-too-deep", .error,
                     "directives nested more than \(Self.maxDirectiveDepth) deep; '\(parsed.name)' was dropped",
                     blockRange)
            return []
        }
        directiveDepth += 1
        defer { directiveDepth -= 1 }
        if let nodes = registryDirective(parsed, block: block, range: blockRange, context: context) {
            return nodes
        }
        if let nodes = builtinDirective(parsed, range: blockRange, context: context) {
            return nodes
        }
        diagnose("md.unknown-directive", .error, "unknown directive '\(parsed.name)'", blockRange,
                 suggestions: closestNames(to: parsed.name, among: settings.rst.directives.names))
        return []
    }

    /// Parses directive content as Markdown; positions are mapped back into this file.
    func parseNested(_ lines: [String], firstLine: Int, columnOffset: Int, context: Context) -> [Node] {
        guard !lines.isEmpty else { return [] }
        let parsed = CmarkReader.parse(lines.joined(separator: "\n"), maxDepth: settings.maxNestingDepth)
        reportTruncation(parsed.truncated)
        var root = parsed.root
        Self.shift(&root, lines: firstLine - 1, columns: columnOffset)
        var inner = context
        inner.allowsSections = false
        return blocks(root.children, context: inner)
    }

    static func shift(_ node: inout CmarkNode, lines: Int, columns: Int) {
        node.start.line += lines
        node.end.line += lines
        if node.start.column > 0 { node.start.column += columns }
        if node.end.column > 0 { node.end.column += columns }
        for index in node.children.indices {
            shift(&node.children[index], lines: lines, columns: columns)
        }
    }
}
