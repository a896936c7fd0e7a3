import DocTree
import Markup

/// The Python domain's object-description directives (`py:class`, `py:function` …),
/// `py:module` and `py:currentmodule`.
///
/// Directives only know what is written in the signature; the module and class
/// context (ids, full names, `module.` prefixes) is added by ``DomainContext``.
enum PythonDirectives {
    /// Options every Python object directive accepts.
    static let common: [String: DirectiveOptionKind] = [
        "noindex": .flag, "no-index": .flag, "no-index-entry": .flag, "noindexentry": .flag,
        "no-contents-entry": .flag, "nocontentsentry": .flag, "no-typesetting": .flag,
        "module": .unchanged, "annotation": .unchanged, "canonical": .unchanged,
        "single-line-parameter-list": .flag, "single-line-type-parameter-list": .flag,
    ]

    /// Directive name → (object type, extra options).
    static let objectDirectives: [(name: String, objtype: String, options: [String: DirectiveOptionKind])] = [
        ("function", "function", ["async": .flag]),
        ("class", "class", ["final": .flag]),
        ("exception", "exception", ["final": .flag]),
        ("method", "method", ["abstractmethod": .flag, "async": .flag, "classmethod": .flag, "final": .flag,
                              "staticmethod": .flag]),
        ("classmethod", "classmethod", ["abstractmethod": .flag, "async": .flag, "final": .flag]),
        ("staticmethod", "staticmethod", ["abstractmethod": .flag, "async": .flag, "final": .flag]),
        ("attribute", "attribute", ["type": .unchanged, "value": .unchanged]),
        ("property", "property", ["abstractmethod": .flag, "classmethod": .flag, "type": .unchanged]),
        ("data", "data", ["type": .unchanged, "value": .unchanged]),
        ("decorator", "decorator", [:]),
        ("decoratormethod", "decoratormethod", [:]),
    ]

    /// The directives by name (the registry adds the `py:` spellings).
    static var directives: [String: Directive] {
        var directives: [String: Directive] = ["module": module, "currentmodule": currentModule]
        for entry in objectDirectives {
            directives[entry.name] = objectDirective(objtype: entry.objtype, extra: entry.options)
        }
        return directives
    }

    static func objectDirective(objtype: String, extra: [String: DirectiveOptionKind]) -> Directive {
        let spec = DirectiveSpec(requiredArguments: 1, finalArgumentWhitespace: true,
                                 options: common.merging(extra) { a, _ in a }, hasContent: true)
        return Directive(spec) { call, host in
            let noindex = call.flag("noindex") || call.flag("no-index")
            var signatures: [Node] = []
            var messages: [Node] = []
            for (offset, text) in DomainSupport.signatureLines(call.arguments.first ?? "") {
                let range = SourceRange(line: call.line + offset)
                guard let parsed = PythonSignature.parse(text) else {
                    messages.append(host.report(.warning, "domain.py.signature",
                                                "could not parse Python signature '\(text)'", line: call.line + offset,
                                                range: range, details: []))
                    signatures.append(Node("desc_signature", children: [DescNodes.part("desc_name", text)],
                                           range: range))
                    continue
                }
                signatures.append(signature(parsed, objtype: objtype, call: call, noindex: noindex, range: range,
                                            document: host.documentName))
            }
            let content = DocFieldTransformer.transform(
                host.parseNested(call.content, line: call.contentLine, column: call.contentColumn,
                                 matchTitles: false, parent: "desc_content"),
                documentName: host.documentName)
            return [DescNodes.desc(domain: "py", objtype: objtype, noindex: noindex, signatures: signatures,
                                   content: content, range: call.range)] + messages
        }
    }

