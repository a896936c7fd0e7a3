/// Helpers on escaped inline text (backslash escapes are kept as NUL + char,
/// as docutils does, so that escaped characters never act as markup).
/// Shared by the RST parser and the option converters of every markup.
package protocol EscapedTextHelpers {}

package enum EscapedText: EscapedTextHelpers {}

extension EscapedTextHelpers {
    @inlinable package static var nul: Unicode.Scalar { "\u{0}" }

    @inlinable package static func escapeToNull(_ a: [Unicode.Scalar]) -> [Unicode.Scalar] {
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
    @inlinable package static func unescape<C: Collection>(_ a: C) -> String where C.Element == Unicode.Scalar {
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

    @inlinable package static func appendUTF8(_ c: Unicode.Scalar, to bytes: inout [UInt8]) {
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
    @inlinable package static func string<C: Collection>(_ a: C) -> String where C.Element == Unicode.Scalar {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(a.count)
        for c in a { appendUTF8(c, to: &bytes) }
        return String(decoding: bytes, as: UTF8.self)
    }

    @inlinable package static func unescape(_ s: String) -> String { unescape(Array(s.unicodeScalars)) }

    /// NULs back to backslashes (docutils' restore_backslashes).
    @inlinable package static func restoreBackslashes<C: Collection>(_ a: C) -> String where C.Element == Unicode.Scalar {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(a.count)
        for c in a { appendUTF8(c == nul ? "\\" : c, to: &bytes) }
        return String(decoding: bytes, as: UTF8.self)
    }


    /// Splits at escaped whitespace, drops other whitespace, joins parts with a space.
    @inlinable package static func removeUnescapedWhitespace(_ s: String) -> String {
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
}
