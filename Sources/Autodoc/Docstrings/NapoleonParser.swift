import DocTree

/// One pass of napoleon-style conversion (Google or NumPy) over docstring lines.
///
/// Behaviour follows Sphinx's `sphinx.ext.napoleon` with its default settings
/// (`napoleon_use_param`, `napoleon_use_rtype`, `napoleon_use_keyword` on;
/// admonitions for notes/examples/references off; `napoleon_use_ivar` off).
struct NapoleonParser {
    enum Style { case google, numpy }

    /// A parsed field: `name (type): description`.
    struct Field {
        var name: String
        var type: NapoleonLine
        var description: [NapoleonLine]
        var anchor: SourceLocation
    }

    let style: Style
    /// How deeply descriptions are being converted (napoleon converts each field's
    /// description recursively); bounded so hostile input cannot exhaust the stack.
    private let depth: Int
    private static let maxDepth = 32
    private var lines: [NapoleonLine]
    private var position = 0
    private var inSection = false
    private var sectionIndent = 0

    static let sectionNames: Set<String> = [
        "args", "arguments", "attention", "attributes", "caution", "danger", "error", "example", "examples",
        "hint", "important", "keyword args", "keyword arguments", "methods", "note", "notes", "other parameters",
        "parameters", "receive", "receives", "return", "returns", "raise", "raises", "references", "see also",
        "tip", "todo", "warning", "warnings", "warn", "warns", "yield", "yields",
    ]

    init(_ lines: [NapoleonLine], style: Style, depth: Int = 0) {
        self.style = style
        self.depth = depth
        self.lines = lines.map(\.rstripped)
    }

    static func convert(_ lines: [NapoleonLine], style: Style, depth: Int = 0) -> [NapoleonLine] {
        guard depth < maxDepth else { return lines.map(\.rstripped) }
        var parser = NapoleonParser(lines, style: style, depth: depth)
        return parser.parse()
    }

    // MARK: - Line stream

    private var hasLines: Bool { position < lines.count }
    private func peek(_ offset: Int = 0) -> NapoleonLine? {
        position + offset < lines.count ? lines[position + offset] : nil
    }
    private mutating func next() -> NapoleonLine {
        defer { position += 1 }
        return lines[position]
    }
    private var anchor: SourceLocation {
        peek()?.start ?? lines.last?.start ?? SourceLocation(line: 1, column: 1)
    }

    private func currentIndent(peekingAhead offset: Int = 0) -> Int {
        var k = offset
        while let line = peek(k) {
            if !line.isEmpty { return line.indent }
            k += 1
        }
        return 0
    }

    private func isSectionHeader() -> Bool {
        guard let line = peek() else { return false }
        let lower = line.text.lowercased()
        switch style {
        case .google:
            guard lower.hasSuffix(":"), Self.sectionNames.contains(String(lower.dropLast())) else { return false }
            return currentIndent(peekingAhead: 1) > line.indent
        case .numpy:
            guard Self.sectionNames.contains(lower), let underline = peek(1) else { return false }
            return NapoleonSyntax.isUnderline(underline.text)
        }
    }

    private func isSectionBreak() -> Bool {
        guard let line = peek() else { return true }
        if isSectionHeader() { return true }
        if style == .numpy, line.isEmpty, peek(1)?.isEmpty == true { return true }
        return inSection && !line.isEmpty && !line.isIndented(sectionIndent)
    }

    private mutating func consumeEmpty() -> [NapoleonLine] {
        var result: [NapoleonLine] = []
        while let line = peek(), line.isEmpty { result.append(next()) }
        return result
    }

    private mutating func consumeContiguous() -> [NapoleonLine] {
        var result: [NapoleonLine] = []
        while let line = peek(), !line.isEmpty, !isSectionHeader() { result.append(next()) }
        return result
    }

    private mutating func consumeToNextSection() -> [NapoleonLine] {
        _ = consumeEmpty()
        var result: [NapoleonLine] = []
        while !isSectionBreak() { result.append(next()) }
        return result + consumeEmpty()
    }

    private mutating func consumeIndentedBlock(_ indent: Int) -> [NapoleonLine] {
        var result: [NapoleonLine] = []
        while !isSectionBreak(), let line = peek(), line.isEmpty || line.isIndented(indent) { result.append(next()) }
        return result
    }

