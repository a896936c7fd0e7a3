import DocTree

/// Sphinx's `toctree`: a `compound.toctree-wrapper` holding a `toctree` node
/// with one `toctree_entry` per entry line; the Site resolves the entries.
enum Toctree {
    static let options: [String: DirectiveOptionKind] = [
        "maxdepth": .int, "name": .unchanged, "class": .classList, "caption": .unchangedRequired,
        "glob": .flag, "hidden": .flag, "includehidden": .flag, "numbered": .unchanged, "titlesonly": .flag,
        "reversed": .flag,
    ]

    static func register(into r: inout DirectiveRegistry) {
        r.register("toctree", Directive(DirectiveSpec(options: options, hasContent: true)) { call, host in
            run(call, host)
        })
    }

    static func run(_ call: DirectiveCall, _ host: DirectiveHost) -> [Node] {
        var toctree = TocTreeNode(parent: host.documentName, range: call.range)
        if case .int(let depth)? = call.options["maxdepth"] { toctree.maxDepth = depth }
        toctree.caption = call.option("caption")
        toctree.hidden = call.flag("hidden")
        toctree.glob = call.flag("glob")
        toctree.titlesOnly = call.flag("titlesonly")
        toctree.reversed = call.flag("reversed")
        toctree.includeHidden = call.flag("includehidden")
        toctree.numbered = call.options["numbered"] != nil
        if let n = call.option("numbered"), let depth = Int(n.trimmingWhitespace()) { toctree.numberedDepth = depth }
        for (offset, raw) in call.content.enumerated() {
            let entry = raw.trimmingWhitespace()
            if entry.isEmpty { continue }
            let line = call.contentLine + offset
            let leading = raw.prefix(while: { $0 == " " }).count
            let column = call.contentColumn + leading
            let range = SourceRange(start: SourceLocation(line: line, column: column),
                                    end: SourceLocation(line: line, column: column + entry.unicodeScalars.count))
            if let (title, target) = XrefRole.explicitTitle(entry) {
                toctree.entries.append(.init(target: target, title: title, range: range))
            } else {
                toctree.entries.append(.init(target: entry, range: range))
            }
        }
        var wrapper = Node(.compound, attributes: ["classes": .list(["toctree-wrapper"])], children: [toctree.node],
                           range: call.range)
        if case .list(let classes)? = call.options["class"] { for c in classes { wrapper.append(c, to: "classes") } }
        wrapper = host.addName(wrapper, name: call.option("name"))
        return [wrapper]
    }
}
