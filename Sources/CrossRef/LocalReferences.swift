import DocTree

/// Resolves what docutils resolves inside one page after parsing: named and
/// anonymous hyperlink references (`name_`, `` `text`_ ``, `` `text`__ ``)
/// against external, indirect and internal targets and section titles;
/// footnote references (numbered, auto-numbered, labelled, symbols); citation
/// references; and substitution references. Pure: one page in, one page out.
public enum LocalReferences {
    static let symbols: [String] = ["*", "†", "‡", "§", "¶", "#", "♠", "♥", "♦", "♣"]

    struct Names {
        var external: [String: String] = [:]
        var indirect: [String: String] = [:]
        var local: [String: String] = [:]
        var anonymous: [Node] = []
        var substitutions: [String: [Node]] = [:]
        var substitutionsFolded: [String: [Node]] = [:]
        var footnotes: [String: String] = [:]        // name → id
        var autoFootnotes: [String] = []              // ids of unlabelled auto-numbered footnotes, in order
        var symbolFootnotes: [String] = []            // ids of symbol footnotes, in order
        var citations: [String: String] = [:]
        var numbers: [String: String] = [:]           // footnote id → label text
        var backrefs: [String: [String]] = [:]        // footnote/citation id → reference ids
    }

    /// `defaults`: substitutions every page has unless it defines them itself (Sphinx's
    /// `|version|`, `|release|`, `|today|`).
    public static func resolve(_ document: Document, defaults: [String: String] = [:]) -> (Document, [Diagnostic]) {
        var names = Names()
        collect(document.root, into: &names)
        for (name, text) in defaults where names.substitutions[name] == nil {
            names.substitutions[name] = [.text(text)]
            names.substitutionsFolded[name.lowercased()] = [.text(text)]
        }
        numberFootnotes(document.root, names: &names)
        var diagnostics: [Diagnostic] = []
        var anonymousIndex = 0
        var autoIndex = 0
        var symbolIndex = 0
        var doc = document
        let file = document.source

        func fail(_ id: String, _ message: String, _ node: Node, suggestions: [String] = []) {
            diagnostics.append(Diagnostic(id: id, severity: .error, message: message, file: file, range: node.range,
                                          suggestions: suggestions))
        }

        func target(for name: String, seen: inout Set<String>) -> (uri: String?, id: String?)? {
            if let uri = names.external[name] { return (uri, nil) }
            if let id = names.local[name] { return (nil, id) }
            if let next = names.indirect[name], seen.insert(name).inserted { return target(for: next, seen: &seen) }
            return nil
        }

        var rewritten = doc.root.rewritten { node -> [Node] in
            switch node.kind {
            case .reference where node.attributes[AttributeKey.anonymous] == .bool(true) || node.string(AttributeKey.anonymous) == "1":
                guard node.refuri == nil, node.refid == nil else { return [node] }
                defer { anonymousIndex += 1 }
                guard anonymousIndex < names.anonymous.count else {
                    fail("rst.anonymous-mismatch", "anonymous reference has no matching anonymous target (`__ URL`)", node)
                    return [node]
                }
                var copy = node
                let target = names.anonymous[anonymousIndex]
                if let uri = target.refuri {
                    copy.attributes[AttributeKey.refuri] = .string(uri)
                } else if let refname = target.refname {
                    var seen: Set<String> = []
                    guard let resolved = resolveName(refname, &seen) else {
                        fail("rst.unknown-target", "unknown target name: \"\(refname)\"", node)
                        return [node]
                    }
                    apply(resolved, to: &copy)
                } else if let id = target.refid ?? target.ids.first {
                    copy.attributes[AttributeKey.refid] = .string(id)
                }
                return [copy]
            case .reference:
                guard let refname = node.refname else { return [node] }
                var seen: Set<String> = []
                guard let resolved = resolveName(refname, &seen) else {
                    let known = Set(names.external.keys).union(names.local.keys).union(names.indirect.keys)
                    fail("rst.unknown-target", "unknown target name: \"\(refname)\"", node,
                         suggestions: TargetIndex.suggestions(for: refname, among: known))
                    return [node]
                }
                var copy = node
                copy.attributes[AttributeKey.refname] = nil
                apply(resolved, to: &copy)
                return [copy]
            case "footnote_reference":
                var copy = node
                let id: String?
                if let refname = node.refname {
                    id = names.footnotes[refname]
                } else if node.string(AttributeKey.auto) == "*" {
                    id = symbolIndex < names.symbolFootnotes.count ? names.symbolFootnotes[symbolIndex] : nil
                    symbolIndex += 1
                } else if node.string(AttributeKey.auto) != nil {
                    id = autoIndex < names.autoFootnotes.count ? names.autoFootnotes[autoIndex] : nil
                    autoIndex += 1
                } else {
                    id = nil
                }
                guard let id else {
                    let shown = node.refname ?? node.textContent
                    fail("rst.unknown-footnote", "footnote reference \(shown.isEmpty ? "" : "[\(shown)] ")has no matching footnote", node,
                         suggestions: node.refname.map { closestNames(to: $0, among: names.footnotes.keys) } ?? [])
                    return [node]
                }
                copy.attributes[AttributeKey.refid] = .string(id)
                copy.attributes[AttributeKey.refname] = nil
                if let label = names.numbers[id] { copy.children = [.text(label)] }
                return [copy]
            case "citation_reference":
                guard let refname = node.refname else { return [node] }
                guard let id = names.citations[refname] else {
                    fail("rst.unknown-citation", "citation [\(node.textContent)] is not defined on this page", node,
                         suggestions: TargetIndex.suggestions(for: refname, among: names.citations.keys))
                    return [node]
                }
                var copy = node
                copy.attributes[AttributeKey.refid] = .string(id)
                copy.attributes[AttributeKey.refname] = nil
                return [copy]
            case "substitution_reference":
                let refname = node.refname ?? node.textContent
                guard let replacement = names.substitutions[refname] ?? names.substitutionsFolded[refname.lowercased()] else {
                    fail("rst.undefined-substitution", "undefined substitution referenced: \"\(refname)\"", node,
                         suggestions: TargetIndex.suggestions(for: refname, among: names.substitutions.keys))
                    return [Node(.inline, children: node.children, range: node.range)]
                }
                return replacement
            case "footnote":
                guard let id = node.ids.first, let label = names.numbers[id],
                      !node.children.contains(where: { $0.kind == "label" }) else { return [node] }
                var copy = node
                copy.children.insert(Node("label", children: [.text(label)]), at: 0)
                return [copy]
            default:
                return [node]
            }
        }.first ?? doc.root

        func resolveName(_ name: String, _ seen: inout Set<String>) -> (uri: String?, id: String?)? {
            target(for: normalizeLabel(name), seen: &seen)
        }
        func apply(_ resolved: (uri: String?, id: String?), to node: inout Node) {
            if let uri = resolved.uri { node.attributes[AttributeKey.refuri] = .string(uri) }
            else if let id = resolved.id { node.attributes[AttributeKey.refid] = .string(id) }
        }

        // Footnotes and citations point back at their references.
        var backrefs: [String: [String]] = [:]
        rewritten.walk { node in
            if node.kind == "footnote_reference" || node.kind == "citation_reference",
               let target = node.refid, let id = node.ids.first {
                backrefs[target, default: []].append(id)
            }
        }
        if !backrefs.isEmpty {
            rewritten = rewritten.rewritten { node in
                guard node.kind == "footnote" || node.kind == "citation", let id = node.ids.first,
                      let refs = backrefs[id] else { return [node] }
                var copy = node
                copy.attributes["backrefs"] = .list(refs)
                return [copy]
            }.first ?? rewritten
        }
        doc.root = rewritten
        return (doc, diagnostics)
    }