    private mutating func consumeSectionHeader() -> String {
        let header = next()
        switch style {
        case .google:
            let stripped = header.text.trimmingColons
            return Self.sectionNames.contains(stripped.lowercased()) ? stripped : header.text
        case .numpy:
            _ = next()
            return header.text
        }
    }

    // MARK: - Driver

    mutating func parse() -> [NapoleonLine] {
        var parsed = consumeEmpty()
        while hasLines {
            if isSectionHeader() {
                let headerStart = anchor
                let section = consumeSectionHeader()
                inSection = true
                sectionIndent = currentIndent()
                parsed += parseSection(section, anchor: headerStart)
                inSection = false
                sectionIndent = 0
            } else if parsed.isEmpty {
                parsed += consumeContiguous() + consumeEmpty()
            } else {
                parsed += consumeToNextSection()
            }
        }
        return parsed
    }

    private mutating func parseSection(_ section: String, anchor: SourceLocation) -> [NapoleonLine] {
        let key = section.lowercased()
        switch key {
        case "args", "arguments", "parameters", "other parameters", "receive", "receives":
            return formatParameters(consumeFields(multiple: true), anchor: anchor)
        case "keyword args", "keyword arguments":
            return formatParameters(consumeFields(), fieldRole: "keyword", typeRole: "kwtype", anchor: anchor)
        case "attention", "caution", "danger", "error", "hint", "important", "note", "tip", "todo":
            return formatAdmonition(key, consumeToNextSection(), anchor: anchor)
        case "warning", "warnings":
            return formatAdmonition("warning", consumeToNextSection(), anchor: anchor)
        case "attributes":
            return attributes(anchor: anchor)
        case "example", "examples":
            return genericSection(key == "example" ? "Example" : "Examples", anchor: anchor)
        case "notes":
            return genericSection("Notes", anchor: anchor)
        case "references":
            return genericSection("References", anchor: anchor)
        case "methods":
            return methods(anchor: anchor)
        case "return", "returns":
            return returns(anchor: anchor)
        case "raise", "raises":
            return raises(anchor: anchor)
        case "see also":
            let content = consumeToNextSection()
            if style == .numpy, let converted = numpySeeAlso(content, anchor: anchor) { return converted }
            return formatAdmonition("seealso", content, anchor: anchor)
        case "warn", "warns":
            return formatFields("Warns", consumeFields(), anchor: anchor)
        case "yield", "yields":
            return formatFields("Yields", consumeReturnsSection(), anchor: anchor)
        default:
            return genericSection(section, anchor: anchor)
        }
    }

    // MARK: - Fields

    private mutating func consumeField(parseType: Bool, preferType: Bool) -> Field {
        let line = next()
        var name: String
        var type: NapoleonLine
        var description: [NapoleonLine]
        switch style {
        case .google:
            let (before, _, after) = NapoleonSyntax.partition(line)
            name = before.text
            type = NapoleonLine("", before.start)
            if parseType, let typed = NapoleonSyntax.typedArgument(before) {
                name = typed.name.trimmingWhitespace
                type = typed.type
            }
            name = NapoleonSyntax.escapeArguments(name, splitCommas: false)
            description = [after] + Self.dedent(consumeIndentedBlock(line.indent + 1))
        case .numpy:
            if parseType {
                let (before, _, after) = NapoleonSyntax.partition(line)
                name = before.text
                type = after
            } else {
                name = line.text.trimmingWhitespace
                type = NapoleonLine("", line.start)
            }
            name = NapoleonSyntax.escapeArguments(name, splitCommas: true)
            description = Self.dedent(consumeIndentedBlock(line.indent + 1))
        }
        if preferType, type.isEmpty {
            type = NapoleonLine(name, line.stripped.start)
            name = ""
        }
        description = Self.convert(description, style: style, depth: depth + 1)
        return Field(name: name, type: type, description: description, anchor: line.start)
    }

    private mutating func consumeFields(parseType: Bool = true, preferType: Bool = false,
                                        multiple: Bool = false) -> [Field] {
        _ = consumeEmpty()
        var fields: [Field] = []
        while !isSectionBreak() {
            let field = consumeField(parseType: parseType, preferType: preferType)
            if multiple, !field.name.isEmpty {
                for name in field.name.split(separator: ",", omittingEmptySubsequences: false) {
                    var copy = field
                    copy.name = String(name).trimmingWhitespace
                    fields.append(copy)
                }
            } else if !field.name.isEmpty || !field.type.isEmpty || !field.description.isEmpty {
                fields.append(field)
            }
        }
        return fields
    }

