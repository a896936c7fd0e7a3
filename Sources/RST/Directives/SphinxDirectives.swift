import DocTree

/// Sphinx's body directives: versionadded & co., centered, hlist,
/// index, highlight, todo, tabularcolumns, only.
enum SphinxDirectives {
    static func register(into r: inout DirectiveRegistry) {
        let versionLabels = ["versionadded": ("added", "Added in version %s"),
                             "versionchanged": ("changed", "Changed in version %s"),
                             "deprecated": ("deprecated", "Deprecated since version %s"),
                             "versionremoved": ("removed", "Removed in version %s")]
        for (name, (cls, label)) in versionLabels {
            r.register(name, Directive(DirectiveSpec(requiredArguments: 1, optionalArguments: 1,
                                                     finalArgumentWhitespace: true, hasContent: true)) { call, host in
                var node = Node("versionmodified", attributes: ["type": .string(name), "version": .string(call.arguments[0])],
                                range: call.range)
                let text = label.replacingOccurrences(of: "%s", with: call.arguments[0])
                let prefix = Node(.inline, attributes: ["classes": .list(["versionmodified", cls])],
                                  children: [.text(text + (call.arguments.count > 1 || !call.content.isEmpty ? ": " : "."))])
                var messages: [Node] = []
                var body: [Node] = []
                if call.arguments.count > 1 {
                    let (nodes, msgs) = host.parseInline(call.arguments[1], line: call.line, column: 1)
                    body.append(Node(.paragraph, children: nodes, range: call.range))
                    messages = msgs
                }
                body += DirectiveSupport.nested(call, host)
                if let first = body.first, first.kind == .paragraph {
                    body[0].children.insert(prefix, at: 0)
                } else {
                    body.insert(Node(.paragraph, children: [prefix]), at: 0)
                }
                node.children = body
                return [node] + messages
            })
        }
        r.register("centered", Directive(DirectiveSpec(requiredArguments: 1, finalArgumentWhitespace: true)) { call, host in
            let (nodes, messages) = host.parseInline(call.arguments[0], line: call.line, column: 1)
            return [Node("centered", children: nodes, range: call.range)] + messages
        })
        r.register("hlist", Directive(DirectiveSpec(options: ["columns": .positiveInt], hasContent: true)) { call, host in
            let columns: Int
            if case .int(let c)? = call.options["columns"] { columns = c } else { columns = 2 }
            let nodes = DirectiveSupport.nested(call, host)
            guard nodes.count == 1, nodes[0].kind == .bulletList else {
                return [DirectiveSupport.error(call, host, ".. hlist content is not a list", id: "rst.hlist", severity: .warning)]
            }
            let items = nodes[0].children
            let perColumn = (items.count + columns - 1) / Swift.max(1, columns)
            var hlist = Node("hlist", range: call.range)
            var start = 0
            for c in 0..<columns {
                let n = perColumn - (c < items.count % Swift.max(1, columns) || items.count % Swift.max(1, columns) == 0 ? 0 : 1)
                let end = Swift.min(items.count, start + Swift.max(0, n))
                var list = nodes[0]
                list.children = Array(items[start..<end])
                hlist.children.append(Node("hlistcol", children: [list]))
                start = end
            }
            return [hlist]
        })
        r.register("index", Directive(DirectiveSpec(requiredArguments: 1, finalArgumentWhitespace: true,
                                                    options: ["name": .unchanged])) { call, host in
            let entries = call.arguments[0].components(separatedBy: "\n").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
            var target = Node(.target, range: call.range)
            if let name = call.option("name") {
                target = host.addName(target, name: name)
            } else {
                target.attributes[AttributeKey.ids] = .list(["index-\(call.line)"])
            }
            var index = Node("index", attributes: ["entries": .list(entries), "inline": .bool(false)], range: call.range)
            if let anchor = target.ids.first { index.attributes[AttributeKey.refid] = .string(anchor) }
            return [index, target]
        })
        r.register("highlight", Directive(DirectiveSpec(requiredArguments: 1, options: [
            "linenothreshold": .positiveInt, "force": .flag,
        ])) { call, host in
            host.setMetadata("#highlight", call.arguments[0])
            var node = Node("highlightlang", attributes: ["lang": .string(call.arguments[0]),
                                                          "force": .bool(call.flag("force"))], range: call.range)
            if case .int(let t)? = call.options["linenothreshold"] { node.attributes["linenothreshold"] = .int(t) }
            return [node]
        })
        r.register("todo", Directive(DirectiveSpec(options: DirectiveSupport.classAndName, hasContent: true)) { call, host in
            if let err = DirectiveSupport.contentRequired(call, host) { return [err] }
            var node = Node("todo_node", attributes: ["classes": .list(["admonition-todo"])], range: call.range)
            node.children = [Node(.title, children: [.text("Todo")])]
            node = DirectiveSupport.applyClassAndName(node, call, host)
            node.children += DirectiveSupport.nested(call, host)
            return [node]
        })
        r.register("tabularcolumns", Directive(DirectiveSpec(requiredArguments: 1, finalArgumentWhitespace: true)) { _, _ in [] })
        // Author information: shown by Sphinx only with show_authors (off by default).
        for name in ["sectionauthor", "moduleauthor", "codeauthor"] {
            r.register(name, Directive(DirectiveSpec(requiredArguments: 1, finalArgumentWhitespace: true)) { _, _ in [] })
        }
        r.register("only", Directive(DirectiveSpec(requiredArguments: 1, finalArgumentWhitespace: true, hasContent: true)) { call, host in
            switch TagExpression.evaluate(call.arguments[0], tags: host.options.tags) {
            case .failure(let message):
                return [DirectiveSupport.error(call, host, "invalid \"only\" expression: \(message)", id: "rst.only")]
            case .success(false):
                return []
            case .success(true) where call.matchTitles:
                return host.parseNestedSections(call.content, line: call.contentLine, column: call.contentColumn,
                                                parent: call.parentKind)
            case .success(true):
                return host.parseNested(call.content, line: call.contentLine, column: call.contentColumn,
                                        matchTitles: false, parent: call.parentKind)
            }
        })
    }
}

