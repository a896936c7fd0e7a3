import DocTree

/// Resolves one page's `pending_xref` nodes against the site index. Pure:
/// the same page and index always give the same tree and diagnostics.
public struct Resolver: Sendable {
    public let index: TargetIndex
    public let options: ResolverOptions

    public init(index: TargetIndex, options: ResolverOptions = ResolverOptions()) {
        self.index = index
        self.options = options
    }

    public struct Outcome: Sendable {
        public var document: Document
        public var diagnostics: [Diagnostic]
        /// How many references were checked (resolved or not).
        public var referencesChecked: Int
    }

    public func resolve(_ document: Document) -> Outcome {
        var doc = document
        var diagnostics: [Diagnostic] = []
        var checked = 0
        let rewritten = doc.root.rewritten { node -> [Node] in
            guard node.kind == .pendingXref else { return [node] }
            checked += 1
            switch resolve(node, in: document) {
            case .success(let resolved):
                return [resolved]
            case .failure(let problem):
                let domain = node.string("refdomain") ?? "", type = node.string("reftype") ?? ""
                if !options.ignore.ignores(domain: domain, type: type, target: node.string("reftarget") ?? "") {
                    diagnostics.append(problem.diagnostic)
                }
                return [node]
            }
        }
        doc.root = rewritten.first ?? doc.root
        return Outcome(document: doc, diagnostics: diagnostics, referencesChecked: checked)
    }

    struct Problem: Error {
        var diagnostic: Diagnostic
    }

    /// The caption prefix of numbered elements (`Fig. 3`), nil for elements without numbers.
    static func numberPrefix(_ elementKind: String) -> String? {
        switch elementKind {
        case "figure": return "Fig."
        case "table": return "Table"
        case "literal_block", "container": return "Listing"
        default: return nil
        }
    }

    static func diagnosticID(domain: String, type: String) -> String {
        switch domain {
        case "", "std": return "ref.\(type)"
        default: return "ref.\(domain).\(type)"
        }
    }

