import DocTree

extension Resolver {
    typealias Failer = (String, [String], [Diagnostic.Note]) -> Swift.Result<Node, Problem>

    /// Object references (`:py:class:`, `:option:`, `:term:`, custom types):
    /// exact name, then the current class and module context, then a unique
    /// suffix match; then other projects' inventories. Ambiguity lists every
    /// candidate.
    func resolveObject(_ node: Node, domain: String, role: String, types: [String], target rawTarget: String,
                       explicit: Bool, in document: Document,
                       fail: (String, [String], [Diagnostic.Note]) -> Swift.Result<Node, Problem>) -> Swift.Result<Node, Problem> {
        var target = rawTarget
        if target.hasPrefix(".") || target.hasPrefix("~") { target.removeFirst() }
        var lookupName = domain == "std" && (role == "term") ? normalizeLabel(target) : target
        if domain == "std", role == "option" {
            lookupName = Self.optionKey(target, program: node.string("std:program"))
        }
        let shown = domain == "std" ? role : "\(domain):\(role)"

        // A reference into another project: `name:target`.
        if let colon = target.firstIndex(of: ":"),
           let external = options.inventories.first(where: { $0.name == String(target[..<colon]) }) {
            let rest = String(target[target.index(after: colon)...])
            if let entry = external.lookup(domain: domain, types: types, name: rest) {
                return .success(externalReference(from: node, url: external.url(for: entry), text: explicit ? nil : nil))
            }
            return fail("no \(shown) named '\(rest)' in the '\(external.name)' inventory", [], [])
        }

        let byName = index.objects[domain] ?? [:]
        func matching(_ name: String) -> [ObjectTarget] {
            (byName[name] ?? []).filter { types.contains($0.type) }
        }
        // Swift symbols may be written with argument labels (`tagged(_:)`) for
        // members registered without them (enum cases): try both spellings.
        var spellings = [lookupName]
        if domain == "swift", let paren = lookupName.firstIndex(of: "("), lookupName.hasSuffix(")") {
            spellings.append(String(lookupName[..<paren]))
        }
        for spelling in spellings {
            var candidates: [String] = [spelling]
            if domain == "py" || domain == "swift" {
                let module = node.string("\(domain):module") ?? node.string("py:module")
                let cls = node.string("\(domain):class") ?? node.string("py:class")
                var context: [String] = []
                if let module, let cls { context.append("\(module).\(cls).\(spelling)") }
                if let cls { context.append("\(cls).\(spelling)") }
                if let module { context.append("\(module).\(spelling)") }
                candidates = context + candidates
            }
            for name in candidates {
                if let found = matching(name).first {
                    return .success(reference(from: node, document: document.name, to: found.document,
                                              anchor: found.anchor, text: nil))
                }
            }
            if domain != "std" || role == "option" {
                let suffix = (domain == "std" ? " " : ".") + (role == "option"
                    ? String(spelling.split(separator: " ").last ?? Substring(spelling)) : spelling)
                let matches = byName.keys.filter { $0.hasSuffix(suffix) }.sorted().flatMap(matching)
                if matches.count == 1, let found = matches.first {
                    return .success(reference(from: node, document: document.name, to: found.document,
                                              anchor: found.anchor, text: nil))
                }
                if matches.count > 1 {
                    return fail("ambiguous \(shown) reference '\(rawTarget)': \(matches.count) objects match",
                                [], matches.map { .init("candidate \($0.kindName) '\($0.name)'", file: $0.file, range: $0.range) }
                                    + [.init("write the full name, e.g. :\(shown):`\(matches[0].name)`")])
                }
            }
        }
        for external in options.inventories {
            if let entry = external.lookup(domain: domain, types: types, name: lookupName) {
                return .success(externalReference(from: node, url: external.url(for: entry), text: nil))
            }
        }

        // Not found: near names of the same kind, and the same name as another kind.
        var notes: [Diagnostic.Note] = []
        for (_, targets) in byName where targets.contains(where: { $0.name == lookupName || $0.name.hasSuffix("." + lookupName) }) {
            for other in targets where !types.contains(other.type) {
                notes.append(.init("'\(other.name)' is a \(other.kindName); use the matching role, e.g. :\(Self.roleName(for: other)):`\(rawTarget)`",
                                   file: other.file, range: other.range))
            }
        }
        if notes.isEmpty, domain == "std", index.labels[normalizeLabel(target)] != nil {
            notes.append(.init("'\(target)' is a label: use :ref:`\(target)`"))
        }
        let sameKind = byName.values.flatMap { $0 }.filter { types.contains($0.type) }.map(\.name)
        var suggestions = TargetIndex.suggestions(for: lookupName, among: sameKind)
        if suggestions.isEmpty {
            // Compare last components too: `MasterSlve` → `routers.MasterSlave`.
            let last = lookupName.split(separator: ".").last.map(String.init) ?? lookupName
            let byLast = Dictionary(grouping: sameKind, by: { $0.split(separator: ".").last.map(String.init) ?? $0 })
            suggestions = TargetIndex.suggestions(for: last, among: byLast.keys).flatMap { byLast[$0] ?? [] }.sorted()
        }
        return fail("no \(shown) named '\(rawTarget)'", suggestions, notes.sorted { $0.message < $1.message })
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

    /// The role that links to an object of this kind (for "use :py:class:" hints).
    static func roleName(for target: ObjectTarget) -> String {
        let table: [String: String] = ["class": "class", "exception": "exc", "function": "func", "method": "meth",
                                       "classmethod": "meth", "staticmethod": "meth", "attribute": "attr",
                                       "property": "attr", "module": "mod", "data": "data"]
        switch target.domain {
        case "py": return "py:" + (table[target.type] ?? "obj")
        case "std": return target.type
        default: return "\(target.domain):symbol"
        }
    }

    /// `:any:`: every label, document and object of any kind; exactly one must match.
    func resolveAny(_ node: Node, target: String, in document: Document,
                    fail: (String, [String], [Diagnostic.Note]) -> Swift.Result<Node, Problem>) -> Swift.Result<Node, Problem> {
        var found: [(String, String, String?, String)] = []  // (document, anchor, title, description)
        if let label = index.labels[normalizeLabel(target)] {
            found.append((label.document, label.anchor, label.title, "label '\(label.name)'"))
        }
        if let name = PageURL.resolveDocument(target, from: document.name), let entry = index.documents[name] {
            found.append((name, "", entry.title, "document '\(name)'"))
        }
        for (_, byName) in index.objects.sorted(by: { $0.key < $1.key }) {
            for object in byName[target] ?? [] {
                found.append((object.document, object.anchor, nil, "\(object.kindName) '\(object.name)'"))
            }
        }
        if found.count == 1 {
            let hit = found[0]
            let explicit = node.attributes["refexplicit"] == .bool(true)
            return .success(reference(from: node, document: document.name, to: hit.0,
                                      anchor: hit.1.isEmpty ? nil : hit.1, text: explicit ? nil : hit.2))
        }
        if found.isEmpty {
            let all = Array(index.labels.keys) + Array(index.documents.keys)
                + index.objects.values.flatMap { Array($0.keys) }
            return fail("no target named '\(target)' (searched labels, documents and objects)",
                        TargetIndex.suggestions(for: target, among: all), [])
        }
        return fail("ambiguous :any: reference '\(target)'", [], found.map { .init("candidate: \($0.3)") })
    }

    /// A link to another project's page.
    func externalReference(from node: Node, url: String, text: String?) -> Node {
        var reference = Node(.reference, attributes: ["refuri": .string(url)],
                             children: Self.children(of: node, text: text), range: node.range)
        if let classes = node.attributes["classes"] { reference.attributes["classes"] = classes }
        return reference
    }
}
