/// Splits a Jinja template into text, `{{ … }}` and `{% … %}` (comments
/// dropped), applying whitespace control: `{%-`/`{{-` remove the white space
/// before the tag, `-%}`/`-}}` the white space after it, and with
/// `trimBlocks` the first line break after a block tag or comment goes.
enum JinjaLexer {
    struct Token {
        enum Kind { case text, output, block }
        var kind: Kind
        var text: String
    }

    static func tokens(_ source: String, trimBlocks: Bool) -> [Token] {
        var tokens: [Token] = []
        var text = Substring(source)
        var stripNext = false
        while !text.isEmpty {
            guard let open = nextTag(in: text) else {
                tokens.append(Token(kind: .text, text: stripped(text, leading: stripNext)))
                break
            }
            let opener = text[open.lowerBound..<open.upperBound]
            let closer = opener == "{{" ? "}}" : opener == "{%" ? "%}" : "#}"
            var before = text[..<open.lowerBound]
            var inner = text[open.upperBound...]
            let stripBefore = inner.first == "-"
            if stripBefore { inner = inner.dropFirst() }
            guard let close = inner.range(of: closer) else {
                tokens.append(Token(kind: .text, text: stripped(text, leading: stripNext)))
                break
            }
            var content = inner[..<close.lowerBound]
            let stripAfter = content.last == "-"
            if stripAfter { content = content.dropLast() }
            if stripNext { before = Substring(stripped(before, leading: true)) }
            if stripBefore { before = Substring(String(before.reversed()).drop(while: \.isWhitespace).reversed()) }
            if !before.isEmpty { tokens.append(Token(kind: .text, text: String(before))) }
            let body = content.trimmingCharacters(in: .whitespaces)
            switch closer {
            case "}}": tokens.append(Token(kind: .output, text: body))
            case "%}": tokens.append(Token(kind: .block, text: body))
            default: break
            }
            text = inner[close.upperBound...]
            stripNext = stripAfter
            if !stripAfter, trimBlocks, closer != "}}" {
                if text.hasPrefix("\r\n") { text = text.dropFirst(2) } else if text.first == "\n" { text = text.dropFirst() }
            }
        }
        return tokens
    }

    private static func nextTag(in text: Substring) -> Range<Substring.Index>? {
        ["{{", "{%", "{#"].compactMap { text.range(of: $0) }.min { $0.lowerBound < $1.lowerBound }
    }

    private static func stripped(_ text: Substring, leading: Bool) -> String {
        leading ? String(text.drop(while: \.isWhitespace)) : String(text)
    }
}
