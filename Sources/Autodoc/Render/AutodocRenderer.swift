import DocTree
import Domains
import RST

/// Renders extracted objects as Sphinx-style object descriptions (`desc` trees),
/// one autodoc directive at a time. Collects the diagnostics found on the way
/// (docstring markup problems, with positions in the source files).
struct AutodocRenderer {
    let store: APIStore
    let documentName: String
    let parserOptions: RSTOptions
    let settings: AutodocSettings
    var diagnostics: [Diagnostic] = []

    init(store: APIStore, documentName: String, parserOptions: RSTOptions, settings: AutodocSettings = AutodocSettings()) {
        self.store = store
        self.settings = settings
        self.documentName = documentName
        self.parserOptions = parserOptions
    }

    // MARK: docstrings

    mutating func docstringNodes(_ docstring: Docstring?, swift: SwiftContext? = nil, typeFields: TypeFields? = nil,
                                 fieldRange: SourceRange? = nil, parameterLinks: String? = nil) -> [Node] {
        guard let docstring, !docstring.text.isEmpty || !docstring.fields.isEmpty else { return [] }
        let (nodes, found) = DocstringRenderer.render(docstring, documentName: documentName, options: parserOptions,
                                                      context: swift, typeFields: typeFields, fieldRange: fieldRange,
                                                      parameterLinks: settings.parameterLinks ? parameterLinks : nil)
        diagnostics += found
        return nodes.flatMap { $0.rewritten(Self.withoutMetaFields) }
    }

    /// Sphinx leaves `:meta private:`, `:meta public:` … out of the rendered docstring.
    static func withoutMetaFields(_ node: Node) -> [Node] {
        if node.kind == .field, let name = node.children.first(where: { $0.kind == .fieldName })?.textContent,
           name.hasPrefix("meta ") {
            return []
        }
        if node.kind == .fieldList, !node.children.isEmpty,
           node.children.allSatisfy({ $0.kind == .field && ($0.children.first?.textContent.hasPrefix("meta ") ?? false) }) {
            return []
        }
        return [node]
    }

    static func signatureNode(parts: [Node], fullname: String, module: String, className: String?, id: String?,
                              domain: String, range: SourceRange?) -> Node {
        var node = Node("desc_signature", children: parts, range: range)
        node.attributes[AttributeKey.classes] = .list(["sig", "sig-object", domain])
        node.attributes[AttributeKey.fullname] = .string(fullname)
        node.attributes[AttributeKey.module] = .string(module)
        if let className, !className.isEmpty { node.attributes[AttributeKey.className] = .string(className) }
        if let id { node.attributes[AttributeKey.ids] = .list([id]) }
        return node
    }

    static func xref(_ target: String, text: String, domain: String, type: String, documentName: String) -> Node {
        let inner = Node(.literal, attributes: ["classes": .list(["xref", domain, "\(domain)-\(type)"])],
                         children: [.text(text)])
        return PendingXref(domain: domain, type: type, target: target, document: documentName, content: [inner],
                           warn: false).node
    }

    /// The module target (`module-<name>`, Sphinx's `py:module`), or a context marker with `:noindex:`.
    static func moduleTarget(_ name: String, options: AutodocOptions, range: SourceRange?) -> Node {
        if options.noindex { return DomainContext.currentModuleMarker(name, range: range) }
        var target = Node(.target, range: range)
        target.attributes[AttributeKey.ids] = .list([DomainID.make(prefix: "module", name)])
        target.attributes[AttributeKey.isModule] = .bool(true)
        target.attributes[AttributeKey.domain] = .string("py")
        target.attributes[AttributeKey.objtype] = .string(AttributeKey.module)
        target.attributes[AttributeKey.fullname] = .string(name)
        if let synopsis = options.synopsis, !synopsis.isEmpty { target.attributes["synopsis"] = .string(synopsis) }
        if let platform = options.platform, !platform.isEmpty { target.attributes["platform"] = .string(platform) }
        if options.deprecated { target.attributes["deprecated"] = .bool(true) }
        return target
    }
}