    private mutating func consumeReturnsSection() -> [Field] {
        if style == .numpy { return consumeFields(preferType: true) }
        let anchor = self.anchor
        let lines = Self.dedent(consumeToNextSection())
        guard let first = lines.first else { return [] }
        let (before, colon, after) = NapoleonSyntax.partition(first)
        var type = NapoleonLine("", first.start)
        var description = lines
        if colon {
            description = after.isEmpty ? Array(lines.dropFirst()) : [after] + lines.dropFirst()
            type = before
        }
        return [Field(name: "", type: type, description: Self.convert(description, style: style, depth: depth + 1),
                      anchor: anchor)]
    }

    // MARK: - Formatting

    private static func dedent(_ lines: [NapoleonLine]) -> [NapoleonLine] {
        let margin = lines.filter { !$0.isEmpty }.map(\.indent).min() ?? 0
        return lines.map { $0.dropping(margin) }
    }

    private static func indent(_ lines: [NapoleonLine], _ count: Int) -> [NapoleonLine] {
        let padding = String(repeating: " ", count: count)
        return lines.map { $0.prefixed(padding) }
    }

    private static func stripEmpty(_ lines: [NapoleonLine]) -> [NapoleonLine] {
        guard let first = lines.firstIndex(where: { !$0.isEmpty }),
              let last = lines.lastIndex(where: { !$0.isEmpty }) else { return [] }
        return Array(lines[first...last])
    }

    private static func formatBlock(_ prefix: String, _ lines: [NapoleonLine], padding: String? = nil,
                                    anchor: SourceLocation) -> [NapoleonLine] {
        guard !lines.isEmpty else { return [NapoleonLine(prefix, anchor)] }
        let pad = padding ?? String(repeating: " ", count: prefix.unicodeScalars.count)
        return lines.enumerated().map { index, line in
            if index == 0 { return line.prefixed(prefix).rstripped }
            return line.isEmpty ? line : line.prefixed(pad)
        }
    }

    private static func isList(_ lines: [NapoleonLine]) -> Bool {
        guard let first = lines.first else { return false }
        if NapoleonSyntax.startsList(first.text) { return true }
        if lines.count < 2 || first.text.hasSuffix("::") { return false }
        let nextIndent = lines.dropFirst().first { !$0.isEmpty }?.indent ?? first.indent
        return nextIndent > first.indent
    }

    private static func fixFieldDescription(_ description: [NapoleonLine]) -> [NapoleonLine] {
        guard let first = description.first else { return description }
        let blank = NapoleonLine("", first.start)
        if isList(description) { return [blank] + description }
        if first.text.hasSuffix("::") {
            let block = Array(description.dropFirst())
            let blockIndent = block.first { !$0.isEmpty }?.indent ?? 0
            if blockIndent > first.indent { return [blank] + description }
            return [blank, first] + indent(block, 4)
        }
        return description
    }

    private func formatParameters(_ fields: [Field], fieldRole: String = "param", typeRole: String = "type",
                                  anchor: SourceLocation) -> [NapoleonLine] {
        var result: [NapoleonLine] = []
        for field in fields {
            let description = Self.stripEmpty(field.description)
            if !description.isEmpty {
                result += Self.formatBlock(":\(fieldRole) \(field.name): ", Self.fixFieldDescription(description),
                                           anchor: field.anchor)
            } else {
                result.append(NapoleonLine(":\(fieldRole) \(field.name):", field.anchor))
            }
            if !field.type.isEmpty { result.append(field.type.prefixed(":\(typeRole) \(field.name): ")) }
        }
        return result + [NapoleonLine("", anchor)]
    }

    private static func formatField(name: String, type: NapoleonLine, description: [NapoleonLine],
                                    anchor: SourceLocation) -> [NapoleonLine] {
        let description = stripEmpty(description)
        let separator = description.isEmpty ? "" : " -- "
        var field: String
        if !name.isEmpty {
            if type.isEmpty {
                field = "**\(name)**\(separator)"
            } else {
                field = type.text.contains("`") ? "**\(name)** (\(type.text))\(separator)" : "**\(name)** (*\(type.text)*)\(separator)"
            }
        } else if !type.isEmpty {
            field = type.text.contains("`") ? "\(type.text)\(separator)" : "*\(type.text)*\(separator)"
        } else {
            field = ""
        }
        guard !description.isEmpty else { return [NapoleonLine(field, type.isEmpty ? anchor : type.start)] }
        let fixed = fixFieldDescription(description)
        if !fixed[0].isEmpty { return [fixed[0].prefixed(field)] + fixed.dropFirst() }
        return [NapoleonLine(field, fixed[0].start)] + fixed
    }

