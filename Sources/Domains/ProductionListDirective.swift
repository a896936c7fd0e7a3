import DocTree
import HTMLWriter
import Markup

/// The standard domain's `productionlist`: a grammar, one production per
/// line written `name: definition` (shown `name ::= definition`); a line
/// whose name is empty continues the one before, and a line without a colon
/// ends the grammar. An optional first line without a colon names the
/// production group. Each production is a
/// `std:token` object (`group:name` in a group) with the anchor
/// `grammar-token-<group>-<name>` (`grammar-token-<name>` without a group);
/// `` `name` `` in a definition refers to a token of the same group
/// (`` `other:name` `` to another group's, `` `~other:name` `` shown as `name`).
/// Lines joined with a trailing backslash are one line, as in Sphinx.
enum ProductionListDirective {
    static let listKind: NodeKind = "productionlist"
    static let productionKind: NodeKind = "production"

    static let directive = Directive(DirectiveSpec(requiredArguments: 1, finalArgumentWhitespace: true)) { call, host in
        var list = Node(listKind, range: call.range)
        let text = (call.arguments.first ?? "").replacingOccurrences(of: "\\\n", with: "")
        // The grammar starts on the directive's line, or on the next one when that holds nothing after `::`.
        let firstLine = call.blockText.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        let startsBelow = firstLine.range(of: "::").map { firstLine[$0.upperBound...].allSatisfy(\.isWhitespace) } ?? false
        let start = call.line + (startsBelow ? 1 : 0)
        var lines = text.components(separatedBy: "\n").enumerated().map { (line: start + $0.offset, text: $0.element) }
        // As in Sphinx, a first line without a colon names the group, and the grammar ends at a line without one.
        var group = ""
        if let first = lines.first, !first.text.contains(":") {
            group = first.text.trimmingWhitespace()
            lines.removeFirst()
        }
        for (line, rule) in lines {
            guard let colon = rule.firstIndex(of: ":") else { break }
            let name = rule[..<colon].trimmingWhitespace()
            let definition = String(rule[rule.index(after: colon)...]).trimmingWhitespace()
            var production = Node(productionKind, attributes: ["tokenname": .string(name)],
                                  children: tokenReferences(definition, group: group, document: host.documentName,
                                                            line: line),
                                  range: SourceRange(line: line))
            if !name.isEmpty {
                production.attributes[AttributeKey.ids] = .list([DomainID.make(prefix: "grammar-token-" + group, name)])
                production.attributes[AttributeKey.domain] = .string("std")
                production.attributes[AttributeKey.objtype] = .string("token")
                production.attributes[AttributeKey.fullname] = .string(group.isEmpty ? name : "\(group):\(name)")
            }
            list.children.append(production)
        }
        return [list]
    }

    /// The definition's text with each `` `token` `` a `:token:` reference.
    static func tokenReferences(_ text: String, group: String, document: String, line: Int) -> [Node] {
        var nodes: [Node] = []
        var plain = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "`") {
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: "`"), isToken(after[..<close]) else {
                plain += rest[...open]
                rest = after
                continue
            }
            plain += rest[..<open]
            if !plain.isEmpty { nodes.append(.text(plain)); plain = "" }
            var token = String(after[..<close])
            var title = token
            var target: String
            if token.contains(":") {
                if token.hasPrefix("~") { token.removeFirst(); title = String(token.split(separator: ":").last ?? "") }
                else if token.hasPrefix(":") { token.removeFirst(); title = token }
                target = token
            } else {
                target = group.isEmpty ? token : "\(group):\(token)"
            }
            let literal = Node(.literal, attributes: ["classes": .list(["xref"])], children: [.text(title)])
            nodes.append(PendingXref(domain: "std", type: "token", target: target, document: document,
                                     content: [literal], range: SourceRange(line: line)).node)
            rest = after[after.index(after: close)...]
        }
        plain += rest
        if !plain.isEmpty { nodes.append(.text(plain)) }
        return nodes
    }

    /// `name`, `group:name` or `~group:name` (word characters otherwise).
    static func isToken(_ text: Substring) -> Bool {
        var body = text
        if body.hasPrefix("~") { body = body.dropFirst() }
        let pieces = body.split(separator: ":", omittingEmptySubsequences: false)
        guard pieces.count <= 2, let last = pieces.last, !last.isEmpty else { return false }
        return pieces.allSatisfy { $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" } }
    }

    /// The HTML, as Sphinx writes it: a `pre` with each name in `strong`
    /// with its anchor, padded to the longest name, then ` ::= ` and the
    /// definition; a continuation line is indented to the definitions.
    static func html(_ node: Node, render: ([Node]) -> String) -> String {
        let width = node.children.map { ($0.string("tokenname") ?? "").count }.max() ?? 0
        var out = "<pre\(node.ids.first.map { " id=\"\($0.htmlEscaped)\"" } ?? "")>\n"
        for production in node.children {
            let name = production.string("tokenname") ?? ""
            if !name.isEmpty {
                let id = production.ids.first.map { " id=\"\($0.htmlEscaped)\"" } ?? ""
                out += "<strong\(id)>\(name.htmlEscaped)</strong>" + String(repeating: " ", count: width - name.count)
                    + " ::= "
            } else {
                out += String(repeating: " ", count: width + 5)
            }
            out += render(production.children) + "\n"
        }
        return out + "</pre>\n"
    }
}
