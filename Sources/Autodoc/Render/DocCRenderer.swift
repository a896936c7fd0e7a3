import DocTree

/// Reads a Swift doc comment (DocC-flavoured Markdown) into document nodes:
/// paragraphs, lists, fenced and indented code, headings (as rubrics), asides
/// (`> Note:` …), inline code, emphasis, links, and ``Symbol`` links that become
/// `pending_xref` nodes in the `swift` domain. `- Parameters:` / `- Returns:` /
/// `- Throws:` (already taken out by the extractor) become a field list.
struct DocCRenderer {
    struct Line {
        var text: [Character]
        var start: SourceLocation
        var isBlank: Bool { text.allSatisfy { $0 == " " || $0 == "\t" } }
        var indent: Int { text.prefix { $0 == " " }.count }
        func dropping(_ n: Int) -> Line {
            let k = min(n, text.count)
            return Line(text: Array(text.dropFirst(k)), start: SourceLocation(line: start.line, column: start.column + k))
        }
    }

    /// How far an opening delimiter looks for its closer (keeps hostile input linear).
    static let scanLimit = 4_000

    var docstring: Docstring
    var documentName: String
    var context: SwiftContext

    func render() -> [Node] {
        var nodes = blocks(lines(docstring.text, docstring.lineStarts))
        let fields = docstring.fields
        var fieldNodes: [Node] = []
        if !fields.parameters.isEmpty {
            let items = fields.parameters.map { field -> [Node] in
                var body = blocks(lines(field.text, field.lineStarts))
                let head: [Node] = [Node(.strong, children: [.text(field.name)]), .text(" – ")]
                if var first = body.first, first.kind == .paragraph {
                    first.children = head + first.children
                    body[0] = first
                } else {
                    body.insert(Node(.paragraph, children: head), at: 0)
                }
                return body
            }
            let body = items.count == 1 ? items[0]
                : [Node(.bulletList, children: items.map { Node(.listItem, children: $0) })]
            fieldNodes.append(field("Parameters", body))
        }
        if let returns = fields.returns { fieldNodes.append(field("Returns", blocks(lines(returns.text, returns.lineStarts)))) }
        if let thrown = fields.throws { fieldNodes.append(field("Throws", blocks(lines(thrown.text, thrown.lineStarts)))) }
        if !fieldNodes.isEmpty { nodes.append(Node(.fieldList, children: fieldNodes)) }
        return nodes
    }

    func field(_ name: String, _ body: [Node]) -> Node {
        Node(.field, children: [Node(.fieldName, children: [.text(name)]), Node(.fieldBody, children: body)])
    }

    func lines(_ text: String, _ starts: [SourceLocation]) -> [Line] {
        text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { index, line in
            let start = index < starts.count ? starts[index]
                : SourceLocation(line: (starts.last?.line ?? 0) + index - starts.count + 1, column: 1)
            return Line(text: Array(line), start: start)
        }
    }

    // MARK: blocks

