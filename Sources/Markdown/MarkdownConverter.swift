import DocTree
import RST

/// Turns one page's cmark tree into DocTree nodes. Lives for one parse only.
final class MarkdownConverter {
    let file: SourceFile
    let text: SourceText
    let documentName: String
    let settings: MarkdownOptions
    var diagnostics: [Diagnostic] = []
    var names = NameRegistry()
    /// How many directive bodies we are inside (bounded, so hostile nesting cannot recurse far).
    var directiveDepth = 0
    /// Page metadata set by directives (front matter is read separately).
    var metadata: [String: String] = [:]
    /// The block context of the directive being run (for its nested parses).
    var currentContext = Context()
    /// Nodes directives put at the start of the document (`meta`).
    var documentStart: [Node] = []
    /// Attributes directives set on the document root (e.g. `title`).
    var documentAttributes: [String: AttributeValue] = [:]
    /// Files being included around this parse (to refuse circular `include`s).
    var includeStack: [String] = []
    /// Files and bytes included into the document so far, all levels together (bounded,
    /// so that files including each other many times cannot blow up).
    var includedFiles = 0
    var includedBytes = 0
    /// The files `include` read into this document, for reporting what their references say.
    var includedSources: [SourceFile] = []
    /// Nodes an `include` produced, placed after the directive that asked for them.
    var pendingInsertions: [Node] = []
    /// Set for a file an `include` reads where sections may open: its headings do not nest
    /// sections themselves but come out as section openings (`IncludedHeading`), which the
    /// including page nests by level among its own, as myst-parser continues the page's sections.
    var openSectionsInIncluder = false
    /// Roles defined by a `role` directive on this page.
    var localRoles: [String: Role] = [:]
    /// How many links the inlines being converted are inside (`linkify` adds none there).
    var linkDepth = 0
    /// The substitutions whose values are being read, outermost first (a name in it is circular).
    var substitutionStack: [String] = []
    /// What substitutions may still add to the page.
    var substitutionBudget = SubstitutionBudget()
    /// Top-level substitutions already read as Markdown, by name.
    var substitutionCache: [String: [Node]] = [:]

    /// Where a run of blocks sits: how many block quotes surround it, and
    /// whether headings may open sections there.
    struct Context {
        var quoteDepth = 0
        var allowsSections = false
    }

    init(file: SourceFile, documentName: String, options: MarkdownOptions) {
        self.file = file
        self.text = SourceText(file.text)
        self.documentName = documentName
        self.settings = options
    }

    func diagnose(_ id: String, _ severity: Severity, _ message: String, _ range: SourceRange?,
                  suggestions: [String] = []) {
        diagnostics.append(Diagnostic(id: id, severity: severity, message: message, file: file, range: range,
                                      suggestions: suggestions))
    }

    func reportTruncation(_ positions: [CmarkPosition]) {
        for position in positions.prefix(1) {
            let location = text.location(position)
            diagnose("md.nesting-too-deep", .error,
                     "content nested more than \(settings.maxNestingDepth) levels deep was dropped",
                     SourceRange(start: location, end: location))
        }
    }

    func range(of node: CmarkNode) -> SourceRange {
        text.range(node.start, node.end)
    }

    // MARK: document and sections

    func convertDocument(_ root: CmarkNode, allowsSections: Bool = true) -> Node {
        var document = Node(.document, attributes: ["source": .string(file.path)])
        document.children = sectioned(root.children, context: Context(allowsSections: allowsSections))
        document.range = SourceRange(start: SourceLocation(line: 1, column: 1),
                                     end: endOfText())
        document.children = documentStart + document.children
        for (name, value) in documentAttributes { document.attributes[name] = value }
        if settings.extensions.contains("attrs_block") { document = Self.applyingBlockAttributes(document) }
        return finalizeNames(document)
    }

    private func endOfText() -> SourceLocation {
        let count = text.lines.count
        let last = text.bytes(ofLine: count)
        return SourceLocation(line: count, column: text.scalarColumn(line: count, byteColumn: last.count + 1))
    }

    /// Converts top-level blocks, nesting them into sections by heading level.
    func sectioned(_ blocks: [CmarkNode], context: Context) -> [Node] {
        var output: [Node] = []
        var open: [(level: Int, node: Node)] = []

        func append(_ node: Node) {
            if open.isEmpty {
                Self.append(node, joiningDefinitionListsIn: &output)
            } else {
                Self.append(node, joiningDefinitionListsIn: &open[open.count - 1].node.children)
            }
        }
        func closeLast() {
            guard var section = open.popLast()?.node else { return }
            if let start = section.range?.start, let end = section.children.last?.range?.end {
                section.range = SourceRange(start: start, end: max(end, start))
            }
            append(section)
        }

        // Label targets the previous block consisted of: a heading right after them takes their ids.
        var labels: [Node] = []
        func openSection(_ section: Node, level: Int) {
            while let last = open.last, last.level >= level { closeLast() }
            open.append((level, section))
        }

        for block in blocks {
            if block.kind == .heading, context.allowsSections {
                let section = section(for: block, labels: labels, context: context)
                if openSectionsInIncluder {
                    output.append(IncludedHeading.opening(section, level: block.headingLevel))
                } else {
                    openSection(section, level: block.headingLevel)
                }
                labels = []
            } else if let more = footnoteContinuation(block, after: open.last?.node.children.last ?? output.last) {
                if open.isEmpty { output[output.count - 1].children += more }
                else { open[open.count - 1].node.children[open[open.count - 1].node.children.count - 1].children += more }
                labels = []
            } else {
                let converted = convert(block, context: context)
                for node in converted {
                    // The headings of an included file open sections here, at their levels.
                    if !openSectionsInIncluder, let (section, level) = IncludedHeading.section(node) {
                        openSection(section, level: level)
                    } else {
                        append(node)
                    }
                }
                labels = converted.allSatisfy({ $0.kind == .target }) ? converted : []
            }
        }
        while !open.isEmpty { closeLast() }
        return output
    }

