import DocTree

/// docutils' body-element directives: topic, sidebar, rubric, epigraph …
enum BodyDirectives {
    static let sectionLike: Set<NodeKind> = [.document, .section, "sidebar"]

    static func register(into r: inout DirectiveRegistry) {
        let topicSpec = DirectiveSpec(requiredArguments: 1, finalArgumentWhitespace: true,
                                      options: DirectiveSupport.classAndName, hasContent: true)
        r.register("topic", Directive(topicSpec) { call, host in pseudoSection(call, host, kind: "topic") })
        var sidebarSpec = DirectiveSpec(optionalArguments: 1, finalArgumentWhitespace: true,
                                        options: DirectiveSupport.classAndName, hasContent: true)
        sidebarSpec.options["subtitle"] = .unchangedRequired
        r.register("sidebar", Directive(sidebarSpec) { call, host in
            if call.parentKind == "sidebar" {
                return [DirectiveSupport.error(call, host, "The \"\(call.name)\" directive may not be used within a sidebar element.")]
            }
            if call.options["subtitle"] != nil && call.arguments.isEmpty {
                return [DirectiveSupport.error(call, host, "The \"subtitle\" option may not be used without a title.")]
            }
            return pseudoSection(call, host, kind: "sidebar")
        })
        r.register("rubric", Directive(DirectiveSpec(requiredArguments: 1, finalArgumentWhitespace: true,
                                                     options: DirectiveSupport.classAndName)) { call, host in
            let (nodes, messages) = host.parseInline(call.arguments[0], line: call.line, column: 1)
            var rubric = Node("rubric", children: nodes, range: call.range)
            rubric = DirectiveSupport.applyClassAndName(rubric, call, host)
            return [rubric] + messages
        })
        for (name, cls) in [("epigraph", "epigraph"), ("highlights", "highlights"), ("pull-quote", "pull-quote")] {
            r.register(name, Directive(DirectiveSpec(hasContent: true)) { call, host in
                if let err = DirectiveSupport.contentRequired(call, host) { return [err] }
                return host.parseBlockQuote(call.content, line: call.contentLine, column: call.contentColumn).map { n in
                    var e = n
                    if e.kind == .blockQuote { e.append(cls, to: "classes") }
                    return e
                }
            })
        }
        r.register("compound", Directive(DirectiveSpec(options: DirectiveSupport.classAndName, hasContent: true)) { call, host in
            if let err = DirectiveSupport.contentRequired(call, host) { return [err] }
            var node = Node(.compound, range: call.range)
            node = DirectiveSupport.applyClassAndName(node, call, host)
            node.children += host.parseNested(call.content, line: call.contentLine, column: call.contentColumn,
                                              matchTitles: false, parent: .compound)
            return [node]
        })
        r.register("container", Directive(DirectiveSpec(optionalArguments: 1, finalArgumentWhitespace: true,
                                                        options: ["name": .unchanged], hasContent: true)) { call, host in
            if let err = DirectiveSupport.contentRequired(call, host) { return [err] }
            var node = Node(.container, range: call.range)
            if let arg = call.arguments.first {
                guard case .success(.list(let classes)) = OptionConverter.convert(arg, .classList) else {
                    return [DirectiveSupport.error(call, host, "Invalid class attribute value for \"\(call.name)\" directive: \"\(arg)\".")]
                }
                node.attributes[AttributeKey.classes] = .list(classes)
            }
            node = host.addName(node, name: call.option("name"))
            node.children += host.parseNested(call.content, line: call.contentLine, column: call.contentColumn,
                                              matchTitles: false, parent: .container)
            return [node]
        })
        r.register("parsed-literal", Directive(DirectiveSpec(options: DirectiveSupport.classAndName, hasContent: true)) { call, host in
            if let err = DirectiveSupport.contentRequired(call, host) { return [err] }
            let (nodes, messages) = host.parseInline(call.content.joined(separator: "\n"), line: call.contentLine,
                                                     column: call.contentColumn)
            var node = Node(.literalBlock, attributes: ["xml:space": .string("preserve")], children: nodes, range: call.range)
            node = DirectiveSupport.applyClassAndName(node, call, host)
            return [node] + messages
        })
        r.register("math", mathDirective)
        r.register("line-block", Directive(DirectiveSpec(options: DirectiveSupport.classAndName, hasContent: true)) { call, host in
            if let err = DirectiveSupport.contentRequired(call, host) { return [err] }
            var items: [(Node, Int?)] = []
            var messages: [Node] = []
            for (k, text) in call.content.enumerated() {
                let stripped = text.trimmingWhitespace()
                let (nodes, msgs) = host.parseInline(stripped, line: call.line + (call.contentLine - call.line), column: 1)
                messages += msgs
                let indent: Int? = stripped.isEmpty ? nil : text.prefix(while: { $0 == " " }).count
                items.append((Node(.line, children: nodes, range: SourceRange(line: call.contentLine + k)), indent))
            }
            if !items.isEmpty && items[0].1 == nil { items[0].1 = 0 }
            for k in 1..<Swift.max(1, items.count) where items[k].1 == nil { items[k].1 = items[k - 1].1 }
            var block = LineBlockNesting.nest(items.map { ($0.0, $0.1 ?? 0) })
            if case .list(let classes)? = call.options["class"] { block.attributes[AttributeKey.classes] = .list(classes) }
            block = host.addName(block, name: call.option("name"))
            return [block] + messages
        })
        r.register("rst-class", classDirective)
        r.register("class", classDirective)
    }

