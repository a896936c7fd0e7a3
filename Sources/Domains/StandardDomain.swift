import CrossRef
import DocTree
import Markup

/// Sphinx's standard domain: labels (`:ref:`, `:numref:`), documents
/// (`:doc:`), `:any:`, command-line options, environment variables, glossary
/// terms, grammar tokens, and the custom object types a project declares in
/// `vellum.toml` (`[objects.setting]`).
public struct StandardDomain: Domain {
    /// A project-declared object type: `.. setting:: NAME` and `:setting:`NAME``.
    public struct CustomType: Sendable, Hashable {
        public var name: String
        public var directive: String
        public var role: String
        /// The index entry (`%s`, `pair: %s; setting`); nil: `%s`; empty: none.
        public var indexTemplate: String?
        /// Sphinx's `add_crossref_type`: the directive marks a target and shows nothing.
        public var targetOnly: Bool
        /// How messages name the kind (Sphinx's `objname`).
        public var label: String?
        /// The node kind of a reference's text (Sphinx's `ref_nodeclass`); nil: `literal`.
        public var referenceNode: String?

        public init(name: String, directive: String, role: String, indexTemplate: String? = nil, targetOnly: Bool = false,
                    label: String? = nil, referenceNode: String? = nil) {
            self.name = name
            self.directive = directive.isEmpty ? name : directive
            self.role = role.isEmpty ? name : role
            self.indexTemplate = indexTemplate
            self.targetOnly = targetOnly
            self.label = label
            self.referenceNode = referenceNode
        }
    }

    public let name = "std"
    public let label = "Standard"
    public var customTypes: [CustomType]

    public init(customTypes: [CustomType] = []) {
        self.customTypes = customTypes.sorted { $0.name < $1.name }
    }

    public var objectTypes: [ObjectType] {
        [
            ObjectType("term", roles: ["term"], label: "glossary term", indexTemplate: "%s"),
            ObjectType("option", roles: ["option"], label: "command-line option", indexTemplate: "%s"),
            ObjectType("envvar", roles: ["envvar"], label: "environment variable", indexTemplate: "%s"),
            ObjectType("keyword", roles: ["keyword"]),
            ObjectType("program", roles: [], label: "program"),
            ObjectType("token", roles: ["token"], label: "grammar token"),
            ObjectType("confval", roles: ["confval"], label: "configuration value",
                       indexTemplate: "%s; configuration value"),
            ObjectType("label", roles: ["ref", "numref"], label: "label"),
            ObjectType("doc", roles: ["doc"], label: "document"),
        ] + customTypes.map { type in
            let template = type.indexTemplate ?? "%s"
            return ObjectType(type.name, roles: [type.role], label: type.label, indexTemplate: template.isEmpty ? nil : template)
        }
    }

    public func roles() -> [String: Role] {
        var roles: [String: Role] = [:]
        for type in ["ref", "term", "numref"] {
            roles[type] = XrefRole(domain: name, type: type, lowercase: true, codeStyle: false).role
        }
        for type in ["keyword", "option", "envvar"] {
            roles[type] = XrefRole(domain: name, type: type, codeStyle: false).role
        }
        roles["confval"] = XrefRole(domain: name, type: "confval").role
        roles["token"] = Self.tokenRole
        for type in ["doc", "any"] {
            roles[type] = XrefRole(domain: "", type: type, codeStyle: false).role
        }
        for custom in customTypes {
            var role = XrefRole(domain: name, type: custom.role)
            role.innerKind = custom.referenceNode.map { NodeKind($0) }
            roles[custom.role] = role.role
        }
        return roles
    }

    public func directives() -> [String: Directive] {
        var directives = StandardDomainDirectives.directives
        directives["glossary"] = GlossaryDirective.directive
        directives["confval"] = ConfvalDirective.directive
        directives["productionlist"] = ProductionListDirective.directive
        for custom in customTypes {
            directives[custom.directive] = custom.targetOnly ? StandardDomainDirectives.target(objtype: custom.name)
                : StandardDomainDirectives.generic(objtype: custom.name)
        }
        return directives
    }

    public func resolve(_ xref: PendingXref, context: ResolveContext) -> Resolution {
        if xref.type == "ref" || xref.type == "doc", let (external, rest) = context.externalInventory(for: xref.target) {
            let name = xref.type == "ref" ? normalizeLabel(rest) : rest
            guard let entry = external.lookup(domain: "std", types: [xref.type == "ref" ? "label" : "doc"], name: name) else {
                return context.unresolved(xref, "no \(xref.type == "ref" ? "label" : "document") '\(rest)' in the '\(external.name)' inventory")
            }
            let text = xref.explicit ? nil : (entry.displayName == "-" ? rest : entry.displayName)
            return context.externalLink(xref, url: external.url(for: entry), text: text)
        }
        switch xref.type {
        case "ref": return resolveLabel(xref, context: context)
        case "doc": return resolveDocument(xref, context: context)
        case "mdlink": return resolvePageLink(xref, context: context)
        case "numref": return resolveNumber(xref, context: context)
        case "any": return resolveAnyReference(xref, context: context)
        default: return resolveObject(xref, context: context)
        }
    }

