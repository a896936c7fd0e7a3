import DocTree

/// A MyST directive written as a fenced block:
///
///     ```{name} argument
///     :option: value
///
///     body (Markdown, or code for `code-block`)
///     ```
///
/// Options may also come as a `---` delimited `key: value` block.
struct DirectiveBlock {
    struct Option {
        var name: String
        var value: String
        var line: Int
    }

    var name: String
    var argument: String
    var options: [Option] = []
    /// Body lines, without the option block and the blank lines that follow it.
    var body: [String] = []
    /// The file line of the first body line.
    var bodyFirstLine: Int
    /// Byte columns between the start of a source line and the body text.
    var columnOffset: Int
    /// Problems in the option block: (message, line).
    var problems: [(message: String, line: Int)] = []

    /// Parses the info string (`{name} argument`) and the literal content of the block.
    init(info: String, nameEnd: String.Index, literal: String, fenceLine: Int, fenceColumn: Int) {
        name = String(info[info.index(after: info.startIndex)..<nameEnd]).trimmingLeadingSpace()
        argument = String(info[info.index(after: nameEnd)...]).trimmingLeadingSpace()
        columnOffset = max(fenceColumn - 1, 0)
        var lines = literal.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map {
            String($0).trimmingTrailingCR()
        }
        if lines.last == "" { lines.removeLast() }
        var index = 0
        if lines.first?.trimmingTrailingSpace() == "---" {
            var closing: Int?
            for candidate in 1..<max(lines.count, 1) where candidate < lines.count
                && lines[candidate].trimmingTrailingSpace() == "---" {
                closing = candidate
                break
            }
            if let closing {
                for optionIndex in 1..<closing {
                    let line = lines[optionIndex]
                    if line.trimmingLeadingSpace().isEmpty { continue }
                    if let colon = line.firstIndex(of: ":") {
                        let key = String(line[..<colon]).trimmingLeadingSpace()
                        let value = Self.unquoted(String(line[line.index(after: colon)...]).trimmingLeadingSpace())
                        options.append(Option(name: key, value: value, line: fenceLine + 1 + optionIndex))
                    } else {
                        problems.append(("option line is not 'key: value'", fenceLine + 1 + optionIndex))
                    }
                }
                index = closing + 1
            } else {
                problems.append(("option block opened with '---' is never closed", fenceLine + 1))
            }
        } else {
            while index < lines.count, let option = Self.fieldOption(lines[index]) {
                options.append(Option(name: option.0, value: option.1, line: fenceLine + 1 + index))
                index += 1
            }
        }
        while index < lines.count, lines[index].trimmingLeadingSpace().isEmpty { index += 1 }
        body = Array(lines[min(index, lines.count)...])
        bodyFirstLine = fenceLine + 1 + index
    }

    /// `:name: value` → (name, value).
    static func fieldOption(_ line: String) -> (String, String)? {
        guard line.hasPrefix(":") else { return nil }
        let rest = line.dropFirst()
        guard let colon = rest.firstIndex(of: ":") else { return nil }
        let name = String(rest[..<colon])
        guard !name.isEmpty, !name.contains(" ") || name.count < 40 else { return nil }
        return (name, String(rest[rest.index(after: colon)...]).trimmingLeadingSpace())
    }

    private static func unquoted(_ value: String) -> String {
        guard value.count >= 2, let first = value.first, let last = value.last,
              (first == "\"" && last == "\"") || (first == "'" && last == "'") else { return value }
        return String(value.dropFirst().dropLast())
    }

    func option(_ name: String) -> String? {
        options.last(where: { $0.name == name })?.value
    }

    var bodyText: String { body.joined(separator: "\n") }
}

extension String {
    func trimmingTrailingCR() -> String {
        hasSuffix("\r") ? String(unicodeScalars.dropLast()) : self
    }
}
