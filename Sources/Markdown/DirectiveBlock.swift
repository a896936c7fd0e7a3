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
                let block = Self.optionBlock(Array(lines[1..<closing]), firstLine: fenceLine + 2)
                options = block.options
                problems = block.problems
                index = closing + 1
            } else {
                problems.append(("option block opened with '---' is never closed", fenceLine + 1))
            }
        } else {
            while index < lines.count, let option = Self.fieldOption(lines[index]) {
                options.append(Option(name: option.0, value: OptionScalar.value(option.1), line: fenceLine + 1 + index))
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

    /// A `---` option block (myst-parser reads it as a small subset of YAML): `key: value`
    /// lines, after the block's common indentation is removed; a more indented line continues
    /// the value before it, which may also be a `|` (literal) or `>` (folded) block.
    private static func optionBlock(_ block: [String], firstLine: Int)
        -> (options: [Option], problems: [(message: String, line: Int)]) {
        var options: [Option] = []
        var problems: [(message: String, line: Int)] = []
        let indent = block.filter { !$0.trimmingLeadingSpace().isEmpty }
            .map { $0.prefix(while: { $0 == " " || $0 == "\t" }).count }.min() ?? 0
        let lines = block.map { String($0.dropFirst(min(indent, $0.prefix(while: { $0 == " " || $0 == "\t" }).count))) }
        var k = 0
        while k < lines.count {
            let line = lines[k]
            let trimmed = line.trimmingLeadingSpace()
            if trimmed.isEmpty || trimmed.hasPrefix("#") { k += 1; continue }
            guard line.first != " ", line.first != "\t", let colon = line.firstIndex(of: ":") else {
                problems.append(("option line is not 'key: value'", firstLine + k))
                k += 1
                continue
            }
            let key = OptionScalar.value(String(line[..<colon]))
            let raw = String(line[line.index(after: colon)...]).trimmingLeadingSpace()
            var more: [String] = []
            var next = k + 1
            while next < lines.count, lines[next].first == " " || lines[next].first == "\t" || lines[next].isEmpty {
                more.append(lines[next])
                next += 1
            }
            while more.last?.trimmingLeadingSpace().isEmpty == true { more.removeLast() }
            let value: String
            if let indicator = raw.first, indicator == "|" || indicator == ">" {
                value = OptionScalar.block(more, folded: indicator == ">", chomping: raw.dropFirst().first)
            } else if more.isEmpty {
                value = OptionScalar.value(raw)
            } else {
                value = OptionScalar.value(([raw] + more.map { $0.trimmingLeadingSpace() }).joined(separator: " "))
            }
            options.append(Option(name: key, value: value, line: firstLine + k))
            k = max(next, k + 1)
        }
        return (options, problems)
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