    func resolveLabel(_ xref: PendingXref, context: ResolveContext) -> Resolution {
        let name = normalizeLabel(xref.target)
        guard let label = context.index.labels[name] else {
            var notes: [Diagnostic.Note] = []
            if let resolved = PageURL.resolveDocument(xref.target, from: context.document.name),
               context.index.documents[resolved] != nil {
                notes.append(.init("'\(xref.target)' is a document: use :doc:`\(xref.target)` to link to it"))
            }
            return context.unresolved(xref, "undefined label '\(xref.target)'",
                                      suggestions: TargetIndex.suggestions(for: name, among: context.index.labels.keys),
                                      notes: notes)
        }
        let text: String?
        if xref.explicit {
            text = nil
        } else if let title = label.title {
            text = title
        } else {
            return context.unresolved(
                xref, "label '\(xref.target)' is not placed before a section title, so the reference has no text",
                notes: [.init("give it an explicit title: :ref:`link text <\(xref.target)>`"),
                        .init("the label is defined here", file: label.file, range: label.range)])
        }
        return context.link(xref, to: label.document, anchor: label.anchor, text: text)
    }

    func resolveDocument(_ xref: PendingXref, context: ResolveContext) -> Resolution {
        let index = context.index
        guard let resolved = PageURL.resolveDocument(xref.target, from: context.document.name),
              let entry = index.documents[resolved] else {
            let wanted = PageURL.resolveDocument(xref.target, from: context.document.name) ?? xref.target
            return context.unresolved(xref, "unknown document '\(xref.target)'",
                                      suggestions: TargetIndex.suggestions(for: wanted, among: index.documents.keys))
        }
        return context.link(xref, to: resolved, anchor: nil, text: xref.explicit ? nil : (entry.title ?? resolved))
    }

    /// A Markdown link to a page (`[text](other.md#part)`), checked with its anchor.
    func resolvePageLink(_ xref: PendingXref, context: ResolveContext) -> Resolution {
        let index = context.index
        guard let entry = index.documents[xref.target] else {
            return context.unresolved(xref, "link to a page that does not exist: '\(xref.target)'",
                                      suggestions: TargetIndex.suggestions(for: xref.target, among: index.documents.keys))
        }
        let anchor = xref.extra["refanchor"]?.stringValue
        if let anchor, !anchor.isEmpty, !entry.anchors.contains(anchor) {
            return context.unresolved(xref, "page '\(xref.target)' has no anchor '#\(anchor)'",
                                      suggestions: TargetIndex.suggestions(for: anchor, among: entry.anchors))
        }
        return context.link(xref, to: xref.target, anchor: anchor, text: nil)
    }

    /// The element type of numbered elements (Sphinx's figtype: `figure`, `table`, `code-block`); nil for others.
    static func figureType(_ elementKind: String) -> String? {
        switch elementKind {
        case "figure": return "figure"
        case "table": return "table"
        case "literal_block", "container": return "code-block"
        default: return nil
        }
    }

    /// `:numref:`: the element's number in the `numfig_format` text (or the explicit title's
    /// `{number}`, `{name}`, `%s`), as Sphinx writes it.
    func resolveNumber(_ xref: PendingXref, context: ResolveContext) -> Resolution {
        guard context.options.numfig else {
            return .unresolved(Diagnostic(
                id: "numfig.disabled", severity: .warning, message: "numfig is disabled. :numref: is ignored.",
                file: context.file, range: xref.range,
                notes: [.init("set numfig = True in conf.py (or [build] numfig = true) to number figures, tables and code blocks")]))
        }
        guard let label = context.index.labels[normalizeLabel(xref.target)] else {
            return context.unresolved(xref, "undefined label '\(xref.target)'",
                                      suggestions: TargetIndex.suggestions(for: normalizeLabel(xref.target),
                                                                           among: context.index.labels.keys))
        }
        guard let type = Self.figureType(label.elementKind) else {
            return context.unresolved(
                xref, "label '\(xref.target)' is on a \(label.elementKind), not a figure, table or code block, so it has no number",
                notes: [.init("use :ref: to link to it by title", file: label.file, range: label.range)])
        }
        guard let number = context.options.numbers["\(label.document)#\(label.anchor)"] else {
            return context.unresolved(
                xref, "no number is assigned for \(type): \(xref.target)",
                notes: [.init("only elements with a label on pages reached from the root document's toctrees are numbered",
                              file: label.file, range: label.range)])
        }
        let template = xref.explicit ? xref.content.map(\.textContent).joined()
            : context.options.numfigFormat[type] ?? ResolverOptions.defaultNumfigFormat[type] ?? "%s"
        if template.contains("{name}"), label.title == nil {
            return context.unresolved(xref, "the link has no caption: \(template)")
        }
        let text = template.contains("{name}") || template.contains("{number}")
            ? template.replacingOccurrences(of: "{number}", with: String(number))
                .replacingOccurrences(of: "{name}", with: label.title ?? "")
            : template.replacingOccurrences(of: "%s", with: String(number))
        return context.link(xref, to: label.document, anchor: label.anchor, text: text)
    }

