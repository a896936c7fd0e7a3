/// One token of a C or C++ declaration, with where it stands in the text
/// (so that the shown signature keeps the author's spacing).
struct CToken: Sendable, Equatable {
    enum Kind: Sendable { case identifier, number, string, punctuation }
    var kind: Kind
    var text: String
    /// Character offsets of the token in the declaration, `end` exclusive.
    var start: Int
    var end: Int
    /// For `(`, `[`, `{` and `<`: the index of the token that closes it (nil: unclosed).
    var closer: Int?

    var isIdentifier: Bool { kind == .identifier }
    func `is`(_ text: String) -> Bool { kind == .punctuation && self.text == text }
}

/// Splits a declaration into identifiers, numbers, string and character
/// literals and punctuation. `::`, `...`, `->` and `&&` are one token each;
/// `>>` is two, so that nested template argument lists close one by one.
enum CTokenizer {
    static let multiCharacter = ["...", "::", "->", "&&"]

    static func tokens(_ chars: [Character]) -> [CToken] {
        var tokens: [CToken] = []
        var k = 0
        while k < chars.count {
            let c = chars[k]
            if c.isWhitespace { k += 1; continue }
            let start = k
            if c == "_" || c.isLetter {
                while k < chars.count, chars[k] == "_" || chars[k].isLetter || chars[k].isNumber { k += 1 }
                tokens.append(CToken(kind: .identifier, text: String(chars[start..<k]), start: start, end: k, closer: nil))
            } else if c.isNumber {
                while k < chars.count, chars[k].isLetter || chars[k].isNumber || chars[k] == "." || chars[k] == "'" { k += 1 }
                tokens.append(CToken(kind: .number, text: String(chars[start..<k]), start: start, end: k, closer: nil))
            } else if c == "\"" || c == "'" {
                k += 1
                while k < chars.count, chars[k] != c {
                    k += chars[k] == "\\" ? 2 : 1
                }
                k = min(k + 1, chars.count)
                tokens.append(CToken(kind: .string, text: String(chars[start..<k]), start: start, end: k, closer: nil))
            } else {
                let rest = chars[k...]
                let multi = multiCharacter.first { rest.starts(with: Array($0)) }
                k += multi?.count ?? 1
                tokens.append(CToken(kind: .punctuation, text: multi ?? String(c), start: start, end: k, closer: nil))
            }
        }
        linkBrackets(&tokens)
        return tokens
    }

    /// Gives every opening bracket its closer in one pass, so that finding it is
    /// constant time however the brackets nest (no rescans on hostile input).
    /// `(`, `[`, `{` close on any of `)`, `]`, `}`; `<` closes on a `>` at the same
    /// parenthesis depth, and is unclosed when a parenthesis around it closes first.
    static func linkBrackets(_ tokens: inout [CToken]) {
        var round: [Int] = []
        var angles: [[Int]] = [[]]
        for k in tokens.indices where tokens[k].kind == .punctuation {
            switch tokens[k].text {
            case "(", "[", "{":
                round.append(k)
                angles.append([])
            case ")", "]", "}":
                guard let open = round.popLast() else { continue }
                tokens[open].closer = k
                angles.removeLast()
            case "<":
                angles[angles.count - 1].append(k)
            case ">":
                if let open = angles[angles.count - 1].popLast() { tokens[open].closer = k }
            default:
                break
            }
        }
    }

    /// The index of the token closing the bracket at `open` (`(`, `[`, `{`, or `<` of
    /// template arguments); nil when unclosed.
    static func closing(_ tokens: [CToken], from open: Int) -> Int? {
        tokens[open].closer
    }
}