    static func collect(_ node: Node, into names: inout Names) {
        switch node.kind {
        case .target:
            let isAnonymous = node.attributes[AttributeKey.anonymous] == .bool(true) || node.string(AttributeKey.anonymous) == "1"
            if isAnonymous {
                names.anonymous.append(node)
            }
            for name in node.names {
                if let uri = node.refuri { names.external[name] = uri }
                else if let refname = node.refname { names.indirect[name] = normalizeLabel(refname) }
                else if let id = node.refid ?? node.ids.first { names.local[name] = id }
            }
        case "substitution_definition":
            for name in node.names {
                names.substitutions[name] = node.children
                names.substitutionsFolded[name.lowercased()] = node.children
            }
        case "footnote":
            if let id = node.ids.first {
                for name in node.names { names.footnotes[name] = id }
                if node.string(AttributeKey.auto) == "*" { names.symbolFootnotes.append(id) }
                else if node.string(AttributeKey.auto) != nil, node.names.isEmpty { names.autoFootnotes.append(id) }
            }
        case "citation":
            if let id = node.ids.first {
                for name in node.names { names.citations[name] = id }
            }
        default:
            // Sections and other elements: implicit (title) and propagated names.
            if node.kind != .text, let id = node.ids.first {
                for name in node.names where names.local[name] == nil { names.local[name] = id }
            }
        }
        for child in node.children where !child.isText { collect(child, into: &names) }
    }

    /// Gives auto-numbered footnotes the lowest numbers not taken by numbered
    /// ones, in document order, and symbol footnotes their symbols.
    static func numberFootnotes(_ root: Node, names: inout Names) {
        var taken: Set<Int> = []
        var auto: [(id: String, names: [String])] = []
        var symbolCount = 0
        root.walk { node in
            guard node.kind == "footnote", let id = node.ids.first else { return }
            if node.string(AttributeKey.auto) == "*" {
                let symbol = symbols[symbolCount % symbols.count]
                names.numbers[id] = String(repeating: symbol, count: symbolCount / symbols.count + 1)
                symbolCount += 1
            } else if node.string(AttributeKey.auto) != nil {
                auto.append((id, node.names))
            } else if let label = node.children.first(where: { $0.kind == "label" })?.textContent, let n = Int(label) {
                taken.insert(n)
            }
        }
        var next = 1
        for footnote in auto {
            while taken.contains(next) { next += 1 }
            names.numbers[footnote.id] = String(next)
            taken.insert(next)
        }
    }
}
