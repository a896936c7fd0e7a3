import DocTree
import Foundation

/// MyST's `attrs_block` and `attrs_inline` extensions: `{#id .class key=value}`.
///
/// - A paragraph that is only `{…}` sets attributes of the block after it:
///   `#id` is a label there (as `(id)=` is, so `[](#id)` finds it), `.class`
///   adds a class.
/// - `{…}` right after a link, role, code span or image
///   gives it the classes and the id; `[text]{…}` is a span (`inline`) of its own.
struct MySTAttributes: Equatable {
    var id: String?
    var classes: [String] = []
    var values: [String: String] = [:]

    /// Parses `{…}` at the start of `text`; returns the attributes and the length of the `{…}` in characters.
    static func parse(prefixOf text: Substring) -> (MySTAttributes, Int)? {
        guard text.first == "{", let close = text.firstIndex(of: "}") else { return nil }
        let inner = text[text.index(after: text.startIndex)..<close]
        guard !inner.isEmpty, !inner.contains("{"), !inner.contains("\n") else { return nil }
        var result = MySTAttributes()
        var rest = inner[...]
        while true {
            rest = rest.drop(while: { $0 == " " || $0 == "\t" })
            guard let first = rest.first else { break }
            if first == "#" || first == "." {
                let word = rest.dropFirst().prefix(while: { $0 != " " && $0 != "\t" })
                guard !word.isEmpty else { return nil }
                if first == "#" { result.id = String(word) } else { result.classes.append(String(word)) }
                rest = rest.dropFirst(word.count + 1)
            } else {
                let key = rest.prefix(while: { $0 != "=" && $0 != " " && $0 != "\t" })
                rest = rest.dropFirst(key.count)
                guard !key.isEmpty, rest.first == "=", key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
                else { return nil }
                rest = rest.dropFirst()
                var value: Substring
                if rest.first == "\"" {
                    rest = rest.dropFirst()
                    guard let end = rest.firstIndex(of: "\"") else { return nil }
                    value = rest[..<end]
                    rest = rest[rest.index(after: end)...]
                } else {
                    value = rest.prefix(while: { $0 != " " && $0 != "\t" })
                    rest = rest.dropFirst(value.count)
                }
                result.values[String(key)] = String(value)
            }
        }
        return (result, text.distance(from: text.startIndex, to: close) + 1)
    }
}

extension MarkdownConverter {
    static let blockAttributesKind: NodeKind = "myst_block_attributes"

    /// `attrs_block`: a paragraph that is only `{…}`; nil otherwise.
    func blockAttributes(_ block: CmarkNode, context: Context) -> [Node]? {
        guard settings.mystExtensions, settings.extensions.contains("attrs_block"),
              block.start.line == block.end.line else { return nil }
        let line = sourceLines(of: block, context: context).joined().trimmingLeadingSpace()
        var trimmed = Substring(line)
        while trimmed.last == " " || trimmed.last == "\t" { trimmed = trimmed.dropLast() }
        guard let (attributes, length) = MySTAttributes.parse(prefixOf: trimmed), length == trimmed.count else { return nil }
        let blockRange = range(of: block)
        var output: [Node] = []
        if let id = attributes.id { output.append(target(id, range: blockRange)) }
        if !attributes.classes.isEmpty || !attributes.values.isEmpty {
            var marker = Node(Self.blockAttributesKind, range: blockRange)
            if !attributes.classes.isEmpty { marker.attributes[AttributeKey.classes] = .list(attributes.classes) }
            for (key, value) in attributes.values { marker.attributes["attr-" + key] = .string(value) }
            output.append(marker)
        }
        return output
    }

    /// Gives each `{…}` block marker's classes and keys to the element after it, and drops the markers.
    static func applyingBlockAttributes(_ node: Node) -> Node {
        guard node.children.contains(where: { !$0.isText }) else { return node }
        var copy = node
        var children: [Node] = []
        var pending: Node?
        for child in node.children {
            if child.kind == blockAttributesKind {
                // Markers one after the other add up; classes combine, later keys win.
                var merged = pending ?? Node(blockAttributesKind)
                merged.attributes[AttributeKey.classes] = .list(merged.list(AttributeKey.classes) + child.list(AttributeKey.classes))
                for (key, value) in child.attributes where key.hasPrefix("attr-") { merged.attributes[key] = value }
                pending = merged
                continue
            }
            var next = applyingBlockAttributes(child)
            if let marker = pending, !next.isText, next.kind != .target {
                next = applying(blockMarker: marker, to: next)
                pending = nil
            }
            children.append(next)
        }
        copy.children = children
        return copy
    }

