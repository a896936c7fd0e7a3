import DocTree

/// MyST's `html_image` extension: an HTML `<img>` tag (a block of its own or
/// inline) becomes a docutils `image` — so it is kept, and its file checked
/// and copied, even where raw HTML is off. Attributes read: `src`, `alt`,
/// `width`, `height`, `align`, `class`, `id`/`name`.
extension MarkdownConverter {
    func htmlImage(_ html: String, range: SourceRange) -> Node? {
        guard settings.mystExtensions, settings.extensions.contains("html_image") else { return nil }
        var trimmed = Substring(html)
        while let last = trimmed.last, last.isWhitespace { trimmed = trimmed.dropLast() }
        while let first = trimmed.first, first.isWhitespace { trimmed = trimmed.dropFirst() }
        guard trimmed.lowercased().hasPrefix("<img"), trimmed.hasSuffix(">"),
              trimmed.dropFirst(4).first.map({ $0.isWhitespace }) == true,
              let attributes = Self.htmlAttributes(trimmed.dropFirst(4).dropLast()),
              let source = attributes["src"], !source.isEmpty else { return nil }
        var image = Node(.image, attributes: ["uri": .string(source)], range: range)
        for key in ["alt", "width", "height", "align"] {
            if let value = attributes[key] { image.attributes[key] = .string(value) }
        }
        if let classes = attributes["class"] {
            image.attributes[AttributeKey.classes] = .list(classes.split(separator: " ").map(String.init))
        }
        if let name = attributes["name"] ?? attributes["id"] {
            let target = target(name, range: range)
            image.attributes[AttributeKey.ids] = target.attributes[AttributeKey.ids]
            image.attributes[AttributeKey.names] = target.attributes[AttributeKey.names]
        }
        return image
    }

    /// `name="value"`, `name='value'`, `name=value` and bare `name` pairs of a tag (nil when malformed).
    static func htmlAttributes(_ text: Substring) -> [String: String]? {
        var result: [String: String] = [:]
        var rest = text
        func skipSpace() { rest = rest.drop(while: { $0.isWhitespace || $0 == "/" }) }
        skipSpace()
        while !rest.isEmpty {
            let name = rest.prefix(while: { !$0.isWhitespace && $0 != "=" && $0 != "/" && $0 != ">" })
            guard !name.isEmpty else { return nil }
            rest = rest.dropFirst(name.count)
            rest = rest.drop(while: { $0.isWhitespace })
            var value = ""
            if rest.first == "=" {
                rest = rest.dropFirst().drop(while: { $0.isWhitespace })
                if let quote = rest.first, quote == "\"" || quote == "'" {
                    rest = rest.dropFirst()
                    guard let close = rest.firstIndex(of: quote) else { return nil }
                    value = String(rest[..<close])
                    rest = rest[rest.index(after: close)...]
                } else {
                    let bare = rest.prefix(while: { !$0.isWhitespace })
                    value = String(bare)
                    rest = rest.dropFirst(bare.count)
                }
            }
            result[name.lowercased()] = value
            skipSpace()
        }
        return result
    }
}
