import DocTree

/// Directives about the whole document: title, meta, contents, sectnum,
/// header/footer, target-notes, role and default-role.
enum DocumentDirectives {
    static func register(into r: inout DirectiveRegistry) {
        r.register("title", Directive(DirectiveSpec(requiredArguments: 1, finalArgumentWhitespace: true)) { call, host in
            host.setDocumentAttribute("title", .string(call.arguments[0]))
            host.setMetadata("title", call.arguments[0])
            return []
        })
        r.register("meta", Directive(DirectiveSpec(hasContent: true)) { call, host in
            if let err = DirectiveSupport.contentRequired(call, host) { return [err] }
            host.addToDocumentStart(meta(call, host))
            return []
        })
        r.register("contents", Directive(DirectiveSpec(optionalArguments: 1, finalArgumentWhitespace: true,
                                                       options: ["depth": .nonNegativeInt, "local": .flag,
                                                                 "backlinks": .choice(["top", "entry", "none"]),
                                                                 "class": .classList])) { call, host in
            if !BodyDirectives.sectionLike.contains(call.parentKind) {
                return [DirectiveSupport.error(call, host, "The \"\(call.name)\" directive may not be used within topics or body elements.")]
            }
            var topic = Node("topic", attributes: ["classes": .list(["contents"])], range: call.range)
            if case .list(let classes)? = call.options["class"] { for c in classes { topic.append(c, to: "classes") } }
            var name = "contents"
            var messages: [Node] = []
            if let title = call.arguments.first {
                let (nodes, msgs) = host.parseInline(title, line: call.line, column: 1)
                topic.children.append(Node(.title, children: nodes))
                messages = msgs
                name = Node(.title, children: nodes).textContent
            } else if !call.flag("local") {
                topic.children.append(Node(.title, children: [.text("Contents")]))
            }
            if call.flag("local") { topic.append("local", to: "classes") }
            name = Names.normalized(name)
            do {
                topic.attributes[AttributeKey.names] = .list([name])
                let (t, msgs) = host.noteExplicitTarget(topic, messageLine: call.line)
                topic = t
                if !host.options.legacyIDs { topic.attributes[AttributeKey.ids] = nil }
                messages += msgs
            }
            var details: [(String, String)] = []
            if case .int(let d)? = call.options["depth"] { details.append(("depth", String(d))) }
            if call.flag("local") { details.append(("local", "None")) }
            if let b = call.option("backlinks") { details.append(("backlinks", b == "none" ? "None" : BodyDirectives.pyString(b))) }
            topic.children.append(BodyDirectives.pending("docutils.transforms.parts.Contents", details))
            return messages + [topic]
        })
        r.register("sectnum", Directive(DirectiveSpec(options: ["depth": .int, "start": .int, "prefix": .unchangedRequired,
                                                                "suffix": .unchangedRequired])) { call, host in
            var details: [(String, String)] = []
            for key in ["depth", "start"] { if case .int(let v)? = call.options[key] { details.append((key, String(v))) } }
            for key in ["prefix", "suffix"] { if let v = call.option(key) { details.append((key, BodyDirectives.pyString(v))) } }
            return [BodyDirectives.pending("docutils.transforms.parts.SectNum", details)]
        })
        r.register("section-numbering", r.lookup("sectnum")!)
        for kind in ["header", "footer"] {
            r.register(kind, Directive(DirectiveSpec(hasContent: true)) { call, host in
                if let err = DirectiveSupport.contentRequired(call, host) { return [err] }
                let nodes = host.parseNested(call.content, line: call.contentLine, column: call.contentColumn,
                                             matchTitles: false, parent: NodeKind(kind))
                host.addToDocumentStart([Node(NodeKind("#" + kind), children: nodes, range: call.range)])
                return []
            })
        }
        r.register("target-notes", Directive(DirectiveSpec(options: ["class": .classList])) { call, host in
            var details: [(String, String)] = []
            if case .list(let classes)? = call.options["class"] { details.append(("class", BodyDirectives.pyList(classes))) }
            return [BodyDirectives.pending("docutils.transforms.references.TargetNotes", details)]
        })
        r.register("default-role", Directive(DirectiveSpec(optionalArguments: 1)) { call, host in
            guard let name = call.arguments.first else { return host.setDefaultRole(nil, line: call.line) }
            if host.lookupRole(name) == nil {
                let info = host.report(.info, "rst.unknown-role-info",
                    "No role entry for \"\(name)\" in module \"docutils.parsers.rst.languages.en\".\nTrying \"\(name)\" as canonical role name.",
                    line: call.line, range: call.range, details: [])
                return [info, DirectiveSupport.error(call, host, "Unknown interpreted text role \"\(name)\".", id: "rst.unknown-role")]
            }
            return host.setDefaultRole(name.lowercased(), line: call.line)
        })
        r.register("role", Directive(DirectiveSpec(hasContent: true)) { call, host in role(call, host) })
        r.register("restructuredtext-test-directive", Directive(DirectiveSpec(optionalArguments: 1, finalArgumentWhitespace: true,
                                                                               options: ["option": .unchangedRequired],
                                                                               hasContent: true)) { call, host in
            let args = BodyDirectives.pyList(call.arguments)
            let opts = "{" + call.options.keys.sorted().map { "\(BodyDirectives.pyString($0)): \(BodyDirectives.pyString(call.options[$0]?.text ?? "").replacingOccurrences(of: "\n", with: "\\n"))" }.joined(separator: ", ") + "}"
            let head = "Directive processed. Type=\"\(call.name)\", arguments=\(args), options=\(opts), content:"
            if call.content.isEmpty {
                return [host.report(.info, "rst.test-directive", head + " None", line: call.line, range: call.range, details: [])]
            }
            return [host.report(.info, "rst.test-directive", head, line: call.line, range: call.range,
                                details: [DirectiveSupport.literal(call.content.joined(separator: "\n"))])]
        })
    }

