/// The site file a request path names, as a key into the built site.
///
/// Only paths made of plain segments are accepted: no `.` or `..` (written or
/// percent-encoded), no empty segments (`//etc/passwd`), no backslashes, NUL or
/// control characters, no malformed percent escapes. The site is served from
/// memory, so nothing outside it can be reached anyway; refusing such paths
/// keeps the answer a plain 404 instead of a lookup under a surprising name.
struct RequestPath: Hashable, Sendable {
    /// The decoded path segments, without leading or trailing slash.
    let segments: [String]
    /// Whether the request ended in `/` (or was the root): it names a folder.
    let namesFolder: Bool

    /// Parses the path part of a request target (the query and fragment are dropped).
    init?(_ target: String) {
        var path = Substring(target)
        if let end = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<end] }
        guard path.first == "/" else { return nil }
        path = path.dropFirst()
        namesFolder = path.isEmpty || path.last == "/"
        if path.last == "/" { path = path.dropLast() }
        guard !path.isEmpty else {
            segments = []
            return
        }
        var decoded: [String] = []
        for raw in path.split(separator: "/", omittingEmptySubsequences: false) {
            guard let segment = Self.decode(raw), Self.isPlain(segment) else { return nil }
            decoded.append(segment)
        }
        segments = decoded
    }

    /// The keys to try in the built site, in order: the file itself, then the
    /// folder's `index.html`.
    var candidates: [String] {
        let joined = segments.joined(separator: "/")
        if segments.isEmpty { return ["index.html"] }
        if namesFolder { return [joined + "/index.html"] }
        return [joined, joined + "/index.html"]
    }

    /// A segment that names a file or folder inside the site.
    private static func isPlain(_ segment: String) -> Bool {
        guard !segment.isEmpty, segment != ".", segment != ".." else { return false }
        return !segment.unicodeScalars.contains { $0 == "/" || $0 == "\\" || $0.value < 0x20 || $0.value == 0x7F }
    }

    /// Percent-decoding, once; nil for a malformed escape or bytes that are not UTF-8.
    private static func decode(_ raw: Substring) -> String? {
        var bytes: [UInt8] = []
        var utf8 = raw.utf8.makeIterator()
        while let byte = utf8.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = utf8.next().flatMap(hexValue), let low = utf8.next().flatMap(hexValue) else { return nil }
            bytes.append(high << 4 | low)
        }
        let text = String(decoding: bytes, as: UTF8.self)
        return Array(text.utf8) == bytes ? text : nil
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
