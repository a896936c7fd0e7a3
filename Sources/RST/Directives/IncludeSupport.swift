import DocTree
import Foundation

/// Reading files for `include`, `raw :file:`, `csv-table :file:` and `literalinclude`,
/// resolved relative to the including file and confined to the source tree.
enum IncludeSupport {
    enum ReadResult {
        case success(display: String, text: String)
        /// The file cannot be found or read.
        case missing
        /// The file cannot be decoded with the requested encoding (docutils' message).
        case undecodable(String)
    }

    static func read(_ path: String, call: DirectiveCall, host: DirectiveHost) -> (String, String)? {
        if case .success(let display, let text) = readDecoded(path, call: call, host: host) { return (display, text) }
        return nil
    }

    static func readDecoded(_ path: String, call: DirectiveCall, host: DirectiveHost) -> ReadResult {
        guard let (display, absolute) = Include.resolve(path, call: call, host: host) else { return .missing }
        if let encoding = call.option("encoding")?.trimmingWhitespace().lowercased(), !encoding.isEmpty,
           let readData = host.options.readData {
            guard let bytes = readData(absolute) else { return .missing }
            switch decode(bytes, encoding: encoding) {
            case .success(let text): return .success(display: display, text: text)
            case .failure(let message): return .undecodable(message)
            }
        }
        guard let reader = host.options.readFile, let text = reader(absolute) else { return .missing }
        return .success(display: display, text: text)
    }

    enum Decoded {
        case success(String)
        case failure(String)
    }

    static func decode(_ bytes: [UInt8], encoding: String) -> Decoded {
        switch encoding.replacingOccurrences(of: "_", with: "-") {
        case "utf-8", "utf8":
            return .success(String(decoding: bytes, as: UTF8.self))
        case "utf-8-sig":
            let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
            return .success(String(decoding: body, as: UTF8.self))
        case "latin-1", "latin1", "iso-8859-1", "iso8859-1", "l1":
            var out = String.UnicodeScalarView()
            for b in bytes { out.append(Unicode.Scalar(b)) }
            return .success(String(out))
        case "ascii", "us-ascii":
            if let k = bytes.firstIndex(where: { $0 >= 0x80 }) {
                return .failure("UnicodeDecodeError: 'ascii' codec can't decode byte 0x\(String(bytes[k], radix: 16)) in position \(k): ordinal not in range(128)")
            }
            return .success(String(decoding: bytes, as: UTF8.self))
        case "utf-16", "utf16", "utf-16-le", "utf-16le", "utf-16-be", "utf-16be":
            var little = !encoding.contains("be")
            var body = bytes[...]
            if encoding == "utf-16" || encoding == "utf16" {
                if bytes.starts(with: [0xFF, 0xFE]) { little = true; body = body.dropFirst(2) }
                else if bytes.starts(with: [0xFE, 0xFF]) { little = false; body = body.dropFirst(2) }
            }
            var units: [UInt16] = []
            var k = body.startIndex
            while k + 1 < body.endIndex {
                let a = UInt16(body[k]), b = UInt16(body[k + 1])
                units.append(little ? (a | b << 8) : (a << 8 | b))
                k += 2
            }
            return .success(String(decoding: units, as: UTF16.self))
        default:
            return .success(String(decoding: bytes, as: UTF8.self))
        }
    }
}