    static func meta(_ call: DirectiveCall, _ host: DirectiveHost) -> [Node] {
        var out: [Node] = []
        var k = 0
        let lines = call.content
        while k < lines.count {
            let line = lines[k]
            if line.trimmingWhitespace().isEmpty { k += 1; continue }
            let scalars = Array(line.unicodeScalars)
            guard let end = FieldMarker.match(scalars[...]) else {
                out.append(DirectiveSupport.error(call, host, "Invalid meta directive."))
                break
            }
            var nameEnd = end - 1
            while nameEnd > 0 && scalars[nameEnd] != ":" { nameEnd -= 1 }
            let name = InlineParser.unescape(InlineParser.escapeToNull(Array(scalars[1..<nameEnd])))
            var contentLines = [InlineParser.string(scalars[end...])]
            k += 1
            while k < lines.count, lines[k].first == " " || lines[k].isEmpty {
                if lines[k].isEmpty { if k + 1 < lines.count, lines[k + 1].first == " " { k += 1; continue } else { break } }
                contentLines.append(lines[k].trimmingWhitespace())
                k += 1
            }
            let content = InlineParser.unescape(InlineParser.escapeToNull(Array(contentLines.filter { !$0.isEmpty }
                .joined(separator: " ").unicodeScalars)))
            if content.isEmpty {
                out.append(host.report(.info, "rst.meta-empty", "No content for meta tag \"\(name)\".", line: call.contentLine,
                                       range: call.range, details: [DirectiveSupport.literal(line)]))
                continue
            }
            var node = Node("meta", attributes: ["content": .string(content)])
            let tokens = name.split(separator: " ").map(String.init)
            for (t, token) in tokens.enumerated() {
                if let eq = token.firstIndex(of: "=") {
                    node.attributes[String(token[..<eq]).lowercased()] = .string(String(token[token.index(after: eq)...]))
                } else if t == 0 {
                    node.attributes["name"] = .string(token)
                } else {
                    out.append(host.report(.error, "rst.meta-attribute",
                                           "Error parsing meta tag attribute \"\(token)\": missing \"=\".",
                                           line: call.contentLine, range: call.range, details: [DirectiveSupport.literal(line)]))
                    node = Node("#invalid")
                    break
                }
            }
            if node.kind == "meta" { out.append(node) }
        }
        return out
    }

