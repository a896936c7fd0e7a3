import DocTree

extension BlockParser {
    func directive(_ lines: [Line], _ i: Int, name: String, markerEnd: Int, matchTitles: Bool) -> ([Node], Int, Bool) {
        let line = lines[i]
        guard let directive = ctx.options.directives.lookup(name) else {
            let block = lines.indentedBlock(from: i, stripIndent: false, firstIndent: 0)
            let text = block.lines.joinedText
            let info = ctx.systemMessage(.info, "rst.unknown-directive-info",
                "No directive entry for \"\(name)\" in module \"docutils.parsers.rst.languages.en\".\nTrying \"\(name)\" as canonical directive name.",
                line: line.number)
            let nameStart = line.column + 3
            let error = ctx.systemMessage(.error, "rst.unknown-directive", "Unknown directive type \"\(name)\".",
                                          line: line.number,
                                          range: SourceRange(start: SourceLocation(line: line.number, column: nameStart),
                                                             end: SourceLocation(line: line.number, column: nameStart + name.unicodeScalars.count)),
                                          details: [ParseContext.literal(text)],
                                          suggestions: closestNames(to: name, among: ctx.options.directives.names))
            return ([info, error], block.end, block.blankFinish)
        }
        let block = lines.indentedBlock(from: i, firstIndent: markerEnd, stripTop: false)
        // (only shown in error messages: capped so deeply nested blocks stay cheap)
        let blockText = Array(lines[i..<Swift.min(Swift.max(i + 1, block.end), i + 200)]).joinedTextTrimmed
        let wholeRange = SourceRange(start: lineRange(line).start,
                                     end: range(block.lines)?.end ?? lineRange(line).end)
        var call: DirectiveCall
        var contentLines: [Line] = []
        switch parseDirectiveBlock(block.lines, spec: directive.spec) {
        case .failure(let message):
            let error = ctx.systemMessage(.error, "rst.directive-error", "Error in \"\(name)\" directive:\n\(message).",
                                          line: line.number, range: wholeRange,
                                          details: [ParseContext.literal(blockText)])
            return ([error], block.end, block.blankFinish)
        case .success(let parsed):
            contentLines = parsed.content
            call = DirectiveCall(name: name, arguments: parsed.arguments, options: parsed.options,
                                 content: parsed.content.map { $0.string },
                                 contentLine: parsed.content.first?.number ?? (line.number + 1),
                                 contentColumn: parsed.content.first.map { $0.column } ?? 1,
                                 line: line.number, range: wholeRange, blockText: blockText)
            call.inSubstitutionDefinition = inSubstitution
            if inSubstitution, directive.spec.options["alt"] != nil, call.options["alt"] == nil {
                call.options["alt"] = .text(substitutionName)
            }
            call.parentKind = parentKind
            call.matchTitles = matchTitles
        }
        let host = DirectiveHostAdapter(parser: self, contentLines: contentLines)
        let nodes = directive.run(call, host)
        let blankFinish = block.blankFinish || (block.end < lines.count && lines[block.end].isBlank)
        return (nodes, block.end, blankFinish)
    }

    struct ParsedDirective {
        var arguments: [String]
        var options: [String: DirectiveOptionValue]
        var content: [Line]
    }

    enum DirectiveParseResult {
        case success(ParsedDirective)
        case failure(String)
    }