    private func formatFields(_ fieldType: String, _ fields: [Field], anchor: SourceLocation) -> [NapoleonLine] {
        let label = ":\(fieldType):"
        let padding = String(repeating: " ", count: label.count)
        var result: [NapoleonLine] = []
        for field in fields {
            let formatted = Self.formatField(name: field.name, type: field.type, description: field.description,
                                             anchor: field.anchor)
            if fields.count > 1 {
                result += Self.formatBlock((result.isEmpty ? label : padding) + " * ", formatted, anchor: field.anchor)
            } else {
                result += Self.formatBlock(label + " ", formatted, anchor: field.anchor)
            }
        }
        if let last = result.last, !last.isEmpty { result.append(NapoleonLine("", anchor)) }
        return result
    }

    private func formatAdmonition(_ name: String, _ lines: [NapoleonLine], anchor: SourceLocation) -> [NapoleonLine] {
        let lines = Self.stripEmpty(lines)
        if lines.count == 1 {
            return [lines[0].stripped.prefixed(".. \(name):: "), NapoleonLine("", anchor)]
        }
        if !lines.isEmpty {
            return [NapoleonLine(".. \(name)::", anchor), NapoleonLine("", anchor)]
                + Self.indent(Self.dedent(lines), 3) + [NapoleonLine("", anchor)]
        }
        return [NapoleonLine(".. \(name)::", anchor), NapoleonLine("", anchor)]
    }

    private mutating func genericSection(_ label: String, anchor: SourceLocation) -> [NapoleonLine] {
        let lines = Self.dedent(Self.stripEmpty(consumeToNextSection()))
        let header = [NapoleonLine(".. rubric:: \(label)", anchor), NapoleonLine("", anchor)]
        return lines.isEmpty ? header : header + lines + [NapoleonLine("", anchor)]
    }

    // MARK: - Sections with their own layout

    private mutating func attributes(anchor: SourceLocation) -> [NapoleonLine] {
        var result: [NapoleonLine] = []
        for field in consumeFields() {
            result.append(NapoleonLine(".. attribute:: " + field.name, field.anchor))
            result.append(NapoleonLine("", field.anchor))
            result += Self.indent(Self.formatField(name: "", type: NapoleonLine("", field.anchor),
                                                   description: field.description, anchor: field.anchor), 3)
            if !field.type.isEmpty {
                result.append(NapoleonLine("", field.anchor))
                result.append(field.type.prefixed("   :type: "))
            }
            result.append(NapoleonLine("", field.anchor))
        }
        return result
    }

    private mutating func methods(anchor: SourceLocation) -> [NapoleonLine] {
        var result: [NapoleonLine] = []
        for field in consumeFields(parseType: false) {
            result.append(NapoleonLine(".. method:: \(field.name)", field.anchor))
            if !field.description.isEmpty {
                result.append(NapoleonLine("", field.anchor))
                result += Self.indent(field.description, 3)
            }
            result.append(NapoleonLine("", field.anchor))
        }
        return result
    }

    private mutating func returns(anchor: SourceLocation) -> [NapoleonLine] {
        let fields = consumeReturnsSection()
        let multiple = fields.count > 1
        var result: [NapoleonLine] = []
        for field in fields {
            let formatted = Self.formatField(name: field.name,
                                             type: multiple ? field.type : NapoleonLine("", field.type.start),
                                             description: field.description, anchor: field.anchor)
            if multiple {
                result += Self.formatBlock(result.isEmpty ? ":returns: * " : "          * ", formatted, anchor: field.anchor)
            } else {
                if formatted.contains(where: { !$0.isEmpty }) {
                    result += Self.formatBlock(":returns: ", formatted, anchor: field.anchor)
                }
                if !field.type.isEmpty {
                    result += [field.type.prefixed(":rtype: "), NapoleonLine("", anchor)]
                }
            }
        }
        if let last = result.last, !last.isEmpty { result.append(NapoleonLine("", anchor)) }
        return result
    }

