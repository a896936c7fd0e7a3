import DocTree

/// Sphinx's `literalinclude`: a file (confined to the source tree) as a code block.
enum LiteralInclude {
    static let options: [String: DirectiveOptionKind] = [
        "dedent": .unchanged, "linenos": .flag, "lineno-start": .int, "lineno-match": .flag, "tab-width": .int,
        "language": .unchangedRequired, "force": .flag, "encoding": .encoding, "pyobject": .unchangedRequired,
        "lines": .unchangedRequired, "start-after": .unchangedRequired, "end-before": .unchangedRequired,
        "start-at": .unchangedRequired, "end-at": .unchangedRequired, "prepend": .unchangedRequired,
        "append": .unchangedRequired, "emphasize-lines": .unchangedRequired, "caption": .unchanged,
        "class": .classList, "name": .unchanged, "diff": .unchangedRequired,
    ]

    static func register(into r: inout DirectiveRegistry) {
        r.register("literalinclude", Directive(DirectiveSpec(requiredArguments: 1, finalArgumentWhitespace: true,
                                                             options: options)) { call, host in run(call, host) })
    }

    static func run(_ call: DirectiveCall, _ host: DirectiveHost) -> [Node] {
        let raw = call.arguments[0]
        let display: String, text: String, readMessages: [Node]
        switch IncludeSupport.readDecoded(raw, call: call, host: host) {
        case .success(let d, let t, let m): (display, text, readMessages) = (d, t, m)
        case .missing, .undecodable:
            return [DirectiveSupport.error(call, host, "Include file '\(raw)' not found or reading it failed",
                                           id: "rst.literalinclude", severity: .warning)]
        case .refused(let id, let message):
            return [DirectiveSupport.error(call, host, "Include file \(message)", id: id)]
        }
        var lines = text.pythonSplitLines()
        var firstLineNumber = 1
        if let spec = call.option("lines") {
            var picked: [String] = []
            var firstPicked: Int? = nil
            for part in spec.split(separator: ",") {
                let p = part.trimmingWhitespace()
                if let dash = p.firstIndex(of: "-") {
                    let a = Int(p[..<dash]) ?? 1
                    let b = Int(p[p.index(after: dash)...]) ?? lines.count
                    if a <= b { for k in a...b where k >= 1 && k <= lines.count { picked.append(lines[k - 1]); firstPicked = firstPicked ?? k } }
                } else if let k = Int(p), k >= 1, k <= lines.count {
                    picked.append(lines[k - 1]); firstPicked = firstPicked ?? k
                }
            }
            if picked.isEmpty {
                return [DirectiveSupport.error(call, host, "Line spec '\(spec)': no lines pulled from include file '\(raw)'",
                                               id: "rst.literalinclude", severity: .warning)]
            }
            lines = picked
            firstLineNumber = firstPicked ?? 1
        }
        func find(_ needle: String, from: Int) -> Int? {
            for k in from..<lines.count where lines[k].contains(needle) { return k }
            return nil
        }
        for (option, inclusive, isStart) in [("start-after", false, true), ("start-at", true, true)] {
            guard let needle = call.option(option) else { continue }
            guard let k = find(needle, from: 0) else {
                return [DirectiveSupport.error(call, host, "\(option) pattern not found: \(needle)", id: "rst.literalinclude",
                                               severity: .warning)]
            }
            _ = isStart
            let start = inclusive ? k : k + 1
            firstLineNumber += start
            lines = Array(lines[start...])
        }
        for (option, inclusive) in [("end-before", false), ("end-at", true)] {
            guard let needle = call.option(option) else { continue }
            guard let k = find(needle, from: 0) else {
                return [DirectiveSupport.error(call, host, "\(option) pattern not found: \(needle)", id: "rst.literalinclude",
                                               severity: .warning)]
            }
            lines = Array(lines[..<(inclusive ? k + 1 : k)])
        }
        if let prepend = call.option("prepend") { lines.insert(prepend, at: 0) }
        if let append = call.option("append") { lines.append(append) }
        if let dedent = call.option("dedent") {
            let amount = Int(dedent.trimmingWhitespace()) ?? lines.filter { !$0.trimmingWhitespace().isEmpty }
                .map { $0.prefix(while: { $0 == " " }).count }.min() ?? 0
            lines = lines.map { String($0.dropFirst(Swift.min(amount, $0.prefix(while: { $0 == " " }).count))) }
        }
        var body = lines.joined(separator: "\n")
        if case .int(let width)? = call.options["tab-width"] { body = Include.expandTabs(body, width) }
        var node = Node(.literalBlock, attributes: ["xml:space": .string("preserve"), "source": .string(display)],
                        children: body.isEmpty ? [] : [.text(body + "\n")], range: call.range)
        node.attributes[AttributeKey.language] = .string(call.option("language") ?? host.options.highlightLanguage ?? "default")
        if call.flag("linenos") || call.options["lineno-start"] != nil || call.flag("lineno-match") {
            node.attributes["linenos"] = .bool(true)
        }
        if case .int(let s)? = call.options["lineno-start"] { node.attributes["linenostart"] = .int(s) }
        if call.flag("lineno-match") { node.attributes["linenostart"] = .int(firstLineNumber) }
        if let hl = call.option("emphasize-lines") { node.attributes["hl_lines"] = .list(CodeBlock.expandLines(hl)) }
        if call.flag("force") { node.attributes["force"] = .bool(true) }
        if case .list(let classes)? = call.options["class"] { node.attributes[AttributeKey.classes] = .list(classes) }
        if let caption = call.option("caption") {
            let text = caption.isEmpty ? raw : caption
            let (captionNodes, messages) = host.parseInline(text, line: call.line, column: 1)
            var wrapper = Node(.container, attributes: ["classes": .list(["literal-block-wrapper"]),
                                                       "literal_block": .bool(true)], range: call.range)
            wrapper.children = [Node(.caption, children: captionNodes), node] + messages
            return readMessages + [host.addName(wrapper, name: call.option("name"))]
        }
        return readMessages + [host.addName(node, name: call.option("name"))]
    }
}
