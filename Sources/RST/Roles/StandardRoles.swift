import DocTree

/// docutils' standard interpreted-text roles.
enum StandardRoles {
    static func simple(_ kind: NodeKind, classes: [String] = []) -> Role {
        Role { call, _ in
            var node = Node(kind, children: call.text.isEmpty ? [] : [.text(call.text)], range: call.range)
            var cls = classes
            if case .list(let extra)? = call.options["class"] { cls += extra }
            if !cls.isEmpty { node.attributes[AttributeKey.classes] = .list(cls) }
            return ([node], [])
        }
    }

    static func register(into r: inout RoleRegistry) {
        r.register("emphasis", simple(.emphasis))
        r.register("strong", simple(.strong))
        r.register("literal", simple(.literal))
        for name in ["subscript", "sub"] { r.register(name, simple("subscript")) }
        for name in ["superscript", "sup"] { r.register(name, simple("superscript")) }
        for name in ["title-reference", "title", "t"] { r.register(name, simple(.titleReference)) }
        for name in ["abbreviation", "ab"] { r.register(name, simple("abbreviation")) }
        for name in ["acronym", "ac"] { r.register(name, simple("acronym")) }
        r.register("math", simple("math"))
        r.register("code", Role { call, _ in
            var classes = ["code"]
            if case .list(let extra)? = call.options["class"] { classes += extra }
            let language = call.options["language"]?.text ?? (call.name == "code" ? nil : call.name)
            if let language, !language.isEmpty, language != "none", !classes.contains(language) { classes.append(language) }
            let text = InlineParser.restoreBackslashes(call.escapedText.unicodeScalars)
            let node = Node(.literal, attributes: ["classes": .list(classes)],
                            children: text.isEmpty ? [] : [.text(text)], range: call.range)
            return ([node], [])
        })
        for name in ["restructuredtext-unimplemented-role", "named-reference", "anonymous-reference", "uri-reference",
                     "uri", "url", "footnote-reference", "citation-reference", "substitution-reference", "target"] {
            r.register(name, Role { call, host in
                let msg = host.report(.error, "rst.unimplemented-role",
                                      "Interpreted text role \"\(call.name)\" not implemented.",
                                      line: call.line, range: call.range, details: [])
                let (prb, m) = host.problematic(call.rawText, message: msg, range: call.range)
                return ([prb], [m])
            })
        }
        for name in ["pep-reference", "pep"] { r.register(name, pep) }
        for name in ["rfc-reference", "rfc"] { r.register(name, rfc) }
        r.register("raw", Role { call, host in
            guard let format = call.options["format"]?.text else {
                let msg = host.report(.error, "rst.raw-role",
                    "No format (Writer name) is associated with this role: \"\(call.name)\".\nThe \"raw\" role cannot be used directly.\nInstead, use the \"role\" directive to create a new role with an associated format.",
                    line: call.line, range: call.range, details: [])
                let (prb, m) = host.problematic(call.rawText, message: msg, range: call.range)
                return ([prb], [m])
            }
            guard host.options.rawEnabled else {
                let msg = host.report(.warning, "rst.raw-disabled", "raw (and derived) roles disabled",
                                      line: call.line, range: call.range, details: [])
                let (prb, m) = host.problematic(call.rawText, message: msg, range: call.range)
                return ([prb], [m])
            }
            var node = Node(.raw, attributes: ["format": .string(format), "xml:space": .string("preserve")],
                            children: [.text(InlineParser.restoreBackslashes(call.escapedText.unicodeScalars))], range: call.range)
            if case .list(let extra)? = call.options["class"] { node.attributes[AttributeKey.classes] = .list(extra) }
            return ([node], [])
        })
    }

    static let pep = Role { call, host in
        let t = call.text.trimmingWhitespace()
        guard let n = Int(t), n >= 0, n <= 9999 else {
            let msg = host.report(.error, "rst.pep-role",
                                  "PEP number must be a number from 0 to 9999; \"\(call.text)\" is invalid.",
                                  line: call.line, range: call.range, details: [])
            let (prb, m) = host.problematic(call.rawText, message: msg, range: call.range)
            return ([prb], [m])
        }
        let padded = String(repeating: "0", count: Swift.max(0, 4 - String(n).count)) + String(n)
        let node = Node(.reference, attributes: ["refuri": .string("https://peps.python.org/pep-\(padded)")],
                        children: [.text("PEP " + call.text)], range: call.range)
        return ([node], [])
    }

    static let rfc = Role { call, host in
        var t = call.text
        var anchor = ""
        if let hash = t.firstIndex(of: "#") {
            anchor = String(t[hash...])
            t = String(t[..<hash])
        }
        guard let n = Int(t.trimmingWhitespace()), n >= 1 else {
            let msg = host.report(.error, "rst.rfc-role",
                                  "RFC number must be a number greater than or equal to 1; \"\(call.text)\" is invalid.",
                                  line: call.line, range: call.range, details: [])
            let (prb, m) = host.problematic(call.rawText, message: msg, range: call.range)
            return ([prb], [m])
        }
        let node = Node(.reference, attributes: ["refuri": .string("https://tools.ietf.org/html/rfc\(n).html\(anchor)")],
                        children: [.text("RFC " + String(n))], range: call.range)
        return ([node], [])
    }
}