/// Evaluates `only` expressions: tag names combined with and/or/not and parentheses.
enum TagExpression {
    enum Result { case success(Bool), failure(String) }

    static func evaluate(_ expression: String, tags: Set<String>) -> Result {
        var tokens: [String] = []
        var current = ""
        for c in expression {
            if c == "(" || c == ")" {
                if !current.isEmpty { tokens.append(current); current = "" }
                tokens.append(String(c))
            } else if c.isWhitespace {
                if !current.isEmpty { tokens.append(current); current = "" }
            } else {
                current.append(c)
            }
        }
        if !current.isEmpty { tokens.append(current) }
        var pos = 0
        func orExpr() throws -> Bool {
            var v = try andExpr()
            while pos < tokens.count && tokens[pos] == "or" { pos += 1; let r = try andExpr(); v = v || r }
            return v
        }
        func andExpr() throws -> Bool {
            var v = try notExpr()
            while pos < tokens.count && tokens[pos] == "and" { pos += 1; let r = try notExpr(); v = v && r }
            return v
        }
        func notExpr() throws -> Bool {
            if pos < tokens.count && tokens[pos] == "not" { pos += 1; return !(try notExpr()) }
            return try atom()
        }
        func atom() throws -> Bool {
            guard pos < tokens.count else { throw ExpressionError(message: "unexpected end of expression") }
            let t = tokens[pos]
            pos += 1
            if t == "(" {
                let v = try orExpr()
                guard pos < tokens.count, tokens[pos] == ")" else { throw ExpressionError(message: "missing \")\"") }
                pos += 1
                return v
            }
            if t == ")" || t == "and" || t == "or" { throw ExpressionError(message: "unexpected \"\(t)\"") }
            return tags.contains(t)
        }
        do {
            let v = try orExpr()
            if pos != tokens.count { return .failure("unexpected \"\(tokens[pos])\"") }
            return .success(v)
        } catch let e as ExpressionError {
            return .failure(e.message)
        } catch {
            return .failure("invalid expression")
        }
    }

    struct ExpressionError: Error { let message: String }
}