    /// A `desc_signature` with provisional ids (`prefix.name`); ``DomainContext`` completes it.
    static func signature(_ parsed: PythonSignature, objtype: String, call: DirectiveCall, noindex: Bool,
                          range: SourceRange, document: String) -> Node {
        var prefixes: [String] = []
        switch objtype {
        case "class", "exception":
            if call.flag("final") { prefixes.append("final") }
            prefixes.append(objtype)
        case "function":
            if call.flag("async") { prefixes.append("async") }
        case "method", "classmethod", "staticmethod":
            if call.flag("final") { prefixes.append("final") }
            if call.flag("abstractmethod") { prefixes.append("abstract") }
            if call.flag("async") { prefixes.append("async") }
            if call.flag("classmethod") || objtype == "classmethod" { prefixes.append("classmethod") }
            if call.flag("staticmethod") || objtype == "staticmethod" { prefixes.append("static") }
        case "property":
            if call.flag("abstractmethod") { prefixes.append("abstract") }
            if call.flag("classmethod") { prefixes.append("class") }
            prefixes.append("property")
        default:
            break
        }
        var parsed = parsed
        // Functions and methods always show their parentheses (Sphinx's `needs_arglist`).
        if parsed.parameters == nil, ["function", "method", "classmethod", "staticmethod"].contains(objtype) {
            parsed.parameters = []
        }
        var parts = DescNodes.pythonSignatureParts(parsed, annotations: prefixes, document: document)
        if objtype == "decorator" || objtype == "decoratormethod" {
            parts.insert(DescNodes.part("desc_addname", "@"), at: prefixes.count)
        }
        if let type = call.option("type"), !type.isEmpty {
            parts.append(Node("desc_annotation", children: [.text(": ")]
                + PythonTypeExpression.annotationNodes(type, document: document)))
        }
        if let value = call.option("value"), !value.isEmpty { parts.append(DescNodes.part("desc_annotation", " = " + value)) }
        if let annotation = call.option("annotation"), !annotation.isEmpty {
            parts.append(DescNodes.part("desc_annotation", " " + annotation))
        }
        var node = Node("desc_signature", children: parts, range: range)
        node.attributes[AttributeKey.classes] = .list(["sig", "sig-object", "py"])
        if let prefix = parsed.prefix { node.attributes[AttributeKey.className] = .string(prefix) }
        if let module = call.option("module"), !module.isEmpty { node.attributes[AttributeKey.module] = .string(module) }
        if let canonical = call.option("canonical"), !canonical.isEmpty, !noindex {
            node.attributes[AttributeKey.canonical] = .string(canonical)
        }
        if !noindex {
            let relative = parsed.prefix.map { $0 + "." + parsed.name } ?? parsed.name
            node.attributes[AttributeKey.ids] = .list([DomainID.make(prefix: "", relative)])
        }
        return node
    }

    /// `py:module`: an anchor `module-<name>` (unless `:noindex:`), then the content.
    static let module = Directive(DirectiveSpec(requiredArguments: 1, options: [
        "platform": .unchanged, "synopsis": .unchanged, "deprecated": .flag, "noindex": .flag, "no-index": .flag,
        "no-index-entry": .flag, "no-contents-entry": .flag, "no-typesetting": .flag,
    ], hasContent: true)) { call, host in
        let name = (call.arguments.first ?? "").trimming(" \t\n")
        var out: [Node] = []
        if call.flag("noindex") || call.flag("no-index") {
            out.append(DomainContext.currentModuleMarker(name, range: call.range))
        } else {
            var target = Node(.target, range: call.range)
            target.attributes[AttributeKey.ids] = .list([DomainID.make(prefix: "module", name)])
            target.attributes[AttributeKey.isModule] = .bool(true)
            target.attributes[AttributeKey.domain] = .string("py")
            target.attributes[AttributeKey.objtype] = .string(AttributeKey.module)
            target.attributes[AttributeKey.fullname] = .string(name)
            if let synopsis = call.option("synopsis"), !synopsis.isEmpty { target.attributes["synopsis"] = .string(synopsis) }
            if let platform = call.option("platform"), !platform.isEmpty { target.attributes["platform"] = .string(platform) }
            if call.flag("deprecated") { target.attributes["deprecated"] = .bool(true) }
            out.append(target)
        }
        out += host.parseNested(call.content, line: call.contentLine, column: call.contentColumn, matchTitles: false)
        return out
    }

    /// `py:currentmodule`: a marker consumed by ``DomainContext/apply(_:)``; `None` clears the context.
    static let currentModule = Directive(DirectiveSpec(requiredArguments: 1)) { call, _ in
        let name = (call.arguments.first ?? "").trimming(" \t\n")
        return [DomainContext.currentModuleMarker(name == "None" ? "" : name, range: call.range)]
    }
}
