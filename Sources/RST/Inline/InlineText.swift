/// Helpers on escaped inline text (backslash escapes are kept as NUL + char,
/// as docutils does, so that escaped characters never act as markup).
extension InlineParser: EscapedTextHelpers {}

extension InlineParser {
    static func isFootnoteLabel(_ label: String) -> Bool {
        let a = Array(label.unicodeScalars)
        if a.isEmpty { return false }
        if a.allSatisfy({ ("0"..."9").contains($0) }) { return true }
        if label == "*" || label == "#" { return true }
        if a[0] == "#" { return isSimpleName(String(label.dropFirst())) }
        return false
    }

    static func isSimpleName(_ s: String) -> Bool {
        let a = Array(s.unicodeScalars)
        return !a.isEmpty && simpleNameEnd(a, 0) == a.count
    }

    static func isNameChar(_ c: Unicode.Scalar) -> Bool { c != "_" && CharClasses.isWordChar(c) }

    @inline(__always)
    static func isNameSeparator(_ c: Unicode.Scalar) -> Bool {
        c == "-" || c == "." || c == "_" || c == "+" || c == ":"
    }

    /// The end of the longest simple reference name starting at `p`
    /// (`(?:(?!_)\w)+(?:[-._+:](?:(?!_)\w)+)*`), or nil.
    static func simpleNameEnd(_ a: [Unicode.Scalar], _ p: Int) -> Int? {
        guard p < a.count, isNameChar(a[p]) else { return nil }
        var k = p + 1
        while true {
            while k < a.count && isNameChar(a[k]) { k += 1 }
            if k + 1 < a.count, isNameSeparator(a[k]), isNameChar(a[k + 1]) {
                k += 2
                continue
            }
            return k
        }
    }

    /// `simplename_` or `` `phrase`_ `` as a whole string: the (unescaped) name, else nil.
    static func isReference(_ s: String) -> String? {
        let a = Array(s.unicodeScalars)
        guard a.count >= 2, a.last == "_" else { return nil }
        if let e = simpleNameEnd(a, 0), e == a.count - 1 {
            return unescape(a[0..<e])
        }
        if a.count >= 4, a[0] == "`", a[a.count - 2] == "`", a[1] != " " {
            let inner = a[1..<(a.count - 2)]
            guard let last = inner.last, !last.properties.isWhitespace, last != nul else { return nil }
            return unescape(inner)
        }
        return nil
    }


    /// E-mail addresses get a `mailto:` scheme.
    static func adjustURI(_ uri: String) -> String {
        let a = Array(uri.unicodeScalars)
        if let end = InlineScanner.emailEnd(a, 0, limit: a.count), end == a.count { return "mailto:" + uri }
        return uri
    }
}
