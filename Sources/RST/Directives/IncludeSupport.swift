import DocTree
import Foundation

/// Reading files for `include`, `raw :file:`, `csv-table :file:` and `literalinclude`,
/// resolved relative to the including file. Which files may be read is up to
/// `ParserOptions.readBytes` (the Site allows the project); without it, paths are
/// confined to `includeRoot`.
enum IncludeSupport {
    enum ReadResult {
        /// The text, and messages to place before what the directive makes
        /// (invalid UTF-8, decoded with replacement characters).
        case success(display: String, text: String, messages: [Node])
        /// The file cannot be found.
        case missing
        /// The file cannot be decoded with the requested encoding (docutils' message).
        case undecodable(String)
        /// The file exists but is not read (outside the project, a directory, too large,
        /// unreadable): the reason, ready for a message, and its diagnostic id.
        case refused(id: String, message: String)
    }

    static func readDecoded(_ path: String, call: DirectiveCall, host: DirectiveHost) -> ReadResult {
        guard let (display, absolute, inside) = Include.resolve(path, call: call, host: host) else { return .missing }
        let encoding = call.option("encoding")?.trimmingWhitespace().lowercased() ?? ""
        if let readBytes = host.options.readBytes {
            let bytes: [UInt8]
            switch readBytes(absolute) {
            case .success(let b): bytes = b
            case .failure(let failure):
                return failure.isMissing ? .missing : .refused(id: failure.id, message: "'\(path)' \(failure.message).")
            }
            if !encoding.isEmpty {
                switch decode(bytes, encoding: encoding) {
                case .success(let text): return .success(display: display, text: text, messages: [])
                case .failure(let message): return .undecodable(message)
                }
            }
            if let text = String(bytes: bytes, encoding: .utf8) {
                return .success(display: display, text: text, messages: [])
            }
            let message = host.report(.error, "read.encoding",
                                      "'\(path)' is not valid UTF-8; invalid bytes were replaced (give the file's encoding with :encoding:)",
                                      line: call.line, range: call.range, details: [])
            return .success(display: display, text: String(decoding: bytes, as: UTF8.self), messages: [message])
        }
        guard inside else {
            return .refused(id: "rst.include", message: "'\(path)' is outside the source directory.")
        }
        if !encoding.isEmpty, let readData = host.options.readData {
            guard let bytes = readData(absolute) else { return .missing }
            switch decode(bytes, encoding: encoding) {
            case .success(let text): return .success(display: display, text: text, messages: [])
            case .failure(let message): return .undecodable(message)
            }
        }
        guard let reader = host.options.readFile, let text = reader(absolute) else { return .missing }
        return .success(display: display, text: text, messages: [])
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
