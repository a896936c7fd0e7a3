import DocTree

/// A YAML-like `---` block at the very start of a Markdown page.
///
/// Only top-level `key: value` pairs are read (quotes stripped); nested
/// values are kept as their raw text. The block's lines are blanked out of the
/// text handed to cmark so that every line number stays the file's own.
struct FrontMatter {
    var metadata: [String: String] = [:]
    /// Keys in the order they appear, with the line each is on.
    var keyLines: [(key: String, line: Int)] = []
    /// The text with the front matter replaced by empty lines.
    var body: String
    /// Number of lines the block occupies (0 when there is none).
    var lineCount = 0
    var diagnostics: [Diagnostic] = []
    /// `myst: substitutions:` (or a top-level `substitutions:`): the page's own `{{ name }}` values.
    var substitutions: [String: String] = [:]

    init(splitting text: String, file: SourceFile) {
        body = text
        guard text.hasPrefix("---") else { return }
        let lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { String($0) }
        guard let first = lines.first, first.trimmingTrailingSpace() == "---" else { return }
        var closing: Int?
        for index in 1..<lines.count where lines[index].trimmingTrailingSpace() == "---"
            || lines[index].trimmingTrailingSpace() == "..." {
            closing = index
            break
        }
        guard let closing else {
            // No closing fence: treat the `---` as Markdown (a thematic break).
            return
        }
        lineCount = closing + 1
        var currentKey: String?
        for index in 1..<closing {
            let raw = String(lines[index].trimmingTrailingSpace())
            let lineNumber = index + 1
            if raw.isEmpty || raw.hasPrefix("#") { continue }
            if raw.first == " " || raw.first == "\t" || raw.hasPrefix("- ") {
                if let key = currentKey {
                    let existing = metadata[key] ?? ""
                    metadata[key] = existing.isEmpty ? raw.trimmingLeadingSpace() : existing + "\n" + raw.trimmingLeadingSpace()
                }
                continue
            }
            guard let colon = raw.firstIndex(of: ":") else {
                diagnostics.append(Diagnostic(
                    id: "md.front-matter", severity: .warning,
                    message: "front matter line is not 'key: value'", file: file,
                    range: SourceRange(line: lineNumber, column: 1, length: raw.unicodeScalars.count)))
                currentKey = nil
                continue
            }
            let key = String(raw[..<colon]).trimmingLeadingSpace()
            var value = String(raw[raw.index(after: colon)...]).trimmingLeadingSpace()
            if let hash = value.range(of: " #"), !(value.hasPrefix("\"") || value.hasPrefix("'")) {
                value = String(value[..<hash.lowerBound])
            }
            value = Self.unquoted(value)
            if key == "orphan" {
                // Stored like RST's `:orphan:` field (an empty value); a false value means not an orphan.
                if ["false", "no", "off", "0"].contains(value.lowercased()) {
                    metadata[key] = nil
                    continue
                }
                value = ""
            }
            metadata[key] = value
            keyLines.append((key, lineNumber))
            currentKey = key
        }
        substitutions = Self.substitutions(in: Array(lines[1..<closing]))
        var blanked = String(repeating: "\n", count: closing + 1)
        if closing + 1 < lines.count {
            blanked += lines[(closing + 1)...].joined(separator: "\n")
        } else {
            blanked.removeLast()
        }
        body = blanked
    }

    /// The mapping under `myst:` → `substitutions:` (or top-level `substitutions:`): `key: value`
    /// entries, a `|` or `>` value taking the more indented lines after it.
    static func substitutions(in lines: [String]) -> [String: String] {
        func indent(_ line: String) -> Int { line.prefix(while: { $0 == " " }).count }
        func isBlank(_ line: String) -> Bool { line.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" } }
        // Find `substitutions:` at the top level or directly under a top-level `myst:`.
        var start: Int?
        var inMyst = false
        var mystIndent = 0
        for (index, line) in lines.enumerated() where !isBlank(line) {
            let trimmed = line.trimmingLeadingSpace()
            if indent(line) == 0 {
                inMyst = trimmed == "myst:"
                if trimmed == "substitutions:" { start = index; break }
                continue
            }
            if inMyst, trimmed == "substitutions:" {
                if mystIndent == 0 { mystIndent = indent(line) }
                if indent(line) == mystIndent { start = index; break }
            } else if inMyst, mystIndent == 0 {
                mystIndent = indent(line)
            }
        }
        guard let start else { return [:] }
        let base = indent(lines[start])
        var result: [String: String] = [:]
        var index = start + 1
        var entryIndent: Int?
        while index < lines.count {
            let line = lines[index]
            if isBlank(line) { index += 1; continue }
            let level = indent(line)
            if level <= base { break }
            if entryIndent == nil { entryIndent = level }
            guard level == entryIndent, let colon = line.firstIndex(of: ":") else { index += 1; continue }
            let key = line[..<colon].trimmingLeadingSpace()
            let value = line[line.index(after: colon)...].trimmingLeadingSpace()
            index += 1
            if value == "|" || value == ">" || value == "|-" || value == ">-" {
                var block: [String] = []
                var blockIndent: Int?
                while index < lines.count {
                    let next = lines[index]
                    if isBlank(next) { block.append(""); index += 1; continue }
                    if indent(next) <= level { break }
                    if blockIndent == nil { blockIndent = indent(next) }
                    block.append(String(next.dropFirst(min(blockIndent!, indent(next)))).trimmingTrailingSpace())
                    index += 1
                }
                while block.last == "" { block.removeLast() }
                result[key] = block.joined(separator: value.hasPrefix(">") ? " " : "\n")
            } else {
                result[key] = unquoted(value)
            }
        }
        return result
    }

    private static func unquoted(_ value: String) -> String {
        guard value.count >= 2, let first = value.first, let last = value.last,
              (first == "\"" && last == "\"") || (first == "'" && last == "'") else { return value }
        return String(value.dropFirst().dropLast())
    }
}

extension StringProtocol {
    func trimmingTrailingSpace() -> String {
        var scalars = Substring(self).unicodeScalars
        while let last = scalars.last, last == " " || last == "\t" || last == "\r" { scalars.removeLast() }
        return String(scalars)
    }

    func trimmingLeadingSpace() -> String {
        var scalars = Substring(self).unicodeScalars
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        return String(scalars).trimmingTrailingSpace()
    }
}
