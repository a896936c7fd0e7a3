import DocTree

/// What a domain sees while it resolves one reference: the site index, the
/// page, the project's resolution settings, the other domains (for
/// `:any:`), and the helpers that build links and diagnostics the same way
/// for every domain.
public struct ResolveContext: Sendable {
    public let index: TargetIndex
    public let document: Document
    public let options: ResolverOptions
    /// Every registered domain by name.
    public let domains: [String: any Domain]
    /// The file a problem is reported in: the page, or the docstring's source file.
    public let file: SourceFile

    public init(index: TargetIndex, document: Document, options: ResolverOptions, domains: [String: any Domain],
                file: SourceFile) {
        self.index = index
        self.document = document
        self.options = options
        self.domains = domains
        self.file = file
    }

    /// The diagnostic id of a role's failures: `ref.ref`, `ref.py.class`, `ref.c.func`.
    public static func diagnosticID(_ xref: PendingXref) -> String {
        xref.domain.isEmpty || xref.domain == "std" ? "ref.\(xref.type)" : "ref.\(xref.domain).\(xref.type)"
    }

    /// An unresolved reference, reported at the reference.
    public func unresolved(_ xref: PendingXref, _ message: String, suggestions: [String] = [],
                           notes: [Diagnostic.Note] = []) -> Resolution {
        .unresolved(Diagnostic(id: Self.diagnosticID(xref), severity: .error, message: message, file: file,
                               range: xref.range, notes: notes + pageNote, suggestions: suggestions))
    }

    /// For a reference reported in another file than the page (a docstring, an included file): the page that shows it.
    var pageNote: [Diagnostic.Note] {
        file.path == document.source.path ? [] : [.init("shown on this page", file: document.source)]
    }

    /// The warning for a reference found only by the last part of its name (``ObjectLookup/warnsOnSuffixMatch``).
    public func suffixWarning(_ xref: PendingXref, found: ObjectTarget, domain: String) -> Diagnostic {
        Diagnostic(id: "ref.\(domain).suffix", severity: .warning,
                   message: "\(xref.roleName) reference '\(xref.target)' found only by the last part of its name",
                   file: file, range: xref.range,
                   notes: [.init("it is \(found.kindName) '\(found.name)'; Sphinx looks a plain reference up by its full "
                       + "name or in the current module and class only, so it reports this one as not found"),
                       .init("write the full name, or `.\(xref.target)` to search by the last part")] + pageNote,
                   suggestions: [found.name])
    }

    /// A link to `to#anchor` in this site; `text` replaces the written text (nil keeps it).
    public func link(_ xref: PendingXref, to target: String, anchor: String?, text: String?) -> Resolution {
        var reference = Node(.reference, attributes: [
            "internal": .bool(true),
            "refuri": .string(PageURL.relative(from: document.name, to: target, anchor: anchor)),
        ], children: Self.children(of: xref, text: text), range: xref.range)
        if let classes = xref.extra["classes"] { reference.attributes[AttributeKey.classes] = classes }
        return .resolved(reference)
    }

    /// A link to an object found in the index; without an explicit title it
    /// shows the object's own title when it has one (an equation's number).
    public func link(_ xref: PendingXref, to object: ObjectTarget, text: String? = nil) -> Resolution {
        link(xref, to: object.document, anchor: object.anchor, text: text ?? (xref.explicit ? nil : object.title))
    }

    /// A link to another project's page.
    public func externalLink(_ xref: PendingXref, url: String, text: String?) -> Resolution {
        var reference = Node(.reference, attributes: ["refuri": .string(url)],
                             children: Self.children(of: xref, text: text), range: xref.range)
        if let classes = xref.extra["classes"] { reference.attributes[AttributeKey.classes] = classes }
        return .resolved(reference)
    }

    /// The inventory a `name:target` reference points into, with the rest of the target.
    public func externalInventory(for target: String) -> (ExternalInventory, String)? {
        guard let colon = target.firstIndex(of: ":"),
              let external = options.inventories.first(where: { $0.name == String(target[..<colon]) }) else {
            return nil
        }
        return (external, String(target[target.index(after: colon)...]))
    }

    /// The first inventory entry of one of `types` named `name`, as a link.
    public func inventoryLink(_ xref: PendingXref, domain: String, types: [String], name: String) -> Resolution? {
        for external in options.inventories {
            if let entry = external.lookup(domain: domain, types: types, name: name) {
                return externalLink(xref, url: external.url(for: entry), text: nil)
            }
        }
        return nil
    }

    /// The link content: the reference's own, or `text` put in place of its
    /// text (keeping a single wrapper such as the `xref` inline or literal).
    static func children(of xref: PendingXref, text: String?) -> [Node] {
        guard let text else { return xref.content }
        if var first = xref.content.first, !first.isText, xref.content.count == 1 {
            first.children = [.text(text)]
            return [first]
        }
        return [.text(text)]
    }
}