    static let classDirective = Directive(DirectiveSpec(requiredArguments: 1, finalArgumentWhitespace: true,
                                                    hasContent: true)) { call, host in
            guard case .success(.list(let classes)) = OptionConverter.convert(call.arguments[0], .classList) else {
                return [DirectiveSupport.error(call, host, "Invalid class attribute value for \"\(call.name)\" directive: \"\(call.arguments[0])\".")]
            }
            if !call.content.isEmpty {
                return host.parseNested(call.content, line: call.contentLine, column: call.contentColumn,
                                        matchTitles: false, parent: call.parentKind).map { n in
                    var e = n
                    if !e.isText { for c in classes { e.append(c, to: "classes") } }
                    return e
                }
            }
            return [pending("docutils.transforms.misc.ClassAttribute",
                            [("class", pyList(classes)), ("directive", pyString(call.name))])]
        }

    static func registerRaw(into r: inout DirectiveRegistry) {
        r.register("raw", Directive(DirectiveSpec(requiredArguments: 1, finalArgumentWhitespace: true,
                                                  options: ["file": .path, "url": .uri, "encoding": .encoding,
                                                            "class": .classList], hasContent: true)) { call, host in
            guard host.options.rawEnabled else {
                return [DirectiveSupport.error(call, host, "\"\(call.name)\" directive disabled.", id: "rst.raw-disabled",
                                               severity: .warning)]
            }
            let format = call.arguments[0].lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
            var text: String
            var attrs: [String: AttributeValue] = ["format": .string(format), "xml:space": .string("preserve")]
            if !call.content.isEmpty {
                if call.options["file"] != nil || call.options["url"] != nil {
                    return [DirectiveSupport.error(call, host, "\"\(call.name)\" directive may not both specify an external file and have content.")]
                }
                text = call.content.joined(separator: "\n")
            } else if let file = call.option("file") {
                if call.options["url"] != nil {
                    return [DirectiveSupport.error(call, host, "The \"file\" and \"url\" options may not be simultaneously specified for the \"\(call.name)\" directive.")]
                }
                let path: String, content: String
                switch IncludeSupport.readDecoded(file, call: call, host: host) {
                case .success(let d, let t, _): path = d; content = t
                case .refused(let id, let message):
                    return [DirectiveSupport.error(call, host, "Problems with \"\(call.name)\" directive path:\n\(message)", id: id)]
                case .undecodable(let message):
                    return [DirectiveSupport.error(call, host, "Problem with \"\(call.name)\" directive:\n\(message)")]
                case .missing:
                    return [DirectiveSupport.error(call, host, "Problems with \"\(call.name)\" directive path:\nInputError: [Errno 2] No such file or directory: '\(file)'.")]
                }
                text = content
                attrs["source"] = .string(path)
                _ = file
            } else if call.options["url"] != nil {
                return [DirectiveSupport.error(call, host, "Problems with \"\(call.name)\" directive URL \"\(call.option("url") ?? "")\":\nURL access is disabled.")]
            } else {
                if let err = DirectiveSupport.contentRequired(call, host) { return [err] }
                text = ""
            }
            if case .list(let classes)? = call.options["class"] { attrs["classes"] = .list(classes) }
            return [Node(.raw, attributes: attrs, children: text.isEmpty ? [] : [.text(text)], range: call.range)]
        })
    }

    static func pseudoSection(_ call: DirectiveCall, _ host: DirectiveHost, kind: NodeKind) -> [Node] {
        if !sectionLike.contains(call.parentKind) && !(kind == "topic" && call.parentKind == "sidebar") {
            return [DirectiveSupport.error(call, host, "The \"\(call.name)\" directive may not be used within topics or body elements.")]
        }
        if let err = DirectiveSupport.contentRequired(call, host) { return [err] }
        var node = Node(kind, range: call.range)
        var messages: [Node] = []
        if let title = call.arguments.first {
            let (nodes, msgs) = host.parseInline(title, line: call.line, column: 1)
            node.children.append(Node(.title, children: nodes))
            messages = msgs
            if let subtitle = call.option("subtitle") {
                let (snodes, smsgs) = host.parseInline(subtitle, line: call.line, column: 1)
                node.children.append(Node(.subtitle, children: snodes))
                messages += smsgs
            }
        }
        node.children += messages
        node = DirectiveSupport.applyClassAndName(node, call, host)
        node.children += host.parseNested(call.content, line: call.contentLine, column: call.contentColumn,
                                          matchTitles: false, parent: kind)
        return [node]
    }

    // MARK: pending nodes (docutils transforms that run later)

    static func pending(_ transform: String, _ details: [(String, String)]) -> Node {
        var text = ".. internal attributes:\n     .transform: \(transform)\n     .details:"
        for (k, v) in details.sorted(by: { $0.0 < $1.0 }) { text += "\n       \(k): \(v)" }
        return Node("pending", children: [.text(text)])
    }

    static func pyString(_ s: String) -> String {
        if s.contains("'") && !s.contains("\"") { return "\"\(s)\"" }
        return "'" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
    }

    static func pyList(_ items: [String]) -> String { "[" + items.map(pyString).joined(separator: ", ") + "]" }
}

/// Nests line-block lines by indentation.
enum LineBlockNesting {
    static func nest(_ items: [(Node, Int)]) -> Node {
        var block = Node(.lineBlock)
        guard let least = items.map({ $0.1 }).min() else { return block }
        var pending: [(Node, Int)] = []
        for item in items {
            if item.1 > least {
                pending.append(item)
            } else {
                if !pending.isEmpty { block.children.append(nest(pending)); pending = [] }
                block.children.append(item.0)
            }
        }
        if !pending.isEmpty { block.children.append(nest(pending)) }
        return block
    }
}
