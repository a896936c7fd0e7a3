import DocTree

/// Document-wide state of one parse (docutils' "memo" and document registries).
/// Lives for one `RSTParser.parse` call only; never shared between threads.
final class ParseContext {
    let file: SourceFile
    let options: RSTOptions
    let documentName: String
    let sourceLabel: String
    var diagnostics: [Diagnostic] = []
    var metadata: [String: String] = [:]
    var documentAttributes: [String: AttributeValue] = [:]
    var documentStart: [Node] = []
    /// Current nesting of directive content (see `maxDirectiveDepth`).
    var directiveDepth = 0
    static let maxDirectiveDepth = 32
    /// Set by the `highlight` directive: default language of later code blocks.
    var highlightLanguage: String?

    // Sections.
    var titleStyles: [[Unicode.Scalar]] = []
    var sectionLevel = 0

    // Ids and names (docutils' document.ids / names / nametypes).
    var ids: Set<String> = []
    var idCounter: [String: Int] = [:]
    /// name -> key of the node holding it (nil when the name became a dupname)
    var names: [String: Int?] = [:]
    var nameTypes: [String: Bool] = [:]
    var nodeInfo: [Int: NodeInfo] = [:]
    var nextKey = 0
    /// Deferred changes to nodes already in the tree, applied by `finish`.
    var pendingDupnames: [Int: [String]] = [:]
    var pendingIDs: [Int: [String]] = [:]

    struct NodeInfo {
        var refuri: String?
        var refname: String?
        var hasIDs: Bool
        var dupnames: [String]
    }

    static let keyAttribute = "\u{1}key"

    // Roles.
    var defaultRoleName: String?
    var localRoles: [String: Role] = [:]
    var knownRoleNames: Set<String> = []
    var substitutionNames: [String: String] = [:]
    /// Included files: index -> (path as shown, file). Line numbers of included lines are
    /// `line + index * lineBase` so that messages can name their file.
    var includedSources: [(label: String, file: SourceFile)] = []
    static let lineBase = 1_000_000_000
    /// (path, clip options) of the files being included, outermost first.
    var includeLog: [String] = []
    /// Bounds on what one document may include (all inclusions together).
    static let maxInclusions = 1_000
    static let maxIncludedBytes = 64 << 20
    var includedBytes = 0
    /// Lines an `include` directive asks to insert after the current construct.
    var pendingInsert: [Line]? = nil

    /// Splits an encoded line number into (source label, file, line).
    func decode(_ line: Int) -> (String, SourceFile, Int) {
        let index = line / Self.lineBase
        if index > 0 && index <= includedSources.count {
            let s = includedSources[index - 1]
            return (s.label, s.file, line % Self.lineBase)
        }
        return (sourceLabel, file, line)
    }

    func decode(_ range: SourceRange?) -> SourceRange? {
        guard var r = range else { return nil }
        r.start.line %= Self.lineBase
        r.end.line %= Self.lineBase
        return r
    }

    /// Messages that docutils appends to the parent element while inline text is parsed
    /// (so they precede the paragraph being built).
    var parentMessages: [Node] = []
    var substitutionKeys: [String: Int] = [:]
    var roleOptions: [String: [String: DirectiveOptionValue]] = [:]

    init(file: SourceFile, options: RSTOptions, documentName: String) {
        self.file = file
        self.options = options
        self.documentName = documentName
        self.sourceLabel = options.sourceLabel ?? file.path
        self.defaultRoleName = options.defaultRole
    }

    // MARK: system messages

