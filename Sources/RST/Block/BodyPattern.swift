/// Which Body-state transition a (non-indented, non-blank) line starts, in
/// docutils' order of precedence.
enum BodyPattern: Equatable {
    case bullet(end: Int)
    case enumerator(Enumerator)
    case fieldMarker(end: Int)
    case optionMarker
    case doctest
    case lineBlock
    case gridTableTop
    case simpleTableTop
    case explicitMarkup
    case anonymous
    case line
    case text

    static func classify(_ line: Line) -> BodyPattern {
        let t = line.text
        guard let c = t.first else { return .text }
        if let end = bulletEnd(t) { return .bullet(end: end) }
        if let e = Enumerator.match(t) { return .enumerator(e) }
        if c == ":", let end = FieldMarker.match(t) { return .fieldMarker(end: end) }
        if (c == "-" || c == "+" || c == "/"), OptionMarker.match(t) != nil { return .optionMarker }
        if hasMarker(t, ">>>") { return .doctest }
        if hasMarker(t, "|") { return .lineBlock }
        if c == "+", isGridTableTop(t) { return .gridTableTop }
        if c == "=", isSimpleTableTop(t) { return .simpleTableTop }
        if hasMarker(t, "..") { return .explicitMarkup }
        if hasMarker(t, "__") { return .anonymous }
        if isAdornment(t) { return .line }
        return .text
    }

    /// `marker` followed by spaces or end of line.
    static func hasMarker(_ t: ArraySlice<Unicode.Scalar>, _ marker: String) -> Bool {
        var i = t.startIndex
        for m in marker.unicodeScalars {
            guard i < t.endIndex, t[i] == m else { return false }
            i += 1
        }
        return i == t.endIndex || t[i] == " "
    }

    static func bulletEnd(_ t: ArraySlice<Unicode.Scalar>) -> Int? {
        guard let c = t.first, "-+*\u{2022}\u{2023}\u{2043}".unicodeScalars.contains(c) else { return nil }
        var i = t.startIndex + 1
        if i < t.endIndex && t[i] != " " { return nil }
        while i < t.endIndex && t[i] == " " { i += 1 }
        return i - t.startIndex
    }

    /// A line of one repeated non-alphanumeric 7-bit character.
    static func isAdornment(_ t: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let c = t.first, CharClasses.isNonAlphanum7Bit(c) else { return false }
        var i = t.startIndex
        while i < t.endIndex && t[i] == c { i += 1 }
        while i < t.endIndex && t[i] == " " { i += 1 }
        return i == t.endIndex
    }

    static func isGridTableTop(_ t: ArraySlice<Unicode.Scalar>) -> Bool {
        // \+-[-+]+-\+ *$
        let a = Array(t)
        var end = a.count
        while end > 0 && a[end - 1] == " " { end -= 1 }
        guard end >= 4, a[0] == "+", a[1] == "-", a[end - 1] == "+", a[end - 2] == "-" else { return false }
        for k in 2..<(end - 2) where a[k] != "-" && a[k] != "+" { return false }
        return true
    }

    static func isSimpleTableTop(_ t: ArraySlice<Unicode.Scalar>) -> Bool {
        // =+( +=+)+ *$
        var i = t.startIndex
        var groups = 0
        while i < t.endIndex {
            guard t[i] == "=" else { return false }
            while i < t.endIndex && t[i] == "=" { i += 1 }
            groups += 1
            let spaceStart = i
            while i < t.endIndex && t[i] == " " { i += 1 }
            if i == t.endIndex { break }
            if i == spaceStart { return false }
        }
        return groups >= 2
    }
}

/// A parsed list enumerator (`1.`, `(a)`, `iv)`, `#.`).
struct Enumerator: Equatable {
    enum Format: String { case parens, rparen, period }
    var format: Format
    /// The sequence: arabic, loweralpha, upperalpha, lowerroman, upperroman or "#".
    var sequence: String
    var text: String
    var ordinal: Int?
    /// Offset after the enumerator and its trailing spaces.
    var end: Int

    var prefix: String { format == .parens ? "(" : "" }
    var suffix: String { format == .period ? "." : ")" }

    static func match(_ t: ArraySlice<Unicode.Scalar>, expected: String? = nil) -> Enumerator? {
        var i = t.startIndex
        var format: Format = .period
        if i < t.endIndex && t[i] == "(" { format = .parens; i += 1 }
        let start = i
        while i < t.endIndex && (CharClasses.isASCIIAlnum(t[i]) || t[i] == "#") { i += 1 }
        guard i > start, i < t.endIndex else { return nil }
        let body = InlineParser.string(t[start..<i])
        if format == .parens {
            guard t[i] == ")" else { return nil }
        } else if t[i] == ")" {
            format = .rparen
        } else if t[i] != "." {
            return nil
        }
        i += 1
        if i < t.endIndex && t[i] != " " { return nil }
        while i < t.endIndex && t[i] == " " { i += 1 }
        guard let sequence = sequenceOf(body, expected: expected) else { return nil }
        return Enumerator(format: format, sequence: sequence, text: body, ordinal: ordinal(body, sequence),
                          end: i - t.startIndex)
    }

