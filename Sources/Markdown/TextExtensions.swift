import DocTree
import Foundation

/// MyST's extensions that rewrite plain text (never code, never raw HTML):
/// `substitution` (`{{ name }}`), `linkify` (bare `https://…` and `www.…`
/// become links), `replacements` (`(c)` → ©, `--` → –, `...` → …) and
/// `smartquotes` (typographic quotes). Each is one left-to-right scan of a
/// text node.
extension MarkdownConverter {
    /// The nodes for one cmark text node, with the enabled text extensions applied.
    func textNodes(_ node: CmarkNode, range: SourceRange) -> [Node] {
        let extensions = settings.extensions
        guard settings.mystExtensions, !extensions.isEmpty else { return [.text(node.literal, range: range)] }
        var pieces: [Node] = [.text(node.literal, range: range)]
        if extensions.contains("substitution"), node.literal.contains("{{") {
            pieces = substituted(node.literal, range: range, node: node)
        }
        if extensions.contains("linkify"), linkDepth == 0 {
            pieces = pieces.flatMap { $0.isText ? Self.linkified($0.text, range: $0.range) : [$0] }
        }
        let replace = extensions.contains("replacements"), quotes = extensions.contains("smartquotes")
        if replace || quotes {
            var previous = node.start.column > 1 ? text.byte(line: node.start.line, column: node.start.column - 1) : nil
            pieces = pieces.map { piece in
                guard piece.isText else { previous = nil; return piece }
                var value = piece.text
                if replace { value = Self.replaced(value) }
                if quotes { value = Self.smartQuoted(value, before: previous) }
                previous = piece.text.utf8.last
                return .text(value, range: piece.range)
            }
        }
        return pieces
    }

    // MARK: substitution

    /// `{{ name }}` replaced by the value of `myst_substitutions` (read as inline Markdown);
    /// an unknown name is a warning and stays as written.
    func substituted(_ literal: String, range: SourceRange, node: CmarkNode) -> [Node] {
        // Where `{{ … }}` is, when the text is exactly its source (no escapes or entities).
        let exact = node.start.line == node.end.line && node.end.column - node.start.column + 1 == literal.utf8.count
        func place(_ part: Range<Substring.Index>) -> SourceRange {
            guard exact else { return range }
            let from = literal.utf8.distance(from: literal.startIndex, to: part.lowerBound)
            let to = literal.utf8.distance(from: literal.startIndex, to: part.upperBound)
            return text.range(CmarkPosition(line: node.start.line, column: node.start.column + from),
                              CmarkPosition(line: node.start.line, column: node.start.column + to - 1))
        }
        var output: [Node] = []
        var rest = Substring(literal)
        while let open = rest.range(of: "{{") {
            guard let close = rest[open.upperBound...].range(of: "}}") else { break }
            let name = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            if !rest[rest.startIndex..<open.lowerBound].isEmpty {
                output.append(.text(String(rest[rest.startIndex..<open.lowerBound]), range: range))
            }
            let reference = place(open.lowerBound..<close.upperBound)
            if let value = settings.substitutions[name] {
                output += substitutionNodes(name, value: value, range: reference)
                    ?? [.text(String(rest[open.lowerBound..<close.upperBound]), range: range)]
            } else {
                diagnose("md.substitution", .warning, "unknown substitution '\(name)' (myst_substitutions)", reference,
                         suggestions: closestNames(to: name, among: settings.substitutions.keys))
                output.append(.text(String(rest[open.lowerBound..<close.upperBound]), range: range))
            }
            rest = rest[close.upperBound...]
        }
        if !rest.isEmpty { output.append(.text(String(rest), range: range)) }
        return output
    }

    /// A paragraph that is only `{{ name }}`: the value read as blocks (a directive, a list …),
    /// every node placed at the paragraph. Nil when it is not such a paragraph or the name is unknown
    /// (the inline pass then reports it).
    func blockSubstitution(_ block: CmarkNode, context: Context) -> [Node]? {
        guard settings.mystExtensions, settings.extensions.contains("substitution"),
              block.start.line == block.end.line else { return nil }
        let line = sourceLines(of: block, context: context).joined().trimmingLeadingSpace()
        guard line.hasPrefix("{{"), line.hasSuffix("}}"), line.count > 4 else { return nil }
        let name = line.dropFirst(2).dropLast(2).trimmingCharacters(in: .whitespaces)
        guard !name.contains("{"), !name.contains("}"), let value = settings.substitutions[name] else { return nil }
        let where_ = range(of: block)
        guard let child = substitutionReader(for: name, value: value, range: where_) else { return nil }
        child.names = names
        child.directiveDepth = directiveDepth
        let parsed = CmarkReader.parse(MySTLineSyntax.rewrite(value), maxDepth: settings.maxNestingDepth)
        let nodes = child.blocks(parsed.root.children, context: context)
        names = child.names
        return finishSubstitution(child, nodes: nodes, range: where_)
    }

