import DocTree

/// Sphinx's text roles (`:download:`, `:file:`, `:abbr:` …); the cross-reference
/// roles belong to the domains.
enum SphinxRoles {
    static func register(into r: inout RoleRegistry) {
        r.register("download", download)
        r.register("file", emphasizedLiteral("file"))
        r.register("samp", emphasizedLiteral("samp"))
        for (name, kind) in [("command", "literal_strong"), ("program", "literal_strong"), ("makevar", "literal_strong"),
                             ("dfn", "emphasis"), ("kbd", "literal"), ("regexp", "literal"),
                             ("mailheader", "literal_emphasis"), ("mimetype", "literal_emphasis"),
                             ("newsgroup", "literal_emphasis")] {
            r.register(name, Role { call, _ in
                ([Node(NodeKind(kind), attributes: ["classes": .list([name])], children: [.text(call.text)],
                       range: call.range)], [])
            })
        }
        r.register("manpage", Role { call, _ in
            var node = Node("manpage", attributes: ["classes": .list(["manpage"])], children: [.text(call.text)],
                            range: call.range)
            node.attributes["page"] = .string(call.text)
            return ([node], [])
        })
        r.register("guilabel", Role { call, _ in
            ([Node(.inline, attributes: ["classes": .list(["guilabel"]), "rawtext": .string(call.rawText)],
                   children: accelerators(call.text), range: call.range)], [])
        })
        r.register("menuselection", Role { call, _ in
            let text = call.text.replacingOccurrences(of: "-->", with: "\u{2023}")
            return ([Node(.inline, attributes: ["classes": .list(["menuselection"]), "rawtext": .string(call.rawText)],
                          children: accelerators(text), range: call.range)], [])
        })
        r.register("index", index)
        r.register("abbr", Role { call, _ in
            var node = Node("abbreviation", range: call.range)
            if let (short, explanation) = abbreviation(call.text) {
                node.children = [.text(short)]
                node.attributes["explanation"] = .string(explanation)
            } else {
                node.children = [.text(call.text)]
            }
            return ([node], [])
        })
    }

    /// `:index:`\`entry\`` and `:index:`\`text <entry>\``: the text, and an index entry
    /// pointing at it (an entry without a type is a single entry).
    static let index = Role { call, _ in
        let (title, entry): (String, String)
        if let (shown, written) = XrefRole.explicitTitle(call.text) {
            (title, entry) = (shown, written)
        } else {
            let main = call.text.hasPrefix("!")
            let text = main ? String(call.text.dropFirst()) : call.text
            (title, entry) = (text, (main ? "!" : "") + "single: " + text)
        }
        let anchor = "index-\(call.range.start.line)-\(call.range.start.column)"
        let index = Node("index", attributes: ["entries": .list([entry]), "inline": .bool(true),
                                               AttributeKey.refid: .string(anchor)], range: call.range)
        let target = Node(.target, attributes: [AttributeKey.ids: .list([anchor])], range: call.range)
        return ([index, target, .text(title)], [])
    }

    /// `&` marks a keyboard accelerator; `&&` is a literal ampersand.
    static func accelerators(_ text: String) -> [Node] {
        var out: [Node] = []
        var buffer = ""
        var chars = Array(text)
        var k = 0
        while k < chars.count {
            if chars[k] == "&" {
                if k + 1 < chars.count && chars[k + 1] == "&" { buffer.append("&"); k += 2; continue }
                if k + 1 < chars.count {
                    if !buffer.isEmpty { out.append(.text(buffer)); buffer = "" }
                    out.append(Node(.inline, attributes: ["classes": .list(["accelerator"])], children: [.text(String(chars[k + 1]))]))
                    k += 2
                    continue
                }
            }
            buffer.append(chars[k])
            k += 1
        }
        chars = []
        if !buffer.isEmpty { out.append(.text(buffer)) }
        return out
    }

    /// `LIFO (last-in, first-out)` -> ("LIFO", "last-in, first-out").
    static func abbreviation(_ text: String) -> (String, String)? {
        let t = text.trimmingWhitespace()
        guard t.hasSuffix(")"), let open = t.firstIndex(of: "("), open > t.startIndex else { return nil }
        let short = t[..<open].trimmingWhitespace()
        let explanation = String(t[t.index(after: open)..<t.index(before: t.endIndex)])
        guard !short.isEmpty else { return nil }
        return (short, explanation)
    }

    static let download = Role { call, host in
        var title = call.text, target = call.text, explicit = false
        if let (t, g) = XrefRole.explicitTitle(call.text) { title = t; target = g; explicit = true }
        let inner = Node(.literal, attributes: ["classes": .list(["xref", "download"])], children: [.text(title)],
                         range: call.range)
        var node = Node("download_reference", children: [inner], range: call.range)
        node.attributes[AttributeKey.refdomain] = .string("")
        node.attributes[AttributeKey.reftype] = .string("download")
        node.attributes[AttributeKey.reftarget] = .string(target)
        node.attributes[AttributeKey.refexplicit] = .bool(explicit)
        node.attributes[AttributeKey.refdoc] = .string(host.documentName)
        return ([node], [])
    }

    /// `:file:` / `:samp:`: literal text where `{var}` is emphasised.
    static func emphasizedLiteral(_ name: String) -> Role {
        Role { call, _ in
            var children: [Node] = []
            var buffer = ""
            var inVar = false
            var chars = Array(call.text)
            var k = 0
            while k < chars.count {
                let c = chars[k]
                if c == "\\" && k + 1 < chars.count && (chars[k + 1] == "{" || chars[k + 1] == "}" || chars[k + 1] == "\\") {
                    buffer.append(chars[k + 1]); k += 2; continue
                }
                if c == "{" && !inVar {
                    if !buffer.isEmpty { children.append(.text(buffer)); buffer = "" }
                    inVar = true
                } else if c == "}" && inVar {
                    children.append(Node(.emphasis, children: buffer.isEmpty ? [] : [.text(buffer)]))
                    buffer = ""
                    inVar = false
                } else {
                    buffer.append(c)
                }
                k += 1
            }
            chars = []
            if inVar { buffer = "{" + buffer }
            if !buffer.isEmpty { children.append(.text(buffer)) }
            return ([Node(.literal, attributes: ["classes": .list([name]), "role": .string(name)], children: children,
                          range: call.range)], [])
        }
    }

    /// An `extlinks` role: `:issue:`123`` -> reference to the URL pattern.
    static func extlink(url: String, caption: String?) -> Role {
        Role { call, _ in
            var title = call.text, part = call.text, explicit = false
            if let (t, g) = XrefRole.explicitTitle(call.text) { title = t; part = g; explicit = true }
            let uri = url.replacingOccurrences(of: "%s", with: part)
            if !explicit {
                title = caption.map { $0.replacingOccurrences(of: "%s", with: part) } ?? uri
            }
            return ([Node(.reference, attributes: ["refuri": .string(uri), "classes": .list(["extlink"])],
                          children: [.text(title)], range: call.range)], [])
        }
    }
}
