import Foundation
import DocTree

extension BlockParser {
    /// A problematic node linked to `message` (which gets an id and a backref).
    func problematicPair(_ rawText: String, message: Node, range r: SourceRange?) -> (Node, Node) {
        var msg = message
        let msgID = ctx.setID(&msg, prefix: "system-message")
        var prb = Node(.problematic, attributes: ["refid": .string(msgID)], children: [.text(rawText)], range: r)
        let prbID = ctx.setID(&prb, prefix: "problematic")
        msg.append(prbID, to: "backrefs")
        return (prb, msg)
    }

    var roleHost: RoleHost { DirectiveHostAdapter(parser: self, contentLines: []) }

    var roleOptions: [String: [String: DirectiveOptionValue]] {
        get { ctx.roleOptions }
        set { ctx.roleOptions = newValue }
    }

    /// Finds a role by name (empty = the default role). Returns lookup messages like docutils.
    func lookupRole(_ name: String, line: Int) -> (Role?, [Node], String) {
        let lower = name.lowercased()
        if lower.isEmpty {
            let def = ctx.defaultRoleName ?? "title-reference"
            return (findRole(def), [], def)
        }
        if let r = findRole(lower) { return (r, [], lower) }
        let info = ctx.systemMessage(.info, "rst.unknown-role-info",
            "No role entry for \"\(name)\" in module \"docutils.parsers.rst.languages.en\".\nTrying \"\(name)\" as canonical role name.",
            line: line)
        return (nil, [info], lower)
    }

    func findRole(_ name: String) -> Role? {
        if let r = ctx.localRoles[name] { return r }
        if let r = ctx.options.roles.lookup(name) { return r }
        if let link = ctx.options.extlinks[name] { return SphinxRoles.extlink(url: link.url, caption: link.caption) }
        return nil
    }
}

/// Adapts the RST parser to the markup-neutral directive/role host protocols.
final class DirectiveHostAdapter: DirectiveHost, RoleHost {
    let parser: BlockParser
    var ctx: ParseContext { parser.ctx }
    let contentLines: [Line]

    init(parser: BlockParser, contentLines: [Line]) {
        self.parser = parser
        self.contentLines = contentLines
    }

    var documentName: String { ctx.documentName }
    var options: ParserOptions {
        var o = ctx.options.parser
        if let language = ctx.highlightLanguage { o.highlightLanguage = language }
        return o
    }

    func parseNested(_ lines: [String], line: Int, column: Int, matchTitles: Bool) -> [Node] {
        parseNested(lines, line: line, column: column, matchTitles: matchTitles, parent: "#directive")
    }

    func makeLines(_ lines: [String], line: Int, column: Int) -> [Line] {
        var ls: [Line] = []
        for (k, text) in lines.enumerated() {
            var l = LineSplitter.lines(text.isEmpty ? " " : text, firstLine: line + k).first
                ?? Line(text: [][...], number: line + k)
            if column > 1 { l.columnBase = column - 1 }
            ls.append(l)
        }
        return ls
    }

    func parseBlockQuote(_ lines: [String], line: Int, column: Int) -> [Node] {
        parser.blockQuotes(makeLines(lines, line: line, column: column))
    }

    func insertInput(_ text: String, path: String, tabWidth: Int) -> String? {
        insertInput(text, path: path, tabWidth: tabWidth, clipKey: "")
    }

    func insertInput(_ text: String, path: String, tabWidth: Int, clipKey: String) -> String? {
        let key = path + "\u{0}" + clipKey
        if ctx.includeLog.contains(key) {
            let cwd = FileManager.default.currentDirectoryPath + "/"
            let main = ctx.file.path.hasPrefix(cwd) ? String(ctx.file.path.dropFirst(cwd.count)) : ctx.file.path
            let chain = ([path] + ctx.includeLog.reversed().map { String($0.prefix { $0 != "\u{0}" }) } + [main])
                .joined(separator: "\n> ")
            return "circular inclusion in \"include\" directive:\n\(chain)"
        }
        // Bounded, so that files including each other many times cannot blow up.
        guard ctx.includedSources.count < ParseContext.maxInclusions else {
            return "more than \(ParseContext.maxInclusions) inclusions in one document; \"\(path)\" is not included"
        }
        ctx.includedBytes += text.utf8.count
        guard ctx.includedBytes <= ParseContext.maxIncludedBytes else {
            return "more than \(ParseContext.maxIncludedBytes >> 20) MiB included into one document; \"\(path)\" is not included"
        }
        ctx.includeLog.append(key)
        let file = SourceFile(path: path, text: text)
        ctx.includedSources.append((path, file))
        let base = ctx.includedSources.count * ParseContext.lineBase
        var lines = LineSplitter.lines(text, firstLine: base + 1, tabWidth: tabWidth)
        let n = (lines.last?.number ?? base) + 1
        lines.append(Line(text: [Unicode.Scalar]()[...], number: n))
        let marker = Array(".. end of inclusion from \"\(path)\"".unicodeScalars)
        lines.append(Line(text: marker[...], number: n + 1))
        ctx.pendingInsert = lines
        return nil
    }

