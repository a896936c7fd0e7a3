import Foundation

/// The output formats for diagnostics (`--diagnostics text|json|github`).
public enum DiagnosticFormat: String, CaseIterable, Sendable {
    case text, json, github
}

/// Renders diagnostics like a compiler: `path:line:col: error: message [id]`,
/// the source line, a caret under the span, then notes and suggestions.
public struct DiagnosticFormatter: Sendable {
    public var format: DiagnosticFormat
    /// Absolute paths below this directory are shown relative to it.
    public var workingDirectory: String?

    public init(format: DiagnosticFormat = .text, workingDirectory: String? = nil) {
        self.format = format
        self.workingDirectory = workingDirectory.map { $0.hasSuffix("/") ? $0 : $0 + "/" }
    }

    /// A path as shown to the user.
    func display(_ path: String) -> String {
        if let base = workingDirectory, path.hasPrefix(base) { return String(path.dropFirst(base.count)) }
        return path
    }

    public func render(_ diagnostic: Diagnostic) -> String {
        switch format {
        case .text: return renderText(diagnostic)
        case .json: return renderJSON(diagnostic)
        case .github: return renderGitHub(diagnostic)
        }
    }

    /// All diagnostics, one after the other (JSON: one object per line).
    public func render(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map(render).joined()
    }

    func location(_ file: SourceFile?, _ range: SourceRange?) -> String {
        guard let file else { return "vellum" }
        guard let range else { return display(file.path) }
        return "\(display(file.path)):\(range.start.line):\(range.start.column)"
    }

    private func renderText(_ d: Diagnostic) -> String {
        var out = "\(location(d.file, d.range)): \(d.severity.label): \(d.message) [\(d.id)]\n"
        if let file = d.file, let range = d.range {
            out += Self.excerpt(file: file, range: range)
        }
        for note in d.notes {
            if let file = note.file {
                out += "\(location(file, note.range)): note: \(note.message)\n"
                if let range = note.range { out += Self.excerpt(file: file, range: range) }
            } else {
                out += "note: \(note.message)\n"
            }
        }
        if !d.suggestions.isEmpty {
            let quoted = d.suggestions.map { "'\($0)'" }
            if quoted.count == 1 {
                out += "help: did you mean \(quoted[0])?\n"
            } else {
                out += "help: did you mean one of \(quoted.joined(separator: ", "))?\n"
            }
        }
        return out
    }

    /// The source line with a gutter and carets under the span (clipped to the line).
    static func excerpt(file: SourceFile, range: SourceRange) -> String {
        guard let line = file.line(range.start.line) else { return "" }
        let number = String(range.start.line)
        let gutter = String(repeating: " ", count: number.count)
        let display = line.replacingOccurrences(of: "\t", with: " ")
        let lineLength = display.unicodeScalars.count
        let startColumn = max(1, min(range.start.column, lineLength + 1))
        var width = 1
        if range.end.line == range.start.line {
            width = max(1, range.end.column - range.start.column)
        } else {
            width = max(1, lineLength - startColumn + 1)
        }
        width = max(1, min(width, lineLength - startColumn + 1))
        let padding = String(repeating: " ", count: startColumn - 1)
        return " \(number) | \(display)\n \(gutter) | \(padding)\(String(repeating: "^", count: width))\n"
    }

    private func renderJSON(_ d: Diagnostic) -> String {
        var fields: [(String, String)] = []
        fields.append(("path", Self.jsonString(d.file.map { display($0.path) } ?? "")))
        fields.append(("line", d.range.map { String($0.start.line) } ?? "null"))
        fields.append(("column", d.range.map { String($0.start.column) } ?? "null"))
        fields.append(("end_line", d.range.map { String($0.end.line) } ?? "null"))
        fields.append(("end_column", d.range.map { String($0.end.column) } ?? "null"))
        fields.append(("severity", Self.jsonString(d.severity.label)))
        fields.append(("id", Self.jsonString(d.id)))
        fields.append(("message", Self.jsonString(d.message)))
        let notes = d.notes.map { note -> String in
            var parts = ["\"message\":\(Self.jsonString(note.message))"]
            if let file = note.file { parts.append("\"path\":\(Self.jsonString(display(file.path)))") }
            if let range = note.range {
                parts.append("\"line\":\(range.start.line)")
                parts.append("\"column\":\(range.start.column)")
            }
            return "{" + parts.joined(separator: ",") + "}"
        }
        fields.append(("notes", "[" + notes.joined(separator: ",") + "]"))
        fields.append(("suggestions", "[" + d.suggestions.map(Self.jsonString).joined(separator: ",") + "]"))
        return "{" + fields.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}\n"
    }

    private func renderGitHub(_ d: Diagnostic) -> String {
        let command: String
        switch d.severity {
        case .info: command = "notice"
        case .warning: command = "warning"
        case .error, .severe: command = "error"
        }
        var properties: [String] = []
        if let file = d.file { properties.append("file=\(Self.githubProperty(display(file.path)))") }
        if let range = d.range {
            properties.append("line=\(range.start.line)")
            properties.append("col=\(range.start.column)")
            if range.end.line == range.start.line, range.end.column > range.start.column {
                properties.append("endColumn=\(range.end.column)")
            }
        }
        properties.append("title=\(Self.githubProperty(d.id))")
        var message = d.message
        for note in d.notes { message += "\nnote: \(note.message)" }
        if !d.suggestions.isEmpty {
            message += "\nhelp: did you mean " + d.suggestions.map { "'\($0)'" }.joined(separator: ", ") + "?"
        }
        return "::\(command) \(properties.joined(separator: ","))::\(Self.githubData(message))\n"
    }

    static func jsonString(_ s: String) -> String { s.jsonQuoted }

    static func githubData(_ s: String) -> String {
        s.replacingOccurrences(of: "%", with: "%25")
            .replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    static func githubProperty(_ s: String) -> String {
        githubData(s).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}

extension String {
    /// The string as a JSON string literal, quotes included; also safe inside
    /// JavaScript source (U+2028 and U+2029 are escaped).
    public var jsonQuoted: String {
        // Most text needs no escape: one pass over its bytes says so.
        let plain = utf8.allSatisfy { byte in
            byte >= 0x20 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") && byte != 0xE2
        }
        if plain { return "\"" + self + "\"" }
        var out = "\""
        for scalar in unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