    /// `:any:`: every label, document and object of every domain; exactly one must match.
    func resolveAnyReference(_ xref: PendingXref, context: ResolveContext) -> Resolution {
        let index = context.index
        var found = resolveAny(xref.target, context: context)
        for other in context.domains.keys.sorted() where other != name {
            found += context.domains[other]?.resolveAny(xref, context: context) ?? []
        }
        if found.count == 1 {
            let hit = found[0]
            return context.link(xref, to: hit.document, anchor: hit.anchor, text: xref.explicit ? nil : hit.title)
        }
        if found.isEmpty {
            let all = Array(index.labels.keys) + Array(index.documents.keys)
                + index.objects.values.flatMap { Array($0.keys) }
            return context.unresolved(xref, "no target named '\(xref.target)' (searched labels, documents and objects)",
                                      suggestions: TargetIndex.suggestions(for: xref.target, among: all))
        }
        return context.unresolved(xref, "ambiguous :any: reference '\(xref.target)'",
                                  notes: found.map { .init("candidate: \($0.description)") })
    }

    public func resolveAny(_ target: String, context: ResolveContext) -> [AnyMatch] {
        var found: [AnyMatch] = []
        if let label = context.index.labels[normalizeLabel(target)] {
            found.append(AnyMatch(document: label.document, anchor: label.anchor, title: label.title,
                                  description: "label '\(label.name)'"))
        }
        if let name = PageURL.resolveDocument(target, from: context.document.name),
           let entry = context.index.documents[name] {
            found.append(AnyMatch(document: name, anchor: nil, title: entry.title, description: "document '\(name)'"))
        }
        for object in context.index.objects[self.name]?[target] ?? [] {
            found.append(AnyMatch(document: object.document, anchor: object.anchor, title: nil,
                                  description: "\(object.kindName) '\(object.name)'"))
        }
        return found
    }

    func resolveObject(_ xref: PendingXref, context: ResolveContext) -> Resolution {
        var lookup = ObjectLookup(domain: self)
        switch xref.type {
        case "term":
            lookup.key = { target, _ in normalizeLabel(target) }
            lookup.separator = nil
        case "option":
            lookup.key = { target, xref in Self.optionKey(target, program: xref.scope["std:program"]) }
            lookup.separator = " "
            lookup.suffixPart = { String($0.split(separator: " ").last ?? Substring($0)) }
            lookup.spellings = Self.optionSpellings
        default:
            lookup.separator = nil
        }
        let result = lookup.resolve(xref, context: context)
        guard case .unresolved(var diagnostic) = result, diagnostic.notes.isEmpty,
              context.index.labels[normalizeLabel(xref.target)] != nil else { return result }
        diagnostic.notes.append(.init("'\(xref.target)' is a label: use :ref:`\(xref.target)`"))
        return .unresolved(diagnostic)
    }

    /// `:token:` (Sphinx's `TokenXRefRole`): code-style; `~group:name` is shown as `name`.
    static let tokenRole = Role { call, host in
        var text = call.text
        if XrefRole.explicitTitle(text) == nil, text.hasPrefix("~") {
            text.removeFirst()
            let shown = text.split(separator: ":").last.map(String.init) ?? text
            text = "\(shown) <\(text)>"
        }
        return ([XrefRole(domain: "std", type: "token").node(text: text, range: call.range, document: host.documentName)], [])
    }

    /// An option written with a value (`--log-file=path`, `-O[=level]`) is the option without it, as
    /// Sphinx resolves `:option:` when the whole text names none.
    static func optionSpellings(_ key: String) -> [String] {
        let space = key.lastIndex(of: " ")
        let program = space.map { String(key[...$0]) } ?? ""
        let option = space.map { String(key[key.index(after: $0)...]) } ?? key
        var out = [key]
        for needle in ["[=", "="] {
            if let range = option.range(of: needle), range.lowerBound > option.startIndex {
                out.append(program + option[..<range.lowerBound])
            }
        }
        return out
    }

    /// `vellum build --strict` → `vellum-build --strict`; a bare option takes the
    /// program of the surrounding `program` directive, as in Sphinx.
    static func optionKey(_ target: String, program: String?) -> String {
        let words = target.split(whereSeparator: { $0.isWhitespace })
        guard let option = words.last else { return target }
        let programWords = words.dropLast()
        let name = programWords.isEmpty ? (program ?? "") : programWords.joined(separator: "-")
        return name.isEmpty ? String(option) : "\(name) \(option)"
    }
}
