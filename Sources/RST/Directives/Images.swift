import DocTree

/// `image` and `figure`.
enum Images {
    static let alignV = ["top", "middle", "bottom"]
    static let alignH = ["left", "center", "right"]

    static let imageOptions: [String: DirectiveOptionKind] = [
        "alt": .unchanged, "height": .lengthOrUnitless, "width": .lengthOrPercentageOrUnitless,
        "scale": .percentage, "align": .choice(alignV + alignH), "target": .unchangedRequired,
        "loading": .choice(["embed", "link", "lazy"]), "class": .classList, "name": .unchanged,
    ]

    static func register(into r: inout DirectiveRegistry) {
        r.register("image", Directive(DirectiveSpec(requiredArguments: 1, finalArgumentWhitespace: true,
                                                    options: imageOptions)) { call, host in
            image(call, host, figure: false)
        })
        var figureOptions = imageOptions
        figureOptions["figwidth"] = .figwidth
        figureOptions["figclass"] = .classList
        figureOptions["figname"] = .unchanged
        figureOptions["align"] = .choice(alignH)
        r.register("figure", Directive(DirectiveSpec(requiredArguments: 1, finalArgumentWhitespace: true,
                                                     options: figureOptions, hasContent: true)) { call, host in
            figure(call, host)
        })
    }

    static func image(_ call: DirectiveCall, _ host: DirectiveHost, figure: Bool) -> [Node] {
        if !figure, let align = call.option("align") {
            if call.inSubstitutionDefinition {
                if !alignV.contains(align) {
                    return [DirectiveSupport.error(call, host, "Error in \"\(call.name)\" directive: \"\(align)\" is not a valid value for the \"align\" option within a substitution definition.  Valid values for \"align\" are: \"\(alignV.joined(separator: "\", \""))\".")]
                }
            } else if !alignH.contains(align) {
                return [DirectiveSupport.error(call, host, "Error in \"\(call.name)\" directive: \"\(align)\" is not a valid value for the \"align\" option.  Valid values for \"align\" are: \"\(alignH.joined(separator: "\", \""))\".")]
            }
        }
        var messages: [Node] = []
        guard case .success(let uriValue) = OptionConverter.convert(call.arguments[0], .uri) else { return [] }
        _ = uriValue
        var attrs: [String: AttributeValue] = ["uri": .string(uriValue.text ?? "")]
        var reference: Node? = nil
        if let target = call.option("target") {
            let escaped = InlineParser.escapeToNull(Array(target.unicodeScalars))
            let lines = InlineParser.string(escaped).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let stripped = lines.map { $0.trimmingWhitespace() }
            if let last = stripped.last, last.hasSuffix("_"),
               let refname = InlineParser.isReference(Names.whitespaceNormalized(stripped.joined(separator: " "))) {
                reference = Node(.reference, attributes: ["refname": .string(Names.normalized(refname)),
                                                          "name": .string(Names.whitespaceNormalized(refname))])
            } else {
                let uri = InlineParser.removeUnescapedWhitespace(lines.joined(separator: " "))
                reference = Node(.reference, attributes: ["refuri": .string(uri)])
            }
        }
        for (key, value) in call.options where !["target", "class", "name", "figwidth", "figclass", "figname"].contains(key) {
            if figure && key == "align" { continue }
            switch value {
            case .text(let t): attrs[key] = .string(t)
            case .int(let i): attrs[key] = .int(i)
            case .list(let l): attrs[key] = .list(l)
            case .flag: attrs[key] = .string("")
            }
        }
        if case .list(let classes)? = call.options["class"] { attrs["classes"] = .list(classes) }
        var node = Node(.image, attributes: attrs, range: call.range)
        node = host.addName(node, name: call.option("name"))
        if var reference {
            reference.children = [node]
            return messages + [reference]
        }
        messages.append(node)
        return messages
    }

    static func figure(_ call: DirectiveCall, _ host: DirectiveHost) -> [Node] {
        let imageNodes = image(call, host, figure: true)
        guard let imageNode = imageNodes.last, imageNode.kind != .systemMessage else { return imageNodes }
        var fig = Node(.figure, children: [imageNode], range: call.range)
        if let w = call.option("figwidth"), w != "image" { fig.attributes["width"] = .string(w) }
        if case .list(let classes)? = call.options["figclass"] { fig.attributes[AttributeKey.classes] = .list(classes) }
        if let figname = call.option("figname") {
            fig.append(Names.normalized(figname), to: "names")
            let (f, msgs) = host.noteExplicitTarget(fig, messageLine: call.line)
            fig = f
            fig.children += msgs
        }
        if let align = call.option("align") { fig.attributes["align"] = .string(align) }
        if !call.content.isEmpty {
            let nodes = host.parseNested(call.content, line: call.contentLine, column: call.contentColumn,
                                         matchTitles: false, parent: .figure)
            var k = 0
            var done = false
            while k < nodes.count && !done {
                let child = nodes[k]
                if child.kind == .target || child.kind == "pending" {
                    fig.children.append(child)
                    k += 1
                    continue
                }
                if child.kind == .paragraph {
                    fig.children.append(Node(.caption, children: child.children, range: child.range))
                    done = true
                    break
                }
                if child.kind == .comment && child.children.isEmpty { done = true; break }
                return [fig, DirectiveSupport.error(call, host, "Figure caption must be a paragraph or empty comment.")]
            }
            if k + 1 < nodes.count {
                fig.children.append(Node("legend", children: Array(nodes[(k + 1)...])))
            }
        }
        return [fig]
    }
}
