/// Helpers on escaped inline text (backslash escapes are kept as NUL + char,
/// as docutils does, so that escaped characters never act as markup).
extension InlineParser {
    static let nul: Unicode.Scalar = "\u{0}"

    static func escapeToNull(_ a: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var out = a
        var k = 0
        while k < out.count {
            if out[k] == "\\" {
                out[k] = nul
                k += 2
            } else {
                k += 1
            }
        }
        return out
    }

    /// Removes escape markers: NUL+space and NUL+newline vanish, other NULs are dropped.
    static func unescape<C: Collection>(_ a: C) -> String where C.Element == Unicode.Scalar {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(a.count)
        var pendingNul = false
        for c in a {
            if pendingNul {
                pendingNul = false
                if c == " " || c == "\n" { continue }
            }
            if c == nul { pendingNul = true; continue }
            appendUTF8(c, to: &bytes)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    @inline(__always)
    static func appendUTF8(_ c: Unicode.Scalar, to bytes: inout [UInt8]) {
        let v = c.value
        if v < 0x80 {
            bytes.append(UInt8(v))
        } else if v < 0x800 {
            bytes.append(UInt8(0xC0 | (v >> 6)))
            bytes.append(UInt8(0x80 | (v & 0x3F)))
        } else if v < 0x10000 {
            bytes.append(UInt8(0xE0 | (v >> 12)))
            bytes.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            bytes.append(UInt8(0x80 | (v & 0x3F)))
        } else {
            bytes.append(UInt8(0xF0 | (v >> 18)))
            bytes.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            bytes.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            bytes.append(UInt8(0x80 | (v & 0x3F)))
        }
    }

    /// A String from scalars (fast UTF-8 path).
    static func string<C: Collection>(_ a: C) -> String where C.Element == Unicode.Scalar {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(a.count)
        for c in a { appendUTF8(c, to: &bytes) }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func unescape(_ s: String) -> String { unescape(Array(s.unicodeScalars)) }

    /// NULs back to backslashes (docutils' restore_backslashes).
    static func restoreBackslashes<C: Collection>(_ a: C) -> String where C.Element == Unicode.Scalar {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(a.count)
        for c in a { appendUTF8(c == nul ? "\\" : c, to: &bytes) }
        return String(decoding: bytes, as: UTF8.self)
    }

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

    /// Splits at escaped whitespace, drops other whitespace, joins parts with a space.
    static func removeUnescapedWhitespace(_ s: String) -> String {
        let a = Array(s.unicodeScalars)
        var parts: [[Unicode.Scalar]] = [[]]
        var k = 0
        while k < a.count {
            if a[k] == nul, k + 1 < a.count, a[k + 1].properties.isWhitespace {
                parts.append([])
                k += 2
                continue
            }
            parts[parts.count - 1].append(a[k])
            k += 1
        }
        return parts.map { part in unescape(part.filter { !$0.properties.isWhitespace }) }.joined(separator: " ")
    }

    /// E-mail addresses get a `mailto:` scheme.
    static func adjustURI(_ uri: String) -> String {
        let a = Array(uri.unicodeScalars)
        if let end = InlineScanner.emailEnd(a, 0, limit: a.count), end == a.count { return "mailto:" + uri }
        return uri
    }
}
