import DocTree
import RST

/// The Markdown reader as host for the shared RST directive and role
/// registries: nested content is parsed as Markdown, names go into this
/// page's registry, problems become diagnostics at Markdown locations.
extension MarkdownConverter: DirectiveHost, RoleHost {
    var options: ParserOptions {
        var rst = settings.rst.parser
        rst.rawEnabled = settings.rawHTMLEnabled
        return rst
    }

    func parseNested(_ lines: [String], line: Int, column: Int, matchTitles: Bool) -> [Node] {
        parseNested(lines, firstLine: line, columnOffset: max(column - 1, 0), context: currentContext)
    }

    func parseNested(_ lines: [String], line: Int, column: Int, matchTitles: Bool, parent: NodeKind) -> [Node] {
        parseNested(lines, line: line, column: column, matchTitles: matchTitles)
    }

    func parseBlockQuote(_ lines: [String], line: Int, column: Int) -> [Node] {
        parseNested(lines, line: line, column: column, matchTitles: false)
    }

    /// `include`: the text is parsed as Markdown (positions in the included
    /// file) and its nodes are placed right after the directive.
    func insertInput(_ text: String, path: String, tabWidth: Int) -> String? {
        if path == file.path || includeStack.contains(path) {
            return "circular inclusion of \"\(path)\""
        }
        guard includeStack.count < 16 else { return "includes nested more than 16 deep" }
        guard includedFiles < 1_000 else { return "more than 1000 inclusions in one document; \"\(path)\" is not included" }
        guard includedBytes + text.utf8.count <= 64 << 20 else {
            return "more than 64 MiB included into one document; \"\(path)\" is not included"
        }
        let included = SourceFile(path: path, text: text)
        let child = MarkdownConverter(file: included, documentName: documentName, options: settings)
        child.includeStack = includeStack + [file.path]
        child.includedFiles = includedFiles + 1
        child.includedBytes = includedBytes + text.utf8.count
        child.names = names
        child.openSectionsInIncluder = currentContext.allowsSections
        let parsed = CmarkReader.parse(settings.mystExtensions ? MySTLineSyntax.rewrite(text) : text,
                                       maxDepth: settings.maxNestingDepth)
        child.reportTruncation(parsed.truncated)
        // Its headings continue this page's sections where sections may open, else are rubrics.
        let root = child.convertDocument(parsed.root, allowsSections: currentContext.allowsSections)
        names = child.names
        (includedFiles, includedBytes) = (child.includedFiles, child.includedBytes)
        diagnostics += child.diagnostics
        includedSources += [included] + child.includedSources
        // A reference written in the included file is reported in that file (as Sphinx does).
        pendingInsertions += root.children.flatMap { node in
            node.rewritten { part in
                guard part.kind == .pendingXref, part.attributes["source"] == nil else { return [part] }
                var copy = part
                copy.attributes["source"] = .string(path)
                return [copy]
            }
        }
        return nil
    }

    func addToDocumentStart(_ nodes: [Node]) {
        documentStart += nodes
    }

    func currentSourcePath(line: Int) -> String {
        file.path
    }

    func setDocumentAttribute(_ name: String, _ value: AttributeValue) {
        documentAttributes[name] = value
    }

    func parseInline(_ text: String, line: Int, column: Int) -> (nodes: [Node], messages: [Node]) {
        let parsed = CmarkReader.parse(text, maxDepth: settings.maxNestingDepth)
        var root = parsed.root
        Self.shift(&root, lines: line - 1, columns: max(column - 1, 0))
        var nodes: [Node] = []
        for block in root.children {
            if block.kind == .paragraph || block.kind == .heading {
                if !nodes.isEmpty { nodes.append(.text("\n")) }
                nodes += inlines(of: block, context: currentContext)
            }
        }
        return (Self.mergingTextNodes(nodes), [])
    }

    func report(_ severity: Severity, _ id: String, _ message: String, line: Int, range: SourceRange?,
                details: [Node]) -> Node {
        let where_ = range ?? SourceRange(line: line, column: 1, length: text.bytes(ofLine: line).count)
        // One line, as the RST host reports docutils' multi-line messages.
        diagnose(id, severity, message.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: " "), where_)
        return Node(.systemMessage, attributes: [
            "level": .int(severity.rawValue), "line": .int(line), "source": .string(file.path),
            "type": .string(severity.docutilsName),
        ], children: [Node(.paragraph, children: [.text(message)])] + details, range: where_)
    }

    func problematic(_ rawText: String, message: Node, range: SourceRange?) -> (Node, Node) {
        (Node(.problematic, children: [.text(rawText)], range: range), message)
    }

    func addName(_ node: Node, name: String?) -> Node {
        guard let name, !name.isEmpty else { return node }
        var copy = node
        let normalized = Identifiers.normalizeName(name)
        let earlier = names.define(normalized, explicit: true)
        if earlier.contains(true) {
            diagnose("md.duplicate-label", .warning, "duplicate label '\(normalized)' in this page", node.range)
        }
        copy.append(names.makeID(names: [normalized], tag: node.kind.rawValue.replacingUnderscores()), to: "ids")
        copy.append(normalized, to: "names")
        return copy
    }

    func noteExplicitTarget(_ node: Node, messageLine: Int) -> (Node, [Node]) {
        var copy = node
        for name in node.names {
            let earlier = names.define(name, explicit: true)
            if earlier.contains(true) {
                diagnose("md.duplicate-label", .warning, "duplicate label '\(name)' in this page", node.range)
            }
        }
        if copy.ids.isEmpty {
            copy.attributes[AttributeKey.ids] = .list([names.makeID(names: node.names, tag: node.kind.rawValue.replacingUnderscores())])
        }
        return (copy, [])
    }

    func setDefaultRole(_ name: String?, line: Int) -> [Node] {
        diagnose("md.default-role", .warning, "Markdown has no default role; 'default-role' has no effect here",
                 SourceRange(line: line, column: 1, length: text.bytes(ofLine: line).count))
        return []
    }

    func registerRole(_ name: String, _ role: Role) {
        localRoles[name.lowercased()] = role
    }

    func lookupRole(_ name: String) -> Role? {
        let lower = name.lowercased()
        if let role = localRoles[lower] ?? settings.rst.roles.lookup(lower) { return role }
        if let link = settings.rst.extlinks[lower] {
            return Role { call, _ in ([BuiltinRoles.extlink(url: link.url, caption: link.caption, content: call.text,
                                                            range: call.range)], []) }
        }
        return nil
    }

    func setMetadata(_ key: String, _ value: String) {
        metadata[key] = value
    }
}

extension String {
    fileprivate func replacingUnderscores() -> String {
        String(map { $0 == "_" ? "-" : $0 })
    }
}
