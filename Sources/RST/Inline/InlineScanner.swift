import DocTree

/// One inline parse: scans escaped text left to right. End-string searches
/// are cached per kind and only move forward, so a run is linear in its length.
final class InlineScanner {
    let parser: InlineParser
    var ctx: ParseContext { parser.ctx }
    let s: [Unicode.Scalar]
    let n: Int
    let starts: [(offset: Int, line: Int, column: Int)]
    let line: Int

    var processed: [Node] = []
    var messages: [Node] = []
    /// Start of text not yet turned into nodes.
    var textStart = 0
    /// Where the "remaining" string starts (docutils' `^`).
    var anchor = 0

    var endCache: [EndKind: (from: Int, result: Int?)] = [:]
    var nameRunCache: (start: Int, end: Int) = (-1, -1)

    enum EndKind: Hashable { case emphasis, strong, literal, interpreted, target, substitution }

    init(parser: InlineParser, text: [Unicode.Scalar], starts: [(offset: Int, line: Int, column: Int)], line: Int) {
        self.parser = parser
        self.s = text
        self.n = text.count
        self.starts = starts
        self.line = line
    }

    // MARK: positions

    func location(_ offset: Int) -> SourceLocation {
        var lo = 0, hi = starts.count - 1
        if hi < 0 { return SourceLocation(line: line, column: 1) }
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if starts[mid].offset <= offset { lo = mid } else { hi = mid - 1 }
        }
        let st = starts[lo]
        return SourceLocation(line: st.line, column: st.column + offset - st.offset)
    }

    func range(_ a: Int, _ b: Int) -> SourceRange { SourceRange(start: location(a), end: location(b)) }

    func lineOf(_ offset: Int) -> Int { location(offset).line }

    // MARK: character tests

    func isWS(_ k: Int) -> Bool { k >= 0 && k < n && CharClasses.isWhitespace(s[k]) }

    var characterLevel: Bool { ctx.options.characterLevelInlineMarkup }

    func prefixOK(_ p: Int) -> Bool {
        if p == anchor || p == 0 { return true }
        if characterLevel { return s[p - 1] != InlineParser.nul }
        let c = s[p - 1]
        return CharClasses.isWhitespace(c) || CharClasses.isOpenerOrDelimiter(c)
    }

    /// end_string_suffix at k (limit = end of the string the regex sees).
    func suffixOK(_ k: Int, limit: Int? = nil) -> Bool {
        if k >= (limit ?? n) || characterLevel { return true }
        let c = s[k]
        return CharClasses.isWhitespace(c) || CharClasses.isCloserOrDelimiter(c)
    }

    func nonWSAfter(_ k: Int) -> Bool { k < n && !CharClasses.isWhitespace(s[k]) }

    func quotedStart(_ start: Int, _ end: Int) -> Bool {
        if start == 0 { return false }
        if end >= n { return true }
        return CharClasses.matches(s[start - 1], s[end])
    }

    // MARK: main loop

    func run() -> ([Node], [Node]) {
        var p = 0
        while p < n {
            let c = s[p]
            let candidate = c == "*" || c == "`" || c == "_" || c == "|" || c == "[" || c == ":" || InlineParser.isNameChar(c)
            if !candidate || !prefixOK(p) { p += 1; continue }
            if let next = tryConstruct(at: p) {
                p = next
                anchor = next
            } else {
                p += 1
            }
        }
        flushText(upTo: n)
        return (processed, messages)
    }

    /// Emits unprocessed text before `end` (with standalone hyperlinks).
    func flushText(upTo end: Int) {
        if end > textStart {
            processed += implicitInline(textStart, end)
        }
        textStart = end
    }

    func emit(_ nodes: [Node], from start: Int, to end: Int) {
        flushText(upTo: start)
        processed += nodes
        textStart = end
    }

    /// Tries the initial-pattern alternatives at `p`; returns the new scan position
    /// when something matched (including quoted/failed start-strings).
    func tryConstruct(at p: Int) -> Int? {
        let c = s[p]
        // start strings
        if c == "*" {
            if p + 1 < n && s[p + 1] == "*" {
                if nonWSAfter(p + 2) { return inlineObject(p, p + 2, kind: .strong) }
            } else if nonWSAfter(p + 1) {
                return inlineObject(p, p + 1, kind: .emphasis)
            }
        }
        if c == "`" && p + 1 < n && s[p + 1] == "`" && nonWSAfter(p + 2) {
            return inlineObject(p, p + 2, kind: .literal)
        }
        if c == "_" && p + 1 < n && s[p + 1] == "`" && nonWSAfter(p + 2) {
            return inlineObject(p, p + 2, kind: .target)
        }
        if c == "|" && !(p + 1 < n && s[p + 1] == "|") && nonWSAfter(p + 1) {
            return inlineObject(p, p + 1, kind: .substitution)
        }
        // whole constructs
        if InlineParser.isNameChar(c), let r = simpleReference(p) { return r }
        if c == "[", let r = footnoteReference(p) { return r }
        // backquote with optional role prefix
        if c == ":" , let nameEnd = nameRunEnd(p + 1), nameEnd + 1 < n, s[nameEnd] == ":", s[nameEnd + 1] == "`",
           !(nameEnd + 2 < n && s[nameEnd + 2] == "`"), nonWSAfter(nameEnd + 2) {
            let role = InlineParser.string(s[(p + 1)..<nameEnd])
            return interpreted(roleStart: p, backquote: nameEnd + 1, role: role)
        }
        if c == "`" && !(p + 1 < n && s[p + 1] == "`") && nonWSAfter(p + 1) {
            return interpreted(roleStart: p, backquote: p, role: nil)
        }
        return nil
    }

    /// Longest simple name from p, with a cache for runs such as `a-b-c-d`.
    func nameRunEnd(_ p: Int) -> Int? {
        guard p < n, InlineParser.isNameChar(s[p]) else { return nil }
        if p > nameRunCache.start && p < nameRunCache.end { return nameRunCache.end }
        guard let e = InlineParser.simpleNameEnd(s, p) else { return nil }
        nameRunCache = (p, e)
        return e
    }
}
