import DocTree

/// MyST's `fieldlist` extension: a paragraph whose lines start with
/// `:name: body` is a docutils field list (what `:name: body` is in RST);
/// lines that do not start a field continue the body before them. Names and
/// bodies are parsed as inline Markdown at their place.
extension MarkdownConverter {
    func fieldList(_ block: CmarkNode, context: Context) -> Node? {
        guard settings.mystExtensions, settings.extensions.contains("fieldlist") else { return nil }
        var fields: [(line: Int, name: String, nameColumn: Int, body: [(line: Int, text: String, column: Int)])] = []
        for line in block.start.line...max(block.start.line, block.end.line) {
            let bytes = text.bytes(ofLine: line)
            guard let first = text.firstContentColumn(line: line, quoteDepth: context.quoteDepth) else { continue }
            let content = String(decoding: bytes[(first - 1)...], as: UTF8.self)
            if let (name, rest) = Self.fieldMarker(content) {
                let restColumn = first + content.utf8.count - rest.utf8.count
                fields.append((line, name, first + 1, rest.isEmpty ? [] : [(line, rest, restColumn)]))
            } else if fields.isEmpty {
                return nil
            } else {
                fields[fields.count - 1].body.append((line, content, first))
            }
        }
        guard !fields.isEmpty else { return nil }
        var list = Node(.fieldList, range: range(of: block))
        for field in fields {
            let (name, _) = parseInline(field.name, line: field.line, column: field.nameColumn)
            var node = Node(.field, range: SourceRange(line: field.line))
            node.children.append(Node(.fieldName, children: name, range: SourceRange(line: field.line)))
            var body = Node(.fieldBody)
            if let start = field.body.first {
                let (inlines, _) = parseInline(field.body.map(\.text).joined(separator: "\n"), line: start.line,
                                               column: start.column)
                body.children = [Node(.paragraph, children: footnoteReferences(in: inlines), range: SourceRange(line: start.line))]
            }
            node.children.append(body)
            list.children.append(node)
        }
        return list
    }

    /// `(name, rest)` when `line` starts with `:name:` followed by a space or the end of the line.
    static func fieldMarker(_ line: String) -> (String, String)? {
        guard line.hasPrefix(":"), !line.hasPrefix("::") else { return nil }
        let afterColon = line.dropFirst()
        guard let close = afterColon.firstIndex(of: ":") else { return nil }
        let name = afterColon[..<close]
        guard !name.isEmpty, name.first != " ", name.last != " ", !name.contains("`") else { return nil }
        let rest = afterColon[afterColon.index(after: close)...]
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
        return (String(name), String(rest.drop(while: { $0 == " " || $0 == "\t" })))
    }
}
