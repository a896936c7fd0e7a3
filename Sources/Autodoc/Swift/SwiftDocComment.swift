import DocTree
import SwiftSyntax

/// Turns the `///` and `/** */` comments in a declaration's leading trivia into
/// a Markdown ``Docstring``, with DocC's `- Parameters:`, `- Parameter x:`,
/// `- Returns:` and `- Throws:` items moved into ``DocFields``.
enum SwiftDocComment {
    /// One cleaned line of comment text and where its first character is in the file.
    struct Line {
        var text: String
        var start: DocTree.SourceLocation
    }

    /// The doc comment directly above a declaration (the last run of doc comments
    /// not separated from the declaration by a blank line or an ordinary comment).
    static func docstring(for node: some SyntaxProtocol, file: SourceFile, lines map: SwiftLineMap) -> Docstring? {
        var offset = node.position.utf8Offset
        var run: [Line] = []
        var newlines = 0
        for piece in node.leadingTrivia {
            let length = piece.sourceLength.utf8Length
            defer { offset += length }
            switch piece {
            case let .docLineComment(text):
                if newlines > 1 { run = [] }
                newlines = 0
                run.append(Line(text: String(text.dropFirst(3)), start: map.location(utf8Offset: offset + 3)))
            case let .docBlockComment(text):
                if newlines > 1 { run = [] }
                newlines = 0
                run.append(contentsOf: blockLines(text, offset: offset, map: map))
            case let .newlines(count), let .carriageReturnLineFeeds(count), let .carriageReturns(count):
                newlines += count
            case .spaces, .tabs, .formfeeds, .verticalTabs:
                break
            default:
                run = []
                newlines = 0
            }
        }
        if newlines > 1 { run = [] }
        guard !run.isEmpty else { return nil }
        let lines = dedent(run)
        let (body, fields) = extractFields(lines)
        var trimmed = body[...]
        while let first = trimmed.first, first.text.allSatisfy(\.isWhitespace) { trimmed = trimmed.dropFirst() }
        while let last = trimmed.last, last.text.allSatisfy(\.isWhitespace) { trimmed = trimmed.dropLast() }
        return Docstring(text: trimmed.map(\.text).joined(separator: "\n"), format: .markdown, file: file,
                         lineStarts: trimmed.map(\.start), fields: fields)
    }

    /// The lines of a `/** … */` comment without the markers and without a leading ` * ` column.
    static func blockLines(_ text: String, offset: Int, map: SwiftLineMap) -> [Line] {
        var inner = Substring(text).dropFirst(3)
        if inner.hasSuffix("*/") { inner = inner.dropLast(2) }
        var result: [Line] = []
        var lineOffset = offset + 3
        let rawLines = inner.split(separator: "\n", omittingEmptySubsequences: false)
        let starred = rawLines.dropFirst().filter { !$0.allSatisfy(\.isWhitespace) }
            .allSatisfy { $0.drop(while: { $0 == " " || $0 == "\t" }).hasPrefix("*") }
        for (index, raw) in rawLines.enumerated() {
            var line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            var skipped = 0
            if index > 0, starred {
                let indent = line.prefix { $0 == " " || $0 == "\t" }
                if line.dropFirst(indent.count).hasPrefix("*") {
                    skipped = indent.utf8.count + 1
                    line = line.dropFirst(indent.count + 1)
                }
            }
            result.append(Line(text: String(line), start: map.location(utf8Offset: lineOffset + skipped)))
            lineOffset += raw.utf8.count + 1
        }
        while let first = result.first, first.text.allSatisfy(\.isWhitespace) { result.removeFirst() }
        while let last = result.last, last.text.allSatisfy(\.isWhitespace) { result.removeLast() }
        return result
    }

    /// Removes the indentation common to all non-blank lines.
    static func dedent(_ lines: [Line]) -> [Line] {
        let margin = lines.filter { !$0.text.allSatisfy(\.isWhitespace) }
            .map { $0.text.prefix { $0 == " " || $0 == "\t" }.count }.min() ?? 0
        return lines.map { line in
            if line.text.allSatisfy(\.isWhitespace) { return Line(text: "", start: line.start) }
            let removed = line.text.prefix(margin)
            return Line(text: String(line.text.dropFirst(margin)),
                        start: DocTree.SourceLocation(line: line.start.line, column: line.start.column + removed.unicodeScalars.count))
        }
    }

    private static func indentation(_ text: String) -> Int { text.prefix { $0 == " " || $0 == "\t" }.count }

    /// A top-level list item (`- `, `* `, `+ `): its marker width and content.
    private static func listItem(_ text: String) -> (content: Substring, markerWidth: Int)? {
        let indent = indentation(text)
        let rest = text.dropFirst(indent)
        guard let marker = rest.first, marker == "-" || marker == "*" || marker == "+" else { return nil }
        let afterMarker = rest.dropFirst()
        guard afterMarker.first == " " else { return nil }
        let content = afterMarker.drop { $0 == " " }
        return (content, indent + (rest.count - content.count))
    }

