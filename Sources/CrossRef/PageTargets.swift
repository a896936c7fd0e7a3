import DocTree

/// An explicit label (`.. _name:` or MyST `(name)=`) and what it points at.
public struct Label: Sendable, Hashable, Codable {
    /// The normalised label name (lower case, whitespace collapsed).
    public var name: String
    public var document: String
    /// The HTML id to link to.
    public var anchor: String
    /// Link text for `:ref:` without an explicit title: the section title or
    /// caption of the labelled element; nil when the element has none.
    public var title: String?
    /// Kind of labelled element (`section`, `figure`, `table`, `literal_block`, `paragraph` …).
    public var elementKind: String
    public var file: SourceFile
    public var range: SourceRange?
}

/// A section heading of a page, nested as in the page.
public struct SectionOutline: Sendable, Hashable, Codable {
    public var title: String
    public var anchor: String
    public var children: [SectionOutline]
}

/// Everything one page contributes to the site index. Computed per page,
/// independently of every other page.
public struct PageTargets: Sendable, Codable {
    public var document: String
    public var title: String?
    public var labels: [Label] = []
    /// Every id present in the page (for `page#anchor` links).
    public var anchors: Set<String> = []
    /// Sections below the page title.
    public var outline: [SectionOutline] = []
    /// Object descriptions and glossary terms.
    public var objects: [ObjectTarget] = []
    /// Label ids moved onto the element that follows the label → that element's own id.
    var movedIDs: [String: String] = [:]
    public var file: SourceFile
}

/// Attaches each internal label target to the element that follows it (as
/// docutils' target propagation does), and lists what the page defines.
public enum TargetCollector {
    public static func process(_ document: Document) -> (Document, PageTargets) {
        var doc = document
        var targets = PageTargets(document: document.name, title: document.title, file: document.source)
        var pending: [Node] = []
        doc.root = propagate(doc.root, pending: &pending, targets: &targets)
        if !targets.movedIDs.isEmpty {
            // The label targets now point at their element instead of carrying the ids.
            let moved = targets.movedIDs
            doc.root = doc.root.rewritten { node in
                guard isLabelTarget(node), let id = node.ids.first, let element = moved[id] else { return [node] }
                var target = node
                target.attributes[AttributeKey.ids] = .list([])
                target.attributes[AttributeKey.refid] = .string(element)
                return [target]
            } .first ?? doc.root
        }
        // Labels at the very end of a page point at the end of the page.
        for target in pending {
            for (name, id) in zip(labelNames(target), target.ids) {
                targets.labels.append(Label(name: normalizeLabel(name), document: doc.name, anchor: id, title: nil,
                                            elementKind: "target", file: doc.source, range: target.range))
            }
        }
        doc.root.walk { node in
            for id in node.ids { targets.anchors.insert(id) }
        }
        collectObjects(doc.root, inGlossary: false, targets: &targets)
        targets.outline = outline(of: doc.root, isRoot: true)
        return (doc, targets)
    }