    /// A substitution's value as inline Markdown, every node placed at the reference; nil when
    /// it cannot be expanded (circular, or the page's budget is spent: reported).
    private func substitutionNodes(_ name: String, value: String, range: SourceRange) -> [Node]? {
        if !value.contains(where: { "*_`[]<>{}\\!&#~$".contains($0) }) { return [.text(value, range: range)] }
        // Read once per page: a value used many times is not parsed again (its expansion still counts).
        if substitutionStack.isEmpty, let known = substitutionCache[name] {
            guard spendSubstitutionBudget(known, range: range) else { return nil }
            return known.map { $0.placed(at: range) }
        }
        guard let child = substitutionReader(for: name, value: value, range: range) else { return nil }
        let parsed = CmarkReader.parse(value, maxDepth: settings.maxNestingDepth)
        var nodes: [Node] = []
        for block in parsed.root.children where block.kind == .paragraph {
            if !nodes.isEmpty { nodes.append(.text("\n")) }
            nodes += child.inlines(of: block, context: currentContext)
        }
        guard let finished = finishSubstitution(child, nodes: nodes, range: range) else { return nil }
        if substitutionStack.isEmpty { substitutionCache[name] = finished }
        return finished
    }

    /// A reader for one substitution value, or nil (with a warning) when `name` is already being expanded.
    private func substitutionReader(for name: String, value: String, range: SourceRange) -> MarkdownConverter? {
        if substitutionStack.contains(name) {
            diagnose("md.substitution", .warning,
                     "circular substitution: '\(name)' refers to itself (\((substitutionStack + [name]).joined(separator: " → ")))",
                     range)
            return nil
        }
        // A spent budget stops expansion before any more reading (values that double at each level).
        guard substitutionBudget.remaining > 0 else {
            _ = spendSubstitutionBudget([Node.text("")], range: range)
            return nil
        }
        let child = MarkdownConverter(file: SourceFile(path: file.path, text: value), documentName: documentName,
                                      options: settings)
        child.substitutionStack = substitutionStack + [name]
        child.substitutionBudget = substitutionBudget
        return child
    }

    /// The child's diagnostics moved to the reference, and the nodes placed there, within the page's budget.
    private func finishSubstitution(_ child: MarkdownConverter, nodes: [Node], range: SourceRange) -> [Node]? {
        diagnostics += child.diagnostics.map { var d = $0; d.range = range; d.file = file; return d }
        guard spendSubstitutionBudget(nodes, range: range) else { return nil }
        return nodes.map { $0.placed(at: range) }
    }

    /// Counts the nodes a substitution adds against the page's limit; false (reported once) past it.
    private func spendSubstitutionBudget(_ nodes: [Node], range: SourceRange) -> Bool {
        var count = 0
        for node in nodes { node.walk { _ in count += 1 } }
        guard substitutionBudget.remaining >= count else {
            if !substitutionBudget.reported {
                substitutionBudget.reported = true
                diagnose("md.substitution", .warning,
                         "substitutions on this page expand to more than \(SubstitutionBudget.limit) nodes; the rest are left as written",
                         range)
            }
            return false
        }
        substitutionBudget.remaining -= count
        return true
    }

    // MARK: linkify

