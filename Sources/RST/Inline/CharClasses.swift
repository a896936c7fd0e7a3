/// Character classes used by the inline-markup recognition rules.
enum CharClasses {
    static func isWhitespace(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) || (v >= 0x1C && v <= 0x1F) }
        return c.properties.isWhitespace
    }

    static func isWordChar(_ c: Unicode.Scalar) -> Bool {
        // Python's \w: alphanumerics (letters, digits, marks) and underscore.
        if c == "_" { return true }
        if c.isASCII { return ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c) }
        let p = c.properties
        if p.isAlphabetic { return true }
        switch p.generalCategory {
        case .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    /// Characters allowed before an inline start-string (besides whitespace).
    static func isOpenerOrDelimiter(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "\"", "'", "(", "<", "[", "{", "-", "/", ":": return true
        default: break
        }
        if c.isASCII { return false }
        switch c.properties.generalCategory {
        case .openPunctuation, .initialPunctuation, .finalPunctuation, .dashPunctuation, .otherPunctuation: return true
        default: return false
        }
    }

    /// Characters allowed after an inline end-string (besides whitespace).
    static func isCloserOrDelimiter(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "\"", "'", ")", ">", "]", "}", "-", "/", ":", ".", ",", ";", "!", "?", "\\", "\u{0}", "\u{201E}", "\u{201A}": return true
        default: break
        }
        if c.isASCII { return false }
        switch c.properties.generalCategory {
        case .closePunctuation, .initialPunctuation, .finalPunctuation, .dashPunctuation, .otherPunctuation: return true
        default: return false
        }
    }

    private static let pairs: [Unicode.Scalar: [Unicode.Scalar]] = [
        "(": [")"], "[": ["]"], "{": ["}"], "<": [">"], "\"": ["\""], "'": ["'"],
        "\u{2018}": ["\u{2019}", "\u{201A}"], "\u{201C}": ["\u{201D}", "\u{201E}"],
        "\u{2019}": ["\u{2019}"], "\u{201D}": ["\u{201D}"],
        "\u{00AB}": ["\u{00BB}", "\u{00AB}"], "\u{00BB}": ["\u{00AB}", "\u{00BB}"],
        "\u{2039}": ["\u{203A}", "\u{2039}"], "\u{203A}": ["\u{2039}", "\u{203A}"],
        "\u{201A}": ["\u{2018}", "\u{2019}"], "\u{201E}": ["\u{201C}", "\u{201D}"],
        "\u{300C}": ["\u{300D}"], "\u{300E}": ["\u{300F}"], "\u{3008}": ["\u{3009}"], "\u{300A}": ["\u{300B}"],
        "\u{FF08}": ["\u{FF09}"], "\u{2329}": ["\u{232A}"], "\u{27E8}": ["\u{27E9}"],
    ]

    /// Whether `after` closes `before` (start-string "quoted" by a pair).
    static func matches(_ before: Unicode.Scalar, _ after: Unicode.Scalar) -> Bool {
        if let closers = pairs[before] { return closers.contains(after) }
        // Other open/close punctuation pairs are usually adjacent code points.
        if before.properties.generalCategory == .openPunctuation,
           after.properties.generalCategory == .closePunctuation, after.value == before.value + 1 { return true }
        return false
    }

    static func isNonAlphanum7Bit(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        return (0x21...0x2F).contains(v) || (0x3A...0x40).contains(v) || (0x5B...0x60).contains(v) || (0x7B...0x7E).contains(v)
    }
}

extension CharClasses {
    static func isASCIIAlnum(_ c: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c)
    }
    static func isASCIIAlpha(_ c: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(c) || ("A"..."Z").contains(c)
    }
}
