import DocTree

extension InlineScanner {
    /// Interpreted text (with a role prefix or suffix) or a phrase reference.
    func interpreted(roleStart: Int, backquote: Int, role prefixRole: String?) -> Int? {
        let contentStart = backquote + 1
        if prefixRole == nil && quotedStart(backquote, contentStart) { return contentStart }
        guard let (q, e) = findEnd(.interpreted, from: contentStart), q > contentStart else {
            let message = ctx.systemMessage(.warning, "rst.inline-markup",
                                            "Inline interpreted text or phrase reference start-string without end-string.",
                                            line: line, range: range(backquote, contentStart))
            let prb = problematic(raw(backquote, contentStart), message: message, range: range(backquote, contentStart))
            emit([prb], from: backquote, to: contentStart)
            return contentStart
        }
        var role = prefixRole
        var position = role == nil ? "" : "prefix"
        // suffix role?
        var suffixRole: String? = nil
        if q + 1 < e, s[q + 1] == ":" {
            var k = q + 2
            while k < e && s[k] != ":" { k += 1 }
            if k < e { suffixRole = InlineParser.string(s[(q + 2)..<k]) }
        }
        if let suffixRole {
            if role != nil {
                let message = ctx.systemMessage(.warning, "rst.multiple-roles",
                    "Multiple roles in interpreted text (both prefix and suffix present; only one allowed).",
                    line: line, range: range(roleStart, e))
                let prb = problematic(raw(roleStart, e), message: message, range: range(roleStart, e))
                emit([prb], from: roleStart, to: e)
                return e
            }
            role = suffixRole
            position = "suffix"
        }
        let rawSource = raw(backquote, e)
        if s[e - 1] == "_" {
            if role != nil {
                let message = ctx.systemMessage(.warning, "rst.role-and-reference",
                    "Mismatch: both interpreted text role \(position) and reference suffix.",
                    line: line, range: range(roleStart, e))
                let prb = problematic(raw(roleStart, e), message: message, range: range(roleStart, e))
                emit([prb], from: roleStart, to: e)
                return e
            }
            let anonymous = e - 2 > q && s[e - 2] == "_"
            phraseReference(start: backquote, contentStart: contentStart, contentEnd: q, end: e, anonymous: anonymous,
                            rawSource: rawSource)
            return e
        }
        let fullRaw = raw(roleStart, e)
        let nodes = callRole(role ?? "", rawText: fullRaw, escaped: Array(s[contentStart..<q]), range: range(roleStart, e),
                             start: roleStart, contentStart: contentStart)
        emit(nodes, from: roleStart, to: e)
        return e
    }

    func callRole(_ name: String, rawText: String, escaped: [Unicode.Scalar], range r: SourceRange, start: Int,
                  contentStart: Int) -> [Node] {
        let host = parser.block.roleHost
        let (role, lookupMessages, resolvedName) = parser.block.lookupRole(name, line: line)
        messages += lookupMessages
        guard let role else {
            let known = ctx.options.roles.names + Array(ctx.localRoles.keys)
            let message = ctx.systemMessage(.error, "rst.unknown-role", "Unknown interpreted text role \"\(name)\".",
                                            line: line, range: r, suggestions: closestNames(to: name, among: known))
            return [problematic(rawText, message: message, range: r)]
        }
        let call = RoleCall(name: resolvedName, rawText: rawText,
                            escapedText: InlineParser.string(escaped),
                            text: InlineParser.unescape(escaped), range: r, line: line,
                            options: parser.block.roleOptions[resolvedName] ?? [:])
        let (nodes, msgs) = role.run(call, host)
        messages += msgs
        return nodes
    }

    func phraseReference(start: Int, contentStart: Int, contentEnd: Int, end: Int, anonymous: Bool, rawSource: String) {
        let escaped = Array(s[contentStart..<contentEnd])
        let r = range(start, end)
        var nodes: [Node] = []
        if let (textEnd, aliasStart, aliasEnd) = embeddedLink(escaped) {
            let textPart = Array(escaped[0..<textEnd])
            let alias = Array(escaped[aliasStart..<aliasEnd])
            let rawAlias = InlineParser.restoreBackslashes(alias)
            let underscoreEscaped = rawAlias.hasSuffix("\\_")
            var target: Node
            var isName = false
            var aliasValue: String
            if alias.last == "_" && !(underscoreEscaped || InlineScanner.isAbsoluteURI(alias[...])) {
                isName = true
                aliasValue = Names.normalized(InlineParser.unescape(alias.dropLast()))
                target = Node(.target, attributes: ["refname": .string(aliasValue)], range: r)
            } else {
                var uri = InlineParser.removeUnescapedWhitespace(InlineParser.string(alias))
                uri = InlineParser.adjustURI(uri)
                if uri.hasSuffix("\\_") { uri = String(uri.dropLast(2)) + "_" }
                aliasValue = uri
                target = Node(.target, attributes: ["refuri": .string(uri)], range: r)
            }
            let display = textPart.isEmpty ? aliasValue : InlineParser.unescape(textPart)
            var ref = Node(.reference, attributes: ["name": .string(Names.whitespaceNormalized(display))],
                           children: [.text(display)], range: r)
            if anonymous {
                if isName { ref.attributes[AttributeKey.refname] = .string(aliasValue) } else { ref.attributes[AttributeKey.refuri] = .string(aliasValue) }
                nodes = [ref]
            } else {
                target.attributes[AttributeKey.names] = .list([Names.normalized(display)])
                if isName {
                    ref.attributes[AttributeKey.refname] = .string(aliasValue)
                } else {
                    ref.attributes[AttributeKey.refuri] = .string(aliasValue)
                }
                ctx.parentMessages += ctx.noteTarget(&target, explicit: false, line: (starts.last?.line ?? line) + 1)
                nodes = [ref, target]
            }
        } else {
            let text = InlineParser.unescape(escaped)
            var ref = Node(.reference, attributes: ["name": .string(Names.whitespaceNormalized(text))],
                           children: [.text(text)], range: r)
            if anonymous {
                ref.attributes[AttributeKey.anonymous] = .int(1)
            } else {
                ref.attributes[AttributeKey.refname] = .string(Names.normalized(text))
            }
            nodes = [ref]
        }
        emit(nodes, from: start, to: end)
    }

    /// `text <alias>` at the end of a phrase: (end of text, alias start, alias end).
    func embeddedLink(_ a: [Unicode.Scalar]) -> (Int, Int, Int)? {
        guard let last = a.last, last == ">", a.count >= 3 else { return nil }
        let close = a.count - 1
        // the alias must not contain unescaped angle brackets
        var k = close - 1
        while k >= 0 {
            if a[k] == "<" && !(k > 0 && a[k - 1] == InlineParser.nul) { break }
            if a[k] == ">" && !(k > 0 && a[k - 1] == InlineParser.nul) { return nil }
            k -= 1
        }
        guard k >= 0 else { return nil }
        let open = k
        let aliasStart = open + 1
        guard aliasStart < close, !CharClasses.isWhitespace(a[aliasStart]) else { return nil }
        let lastAlias = a[close - 1]
        if CharClasses.isWhitespace(lastAlias) || lastAlias == InlineParser.nul { return nil }
        // preceded by whitespace (or at start)
        var t = open
        if t > 0 {
            guard a[t - 1] == " " || a[t - 1] == "\n" else { return nil }
            while t > 0 && (a[t - 1] == " " || a[t - 1] == "\n") { t -= 1 }
        }
        return (t, aliasStart, close)
    }
}