    func parseDirectiveBlock(_ indentedIn: [Line], spec: DirectiveSpec) -> DirectiveParseResult {
        var indented = indentedIn
        if let f = indented.first, f.isBlank { indented.removeFirst() }
        indented.trimTrailingBlanks()
        var argBlock: [Line] = []
        var content: [Line]
        var splitIndex = 0
        let takesArguments = spec.requiredArguments > 0 || spec.optionalArguments > 0
        if !indented.isEmpty && (takesArguments || !spec.options.isEmpty) {
            var k = 0
            while k < indented.count && !indented[k].isBlank { k += 1 }
            splitIndex = k
            argBlock = Array(indented[0..<k])
            content = k + 1 <= indented.count ? Array(indented[Swift.min(k + 1, indented.count)...]) : []
        } else {
            content = indented
        }
        var options: [String: DirectiveOptionValue] = [:]
        if !spec.options.isEmpty {
            if let optStart = argBlock.firstIndex(where: { $0.indent == 0 && FieldMarker.match($0.text) != nil }) {
                let optBlock = Array(argBlock[optStart...])
                argBlock = Array(argBlock[..<optStart])
                switch parseOptions(optBlock, spec: spec) {
                case .failure(let m): return .failure(m)
                case .success(let o): options = o
                }
            }
        }
        if !argBlock.isEmpty && !takesArguments {
            content = argBlock + Array(indented[splitIndex...])
            argBlock = []
        }
        content.trimLeadingBlanks()
        var arguments: [String] = []
        if takesArguments {
            let argText = argBlock.map { $0.string }.joined(separator: "\n")
            let words = argText.split(whereSeparator: { $0.isWhitespace }).map(String.init)
            if words.count < spec.requiredArguments {
                return .failure("\(spec.requiredArguments) argument(s) required, \(words.count) supplied")
            } else if words.count > spec.requiredArguments + spec.optionalArguments {
                if spec.finalArgumentWhitespace {
                    arguments = Self.splitMax(argText, spec.requiredArguments + spec.optionalArguments - 1)
                } else {
                    return .failure("maximum \(spec.requiredArguments + spec.optionalArguments) argument(s) allowed, \(words.count) supplied")
                }
            } else {
                arguments = words
            }
        }
        if !content.isEmpty && !spec.hasContent { return .failure("no content permitted") }
        return .success(ParsedDirective(arguments: arguments, options: options, content: content))
    }

    /// Python's str.split(None, maxsplit).
    static func splitMax(_ s: String, _ maxSplit: Int) -> [String] {
        var parts: [String] = []
        let a = Array(s.unicodeScalars)
        var k = 0
        while k < a.count {
            while k < a.count && a[k].properties.isWhitespace { k += 1 }
            if k >= a.count { break }
            if parts.count == maxSplit {
                var e = a.count
                while e > k && a[e - 1].properties.isWhitespace { e -= 1 }
                parts.append(InlineParser.string(a[k..<e]))
                break
            }
            let s0 = k
            while k < a.count && !a[k].properties.isWhitespace { k += 1 }
            parts.append(InlineParser.string(a[s0..<k]))
        }
        return parts
    }

    enum OptionsResult {
        case success([String: DirectiveOptionValue])
        case failure(String)
    }

    func parseOptions(_ block: [Line], spec: DirectiveSpec) -> OptionsResult {
        // parse as a field list; every line must be consumed
        var fields: [(String, [Line])] = []
        var i = 0
        var blankFinish = true
        while i < block.count {
            if block[i].isBlank { i += 1; continue }
            guard block[i].indent == 0, case .fieldMarker(let end) = BodyPattern.classify(block[i]) else {
                return .failure("invalid option block")
            }
            let line = block[i]
            var nameEnd = line.text.startIndex + end - 1
            while nameEnd > line.text.startIndex && line.text[nameEnd] != ":" { nameEnd -= 1 }
            let name = InlineParser.string(line.text[(line.text.startIndex + 1)..<nameEnd])
            let b = block.indentedBlock(from: i, firstIndent: end)
            fields.append((name, b.lines))
            i = b.end
            blankFinish = b.blankFinish
        }
        _ = blankFinish
        var options: [String: DirectiveOptionValue] = [:]
        for (rawName, body) in fields {
            let name = rawName.lowercased()
            if name.contains(where: { $0.isWhitespace }) {
                return .failure("invalid option data: extension option field name may not contain multiple words")
            }
            guard let kind = spec.options[name] else { return .failure("unknown option: \"\(name)\"") }
            var bodyLines = body
            bodyLines.trimTrailingBlanks()
            if bodyLines.contains(where: { $0.isBlank }) {
                return .failure("invalid option data: extension option field body may contain\na single paragraph only (option \"\(name)\")")
            }
            let value: String? = bodyLines.isEmpty ? nil : bodyLines.map { $0.string }.joined(separator: "\n")
            if options[name] != nil { return .failure("invalid option data: duplicate option \"\(name)\"") }
            switch OptionConverter.convert(value, kind) {
            case .success(let v): options[name] = v
            case .failure(let m): return .failure("invalid option value: (option: \"\(name)\"; value: \(value.map { "'\($0)'" } ?? "None"))\n\(m)")
            }
        }
        return .success(options)
    }
}

extension Array where Element == Line {
    /// Lines as text with trailing blank lines removed (docutils' block_text).
    var joinedTextTrimmed: String {
        var copy = self
        copy.trimTrailingBlanks()
        var out = String.UnicodeScalarView()
        for (k, l) in copy.enumerated() {
            if k > 0 { out.append("\n") }
            out.append(contentsOf: l.text)
        }
        return String(out)
    }
}
