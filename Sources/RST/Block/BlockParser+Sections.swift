import DocTree

extension BlockParser {
    /// East-Asian-wide characters count twice when comparing title and underline lengths.
    func columnWidth(_ t: ArraySlice<Unicode.Scalar>) -> Int {
        var w = 0
        for c in t {
            let v = c.value
            if c.properties.generalCategory == .nonspacingMark { continue }
            if (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
                || (0xFFE0...0xFFE6).contains(v) || (0x20000...0x3FFFD).contains(v) {
                w += 2
            } else {
                w += 1
            }
        }
        return w
    }

    func rstripped(_ t: ArraySlice<Unicode.Scalar>) -> ArraySlice<Unicode.Scalar> { t[t.startIndex..<trimEnd(t)] }

    /// Text.underline: a title line followed by an adornment line. Returns
    /// false when it is ordinary text after all.
    func underlinedTitle(_ lines: [Line], _ i: inout Int, _ out: inout [Node], matchTitles: Bool) -> Bool {
        let titleLine = lines[i], underLine = lines[i + 1]
        let title = rstripped(titleLine.text)
        let underline = rstripped(underLine.text)
        var messages: [Node] = []
        let blockText = titleLine.string + "\n" + underLine.string
        if columnWidth(title) > underline.count {
            if underline.count < 4 {
                if matchTitles {
                    out.append(ctx.systemMessage(.info, "rst.short-underline",
                        "Possible title underline, too short for the title.\nTreating it as ordinary text because it's so short.",
                        line: underLine.number))
                }
                return false
            }
            messages.append(ctx.systemMessage(.warning, "rst.short-underline", "Title underline too short.",
                                              line: underLine.number, range: lineRange(underLine),
                                              details: [ParseContext.literal(blockText)]))
        }
        if !matchTitles {
            out += messages
            out.append(ctx.systemMessage(.error, "rst.unexpected-title", "Unexpected section title.",
                                         line: underLine.number, range: lineRange(titleLine),
                                         details: [ParseContext.literal(blockText)]))
            i += 2
            return true
        }
        let source = InlineParser.string(title) + "\n" + InlineParser.string(underline)
        i += 2
        section(title: Line(text: title, number: titleLine.number, columnBase: titleLine.columnBase), style: [underline.first!], source: source,
                line: titleLine.number, messages: messages, range: SourceRange(
                    start: SourceLocation(line: titleLine.number, column: titleLine.column),
                    end: SourceLocation(line: underLine.number, column: underLine.endColumn)), &out)
        return true
    }

    /// Body.line: an adornment line that is an overline, a transition, or text.
    func adornmentLine(_ lines: [Line], _ i: inout Int, _ out: inout [Node], matchTitles: Bool) -> Bool {
        let marker = lines[i]
        let markerText = rstripped(marker.text)
        if !matchTitles {
            if markerText.count == 2 && markerText.allSatisfy({ $0 == ":" }) { return false }
            if markerText.count < 4 {
                out.append(ctx.systemMessage(.info, "rst.short-overline",
                    "Unexpected possible title overline or transition.\nTreating it as ordinary text because it's so short.",
                    line: marker.number))
                return false
            }
            out.append(ctx.systemMessage(.error, "rst.unexpected-title", "Unexpected section title or transition.",
                                         line: marker.number, range: lineRange(marker),
                                         details: [ParseContext.literal(marker.string)]))
            i += 1
            return true
        }
        let j = i + 1
        // Line.eof / Line.blank: a transition.
        if j >= lines.count || lines[j].isBlank {
            if markerText.count < 4 { return false }
            out.append(Node(.transition, range: lineRange(marker)))
            i = j
            return true
        }
        let titleLine = lines[j]
        if BodyPattern.isAdornment(titleLine.text) && titleLine.indent == 0 {
            // Line.underline
            let blockText = marker.string + "\n" + titleLine.string
            if markerText.count < 4 {
                out.append(shortOverline(line: marker.number))
                return false
            }
            out.append(ctx.systemMessage(.error, "rst.invalid-adornment", "Invalid section title or transition marker.",
                                         line: marker.number, range: lineRange(marker),
                                         details: [ParseContext.literal(blockText)]))
            i += 2
            return true
        }
        // Line.text: overline, title, underline.
        guard j + 1 < lines.count else {
            let blockText = marker.string + "\n" + titleLine.string
            if markerText.count < 4 {
                out.append(shortOverline(line: marker.number))
                return false
            }
            out.append(ctx.systemMessage(.error, "rst.incomplete-title", "Incomplete section title.",
                                         line: marker.number, range: lineRange(marker),
                                         details: [ParseContext.literal(blockText)]))
            i = j + 1
            return true
        }
        let underLine = lines[j + 1]
        let underline = rstripped(underLine.text)
        let source = marker.string + "\n" + titleLine.string + "\n" + underLine.string
        if !(BodyPattern.isAdornment(underLine.text) && underLine.indent == 0) {
            if markerText.count < 4 {
                out.append(shortOverline(line: marker.number))
                return false
            }
            out.append(ctx.systemMessage(.error, "rst.missing-underline",
                                         "Missing matching underline for section title overline.",
                                         line: marker.number, range: lineRange(marker),
                                         details: [ParseContext.literal(source)]))
            i = j + 2
            return true
        }
        if Array(underline) != Array(markerText) {
            if markerText.count < 4 {
                out.append(shortOverline(line: marker.number))
                return false
            }
            out.append(ctx.systemMessage(.error, "rst.adornment-mismatch", "Title overline & underline mismatch.",
                                         line: marker.number, range: lineRange(marker),
                                         details: [ParseContext.literal(source)]))
            i = j + 2
            return true
        }
        let titleText = rstripped(titleLine.text)
        var messages: [Node] = []
        if columnWidth(titleText.dropFirst(titleLine.indent)) + titleLine.indent > markerText.count {
            if markerText.count < 4 {
                out.append(shortOverline(line: marker.number))
                return false
            }
            messages.append(ctx.systemMessage(.warning, "rst.short-overline", "Title overline too short.",
                                              line: marker.number, range: lineRange(marker),
                                              details: [ParseContext.literal(source)]))
        }
        i = j + 2
        section(title: Line(text: titleText.dropFirst(titleLine.indent), number: titleLine.number, columnBase: titleLine.columnBase),
                style: [markerText.first!, underline.first!], source: source, line: titleLine.number,
                messages: messages, range: SourceRange(
                    start: SourceLocation(line: marker.number, column: marker.column),
                    end: SourceLocation(line: underLine.number, column: underLine.endColumn)), &out)
        return true
    }

    func shortOverline(line: Int) -> Node {
        ctx.systemMessage(.info, "rst.short-overline",
                          "Possible incomplete section title.\nTreating the overline as ordinary text because it's so short.",
                          line: line)
    }

    /// check_subsection + new_subsection, emitting a flat section marker.
    func section(title: Line, style: [Unicode.Scalar], source: String, line: Int, messages: [Node],
                 range: SourceRange, _ out: inout [Node]) {
        let oldLevel = ctx.sectionLevel
        let newLevel = (ctx.titleStyles.firstIndex(of: style) ?? ctx.titleStyles.count) + 1
        if newLevel > oldLevel + 1 {
            let styles = ctx.titleStyles.map { $0.map { String($0) }.joined(separator: "/") }.joined(separator: " ")
            out.append(ctx.systemMessage(.error, "rst.title-level",
                                         "Inconsistent title style: skip from level \(oldLevel) to \(newLevel).",
                                         line: line, range: range,
                                         details: [ParseContext.literal(source),
                                                   Node(.paragraph, children: [.text("Established title styles: \(styles)")])]))
            return
        }
        if newLevel > ctx.titleStyles.count { ctx.titleStyles.append(style) }
        ctx.sectionLevel = newLevel
        let (textNodes, titleMessages) = inlineText([title])
        let titleNode = Node(.title, children: textNodes, range: lineRange(title))
        var marker = Node(Self.sectionMarker, attributes: ["level": .int(newLevel)], range: range)
        marker.attributes[AttributeKey.names] = .list([Names.normalized(titleNode.textContent)])
        let dupMessages = ctx.noteTarget(&marker, explicit: false, line: title.number + 1)
        marker.children = [titleNode] + messages + titleMessages + dupMessages
        out.append(marker)
    }
}