    /// Builds a `system_message` node and records the matching diagnostic.
    func systemMessage(_ severity: Severity, _ id: String, _ message: String, line: Int?,
                       range: SourceRange? = nil, details: [Node] = [], backrefs: [String] = [],
                       suggestions: [String] = []) -> Node {
        let (label, msgFile, decodedLine) = decode(line ?? range?.start.line ?? 0)
        var attrs: [String: AttributeValue] = [
            "level": .int(severity.rawValue), "type": .string(severity.docutilsName),
            "source": .string(label),
        ]
        if line != nil { attrs["line"] = .int(decodedLine) }
        if !backrefs.isEmpty { attrs["backrefs"] = .list(backrefs) }
        let location = decode(range ?? line.map { SourceRange(line: $0, column: 1) })
        var children = [Node(.paragraph, children: [.text(message)], range: location)]
        children += details
        let node = Node(.systemMessage, attributes: attrs, children: children, range: location)
        diagnostics.append(Diagnostic(id: id, severity: severity,
                                      message: message.utf8.contains(10) ? message.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: " ") : message,
                                      file: msgFile, range: location, suggestions: suggestions))
        return node
    }

    static func literal(_ text: String) -> Node {
        Node(.literalBlock, attributes: ["xml:space": .string("preserve")], children: text.isEmpty ? [] : [.text(text)])
    }

    // MARK: ids

    /// The internal key of a registered node (assigned on first use).
    func key(_ node: inout Node) -> Int {
        if case .int(let k)? = node.attributes[Self.keyAttribute] { return k }
        nextKey += 1
        node.attributes[Self.keyAttribute] = .int(nextKey)
        return nextKey
    }

    private func remember(_ node: inout Node) {
        let k = key(&node)
        nodeInfo[k] = NodeInfo(refuri: node.refuri, refname: node.refname,
                               hasIDs: !node.ids.isEmpty, dupnames: node.list(AttributeKey.dupnames))
    }

    /// Assigns an id to `node` (from its names, else `<prefix>-N`), registers it, returns it.
    @discardableResult
    func setID(_ node: inout Node, prefix: String? = nil) -> String {
        if let existing = node.ids.last {
            for id in node.ids { ids.insert(id) }
            return existing
        }
        let id = createID(names: node.names, dupnames: node.list(AttributeKey.dupnames),
                          prefix: prefix ?? (node.kind == BlockParser.sectionMarker ? "section" : Names.makeID(node.kind.rawValue)))
        node.append(id, to: "ids")
        ids.insert(id)
        if node.attributes[Self.keyAttribute] != nil { remember(&node) }
        return id
    }

    func createID(names: [String], dupnames: [String], prefix suggested: String) -> String {
        var id = ""
        var baseID = ""
        for name in names {
            baseID = Names.makeID(name)
            id = baseID
            if !baseID.isEmpty && !ids.contains(id) { return id }
        }
        let p: String
        let auto = options.autoIDPrefix
        if !auto.hasSuffix("%") {
            p = auto
        } else if !baseID.isEmpty {
            p = id + "-"
        } else if let d = dupnames.first, !Names.makeID(d).isEmpty {
            p = Names.makeID(d) + "-"
        } else {
            p = auto.dropLast() + suggested + "-"
        }
        while true {
            let n = (idCounter[p] ?? 0) + 1
            idCounter[p] = n
            id = p + String(n)
            if !ids.contains(id) { return id }
        }
    }

    /// note_implicit_target / note_explicit_target: registers the names (and
    /// the id). Returns the system messages docutils would add to `msgnode`.
    func noteTarget(_ node: inout Node, explicit: Bool, line: Int?) -> [Node] {
        let messages = noteNames(&node, explicit: explicit, line: line)
        if explicit || options.legacyIDs { setID(&node) }
        remember(&node)
        return messages
    }

    func noteNames(_ node: inout Node, explicit: Bool, line: Int?) -> [Node] {
        let k = key(&node)
        remember(&node)
        var messages: [Node] = []
        for name in node.names {
            if let entry = names[name], entry != k {
                if let m = duplicateName(&node, key: k, name: name, oldKey: entry, explicit: explicit, line: line) {
                    messages.append(m)
                }
            } else {
                names[name] = .some(k)
                if nameTypes[name] == nil { nameTypes[name] = explicit }
            }
        }
        return messages
    }

    private func moveToDupnames(_ node: inout Node, _ name: String) {
        var n = node.names
        if let i = n.firstIndex(of: name) { n.remove(at: i) }
        node.attributes[AttributeKey.names] = .list(n)
        node.append(name, to: "dupnames")
    }

    private func dupnameOld(_ oldKey: Int, _ name: String) {
        pendingDupnames[oldKey, default: []].append(name)
        nodeInfo[oldKey]?.dupnames.append(name)
    }

    private func duplicateName(_ node: inout Node, key k: Int, name: String, oldKey: Int?, explicit: Bool,
                               line: Int?) -> Node? {
        let oldExplicit = nameTypes[name] ?? false
        nameTypes[name] = oldExplicit || explicit
        var level: Severity? = nil
        var text = ""
        let old = oldKey.flatMap { nodeInfo[$0] }
        let refname = node.refname, refuri = node.refuri
        if let old, (refname != nil && refname == old.refname) || (refuri != nil && refuri == old.refuri) {
            level = .info
            text = "Duplicate name \"\(name)\" for external target \"\(refuri ?? refname ?? "")\"."
            moveToDupnames(&node, name)
        } else if explicit {
            if oldExplicit {
                level = .warning
                text = "Duplicate explicit target name: \"\(name)\"."
                moveToDupnames(&node, name)
                if let oldKey {
                    dupnameOld(oldKey, name)
                    names[name] = .some(nil)
                }
            } else {
                names[name] = .some(k)
                if let oldKey {
                    level = .info
                    text = "Target name overrides implicit target name \"\(name)\"."
                    dupnameOld(oldKey, name)
                }
            }
        } else {
            level = .info
            text = "Duplicate implicit target name: \"\(name)\"."
            moveToDupnames(&node, name)
            if let oldKey, !oldExplicit {
                dupnameOld(oldKey, name)
                names[name] = .some(nil)
                if let info = nodeInfo[oldKey], !info.hasIDs {
                    let id = createID(names: [], dupnames: info.dupnames, prefix: "section")
                    ids.insert(id)
                    pendingIDs[oldKey, default: []].append(id)
                    nodeInfo[oldKey]?.hasIDs = true
                }
            }
        }
        guard let level else { return nil }
        var backrefs: [String] = []
        if !(node.kind == .target && node.children.isEmpty) {
            backrefs = [setID(&node)]
        }
        return systemMessage(level, level == .warning ? "rst.duplicate-target" : "rst.duplicate-name", text,
                             line: line, backrefs: backrefs)
    }

    /// Applies deferred changes and removes internal keys from the finished tree.
    func finish(_ root: Node) -> Node {
        if nextKey == 0 && includedSources.isEmpty { return root }
        let decodeRanges = !includedSources.isEmpty
        return root.rewritten { node -> [Node] in
            var node = node
            if decodeRanges {
                // A reference from an included file is reported in that file.
                if node.kind == .pendingXref, node.attributes["source"] == nil, let line = node.range?.start.line,
                   line >= Self.lineBase {
                    let (label, _, _) = self.decode(line)
                    node.attributes["source"] = .string(label)
                }
                node.range = self.decode(node.range)
            }
            guard !node.isText, case .int(let k)? = node.attributes[Self.keyAttribute] else { return [node] }
            var copy = node
            copy.attributes[Self.keyAttribute] = nil
            for name in pendingDupnames[k] ?? [] where copy.names.contains(name) {
                self.moveToDupnames(&copy, name)
            }
            for id in pendingIDs[k] ?? [] { copy.append(id, to: "ids") }
            return [copy]
        }.first ?? root
    }
}
