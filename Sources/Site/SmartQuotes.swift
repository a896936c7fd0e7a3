import DocTree

/// Sphinx's default typography for reStructuredText pages (docutils' SmartQuotes
/// transform, `smartquotes_action = "qDe"`): straight quotes become curly ones
/// and apostrophes typographic (`q`), `--` and `---` en and em dashes (`D`),
/// `...` an ellipsis (`e`). Code, literals, math and raw markup keep their
/// characters. English quotes; one pass over the text, so linear.
enum SmartQuotes {
    struct Actions: Sendable, Equatable {
        var quotes = true
        var dashes = true
        var ellipses = true

        /// docutils' action letters: `q` quotes, `D` dashes (`--` en, `---` em),
        /// `d` (`--` em), `e` ellipses.
        init(_ letters: String = "qDe") {
            quotes = letters.contains("q")
            dashes = letters.contains("D") || letters.contains("d")
            ellipses = letters.contains("e")
            oldDashes = letters.contains("d") && !letters.contains("D")
        }

        var oldDashes = false
    }

    /// Elements whose text is never changed.
    static let skipped: Set<NodeKind> = [
        .literal, .literalBlock, .doctestBlock, .raw, .comment, "math", "math_block", "problematic", "image",
        "desc_signature", "desc_signature_line", "option_string", "kbd", .target, .substitutionDefinition,
        "productionlist",
    ]

    /// Cross-references whose text is code (Sphinx shows them as literals): options, environment variables.
    static let literalReferences: Set<String> = ["option", "envvar", "token", "program"]

    /// Elements whose text starts a new run (the quote context does not carry into them).
    static let blocks: Set<NodeKind> = [
        .paragraph, .title, .subtitle, .term, .classifier, .fieldName, .line, .attribution, .caption, "rubric",
        "entry", .listItem, .definition, .fieldBody, .blockQuote,
    ]

    static func apply(_ root: Node, actions: Actions = Actions()) -> Node {
        var previous: Character? = nil
        func visit(_ node: Node) -> Node {
            if skipped.contains(node.kind) || node.classes.contains("kbd") || node.attributes[AttributeKey.noSmartQuotes] != nil
                || (node.kind == .pendingXref && literalReferences.contains(node.string("reftype") ?? "")) {
                // Code still counts as a word before a quote: ``x``'s.
                if let last = node.textContent.last { previous = last }
                return node
            }
            if node.kind == .text {
                var copy = node
                copy.text = educate(node.text, previous: &previous, actions: actions)
                return copy
            }
            let block = blocks.contains(node.kind)
            if block { previous = nil }
            var copy = node
            copy.children = node.children.map(visit)
            if block { previous = nil }
            return copy
        }
        return visit(root)
    }

    /// Characters after which a quote opens.
    static func opens(after character: Character?) -> Bool {
        guard let c = character else { return true }
        return c.isWhitespace || "([{<\u{2018}\u{201C}-\u{2013}\u{2014}/".contains(c)
    }

    static func educate(_ text: String, previous: inout Character?, actions: Actions) -> String {
        guard text.contains(where: { $0 == "\"" || $0 == "'" || $0 == "-" || $0 == "." }) else {
            if let last = text.last { previous = last }
            return text
        }
        let chars = Array(text)
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var i = 0
        func emit(_ s: String, _ last: Character) { out += s; previous = last }
        while i < chars.count {
            let c = chars[i]
            let next: Character? = i + 1 < chars.count ? chars[i + 1] : nil
            switch c {
            case "\"" where actions.quotes:
                let open = opens(after: previous) && next.map { !$0.isWhitespace } ?? false
                emit(open ? "\u{201C}" : "\u{201D}", open ? "\u{201C}" : "\u{201D}")
            case "'" where actions.quotes:
                let open: Bool
                if let p = previous, p.isLetter || p.isNumber || ".,;:!?)]}\u{201D}\u{2019}".contains(p) {
                    open = false  // an apostrophe or a closing quote
                } else if let n = next, n.isNumber, opens(after: previous) {
                    open = false  // '80s
                } else {
                    open = opens(after: previous) && next.map { !$0.isWhitespace } ?? false
                }
                emit(open ? "\u{2018}" : "\u{2019}", open ? "\u{2018}" : "\u{2019}")
            case "-" where actions.dashes && next == "-":
                if i + 2 < chars.count, chars[i + 2] == "-", !actions.oldDashes {
                    emit("\u{2014}", "\u{2014}")
                    i += 3
                    continue
                }
                emit(actions.oldDashes ? "\u{2014}" : "\u{2013}", "\u{2013}")
                i += 2
                continue
            case "." where actions.ellipses && next == "." && i + 2 < chars.count && chars[i + 2] == ".":
                emit("\u{2026}", "\u{2026}")
                i += 3
                continue
            default:
                out.append(c)
                previous = c
            }
            i += 1
        }
        return out
    }
}

extension SiteConfig {
    /// The smart-quote replacements for this site; nil when off (also for the
    /// languages Sphinx leaves alone: Japanese and Chinese).
    var smartQuotesActions: SmartQuotes.Actions? {
        guard smartQuotes, !["ja", "zh_CN", "zh_TW"].contains(language) else { return nil }
        return SmartQuotes.Actions(smartQuotesAction)
    }
}
