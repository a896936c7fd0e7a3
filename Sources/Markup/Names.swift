import Foundation

/// Reference-name normalisation and id generation (docutils' rules, re-implemented).
package enum Names {
    /// Collapses runs of whitespace to one space and trims.
    package static func whitespaceNormalized(_ s: String) -> String {
        var out = ""
        var pendingSpace = false
        for c in s.unicodeScalars {
            if c.properties.isWhitespace {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.unicodeScalars.append(" ") }
                pendingSpace = false
                out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// Lower-cased, whitespace-normalised reference name.
    package static func normalized(_ s: String) -> String { whitespaceNormalized(s).lowercased() }

    private static let digraphs: [Unicode.Scalar: String] = [
        "ß": "sz", "æ": "ae", "œ": "oe", "ȸ": "db", "ȹ": "qp",
    ]
    private static let singles: [Unicode.Scalar: Unicode.Scalar] = [
        "ø": "o", "đ": "d", "ħ": "h", "ı": "i", "ł": "l", "ŧ": "t", "ƀ": "b", "ƈ": "c", "ƌ": "d",
        "ƒ": "f", "ƙ": "k", "ƚ": "l", "ƞ": "n", "ƥ": "p", "ƫ": "t", "ƭ": "t", "ƴ": "y", "ƶ": "z",
        "ǥ": "g", "ȥ": "z", "ȴ": "l", "ȵ": "n", "ȶ": "t", "ȷ": "j", "ȼ": "c", "ȿ": "s", "ɀ": "z",
        "ɇ": "e", "ɉ": "j", "ɋ": "q", "ɍ": "r", "ɏ": "y",
    ]

    /// An identifier usable as an HTML id: lower-case ASCII letters, digits
    /// and single hyphens, starting with a letter.
    package static func makeID(_ s: String) -> String {
        var mapped = ""
        for c in s.lowercased().unicodeScalars {
            if let d = digraphs[c] { mapped += d } else if let t = singles[c] { mapped.unicodeScalars.append(t) } else { mapped.unicodeScalars.append(c) }
        }
        let decomposed = mapped.utf8.allSatisfy({ $0 < 0x80 }) ? mapped : mapped.decomposedStringWithCompatibilityMapping
        var ascii = ""
        for c in decomposed.unicodeScalars where c.isASCII { ascii.unicodeScalars.append(c) }
        // whitespace collapse, then non-id runs to single hyphen
        var out: [Unicode.Scalar] = []
        var pendingHyphen = false
        for c in whitespaceNormalized(ascii).unicodeScalars {
            let ok = ("a"..."z").contains(c) || ("0"..."9").contains(c)
            if ok {
                if pendingHyphen { out.append("-") }
                pendingHyphen = false
                out.append(c)
            } else {
                pendingHyphen = true
            }
        }
        if pendingHyphen { out.append("-") }
        // strip leading digits/hyphens and trailing hyphens
        var start = 0
        while start < out.count, out[start] == "-" || ("0"..."9").contains(out[start]) { start += 1 }
        var end = out.count
        while end > start, out[end - 1] == "-" { end -= 1 }
        return EscapedText.string(out[start..<end])
    }
}