    func blocks(_ input: [Line]) -> [Node] {
        var out: [Node] = []
        var k = 0
        while k < input.count {
            let line = input[k]
            if line.isBlank { k += 1; continue }
            let text = String(line.text)
            let trimmed = text.drop { $0 == " " }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                let fence = String(trimmed.prefix(3))
                let indent = line.indent
                let info = trimmed.dropFirst(3).trimmingCharacters(" \t")
                var body: [String] = []
                var j = k + 1
                while j < input.count, !String(input[j].text).drop(while: { $0 == " " }).hasPrefix(fence) {
                    body.append(String(input[j].dropping(min(indent, input[j].indent)).text))
                    j += 1
                }
                var node = Node(.literalBlock, attributes: ["xml:space": .string("preserve")],
                                children: body.isEmpty ? [] : [.text(body.joined(separator: "\n"))],
                                range: range(line, to: j < input.count ? input[j] : input[j - 1]))
                if !info.isEmpty { node.attributes[AttributeKey.language] = .string(info) }
                out.append(node)
                k = min(j + 1, input.count)
                continue
            }
            if line.indent >= 4 {
                var j = k
                var body: [Line] = []
                while j < input.count, input[j].isBlank || input[j].indent >= 4 { body.append(input[j]); j += 1 }
                while let last = body.last, last.isBlank { body.removeLast() }
                let text = body.map { String($0.dropping(4).text) }.joined(separator: "\n")
                out.append(Node(.literalBlock, attributes: ["xml:space": .string("preserve")], children: [.text(text)],
                                range: range(body[0], to: body[body.count - 1])))
                k = j
                continue
            }
            if trimmed.hasPrefix("#") {
                let title = trimmed.drop { $0 == "#" }.trimmingCharacters(" \t")
                let (inline, _) = self.inline([line.dropping(line.indent + (trimmed.count - trimmed.drop { $0 == "#" }.count) + 1)])
                out.append(Node("rubric", children: title.isEmpty ? [] : inline, range: range(line, to: line)))
                k += 1
                continue
            }
            if let marker = listMarker(line) {
                var items: [Node] = []
                let ordered = marker.ordered
                var j = k
                while j < input.count, let m = listMarker(input[j]), m.ordered == ordered {
                    var itemLines = [input[j].dropping(m.width)]
                    var i = j + 1
                    while i < input.count {
                        if input[i].isBlank {
                            // A blank line continues the item only when indented text follows.
                            if i + 1 < input.count, !input[i + 1].isBlank, input[i + 1].indent >= m.width {
                                itemLines.append(input[i]); i += 1; continue
                            }
                            break
                        }
                        if input[i].indent >= m.width { itemLines.append(input[i].dropping(m.width)); i += 1; continue }
                        if listMarker(input[i]) != nil { break }
                        itemLines.append(input[i].dropping(input[i].indent)); i += 1   // lazy continuation
                    }
                    items.append(Node(.listItem, children: blocks(itemLines), range: range(input[j], to: input[i - 1])))
                    j = i
                    while j < input.count, input[j].isBlank, j + 1 < input.count, listMarker(input[j + 1])?.ordered == ordered { j += 1 }
                }
                var list = Node(ordered ? .enumeratedList : .bulletList, children: items,
                                range: range(input[k], to: input[max(k, j - 1)]))
                if ordered {
                    list.attributes["enumtype"] = .string("arabic"); list.attributes["prefix"] = .string("")
                    list.attributes["suffix"] = .string(".")
                } else {
                    list.attributes["bullet"] = .string("-")
                }
                out.append(list)
                k = j
                continue
            }
            if trimmed.hasPrefix(">") {
                var quoted: [Line] = []
                var j = k
                while j < input.count, !input[j].isBlank, String(input[j].text).drop(while: { $0 == " " }).hasPrefix(">") {
                    let l = input[j].dropping(input[j].indent + 1)
                    quoted.append(l.text.first == " " ? l.dropping(1) : l)
                    j += 1
                }
                out.append(aside(quoted, range: range(input[k], to: input[j - 1])))
                k = j
                continue
            }
            var paragraph: [Line] = []
            var j = k
            while j < input.count, !input[j].isBlank {
                if j > k, startsBlock(input[j]) { break }
                paragraph.append(input[j].dropping(input[j].indent))
                j += 1
            }
            let (inline, _) = self.inline(paragraph)
            out.append(Node(.paragraph, children: inline, range: range(paragraph[0], to: paragraph[paragraph.count - 1])))
            k = j
        }
        return out
    }

    func startsBlock(_ line: Line) -> Bool {
        let trimmed = String(line.text).drop { $0 == " " }
        return trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") || trimmed.hasPrefix("#") || trimmed.hasPrefix(">")
            || listMarker(line) != nil
    }

    /// `- `, `* `, `+ ` or `1. ` at the line start: (ordered, width of marker and space).
    func listMarker(_ line: Line) -> (ordered: Bool, width: Int)? {
        let text = line.text
        let indent = line.indent
        guard indent < 4, indent < text.count else { return nil }
        let c = text[indent]
        if c == "-" || c == "*" || c == "+" {
            guard indent + 1 < text.count, text[indent + 1] == " " else { return nil }
            return (false, indent + 2)
        }
        var j = indent
        while j < text.count, text[j].isASCII, text[j].isNumber { j += 1 }
        guard j > indent, j - indent <= 9, j + 1 < text.count, text[j] == "." || text[j] == ")", text[j + 1] == " " else { return nil }
        return (true, j + 2)
    }

    /// `> Note: …` and the other DocC asides become admonitions; other quotes a block quote.
    func aside(_ lines: [Line], range: SourceRange) -> Node {
        let kinds = ["note": "note", "important": "important", "warning": "warning", "tip": "tip",
                     "attention": "attention", "precondition": "note", "postcondition": "note", "remark": "note",
                     "experiment": "note", "seealso": "seealso", "throws": "note"]
        if let first = lines.first, let colon = first.text.firstIndex(of: ":") {
            let word = String(first.text[..<colon]).lowercased().replacingOccurrences(" ", "")
            if let kind = kinds[word] {
                var rest = lines
                rest[0] = first.dropping(colon + 1)
                if rest[0].text.first == " " { rest[0] = rest[0].dropping(1) }
                return Node(NodeKind(kind), children: blocks(rest), range: range)
            }
        }
        return Node(.blockQuote, children: blocks(lines), range: range)
    }

    func range(_ from: Line, to: Line) -> SourceRange {
        SourceRange(start: from.start, end: SourceLocation(line: to.start.line, column: to.start.column + to.text.count))
    }

    // MARK: inline

    /// Inline markup over several lines (joined with newlines, positions kept per character).
    func inline(_ lines: [Line]) -> ([Node], [Diagnostic]) {
        var chars: [Character] = []
        var positions: [SourceLocation] = []
        for (index, line) in lines.enumerated() {
            if index > 0 { chars.append("\n"); positions.append(SourceLocation(line: line.start.line, column: line.start.column)) }
            var trimmedEnd = line.text.count
            while trimmedEnd > 0, line.text[trimmedEnd - 1] == " " { trimmedEnd -= 1 }
            for (k, c) in line.text[..<trimmedEnd].enumerated() {
                chars.append(c)
                positions.append(SourceLocation(line: line.start.line, column: line.start.column + k))
            }
        }
        return (inlineNodes(chars, positions, 0, chars.count), [])
    }

    func span(_ positions: [SourceLocation], _ a: Int, _ b: Int) -> SourceRange? {
        guard a < positions.count, b > a else { return nil }
        let last = positions[b - 1]
        return SourceRange(start: positions[a], end: SourceLocation(line: last.line, column: last.column + 1))
    }

    func inlineNodes(_ chars: [Character], _ positions: [SourceLocation], _ from: Int, _ to: Int) -> [Node] {
        var out: [Node] = []
        var buffer = ""
        func flush() { if !buffer.isEmpty { out.append(.text(buffer)); buffer = "" } }
        // Openers that found no closer up to `to` never will later on: remembering them keeps this linear.
        var unclosedTicks: Set<Int> = []
        var unclosedDelimiters: Set<String> = []
        var unclosedBracket = false
        var k = from
        while k < to {
            let c = chars[k]
            if c == "\\", k + 1 < to, chars[k + 1].isPunctuation || chars[k + 1].isSymbol {
                buffer.append(chars[k + 1]); k += 2; continue
            }
            if c == "`" {
                var ticks = 0
                while k + ticks < to, chars[k + ticks] == "`" { ticks += 1 }
                if !unclosedTicks.contains(ticks), let close = findTicks(chars, from: k + ticks, to: to, count: ticks) {
                    flush()
                    let content = String(chars[(k + ticks)..<close])
                    let r = span(positions, k, close + ticks)
                    if ticks == 2 {
                        out.append(symbolLink(content.trimmingCharacters(" "), range: r))
                    } else {
                        out.append(Node(.literal, children: [.text(content.trimmingCharacters(" "))], range: r))
                    }
                    k = close + ticks
                    continue
                }
                unclosedTicks.insert(ticks)
                buffer += String(repeating: "`", count: ticks)
                k += ticks
                continue
            }
            if c == "*" || c == "_" {
                let double = k + 1 < to && chars[k + 1] == c
                let width = double ? 2 : 1
                let opensOK = k + width < to && !chars[k + width].isWhitespace
                    && (c == "*" || k == from || !(chars[k - 1].isLetter || chars[k - 1].isNumber))
                let key = String(c) + String(width)
                if opensOK, !unclosedDelimiters.contains(key) {
                    guard let close = findDelimiter(chars, c, width, from: k + width, to: to) else {
                        unclosedDelimiters.insert(key)
                        buffer.append(c)
                        k += 1
                        continue
                    }
                    flush()
                    out.append(Node(double ? .strong : .emphasis,
                                    children: inlineNodes(chars, positions, k + width, close),
                                    range: span(positions, k, close + width)))
                    k = close + width
                    continue
                }
            }
            if c == "[", !unclosedBracket, findClose(chars, from: k + 1, to: to, open: "[", close: "]") == nil {
                unclosedBracket = true
            }
            if c == "[", !unclosedBracket, let closeText = findClose(chars, from: k + 1, to: to, open: "[", close: "]"),
               closeText + 1 < to, chars[closeText + 1] == "(",
               let closeURL = findClose(chars, from: closeText + 2, to: to, open: "(", close: ")") {
                flush()
                let url = String(chars[(closeText + 2)..<closeURL]).trimmingCharacters(" ")
                var node = Node(.reference, children: inlineNodes(chars, positions, k + 1, closeText),
                                range: span(positions, k, closeURL + 1))
                node.attributes[AttributeKey.refuri] = .string(url)
                node.attributes["name"] = .string(String(chars[(k + 1)..<closeText]))
                out.append(node)
                k = closeURL + 1
                continue
            }
            buffer.append(c)
            k += 1
        }
        flush()
        return out
    }

    func findTicks(_ chars: [Character], from: Int, to: Int, count: Int) -> Int? {
        let to = min(to, from + DocCRenderer.scanLimit)
        var k = from
        while k < to {
            if chars[k] == "`" {
                var n = 0
                while k + n < to, chars[k + n] == "`" { n += 1 }
                if n == count { return k }
                k += n
            } else {
                k += 1
            }
        }
        return nil
    }

    func findDelimiter(_ chars: [Character], _ c: Character, _ width: Int, from: Int, to: Int) -> Int? {
        let to = min(to, from + DocCRenderer.scanLimit)
        var k = from
        while k + width <= to {
            if chars[k] == "`" { // code spans are opaque
                var n = 0
                while k + n < to, chars[k + n] == "`" { n += 1 }
                if let close = findTicks(chars, from: k + n, to: to, count: n) { k = close + n; continue }
                k += n
                continue
            }
            if chars[k] == c, (width == 1 || chars[k + 1] == c), k > from, !chars[k - 1].isWhitespace,
               width == 2 || k + 1 >= to || chars[k + 1] != c {
                if c == "_", k + width < to, chars[k + width].isLetter || chars[k + width].isNumber { k += 1; continue }
                return k
            }
            k += 1
        }
        return nil
    }

    func findClose(_ chars: [Character], from: Int, to: Int, open: Character, close: Character) -> Int? {
        let to = min(to, from + DocCRenderer.scanLimit)
        var depth = 1
        var k = from
        while k < to {
            if chars[k] == "\n" && open == "(" { return nil }
            if chars[k] == open { depth += 1 } else if chars[k] == close {
                depth -= 1
                if depth == 0 { return k }
            }
            k += 1
        }
        return nil
    }

    /// ``Type/member`` → a `swift` cross-reference to `Type.member`, with the comment's context.
    func symbolLink(_ symbol: String, range: SourceRange?) -> Node {
        let target = symbol.replacingOccurrences("/", ".")
        let inner = Node(.literal, attributes: ["classes": .list(["xref", "swift", "swift-symbol"])],
                         children: [.text(symbol)], range: range)
        var scope: [String: String] = [:]
        if !context.module.isEmpty { scope["swift:module"] = context.module }
        if let type = context.type { scope["swift:type"] = type }
        return PendingXref(domain: "swift", type: "symbol", target: target, document: documentName, content: [inner],
                           range: range, scope: scope, warn: false).node
    }
}

extension StringProtocol {
    func trimmingCharacters(_ set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s.removeFirst() }
        while let l = s.last, set.contains(l) { s.removeLast() }
        return String(s)
    }

    func replacingOccurrences(_ target: String, _ replacement: String) -> String {
        split(separator: Character(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