    /// `desc` nodes (object descriptions) and glossary terms.
    static func collectObjects(_ node: Node, inGlossary: Bool, targets: inout PageTargets) {
        if let desc = DescNode(node), !desc.noindex {
            for signature in desc.signatures {
                guard let anchor = signature.ids.first else { continue }
                let name = signature.fullname ?? signature.shownName ?? anchor
                var names = [name]
                if desc.domain == "std", desc.objtype == "option" {
                    // Options are known by program and name: `vellum-build --strict`.
                    let program = signature.program ?? ""
                    names = (signature.allnames.isEmpty ? [name] : signature.allnames)
                        .map { program.isEmpty ? $0 : "\(program) \($0)" }
                }
                for name in names {
                    targets.objects.append(ObjectTarget(domain: desc.domain, type: desc.targetType, name: name,
                                                        document: targets.document, anchor: anchor, file: targets.file,
                                                        range: signature.range ?? node.range, overload: signature.overload))
                }
                // Objects the signature declares besides itself (C/C++ function and template
                // parameters), `type name`: named under it, sharing its anchor. Like canonical
                // names they are never a second description (a duplicate is reported once, for the object).
                let separator = signature.scopeSeparator ?? "."
                for member in signature.memberObjects {
                    guard let space = member.firstIndex(of: " ") else { continue }
                    var object = ObjectTarget(domain: desc.domain, type: String(member[..<space]),
                                              name: name + separator + member[member.index(after: space)...],
                                              document: targets.document, anchor: anchor, file: targets.file,
                                              range: signature.range ?? node.range, overload: signature.overload)
                    object.isAlias = true
                    targets.objects.append(object)
                }
                if let canonical = signature.canonical, !names.contains(canonical) {
                    var alias = ObjectTarget(domain: desc.domain, type: desc.targetType, name: canonical,
                                             document: targets.document, anchor: anchor, file: targets.file,
                                             range: signature.range ?? node.range)
                    alias.isAlias = true
                    targets.objects.append(alias)
                }
            }
        }
        // Objects that are no description carry their domain, object type and
        // full name themselves: module targets (`py:module`, `js:module`),
        // grammar tokens (`production`), numbered equations (`math_block`).
        if node.kind != .desc, let domain = node.string(AttributeKey.domain), let type = node.string(AttributeKey.objtype),
           let name = node.string(AttributeKey.fullname), let anchor = node.ids.first {
            var object = ObjectTarget(domain: domain, type: type, name: name, document: targets.document,
                                      anchor: anchor, file: targets.file, range: node.range)
            object.title = node.string(AttributeKey.objectTitle)
            object.inInventory = node.attributes[AttributeKey.noInventory] != .bool(true)
            targets.objects.append(object)
        }
        if inGlossary, node.kind == .term, let anchor = node.ids.first {
            targets.objects.append(ObjectTarget(domain: "std", type: "term", name: normalizeLabel(node.textContent),
                                                document: targets.document, anchor: anchor, file: targets.file,
                                                range: node.range))
        }
        for child in node.children where !child.isText {
            collectObjects(child, inGlossary: inGlossary || node.kind == .glossary, targets: &targets)
        }
    }

    /// Whether a target node is an internal label (`.. _name:` with nothing after the colon).
    static func isLabelTarget(_ node: Node) -> Bool {
        TargetNode(node)?.isLabel ?? false
    }

    /// A target's names, duplicates included: the parser demotes a repeated
    /// name to `dupnames`, and the site index reports the duplicate with both places.
    static func labelNames(_ node: Node) -> [String] {
        TargetNode(node)?.names ?? node.names + node.list(AttributeKey.dupnames)
    }

    /// Whether a node is transparent for target propagation.
    static func isSkippable(_ node: Node) -> Bool {
        node.kind == .comment || node.kind == .systemMessage || node.kind == "substitution_definition"
    }

    private static func propagate(_ node: Node, pending: inout [Node], targets: inout PageTargets) -> Node {
        var copy = node
        var children: [Node] = []
        for var child in node.children {
            if !child.isText { noteExplicitNames(child, parent: node, targets: &targets) }
            if isLabelTarget(child) {
                pending.append(child)
                children.append(child)
                continue
            }
            if !pending.isEmpty && !child.isText && !isSkippable(child) {
                // The pending labels belong to this element; their ids move onto it.
                child = attach(pending, to: child, targets: &targets)
                let elementID = child.ids.first ?? ""
                for target in pending { for id in target.ids { targets.movedIDs[id] = elementID } }
                pending.removeAll()
            }
            if !child.isText && child.kind != .target {
                child = propagate(child, pending: &pending, targets: &targets)
            }
            // Inline targets (`_`name``) are labels without a title.
            if child.kind == .target, !child.children.isEmpty, child.refuri == nil {
                for (name, id) in zip(labelNames(child), child.ids) {
                    targets.labels.append(Label(name: normalizeLabel(name), document: targets.document, anchor: id,
                                                title: nil, elementKind: "inline", file: targets.file, range: child.range))
                }
            }
            children.append(child)
        }
        copy.children = children
        return copy
    }

    /// Elements whose `:name:` option is a label (Sphinx's explicit targets): `:ref:` and
    /// `:numref:` find them as they find `.. _name:` before them.
    static let namedKinds: Set<NodeKind> = [
        .figure, .image, .table, .literalBlock, .container, "rubric", "topic", "sidebar", "line_block", "compound",
        .blockQuote, "admonition", "attention", "caution", "danger", "error", "hint", "important", "note", "tip",
        "warning", "seealso",
    ]