    /// myst-parser's keys per block: `style` on ordered lists, `lineno-start` and
    /// `emphasize-lines` on code, `attribution` on quotes; classes on every block.
    static func applying(blockMarker marker: Node, to element: Node) -> Node {
        var element = element
        let classes = marker.list(AttributeKey.classes)
        if !classes.isEmpty { element.attributes[AttributeKey.classes] = .list(element.list(AttributeKey.classes) + classes) }
        func value(_ key: String) -> String? { marker.string("attr-" + key) }
        switch element.kind {
        case .enumeratedList:
            let styles = ["decimal": "arabic", "lower-alpha": "loweralpha", "upper-alpha": "upperalpha",
                          "lower-roman": "lowerroman", "upper-roman": "upperroman"]
            if let style = value("style").flatMap({ styles[$0] }) { element.attributes["enumtype"] = .string(style) }
        case .literalBlock:
            if let start = value("lineno-start").flatMap(Int.init) {
                element.attributes["linenos"] = .bool(true)
                element.attributes["linenostart"] = .int(start)
            }
            if let lines = value("emphasize-lines") { element.attributes["hl_lines"] = .list(expandedLines(lines)) }
        case .blockQuote:
            if let attribution = value("attribution"), !attribution.isEmpty {
                element.children.append(Node(.attribution, children: [.text(attribution)], range: element.range))
            }
        default:
            break
        }
        return element
    }

    /// `1,3-5` → `1 3 4 5` (bounded, so a hostile range cannot blow up).
    static func expandedLines(_ spec: String) -> [String] {
        var lines: [String] = []
        for part in spec.split(separator: ",") {
            let bounds = part.split(separator: "-").map { Int($0.trimmingCharacters(in: .whitespaces)) }
            if bounds.count == 1, let line = bounds[0] {
                lines.append(String(line))
            } else if bounds.count == 2, let low = bounds[0], let high = bounds[1], low <= high, high - low < 10_000 {
                lines += (low...high).map(String.init)
            }
        }
        return lines
    }

    /// `attrs_inline`: `{…}` right after an inline element, and `[text]{…}` spans.
    func applyingInlineAttributes(_ nodes: [Node]) -> [Node] {
        guard settings.mystExtensions, settings.extensions.contains("attrs_inline") else { return nodes }
        var output: [Node] = []
        for node in nodes {
            guard node.isText, node.text.contains("{") else { output.append(node); continue }
            var text = Substring(node.text)
            // `{…}` after the element before: its attributes.
            if text.first == "{", let previous = output.last, Self.takesInlineAttributes(previous.kind),
               let (attributes, length) = MySTAttributes.parse(prefixOf: text) {
                output[output.count - 1] = applying(attributes, to: previous)
                text = text.dropFirst(length)
            }
            output += spans(in: text, range: node.range)
        }
        return output
    }

    /// The inline elements myst-parser gives `{…}` to: links, references, images, code and spans.
    static func takesInlineAttributes(_ kind: NodeKind) -> Bool {
        [.reference, .pendingXref, .image, .literal, .inline, NodeKind("download_reference")].contains(kind)
    }

    /// `[plain text]{…}` inside one text run, as `inline` spans.
    private func spans(in text: Substring, range: SourceRange?) -> [Node] {
        var output: [Node] = []
        var rest = text
        var plain = ""
        while let open = rest.firstIndex(of: "[") {
            plain += rest[..<open]
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: "]"), !after[..<close].contains("["),
                  let (attributes, length) = MySTAttributes.parse(prefixOf: after[after.index(after: close)...]) else {
                plain += "["
                rest = after
                continue
            }
            if !plain.isEmpty { output.append(.text(plain, range: range)); plain = "" }
            let span = Node(.inline, children: [.text(String(after[..<close]), range: range)], range: range)
            output.append(applying(attributes, to: span))
            rest = after[after.index(after: close)...].dropFirst(length)
        }
        plain += rest
        if !plain.isEmpty { output.append(.text(plain, range: range)) }
        return output
    }

    private func applying(_ attributes: MySTAttributes, to node: Node) -> Node {
        var node = node
        if !attributes.classes.isEmpty {
            node.attributes[AttributeKey.classes] = .list(node.list(AttributeKey.classes) + attributes.classes)
        }
        if let id = attributes.id, let range = node.range ?? Optional(SourceRange(line: 1)) {
            let label = target(id, range: range)
            node.attributes[AttributeKey.ids] = .list(node.ids + label.ids)
            node.attributes[AttributeKey.names] = .list(node.names + label.names)
        }
        if node.kind == .image {
            for (key, short) in [("width", "w"), ("height", "h"), ("align", "a"), ("alt", "alt")] {
                if let value = attributes.values[key] ?? attributes.values[short] { node.attributes[key] = .string(value) }
            }
        }
        if node.kind == .literal, let language = attributes.values["language"] ?? attributes.values["lexer"] ?? attributes.values["l"] {
            // A literal in a language, as the `code` role makes it.
            node.attributes[AttributeKey.classes] = .list(["code", language] + node.list(AttributeKey.classes))
        }
        return node
    }
}