    func currentSourcePath(line: Int) -> String {
        let index = line / ParseContext.lineBase
        if index > 0 && index <= ctx.includedSources.count { return ctx.includedSources[index - 1].label }
        return ctx.file.path
    }

    func addToDocumentStart(_ nodes: [Node]) { ctx.documentStart += nodes }

    func setDocumentAttribute(_ name: String, _ value: AttributeValue) {
        ctx.documentAttributes[name] = value
    }

    func parseNested(_ lines: [String], line: Int, column: Int, matchTitles: Bool, parent: NodeKind) -> [Node] {
        parseNested(lines, line: line, column: column, matchTitles: matchTitles, parent: parent, fold: true)
    }

    private func parseNested(_ lines: [String], line: Int, column: Int, matchTitles: Bool, parent: NodeKind,
                             fold: Bool) -> [Node] {
        // Directive content is handed over as strings, so each nesting level copies it:
        // bound the nesting so hostile input stays linear.
        guard ctx.directiveDepth < ParseContext.maxDirectiveDepth else {
            return [ctx.systemMessage(.error, "rst.nesting-depth",
                                      "Directives nested more than \(ParseContext.maxDirectiveDepth) levels deep; content ignored.",
                                      line: line)]
        }
        ctx.directiveDepth += 1
        defer { ctx.directiveDepth -= 1 }
        // The directive's own content: reuse its lines instead of re-splitting the strings.
        let ls: [Line]
        if lines.count == contentLines.count, let first = contentLines.first, first.number == line, first.column == column,
           first.string == lines.first, contentLines.last?.string == lines.last {
            ls = contentLines
        } else {
            ls = makeLines(lines, line: line, column: column)
        }
        return parser.parseBody(ls, matchTitles: matchTitles, parent: parent, fold: fold)
    }

    func parseNestedSections(_ lines: [String], line: Int, column: Int, parent: NodeKind) -> [Node] {
        let surrounding = ctx.titleStyles, surroundingLevel = ctx.sectionLevel
        ctx.titleStyles = []
        ctx.sectionLevel = 0
        let nodes = parseNested(lines, line: line, column: column, matchTitles: true, parent: parent, fold: false)
        let nested = ctx.titleStyles
        ctx.titleStyles = surrounding
        ctx.sectionLevel = surroundingLevel
        // A first style the page already uses puts the sections at its level; a new one under the current section.
        let offset = nested.first.flatMap { surrounding.firstIndex(of: $0) } ?? surroundingLevel
        return nodes.map { node in
            guard node.kind == BlockParser.sectionMarker, case .int(let level)? = node.attributes["level"] else { return node }
            var shifted = node
            shifted.attributes["level"] = .int(level + offset)
            return shifted
        }
    }

    func parseInline(_ text: String, line: Int, column: Int) -> (nodes: [Node], messages: [Node]) {
        let r = parser.inlineText(text, line: line, column: column)
        return (r.0, r.1)
    }

    func report(_ severity: Severity, _ id: String, _ message: String, line: Int, range: SourceRange?,
                details: [Node]) -> Node {
        ctx.systemMessage(severity, id, message, line: line, range: range, details: details)
    }

    func addName(_ node: Node, name: String?) -> Node {
        guard let name, !name.isEmpty else { return node }
        var copy = node
        copy.append(Names.normalized(name), to: "names")
        let messages = ctx.noteTarget(&copy, explicit: true, line: node.range?.start.line)
        // like docutils, messages go inside the element only when it holds body elements
        if Self.bodyContainers.contains(copy.kind) {
            copy.children += messages
        } else {
            ctx.parentMessages += messages
        }
        return copy
    }

    static let bodyContainers: Set<NodeKind> = [
        "admonition", "attention", "caution", "danger", "error", "hint", "important", "note", "tip", "warning",
        "seealso", "topic", "sidebar", "compound", "container", "block_quote", "footnote", "citation", "figure",
        "todo_node", "section", "document",
    ]

    func noteExplicitTarget(_ node: Node, messageLine: Int) -> (Node, [Node]) {
        var copy = node
        let messages = ctx.noteTarget(&copy, explicit: true, line: messageLine)
        return (copy, messages)
    }

    func setDefaultRole(_ name: String?, line: Int) -> [Node] {
        ctx.defaultRoleName = name
        return []
    }

    func registerRole(_ name: String, _ role: Role) { ctx.localRoles[name.lowercased()] = role }

    func lookupRole(_ name: String) -> Role? { parser.findRole(name.lowercased()) }

    func setMetadata(_ key: String, _ value: String) {
        if key == "#highlight" { ctx.highlightLanguage = value } else { ctx.metadata[key] = value }
    }

    func problematic(_ rawText: String, message: Node, range: SourceRange?) -> (Node, Node) {
        parser.problematicPair(rawText, message: message, range: range)
    }
}