    /// A section for a heading. Labels written right before it (`(name)=`) give
    /// its ids first, as in Sphinx, and the title's own id follows (the same id
    /// is not handed out twice, so `(setup)=` before `# Setup` gives one id).
    private func section(for heading: CmarkNode, labels: [Node], context: Context) -> Node {
        let headingRange = self.headingRange(heading, context: context)
        let title = Node(.title, children: inlines(of: heading, context: context), range: headingRange)
        var section = Node(.section, range: headingRange)
        section.attributes = implicitTargetAttributes(title: title.textContent, range: headingRange,
                                                      labelIDs: labels.flatMap(\.ids), level: heading.headingLevel)
        section.children = [title]
        return section
    }

    /// `ids` and `names` for a heading: docutils' id, then the GitHub-style anchor
    /// when it differs; the normalised title as an implicit target name.
    /// `labelIDs` are the ids of labels placed right before the element: they come first.
    /// The slug id is given down to `myst_heading_anchors` (every level when it is not set).
    func implicitTargetAttributes(title: String, range: SourceRange?, tag: String = "section",
                                  labelIDs: [String] = [], level: Int? = nil) -> [String: AttributeValue] {
        let name = Identifiers.normalizeName(title)
        var attributes: [String: AttributeValue] = [:]
        var ids = labelIDs
        if name.isEmpty {
            if ids.isEmpty { ids.append(names.makeID(names: [], tag: tag)) }
        } else {
            let earlier = names.define(name, explicit: false)
            if !earlier.isEmpty {
                diagnose("md.duplicate-name", .info, "duplicate implicit target name: \"\(name)\"", range)
            }
            // A label that took the title's own id leaves the section a generated one after it
            // (`(setup)=` over `# Setup`: `setup`, then `id1`, as Sphinx sorts generated ids last).
            ids.append(names.makeID(names: [name], tag: tag))
            attributes[AttributeKey.names] = .list([name])
        }
        let wantsSlug = settings.headingAnchors.map { limit in level.map { $0 <= limit } ?? true } ?? true
        if wantsSlug, let anchor = names.githubAnchor(for: title), !ids.contains(anchor) {
            ids.append(anchor)
        }
        attributes[AttributeKey.ids] = .list(ids)
        return attributes
    }

    /// A heading's range. cmark stretches setext headings over link reference
    /// definitions before them and the line after the underline; trim to the
    /// heading text and its underline.
    func headingRange(_ heading: CmarkNode, context: Context) -> SourceRange {
        var start = heading.start
        var end = heading.end
        if let first = heading.children.first, first.start.line > start.line, first.start.line <= end.line {
            start = CmarkPosition(line: first.start.line,
                                  column: text.firstContentColumn(line: first.start.line, quoteDepth: context.quoteDepth)
                                      ?? first.start.column)
        }
        let firstColumn = text.firstContentColumn(line: start.line, quoteDepth: context.quoteDepth) ?? start.column
        if text.byte(line: start.line, column: firstColumn) == UInt8(ascii: "#") {
            end = CmarkPosition(line: start.line, column: text.bytes(ofLine: start.line).count)
        } else if end.line > start.line {
            for line in (start.line + 1)...end.line {
                let bytes = text.bytes(ofLine: line)
                guard let column = text.firstContentColumn(line: line, quoteDepth: context.quoteDepth) else { continue }
                let marker = bytes[column - 1]
                guard marker == UInt8(ascii: "=") || marker == UInt8(ascii: "-") else { continue }
                if bytes[(column - 1)...].allSatisfy({ $0 == marker || $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) {
                    end = CmarkPosition(line: line, column: bytes.count)
                    break
                }
            }
        }
        return text.range(start, end)
    }

    /// Moves names that lost a clash to `dupnames`, as docutils does.
    private func finalizeNames(_ document: Node) -> Node {
        let registry = names
        let rewritten = document.rewritten { node -> [Node] in
            let nodeNames = node.names
            guard !nodeNames.isEmpty else { return [node] }
            let explicit = node.kind != .section && node.kind != "rubric"
            var copy = node
            var kept: [String] = []
            var lost: [String] = []
            for name in nodeNames {
                if registry.isDuplicate(name, explicit: explicit) { lost.append(name) } else { kept.append(name) }
            }
            if !lost.isEmpty {
                copy.attributes[AttributeKey.names] = kept.isEmpty ? nil : .list(kept)
                copy.attributes[AttributeKey.dupnames] = .list(copy.list(AttributeKey.dupnames) + lost)
            }
            return [copy]
        }
        return rewritten.first ?? document
    }
}