    /// Splits `Keyword name: text` / `Keyword: text` (case-insensitive keyword).
    private static func field(_ content: Substring, keyword: String, named: Bool) -> (name: String, text: Substring)? {
        guard content.lowercased().hasPrefix(keyword.lowercased()) else { return nil }
        var rest = content.dropFirst(keyword.count)
        var name = ""
        if named {
            guard rest.first == " " else { return nil }
            rest = rest.drop { $0 == " " }
            let candidate = rest.prefix { $0 != ":" }
            guard !candidate.isEmpty, !candidate.contains(" "), rest.dropFirst(candidate.count).first == ":" else { return nil }
            name = String(candidate)
            rest = rest.dropFirst(candidate.count)
        }
        guard rest.first == ":" else { return nil }
        return (name, rest.dropFirst().drop { $0 == " " })
    }

    /// Moves the DocC field items out of the text.
    static func extractFields(_ lines: [Line]) -> ([Line], DocFields) {
        var fields = DocFields()
        var body: [Line] = []
        var index = 0
        /// Collects the continuation lines of an item that starts at `index` with content column `contentColumn`.
        func continuation(after start: Int, itemIndent: Int) -> (lines: [Line], next: Int) {
            var collected: [Line] = []
            var cursor = start + 1
            while cursor < lines.count {
                let text = lines[cursor].text
                if text.isEmpty {
                    // A blank line continues the item only if an indented line follows.
                    if cursor + 1 < lines.count, indentation(lines[cursor + 1].text) > itemIndent,
                       !lines[cursor + 1].text.isEmpty {
                        collected.append(lines[cursor])
                        cursor += 1
                        continue
                    }
                    break
                }
                guard indentation(text) > itemIndent else { break }
                collected.append(lines[cursor])
                cursor += 1
            }
            return (collected, cursor)
        }
        func makeField(name: String, first: Substring, firstStart: DocTree.SourceLocation, rest: [Line]) -> DocFields.Field {
            let restDedented = dedent(rest)
            var texts = [String(first)] + restDedented.map(\.text)
            var starts = [firstStart] + restDedented.map(\.start)
            while texts.count > 1, texts.last?.isEmpty == true { texts.removeLast(); starts.removeLast() }
            return DocFields.Field(name: name, text: texts.joined(separator: "\n"), lineStarts: starts)
        }
        func contentStart(_ line: Line, _ text: Substring) -> DocTree.SourceLocation {
            let column = line.text.unicodeScalars.count - text.unicodeScalars.count
            return DocTree.SourceLocation(line: line.start.line, column: line.start.column + column)
        }
        while index < lines.count {
            let line = lines[index]
            guard let (content, _) = listItem(line.text) else {
                body.append(line)
                index += 1
                continue
            }
            let itemIndent = indentation(line.text)
            if field(content, keyword: "Parameters", named: false) != nil {
                let (children, next) = continuation(after: index, itemIndent: itemIndent)
                var childIndex = 0
                while childIndex < children.count {
                    let child = children[childIndex]
                    if let (childContent, _) = listItem(child.text),
                       let (name, text) = parameterEntry(childContent) {
                        let childIndent = indentation(child.text)
                        var rest: [Line] = []
                        var cursor = childIndex + 1
                        while cursor < children.count, indentation(children[cursor].text) > childIndent || children[cursor].text.isEmpty {
                            rest.append(children[cursor])
                            cursor += 1
                        }
                        fields.parameters.append(makeField(name: name, first: text, firstStart: contentStart(child, text), rest: rest))
                        childIndex = cursor
                    } else {
                        childIndex += 1
                    }
                }
                index = next
            } else if let (name, text) = field(content, keyword: "Parameter", named: true) {
                let (rest, next) = continuation(after: index, itemIndent: itemIndent)
                fields.parameters.append(makeField(name: name, first: text, firstStart: contentStart(line, text), rest: rest))
                index = next
            } else if let (_, text) = field(content, keyword: "Returns", named: false) {
                let (rest, next) = continuation(after: index, itemIndent: itemIndent)
                fields.returns = makeField(name: "", first: text, firstStart: contentStart(line, text), rest: rest)
                index = next
            } else if let (_, text) = field(content, keyword: "Throws", named: false) {
                let (rest, next) = continuation(after: index, itemIndent: itemIndent)
                fields.throws = makeField(name: "", first: text, firstStart: contentStart(line, text), rest: rest)
                index = next
            } else {
                body.append(line)
                index += 1
            }
        }
        return (body, fields)
    }

    /// `name: text` inside a `- Parameters:` list.
    private static func parameterEntry(_ content: Substring) -> (String, Substring)? {
        let name = content.prefix { $0 != ":" }
        guard !name.isEmpty, !name.contains(" "), content.dropFirst(name.count).first == ":" else { return nil }
        return (String(name), content.dropFirst(name.count + 1).drop { $0 == " " })
    }
}
