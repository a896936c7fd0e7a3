/// The small pattern matchers napoleon's conversion needs, written as plain
/// scanners over Unicode scalars (no regular expressions).
enum NapoleonSyntax {
    typealias Scalars = [Unicode.Scalar]

    static func isAlnum(_ c: Unicode.Scalar) -> Bool {
        (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c >= "0" && c <= "9")
    }

    static func isWord(_ c: Unicode.Scalar) -> Bool {
        c == "_" || c.properties.isAlphabetic || c.properties.numericType != nil
    }

    /// A role name such as `class` or `py:meth`: alphanumeric runs joined by `-_+:.`.
    static func isRoleName(_ s: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let first = s.first, let last = s.last, isAlnum(first), isAlnum(last) else { return false }
        var previousWasSeparator = false
        for c in s {
            if isAlnum(c) {
                previousWasSeparator = false
            } else if "-_+:.".unicodeScalars.contains(c) {
                if previousWasSeparator { return false }
                previousWasSeparator = true
            } else {
                return false
            }
        }
        return true
    }

    /// `:role:` immediately followed by a backtick, starting at `i`; returns the index of that backtick.
    static func roleEnd(_ s: Scalars, at i: Int) -> Int? {
        guard i < s.count, s[i] == ":" else { return nil }
        var j = i + 2
        while j + 1 < s.count {
            if s[j] == ":", s[j + 1] == "`", isRoleName(s[(i + 1)..<j]) { return j + 1 }
            j += 1
        }
        return nil
    }

    static func find(_ s: Scalars, _ c: Unicode.Scalar, from: Int) -> Int? {
        var k = max(from, 0)
        while k < s.count {
            if s[k] == c { return k }
            k += 1
        }
        return nil
    }

    /// End of a piece of text in which colons do not count: a role with its
    /// target, an inline literal, a `:meta …:` field or a hyperlink reference.
    static func protectedEnd(_ s: Scalars, at i: Int) -> Int? {
        if let tick = roleEnd(s, at: i), let close = find(s, "`", from: tick + 2) { return close + 1 }
        if s[i] == "`", i + 1 < s.count, s[i + 1] == "`" {
            var k = i + 3
            while k + 1 < s.count {
                if s[k] == "`", s[k + 1] == "`" { return k + 2 }
                k += 1
            }
        }
        if s[i] == ":", Array(s[i...].prefix(6)) == Array(":meta ".unicodeScalars), find(s, ":", from: i + 7) != nil {
            return s.count
        }
        if s[i] == "`", let open = find(s, "<", from: i + 2) {
            var k = open + 1
            while k + 1 < s.count {
                if s[k] == ">", s[k + 1] == "`" { return k + 2 }
                k += 1
            }
        }
        return nil
    }

    /// Splits a field line at its first single colon outside roles and literals.
    static func partition(_ line: NapoleonLine) -> (before: NapoleonLine, colon: Bool, after: NapoleonLine) {
        let s = Array(line.text.unicodeScalars)
        var i = 0
        var segmentStart = 0
        var colonAt: Int?
        while i < s.count {
            if let end = protectedEnd(s, at: i) {
                i = end
                segmentStart = i
                continue
            }
            if s[i] == ":" {
                let previous: Unicode.Scalar? = i > segmentStart ? s[i - 1] : nil
                let next: Unicode.Scalar? = i + 1 < s.count && protectedEnd(s, at: i + 1) == nil ? s[i + 1] : nil
                if previous != ":", next != ":" {
                    colonAt = i
                    break
                }
            }
            i += 1
        }
        guard let colonAt else {
            return (line.stripped, false, NapoleonLine("", line.dropping(s.count).start))
        }
        let before = NapoleonLine(String(String.UnicodeScalarView(s[..<colonAt])), line.start).stripped
        return (before, true, line.dropping(colonAt + 1).stripped)
    }

    /// `name (type)` at the start of a Google field: the name and the type, or nil.
    static func typedArgument(_ field: NapoleonLine) -> (name: String, type: NapoleonLine)? {
        let s = Array(field.text.unicodeScalars)
        var open = 1
        while open < s.count {
            if s[open] == "(" {
                var start = open + 1
                while start < s.count, NapoleonLine.isSpace(s[start]) { start += 1 }
                var close = s.count - 1
                while close > start {
                    if s[close] == ")" {
                        var end = close
                        while end > start, NapoleonLine.isSpace(s[end - 1]) { end -= 1 }
                        if end > start {
                            let name = String(String.UnicodeScalarView(s[..<open]))
                            let type = NapoleonLine(String(String.UnicodeScalarView(s[start..<end])),
                                                    field.dropping(start).start)
                            return (name, type)
                        }
                    }
                    close -= 1
                }
            }
            open += 1
        }
        return nil
    }