    /// `.. role:: name(base)` with options: registers a custom role for this document.
    static func role(_ call: DirectiveCall, _ host: DirectiveHost) -> [Node] {
        guard call.contentLine == call.line, let first = call.content.first else {
            return [DirectiveSupport.error(call, host, "\"\(call.name)\" directive requires arguments on the first line.")]
        }
        let a = Array(first.unicodeScalars)
        guard let nameEnd = InlineParser.simpleNameEnd(a, 0) else {
            return [DirectiveSupport.error(call, host, "\"\(call.name)\" directive arguments not valid role names: \"\(first)\".")]
        }
        let newName = InlineParser.string(a[0..<nameEnd])
        var k = nameEnd
        while k < a.count && CharClasses.isWhitespace(a[k]) { k += 1 }
        var baseName: String? = nil
        if k < a.count {
            guard a[k] == "(" else {
                return [DirectiveSupport.error(call, host, "\"\(call.name)\" directive arguments not valid role names: \"\(first)\".")]
            }
            k += 1
            while k < a.count && CharClasses.isWhitespace(a[k]) { k += 1 }
            guard let be = InlineParser.simpleNameEnd(a, k) else {
                return [DirectiveSupport.error(call, host, "\"\(call.name)\" directive arguments not valid role names: \"\(first)\".")]
            }
            baseName = InlineParser.string(a[k..<be])
            k = be
            while k < a.count && CharClasses.isWhitespace(a[k]) { k += 1 }
            guard k < a.count, a[k] == ")" else {
                return [DirectiveSupport.error(call, host, "\"\(call.name)\" directive arguments not valid role names: \"\(first)\".")]
            }
            k += 1
            while k < a.count && CharClasses.isWhitespace(a[k]) { k += 1 }
            guard k == a.count else {
                return [DirectiveSupport.error(call, host, "\"\(call.name)\" directive arguments not valid role names: \"\(first)\".")]
            }
        }
        var messages: [Node] = []
        var base: Role? = nil
        var optionSpec: [String: DirectiveOptionKind] = ["class": .classList]
        if let baseName {
            base = host.lookupRole(baseName)
            if base == nil {
                messages.append(host.report(.info, "rst.unknown-role-info",
                    "No role entry for \"\(baseName)\" in module \"docutils.parsers.rst.languages.en\".\nTrying \"\(baseName)\" as canonical role name.",
                    line: call.line, range: call.range, details: []))
                return messages + [DirectiveSupport.error(call, host, "Unknown interpreted text role \"\(baseName)\".", id: "rst.unknown-role")]
            }
            switch baseName.lowercased() {
            case "code": optionSpec["language"] = .unchanged
            case "raw": optionSpec["format"] = .unchanged
            case "math", "emphasis", "strong", "literal", "subscript", "sub", "superscript", "sup", "title-reference",
                 "title", "t", "abbreviation", "ab", "acronym", "ac", "pep-reference", "pep", "rfc-reference", "rfc":
                break
            default: break
            }
        }
        // options in the remaining content lines
        var options: [String: DirectiveOptionValue] = [:]
        let rest = Array(call.content.dropFirst())
        var idx = 0
        while idx < rest.count {
            let line = rest[idx]
            if line.trimmingWhitespace().isEmpty { idx += 1; continue }
            let scalars = Array(line.unicodeScalars)
            guard let end = FieldMarker.match(scalars[...]) else {
                return messages + [DirectiveSupport.error(call, host, "Error in \"\(call.name)\" directive:\nno content permitted.")]
            }
            var nameEnd2 = end - 1
            while nameEnd2 > 0 && scalars[nameEnd2] != ":" { nameEnd2 -= 1 }
            let optName = InlineParser.string(scalars[1..<nameEnd2]).lowercased()
            let value = InlineParser.string(scalars[end...])
            guard let kind = optionSpec[optName] else {
                return messages + [DirectiveSupport.error(call, host, "Error in \"\(call.name)\" directive:\nunknown option: \"\(optName)\".")]
            }
            switch OptionConverter.convert(value.isEmpty ? nil : value, kind) {
            case .success(let v): options[optName] = v
            case .failure(let m):
                return messages + [DirectiveSupport.error(call, host, "Error in \"\(call.name)\" directive:\ninvalid option value: (option: \"\(optName)\"; value: '\(value)')\n\(m).")]
            }
            idx += 1
        }
        if options["class"] == nil {
            guard case .success(let classes) = OptionConverter.convert(newName, .classList) else {
                return messages + [DirectiveSupport.error(call, host, "Invalid argument for \"\(call.name)\" directive:\ncannot make \"\(newName)\" into a class name.")]
            }
            options["class"] = classes
        }
        let captured = options
        let custom: Role
        if let base {
            custom = Role { rc, h in
                var c = rc
                for (k, v) in captured { c.options[k] = v }
                return base.run(c, h)
            }
        } else {
            custom = Role { rc, _ in
                var node = Node(.inline, children: rc.text.isEmpty ? [] : [.text(rc.text)], range: rc.range)
                if case .list(let classes)? = captured["class"] { node.attributes[AttributeKey.classes] = .list(classes) }
                return ([node], [])
            }
        }
        host.registerRole(newName, custom)
        return messages
    }
}