    /// Bare URLs (`https://…`, `http://…`, `www.…`) in `text` as external references.
    static func linkified(_ text: String, range: SourceRange?) -> [Node] {
        guard text.contains("http") || text.contains("www.") else { return [.text(text, range: range)] }
        var output: [Node] = []
        let scalars = Array(text.unicodeScalars)
        var plainStart = 0
        var index = 0
        func startsURL(at i: Int) -> Int? {
            for prefix in ["https://", "http://", "www."] {
                let p = Array(prefix.unicodeScalars)
                if i + p.count < scalars.count, Array(scalars[i..<(i + p.count)]) == p { return p.count }
            }
            return nil
        }
        while index < scalars.count {
            let boundary = index == 0 || !(scalars[index - 1].properties.isAlphabetic || scalars[index - 1] == "/"
                                           || scalars[index - 1] == "." || scalars[index - 1] == "@")
            guard boundary, let prefixLength = startsURL(at: index) else { index += 1; continue }
            var end = index + prefixLength
            while end < scalars.count, !scalars[end].properties.isWhitespace, scalars[end] != "<", scalars[end] != ">",
                  scalars[end] != "\"" {
                end += 1
            }
            // Trailing punctuation ends the sentence, not the URL; a `)` only when unbalanced.
            var opened = scalars[index..<end].filter({ $0 == "(" }).count
            var closed = scalars[index..<end].filter({ $0 == ")" }).count
            while end > index + prefixLength {
                let last = scalars[end - 1]
                if ".,;:!?'*_".unicodeScalars.contains(last) {
                    end -= 1
                } else if last == ")", opened < closed {
                    closed -= 1
                    end -= 1
                } else if last == "(" {
                    opened -= 1
                    end -= 1
                } else {
                    break
                }
            }
            let host = scalars[(index + prefixLength)..<end]
            guard host.contains(where: { $0.properties.isAlphabetic || ("0"..."9").contains($0) }),
                  prefixLength != 4 || host.contains(".") else { index = end; continue }
            if plainStart < index {
                output.append(.text(String(String.UnicodeScalarView(scalars[plainStart..<index])), range: range))
            }
            let shown = String(String.UnicodeScalarView(scalars[index..<end]))
            let uri = prefixLength == 4 ? "http://" + shown : shown
            output.append(Node(.reference, attributes: ["refuri": .string(uri)], children: [.text(shown, range: range)],
                               range: range))
            plainStart = end
            index = end
        }
        if plainStart < scalars.count {
            output.append(.text(String(String.UnicodeScalarView(scalars[plainStart...])), range: range))
        }
        return output
    }

    // MARK: replacements and quotes

    /// markdown-it's typographic replacements: `(c)` `(r)` `(tm)` `+-`, `...`, `--`, `---`.
    static func replaced(_ text: String) -> String {
        guard text.contains(where: { "(+.-".contains($0) }) else { return text }
        var output = ""
        let characters = Array(text)
        var index = 0
        func matches(_ word: String) -> Bool {
            let w = Array(word)
            guard index + w.count <= characters.count else { return false }
            for (offset, c) in w.enumerated() where characters[index + offset].lowercased() != String(c) { return false }
            return true
        }
        while index < characters.count {
            let c = characters[index]
            if c == "(" {
                if matches("(c)") { output += "©"; index += 3; continue }
                if matches("(r)") { output += "®"; index += 3; continue }
                if matches("(tm)") { output += "™"; index += 4; continue }
            } else if c == "+", matches("+-") {
                output += "±"; index += 2; continue
            } else if c == "." , matches("...") {
                output += "…"
                index += 3
                while index < characters.count, characters[index] == "." { index += 1 }
                continue
            } else if c == "-" {
                var run = 0
                while index + run < characters.count, characters[index + run] == "-" { run += 1 }
                let before = index > 0 ? characters[index - 1] : " "
                if run == 3 { output += "—"; index += 3; continue }
                if run == 2, before != "-" { output += "–"; index += 2; continue }
                output += String(repeating: "-", count: run)
                index += run
                continue
            }
            output.append(c)
            index += 1
        }
        return output
    }

    /// Straight quotes made typographic: an opening quote after nothing, a space or an
    /// opening bracket, a closing one (or an apostrophe) elsewhere.
    static func smartQuoted(_ text: String, before: UInt8?) -> String {
        guard text.contains("\"") || text.contains("'") else { return text }
        var output = ""
        var previous: Character? = before.map { Character(UnicodeScalar($0)) }
        for c in text {
            if c == "\"" || c == "'" {
                let opening = previous == nil || previous!.isWhitespace || "([{\u{2018}\u{201C}-".contains(previous!)
                if c == "\"" { output += opening ? "\u{201C}" : "\u{201D}" } else { output += opening ? "\u{2018}" : "\u{2019}" }
            } else {
                output.append(c)
            }
            previous = c
        }
        return output
    }
}

/// How many nodes substitutions may still add to one page (shared by the readers of nested values).
final class SubstitutionBudget {
    static let limit = 200_000
    var remaining = limit
    var reported = false
}

extension Node {
    /// The node and its descendants, all at `range`.
    func placed(at range: SourceRange) -> Node {
        var copy = self
        copy.range = range
        if !copy.children.isEmpty { copy.children = copy.children.map { $0.placed(at: range) } }
        return copy
    }
}