    /// The labels an element's own names (from `:name:`) define. docutils puts a figure's
    /// name on its image; the label is the figure's, with its caption as title, as in Sphinx.
    static func noteExplicitNames(_ child: Node, parent: Node, targets: inout PageTargets) {
        guard namedKinds.contains(child.kind), !(child.kind == .image && parent.kind == .figure) else { return }
        // The `contents` topic's name ("contents") is implicit in docutils, as a section title's is.
        if child.kind == "topic", child.classes.contains("contents") { return }
        var named = child
        var kind = child.kind.rawValue
        if child.kind == .figure, child.names.isEmpty, let image = child.children.first(where: { $0.kind == .image }) {
            named = image
        }
        guard let anchor = named.ids.first else { return }
        if child.kind == .image { kind = "image" }
        for name in named.names {
            targets.labels.append(Label(name: normalizeLabel(name), document: targets.document, anchor: anchor,
                                        title: titleText(of: child), elementKind: kind, file: targets.file,
                                        range: child.range))
        }
    }

    private static func attach(_ labels: [Node], to element: Node, targets: inout PageTargets) -> Node {
        var element = element
        var ids = element.ids
        var names = element.names
        let title = titleText(of: element)
        for target in labels {
            for (name, id) in zip(labelNames(target), target.ids) {
                if !ids.contains(id) { ids.append(id) }
                if !names.contains(name) { names.append(name) }
                targets.labels.append(Label(name: normalizeLabel(name), document: targets.document, anchor: id,
                                            title: title, elementKind: element.kind.rawValue,
                                            file: targets.file, range: target.range))
            }
        }
        // The element's own id stays first so its anchor is stable; label ids follow. But a
        // section whose title slug a label took has only a made-up id (`id1`, or `config-file-1`
        // in docutils' own numbering): the label's id comes first then, as Sphinx's SortIds puts
        // a section's first id starting with "id" last (`.. _config-file:` over "Config file"
        // gives `<section id="config-file">`).
        if element.kind == .section, let own = element.ids.first, ids.count > 1,
           own.hasPrefix("id") || labels.contains(where: { $0.ids.contains(where: { isRenumbered(own, from: $0) }) }) {
            ids = ids.filter { $0 != own } + [own]
        }
        element.attributes[AttributeKey.ids] = .list(ids)
        element.attributes[AttributeKey.names] = .list(names)
        return element
    }

    /// Whether `id` is `base` with a number added (`config-file-1` from `config-file`).
    static func isRenumbered(_ id: String, from base: String) -> Bool {
        guard id.hasPrefix(base + "-") else { return false }
        let number = id.dropFirst(base.count + 1)
        return !number.isEmpty && number.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// The text a `:ref:` shows for a labelled element: a section's title, a figure's caption, a table's title.
    static func titleText(of element: Node) -> String? {
        switch element.kind {
        case .section:
            return element.children.first(where: { $0.kind == .title })?.textContent
        case .figure:
            return element.children.first(where: { $0.kind == .caption })?.textContent
        case .table:
            return element.children.first(where: { $0.kind == .title })?.textContent
        case .literalBlock, .container:
            if let caption = element.string(AttributeKey.caption) { return caption }
            return element.first(where: { $0.kind == .caption })?.textContent
        default:
            return nil
        }
    }

    static func outline(of node: Node, isRoot: Bool) -> [SectionOutline] {
        var result: [SectionOutline] = []
        for child in node.children where child.kind == .section {
            let title = child.children.first(where: { $0.kind == .title })?.textContent ?? ""
            let sub = outline(of: child, isRoot: false)
            result.append(SectionOutline(title: title, anchor: child.ids.first ?? "", children: sub))
        }
        // A page with one top-level section: that section is the page title.
        if isRoot, result.count == 1 { return result[0].children }
        return result
    }
}

/// Label names compare like docutils' normalised reference names: case-insensitive,
/// whitespace collapsed.
public func normalizeLabel(_ name: String) -> String {
    name.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
}