    func resolve(_ node: Node, in document: Document) -> Swift.Result<Node, Problem> {
        let domain = node.string("refdomain") ?? ""
        let type = node.string("reftype") ?? ""
        let target = node.string("reftarget") ?? ""
        let explicit = node.attributes["refexplicit"] == .bool(true)
        let id = Self.diagnosticID(domain: domain, type: type)
        let file = node.string("source").flatMap(options.sourceFiles) ?? document.source
        func fail(_ message: String, suggestions: [String] = [], notes: [Diagnostic.Note] = []) -> Swift.Result<Node, Problem> {
            .failure(Problem(diagnostic: Diagnostic(id: id, severity: .error, message: message, file: file,
                                                    range: node.range, notes: notes, suggestions: suggestions)))
        }

        if (type == "ref" || type == "doc"), domain == "std" || domain.isEmpty,
           let colon = target.firstIndex(of: ":"),
           let external = options.inventories.first(where: { $0.name == String(target[..<colon]) }) {
            let rest = String(target[target.index(after: colon)...])
            let name = type == "ref" ? normalizeLabel(rest) : rest
            guard let entry = external.lookup(domain: "std", types: [type == "ref" ? "label" : "doc"], name: name) else {
                return fail("no \(type == "ref" ? "label" : "document") '\(rest)' in the '\(external.name)' inventory")
            }
            let text = explicit ? nil : (entry.displayName == "-" ? rest : entry.displayName)
            return .success(externalReference(from: node, url: external.url(for: entry), text: text))
        }

        switch (domain, type) {
        case ("std", "ref"), ("", "ref"):
            let name = normalizeLabel(target)
            guard let label = index.labels[name] else {
                var notes: [Diagnostic.Note] = []
                if let resolved = PageURL.resolveDocument(target, from: document.name), index.documents[resolved] != nil {
                    notes.append(.init("'\(target)' is a document: use :doc:`\(target)` to link to it"))
                }
                return fail("undefined label '\(target)'",
                            suggestions: TargetIndex.suggestions(for: name, among: index.labels.keys), notes: notes)
            }
            let text: String?
            if explicit {
                text = nil
            } else if let title = label.title {
                text = title
            } else {
                return fail("label '\(target)' is not placed before a section title, so the reference has no text",
                            notes: [.init("give it an explicit title: :ref:`link text <\(target)>`"),
                                    .init("the label is defined here", file: label.file, range: label.range)])
            }
            return .success(reference(from: node, document: document.name, to: label.document,
                                      anchor: label.anchor, text: text))
        case ("std", "doc"), ("", "doc"):
            guard let resolved = PageURL.resolveDocument(target, from: document.name),
                  let entry = index.documents[resolved] else {
                let wanted = PageURL.resolveDocument(target, from: document.name) ?? target
                return fail("unknown document '\(target)'",
                            suggestions: TargetIndex.suggestions(for: wanted, among: index.documents.keys))
            }
            return .success(reference(from: node, document: document.name, to: resolved, anchor: nil,
                                      text: explicit ? nil : (entry.title ?? resolved)))
        case ("", "mdlink"):
            guard let entry = index.documents[target] else {
                return fail("link to a page that does not exist: '\(target)'",
                            suggestions: TargetIndex.suggestions(for: target, among: index.documents.keys))
            }
            let anchor = node.string("refanchor")
            if let anchor, !anchor.isEmpty, !entry.anchors.contains(anchor) {
                return fail("page '\(target)' has no anchor '#\(anchor)'",
                            suggestions: TargetIndex.suggestions(for: anchor, among: entry.anchors))
            }
            return .success(reference(from: node, document: document.name, to: target, anchor: anchor, text: nil))
        case ("std", "numref"), ("", "numref"):
            guard let label = index.labels[normalizeLabel(target)] else {
                return fail("undefined label '\(target)'",
                            suggestions: TargetIndex.suggestions(for: normalizeLabel(target), among: index.labels.keys))
            }
            guard let prefix = Self.numberPrefix(label.elementKind),
                  let number = options.numbers["\(label.document)#\(label.anchor)"] else {
                return fail("label '\(target)' is on a \(label.elementKind), not a figure, table or code block, so it has no number",
                            notes: [.init("use :ref: to link to it by title", file: label.file, range: label.range)])
            }
            var text = "\(prefix) \(number)"
            if explicit {
                let written = node.textContent
                text = written.replacingOccurrences(of: "{number}", with: String(number))
                    .replacingOccurrences(of: "%s", with: String(number))
                    .replacingOccurrences(of: "{name}", with: label.title ?? "")
            }
            return .success(reference(from: node, document: document.name, to: label.document,
                                      anchor: label.anchor, text: text))
        case ("std", "any"), ("", "any"):
            return resolveAny(node, target: target, in: document, fail: fail)
        default:
            guard let types = RoleTypes.types(domain: domain, role: type, custom: options.customRoles) else {
                return fail("unknown reference type '\(domain.isEmpty ? type : "\(domain):\(type)")'")
            }
            return resolveObject(node, domain: domain.isEmpty ? "std" : domain, role: type, types: types,
                                 target: target, explicit: explicit, in: document, fail: fail)
        }
    }

    /// A resolved link: the pending node's content (or `text` in its place), pointing at `to#anchor`.
    func reference(from node: Node, document: String, to: String, anchor: String?, text: String?) -> Node {
        let children = Self.children(of: node, text: text)
        var reference = Node(.reference, attributes: ["internal": .bool(true),
                                                      "refuri": .string(PageURL.relative(from: document, to: to, anchor: anchor))],
                             children: children, range: node.range)
        if let classes = node.attributes["classes"] { reference.attributes["classes"] = classes }
        return reference
    }

    /// The link content: the pending node's own, or `text` put in place of its
    /// text (keeping a single wrapper such as the `xref` inline or literal).
    static func children(of node: Node, text: String?) -> [Node] {
        guard let text else { return node.children }
        if var first = node.children.first, !first.isText, node.children.count == 1 {
            first.children = [.text(text)]
            return [first]
        }
        return [.text(text)]
    }
}
