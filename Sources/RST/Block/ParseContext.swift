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

    // Sections.
    var titleStyles: [[Unicode.Scalar]] = []
    var sectionLevel = 0

    // Ids and names.
    var ids: Set<String> = []
    var idCounter: [String: Int] = [:]
    /// name -> id (nil when the name is ambiguous)
    var nameIDs: [String: String?] = [:]
    var nameExplicit: [String: Bool] = [:]
    var refuriByID: [String: String] = [:]
    /// Names to move to `dupnames` on nodes with these ids (applied after parsing).
    var dupnames: [String: [String]] = [:]
    /// Backrefs to add to system messages (by id) after parsing.
    var extraBackrefs: [String: [String]] = [:]

    // Roles.
    var defaultRoleName: String?
    var localRoles: [String: Role] = [:]
    var knownRoleNames: Set<String> = []
    var substitutionNames: [String: String] = [:]
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
                       range: SourceRange? = nil, details: [Node] = [], backrefs: [String] = []) -> Node {
        var attrs: [String: AttributeValue] = [
            "level": .int(severity.rawValue), "type": .string(severity.docutilsName),
            "source": .string(sourceLabel),
        ]
        if let line { attrs["line"] = .int(line) }
        if !backrefs.isEmpty { attrs["backrefs"] = .list(backrefs) }
        let location = range ?? line.map { SourceRange(line: $0, column: 1) }
        var children = [Node(.paragraph, children: [.text(message)], range: location)]
        children += details
        let node = Node(.systemMessage, attributes: attrs, children: children, range: location)
        diagnostics.append(Diagnostic(id: id, severity: severity,
                                      message: message.replacingOccurrences(of: "\n", with: " "),
                                      file: file, range: location))
        return node
    }

    static func literal(_ text: String) -> Node {
        Node(.literalBlock, attributes: ["xml:space": .string("preserve")], children: text.isEmpty ? [] : [.text(text)])
    }

    // MARK: ids

    /// Assigns an id to `node` (from its names, else `<prefix>-N`), registers it, returns it.
    @discardableResult
    func setID(_ node: inout Node, prefix: String? = nil) -> String {
        if let existing = node.list("ids").first { ids.insert(existing); return existing }
        var id = ""
        var baseID = ""
        for name in node.list("names") {
            baseID = Names.makeID(name)
            id = baseID
            if !baseID.isEmpty && !ids.contains(id) { break }
            id = ""
        }
        if id.isEmpty {
            let p: String
            if !baseID.isEmpty { p = baseID + "-" } else { p = (prefix ?? Names.makeID(node.kind.rawValue)) + "-" }
            while true {
                let n = (idCounter[p] ?? 0) + 1
                idCounter[p] = n
                id = p + String(n)
                if !ids.contains(id) { break }
            }
        }
        node.append(id, to: "ids")
        ids.insert(id)
        if let uri = node.string("refuri") { refuriByID[id] = uri }
        return id
    }

    /// docutils' note_implicit_target / note_explicit_target. Returns messages to put in `msgnode`.
    func noteTarget(_ node: inout Node, explicit: Bool, line: Int?) -> [Node] {
        let id = setID(&node)
        var messages: [Node] = []
        for name in node.list("names") {
            if let entry = nameIDs[name] {
                messages += duplicate(&node, id: id, name: name, oldID: entry, explicit: explicit, line: line)
            } else {
                nameIDs[name] = .some(id)
                nameExplicit[name] = explicit
            }
        }
        return messages
    }

    private func moveToDupnames(_ node: inout Node, _ name: String) {
        var names = node.list("names")
        names.removeAll { $0 == name }
        node.attributes["names"] = .list(names)
        node.append(name, to: "dupnames")
    }

    private func duplicate(_ node: inout Node, id: String, name: String, oldID: String?, explicit: Bool,
                           line: Int?) -> [Node] {
        let oldExplicit = nameExplicit[name] ?? false
        nameExplicit[name] = oldExplicit || explicit
        var messages: [Node] = []
        if explicit {
            if oldExplicit {
                var level = Severity.warning
                if let oldID {
                    if let uri = node.string("refuri"), refuriByID[oldID] == uri { level = .info }
                    if level > .info {
                        dupnames[oldID, default: []].append(name)
                        nameIDs[name] = .some(nil)
                    }
                }
                messages.append(systemMessage(level, "rst.duplicate-target",
                                              "Duplicate explicit target name: \"\(name)\".", line: line))
                moveToDupnames(&node, name)
            } else {
                nameIDs[name] = .some(id)
                if let oldID { dupnames[oldID, default: []].append(name) }
            }
        } else {
            if let oldID, !oldExplicit {
                nameIDs[name] = .some(nil)
                dupnames[oldID, default: []].append(name)
            }
            moveToDupnames(&node, name)
        }
        if !explicit || (!oldExplicit && oldID != nil) {
            messages.append(systemMessage(.info, "rst.duplicate-implicit-target",
                                          "Duplicate implicit target name: \"\(name)\".", line: line,
                                          backrefs: [id]))
        }
        return messages
    }

    /// Applies deferred `dupnames` changes to the finished tree.
    func finish(_ root: Node) -> Node {
        if dupnames.isEmpty && extraBackrefs.isEmpty { return root }
        return root.rewritten { node -> [Node] in
            guard !node.isText, let ids = node.attributes["ids"] else { return [node] }
            var copy = node
            for id in ids.listValue {
                if let names = dupnames[id] {
                    for name in names where copy.list("names").contains(name) {
                        var n = copy.list("names")
                        n.removeAll { $0 == name }
                        copy.attributes["names"] = .list(n)
                        copy.append(name, to: "dupnames")
                    }
                }
                if let refs = extraBackrefs[id] {
                    for r in refs { copy.append(r, to: "backrefs") }
                }
            }
            return [copy]
        }.first ?? root
    }
}
