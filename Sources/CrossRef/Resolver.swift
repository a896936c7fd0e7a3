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

    public init(index: TargetIndex, options: ResolverOptions = ResolverOptions(), domains: [any Domain]) {
        self.index = index
        self.options = options
        var byName: [String: any Domain] = [:]
        for domain in domains { byName[domain.name] = domain }
        self.domains = byName
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
                    diagnostics.append(problem)
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