    static func matchesSequence(_ text: String, _ seq: String) -> Bool {
        let s = Array(text.unicodeScalars)
        guard !s.isEmpty else { return false }
        switch seq {
        case "arabic": return s.allSatisfy { ("0"..."9").contains($0) }
        case "loweralpha": return s.count == 1 && ("a"..."z").contains(s[0])
        case "upperalpha": return s.count == 1 && ("A"..."Z").contains(s[0])
        case "lowerroman": return s.allSatisfy { "ivxlcdm".unicodeScalars.contains($0) }
        case "upperroman": return s.allSatisfy { "IVXLCDM".unicodeScalars.contains($0) }
        case "#": return text == "#"
        default: return false
        }
    }

    static func sequenceOf(_ text: String, expected: String?) -> String? {
        if text == "#" { return "#" }
        if let expected, matchesSequence(text, expected) { return expected }
        if text == "i" { return "lowerroman" }
        if text == "I" { return "upperroman" }
        for seq in ["arabic", "loweralpha", "upperalpha", "lowerroman", "upperroman"] where matchesSequence(text, seq) {
            return seq
        }
        return nil
    }

    static func ordinal(_ text: String, _ seq: String) -> Int? {
        switch seq {
        case "#": return 1
        case "arabic": return Int(text)
        case "loweralpha", "upperalpha":
            guard let v = text.lowercased().unicodeScalars.first?.value else { return nil }
            return Int(v) - 96
        case "lowerroman", "upperroman": return Roman.value(text.uppercased())
        default: return nil
        }
    }

    /// The enumerator text for `ordinal` in this list's style, or nil.
    static func make(_ ordinal: Int, sequence: String, format: Format) -> (String, String)? {
        let body: String
        switch sequence {
        case "#": body = "#"
        case "arabic": body = String(ordinal)
        case "loweralpha", "upperalpha":
            guard ordinal >= 1 && ordinal <= 26, let s = Unicode.Scalar(UInt32(96 + ordinal)) else { return nil }
            body = sequence == "upperalpha" ? String(s).uppercased() : String(s)
        case "lowerroman", "upperroman":
            guard let r = Roman.string(ordinal) else { return nil }
            body = sequence == "lowerroman" ? r.lowercased() : r
        default: return nil
        }
        let prefix = format == .parens ? "(" : ""
        let suffix = format == .period ? "." : ")"
        return (prefix + body + suffix + " ", prefix + "#" + suffix + " ")
    }
}

enum Roman {
    private static let table: [(Int, String)] = [
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ]

    static func string(_ n: Int) -> String? {
        guard n > 0 && n < 5000 else { return nil }
        var n = n
        var out = ""
        for (v, s) in table {
            while n >= v { out += s; n -= v }
        }
        return out
    }

    /// Strict parse: only canonical numerals are accepted.
    static func value(_ s: String) -> Int? {
        guard !s.isEmpty, s.count < 20 else { return nil }
        var total = 0
        var rest = Substring(s)
        for (v, sym) in table {
            var repeats = 0
            while rest.hasPrefix(sym) {
                total += v
                rest = rest.dropFirst(sym.count)
                repeats += 1
                if repeats > (v == 1000 ? 4 : 3) { return nil }
            }
        }
        guard rest.isEmpty, let canonical = string(total), canonical == s else { return nil }
        return total
    }
}

/// `:field name: ` markers.
enum FieldMarker {
    /// Returns the offset after the marker and its spaces, or nil.
    static func match(_ t: ArraySlice<Unicode.Scalar>) -> Int? {
        // :(?![: ])([^:\\]|\\.|:(?!([ `]|$)))*(?<! ):( +|$)
        let a = Array(t)
        guard a.count >= 3, a[0] == ":", a[1] != ":", a[1] != " " else { return nil }
        var i = 1
        while i < a.count {
            let c = a[i]
            if c == "\\" {
                if i + 1 < a.count { i += 2; continue }
                return nil
            }
            if c == ":" {
                // could be the closing colon
                let next = i + 1 < a.count ? a[i + 1] : nil
                let closes = next == nil || next == " "
                if closes && a[i - 1] != " " && i > 1 {
                    var j = i + 1
                    while j < a.count && a[j] == " " { j += 1 }
                    return j
                }
                if next == nil || next == " " || next == "`" { return nil }
                i += 1
                continue
            }
            i += 1
        }
        return nil
    }
}