    /// `*args` → `\*args`, `**kw` → `\*\*kw` (and each of `a, b` for NumPy).
    static func escapeArguments(_ name: String, splitCommas: Bool) -> String {
        if splitCommas, name.contains(", ") {
            return name.components(separatedBy: ", ").map { escapeArguments($0, splitCommas: false) }.joined(separator: ", ")
        }
        if name.hasPrefix("**") { return "\\*\\*" + name.dropFirst(2) }
        if name.hasPrefix("*") { return "\\*" + name.dropFirst() }
        return name
    }

    /// A NumPy section underline: two or more of ``=-`:'"~^_*+#<>``.
    static func isUnderline(_ text: String) -> Bool {
        let s = Array(text.unicodeScalars)
        var count = 0
        for c in s {
            if "=-`:'\"~^_*+#<>".unicodeScalars.contains(c) { count += 1 } else { break }
        }
        return count >= 2 && s[count...].allSatisfy(NapoleonLine.isSpace)
    }

    /// Whether text after a list marker is `\s+\S` or only whitespace to the end.
    private static func listTail(_ s: ArraySlice<Unicode.Scalar>) -> Bool {
        if s.allSatisfy(NapoleonLine.isSpace) { return true }
        guard let first = s.first, NapoleonLine.isSpace(first) else { return false }
        return true
    }

    /// Whether a line starts a bullet or enumerated list item.
    static func startsList(_ text: String) -> Bool {
        let s = Array(text.unicodeScalars)
        guard let first = s.first else { return false }
        if first == "*" || first == "+" || first == "-" { return listTail(s[1...]) }
        let paren = first == "("
        var i = paren ? 1 : 0
        let closer: Unicode.Scalar = paren ? ")" : "."
        func run(_ predicate: (Unicode.Scalar) -> Bool) -> Int {
            var k = i
            while k < s.count, predicate(s[k]) { k += 1 }
            return k
        }
        var candidates: [Int] = []
        let digits = run { $0 >= "0" && $0 <= "9" }
        if digits > i { candidates.append(digits) }
        if i < s.count, s[i] == "#" { candidates.append(i + 1) }
        let lowerRoman = run { "ivxlcdm".unicodeScalars.contains($0) }
        if lowerRoman > i { candidates.append(lowerRoman) }
        let upperRoman = run { "IVXLCDM".unicodeScalars.contains($0) }
        if upperRoman > i { candidates.append(upperRoman) }
        if i < s.count, (s[i] >= "a" && s[i] <= "z") || (s[i] >= "A" && s[i] <= "Z") { candidates.append(i + 1) }
        for end in candidates where end < s.count && s[end] == closer {
            if listTail(s[(end + 1)...]) { return true }
        }
        return false
    }

    /// `:role:`name`` or `` `name` `` at the start (napoleon's "name regex"):
    /// the role (if any), the backticked name (if any), the bare name (if any) and where the match ends.
    static func nameMatch(_ text: String) -> (role: String?, name: String?, bare: String?, end: Int)? {
        let s = Array(text.unicodeScalars)
        var i = 0
        while i < s.count, NapoleonLine.isSpace(s[i]) { i += 1 }
        func nameChars(from start: Int) -> Int {
            var k = start
            if k < s.count, s[k] == "~" { k += 1 }
            let begin = k
            while k < s.count, isAlnum(s[k]) || s[k] == "_" || s[k] == "." || s[k] == "-" { k += 1 }
            return k > begin ? k : start
        }
        func trailing(_ k: Int) -> Int {
            var end = k
            while end < s.count, NapoleonLine.isSpace(s[end]) { end += 1 }
            return end
        }
        func string(_ a: Int, _ b: Int) -> String { String(String.UnicodeScalarView(s[a..<b])) }
        // :role:`name`
        if i < s.count, s[i] == ":" {
            var p = s.count - 2
            while p > i + 1 {
                if s[p] == ":", s[p + 1] == "`", !s[(i + 1)..<p].contains(where: NapoleonLine.isSpace) {
                    let end = nameChars(from: p + 2)
                    if end > p + 2, end < s.count, s[end] == "`" {
                        return (string(i + 1, p), string(p + 2, end), nil, trailing(end + 1))
                    }
                }
                p -= 1
            }
        }
        if i < s.count, s[i] == "`" {
            let end = nameChars(from: i + 1)
            if end > i + 1, end < s.count, s[end] == "`" { return (nil, string(i + 1, end), nil, trailing(end + 1)) }
        }
        let end = nameChars(from: i)
        if end > i { return (nil, nil, string(i, end), trailing(end)) }
        return nil
    }

    /// Whether the text starts with an optional role and a backticked target (napoleon's "xref regex").
    static func startsWithReference(_ text: String) -> Bool {
        let s = Array(text.unicodeScalars)
        var start = 0
        if let tick = roleEnd(s, at: 0) { start = tick }
        guard start < s.count, s[start] == "`" else { return false }
        return find(s, "`", from: start + 2) != nil
    }
}
