import DocTree

/// Resolves one page's `pending_xref` nodes against the site index. Pure:
/// the same page and index always give the same tree and diagnostics.
///
/// The resolver only dispatches: each reference goes to the domain its role
/// belongs to (`std` for references without a domain), and the domain's
/// rules decide.
public struct Resolver: Sendable {
    public let index: TargetIndex
    public let options: ResolverOptions
    public let domains: [String: any Domain]

    /// The first parts of the project's Python names (`pkg` for `pkg.mod.Name`), when inventories are offline.
    let projectPackages: Set<String>

    public init(index: TargetIndex, options: ResolverOptions = ResolverOptions(), domains: [any Domain]) {
        self.index = index
        self.options = options
        var byName: [String: any Domain] = [:]
        for domain in domains { byName[domain.name] = domain }
        self.domains = byName
        projectPackages = options.offlineInventories.isEmpty ? []
            : Set((index.objects["py"] ?? [:]).keys.map { String($0.prefix { $0 != "." }) })
    }

    /// An unresolved reference that may be in an offline inventory (its `NAME:` prefix names one, or it is
    /// a dotted Python name outside the project's packages) is a `ref.offline` warning: it cannot be checked.
    func offlineAdjusted(_ problem: Diagnostic, _ xref: PendingXref) -> Diagnostic {
        let offline = options.offlineInventories
        // sphinx-paramlinks' `:paramref:` never looks in inventories: its miss is a miss.
        guard !offline.isEmpty, xref.type != "paramref" else { return problem }
        var target = xref.target
        if target.hasPrefix("~") || target.hasPrefix("!") { target.removeFirst() }
        let prefix = target.firstIndex(of: ":").map { String(target[..<$0]) }
        var adjusted = problem
        if let prefix, offline.contains(prefix) {
            adjusted.notes.append(.init("the '\(prefix)' inventory is not available offline, so this reference cannot be checked"))
        } else if xref.domain == "py", prefix == nil, !target.hasPrefix("."), target.contains("."),
                  !projectPackages.contains(String(target.prefix { $0 != "." })) {
            let names = offline.map { "'\($0)'" }.joined(separator: ", ")
            adjusted.notes.append(.init("'\(target.prefix { $0 != "." })' is not part of this project; it may be in the "
                + (offline.count == 1 ? "inventory \(names), which is" : "inventories \(names), which are")
                + " not available offline"))
        } else {
            return problem
        }
        adjusted.id = "ref.offline"
        adjusted.severity = .warning
        return adjusted
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
            guard let xref = PendingXref(node) else { return [node] }
            checked += 1
            switch resolve(xref, in: document) {
            case .resolved(let resolved):
                return [resolved]
            case .linked(let resolved, let warning):
                if !options.ignore.ignores(domain: xref.domain, type: xref.type, target: xref.target) {
                    diagnostics.append(warning)
                }
                return [resolved]
            case .unresolved(let problem):
                if !options.ignore.ignores(domain: xref.domain, type: xref.type, target: xref.target) {
                    diagnostics.append(offlineAdjusted(problem, xref))
                }
                return [node]
            }
        }
        doc.root = rewritten.first ?? doc.root
        return Outcome(document: doc, diagnostics: diagnostics, referencesChecked: checked)
    }

    func resolve(_ xref: PendingXref, in document: Document) -> Resolution {
        let file = xref.sourcePath.flatMap { path in
            options.sourceFiles(path) ?? document.includedFiles.first { $0.path == path }
        } ?? document.source
        let context = ResolveContext(index: index, document: document, options: options, domains: domains, file: file)
        // Markdown links MyST treats as internal try labels, documents and objects in its own order.
        if let resolution = MySTLink.resolve(xref, context: context) { return resolution }
        let name = xref.domain.isEmpty ? "std" : xref.domain
        guard let domain = domains[name] else {
            return context.unresolved(xref, "unknown domain '\(name)' in reference type '\(xref.roleName)'",
                                      suggestions: TargetIndex.suggestions(for: name, among: domains.keys))
        }
        return domain.resolve(xref, context: context)
    }
}
