import Foundation

/// Decodes Python source bytes the way the interpreter does: UTF-8 unless a
/// PEP 263 coding declaration in the first two lines says otherwise.
enum PythonSourceDecoder {
    /// The decoded text, or an error message with the 1-based line it concerns.
    static func decode(_ data: Data) -> Result<String, PythonSyntaxError> {
        let bytes = [UInt8](data)
        let hasBOM = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        var encoding = String.Encoding.utf8
        var declaredLine = 1
        if let (name, line) = codingDeclaration(bytes) {
            declaredLine = line
            switch name.lowercased().replacingOccurrences(of: "_", with: "-") {
            case "utf-8", "utf8", "utf-8-sig":
                encoding = .utf8
            case "latin-1", "latin1", "iso-8859-1", "iso8859-1", "l1", "iso-latin-1":
                encoding = .isoLatin1
            case "cp1252", "windows-1252":
                encoding = .windowsCP1252
            case "ascii", "us-ascii":
                encoding = .ascii
            default:
                return .failure(PythonSyntaxError(message: "unknown encoding: \(name)",
                                                  location: .init(line: line, column: 1)))
            }
            if hasBOM, encoding != .utf8 {
                return .failure(PythonSyntaxError(message: "encoding problem: \(name) with BOM",
                                                  location: .init(line: line, column: 1)))
            }
        }
        guard let text = String(data: data, encoding: encoding) else {
            let line = firstInvalidLine(bytes, encoding: encoding) ?? declaredLine
            return .failure(PythonSyntaxError(message: "source is not valid \(encoding == .utf8 ? "UTF-8" : "\(encoding)")",
                                              location: .init(line: line, column: 1)))
        }
        return .success(text)
    }

    /// `# -*- coding: name -*-` / `# vim: set fileencoding=name :` on line 1 or 2 (line 2 only after a comment or blank line 1).
    static func codingDeclaration(_ bytes: [UInt8]) -> (String, Int)? {
        var lines: [[UInt8]] = []
        var current: [UInt8] = []
        for byte in bytes.prefix(1024) {
            if byte == UInt8(ascii: "\n") {
                lines.append(current)
                current = []
                if lines.count == 2 { break }
            } else {
                current.append(byte)
            }
        }
        if lines.count < 2 { lines.append(current) }
        for (index, line) in lines.prefix(2).enumerated() {
            let text = String(decoding: line, as: UTF8.self)
            let trimmed = text.drop { $0 == " " || $0 == "\t" || $0 == "\u{0C}" || $0 == "\u{FEFF}" }
            guard trimmed.hasPrefix("#") else {
                if trimmed.isEmpty || trimmed == "\r" { continue }
                return nil  // code on line 1: a declaration on line 2 no longer counts
            }
            guard let range = trimmed.range(of: "coding") else { continue }
            var rest = trimmed[range.upperBound...]
            guard let separator = rest.first, separator == ":" || separator == "=" else { continue }
            rest = rest.dropFirst().drop { $0 == " " || $0 == "\t" }
            let name = rest.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." }
            if !name.isEmpty { return (String(name), index + 1) }
        }
        return nil
    }

    private static func firstInvalidLine(_ bytes: [UInt8], encoding: String.Encoding) -> Int? {
        var line = 1
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            if String(bytes: bytes[start...index], encoding: encoding) == nil { return line }
            line += 1
            start = index + 1
        }
        return start < bytes.count && String(bytes: bytes[start...], encoding: encoding) == nil ? line : nil
    }
}