    private mutating func raises(anchor: SourceLocation) -> [NapoleonLine] {
        var result: [NapoleonLine] = []
        for field in consumeFields(parseType: false, preferType: true) {
            var type = field.type.text
            if let match = NapoleonSyntax.nameMatch(type), let name = match.name {
                type = name
            } else if NapoleonSyntax.startsWithReference(type), let tick = type.firstIndex(of: "`") {
                type = String(type[type.index(after: tick)...].dropLast())
            }
            let typeText = type.isEmpty ? "" : " " + type
            let description = Self.stripEmpty(field.description)
            if let first = description.first {
                result.append(first.prefixed(":raises\(typeText): "))
                result += description.dropFirst().map { $0.prefixed("    ") }
            } else {
                result.append(NapoleonLine(":raises\(typeText):", field.anchor))
            }
        }
        if !result.isEmpty { result.append(NapoleonLine("", anchor)) }
        return result
    }

    /// NumPy's `See Also` list (`name : description`, `a, b`); nil when an entry is not a name.
    private func numpySeeAlso(_ content: [NapoleonLine], anchor: SourceLocation) -> [NapoleonLine]? {
        var items: [(name: String, description: [String], role: String?)] = []
        var current: String?
        var rest: [String] = []
        var failed = false
        func push(_ name: String?, _ description: inout [String]) {
            guard let name, !name.isEmpty else { return }
            guard let match = NapoleonSyntax.nameMatch(name) else {
                failed = true
                return
            }
            if let role = match.role {
                items.append((match.name ?? "", description, role))
            } else {
                items.append((match.bare ?? "None", description, nil))
            }
            description = []
        }
        for line in content {
            let text = line.text
            if text.trimmingWhitespace.isEmpty { continue }
            if let match = NapoleonSyntax.nameMatch(text),
               String(String.UnicodeScalarView(text.unicodeScalars.dropFirst(match.end))).trimmingWhitespace.hasPrefix(":") {
                push(current, &rest)
                let scalars = text.unicodeScalars
                current = String(String.UnicodeScalarView(scalars.prefix(match.end)))
                let after = String(String.UnicodeScalarView(scalars.dropFirst(match.end)))
                let description = after.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
                    .dropFirst().first.map { String($0).trimmingWhitespace } ?? ""
                rest = description.isEmpty ? [] : [description]
            } else if !text.hasPrefix(" ") {
                push(current, &rest)
                current = nil
                if text.contains(",") {
                    for function in text.split(separator: ",", omittingEmptySubsequences: false)
                    where !String(function).trimmingWhitespace.isEmpty {
                        var none: [String] = []
                        push(String(function), &none)
                    }
                } else if !text.trimmingWhitespace.isEmpty {
                    current = text
                }
            } else if current != nil {
                rest.append(text.trimmingWhitespace)
            }
        }
        push(current, &rest)
        if failed { return nil }
        guard !items.isEmpty else { return [] }
        var lines: [String] = []
        var lastHadDescription = true
        for item in items {
            let link = item.role.map { ":\($0):`\(item.name)`" } ?? ":py:obj:`\(item.name)`"
            if !item.description.isEmpty || lastHadDescription {
                lines += ["", link]
            } else {
                lines[lines.count - 1] += ", " + link
            }
            if !item.description.isEmpty {
                lines.append("    " + item.description.joined(separator: " "))
                lastHadDescription = true
            } else {
                lastHadDescription = false
            }
        }
        lines.append("")
        return formatAdmonition("seealso", lines.map { NapoleonLine($0, anchor) }, anchor: anchor)
    }
}

extension String {
    /// Without leading and trailing whitespace (Python's `str.strip()`).
    var trimmingWhitespace: String {
        var scalars = unicodeScalars[...]
        while let first = scalars.first, NapoleonLine.isSpace(first) { scalars = scalars.dropFirst() }
        while let last = scalars.last, NapoleonLine.isSpace(last) { scalars = scalars.dropLast() }
        return String(String.UnicodeScalarView(scalars))
    }

    /// Without leading and trailing colons (Python's `str.strip(':')`).
    var trimmingColons: String {
        var scalars = unicodeScalars[...]
        while scalars.first == ":" { scalars = scalars.dropFirst() }
        while scalars.last == ":" { scalars = scalars.dropLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}
