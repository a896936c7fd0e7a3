import DocTree
import Foundation

/// The one builder of cross-reference roles (Sphinx's `XRefRole`): every
/// domain's roles, in every markup, produce their `pending_xref` here.
///
/// `:role:`target``, `:role:`title <target>``, `:role:`!target`` (text
/// only, no link) and — where the domain's names are dotted or scoped —
/// `:role:`~a.b.c`` (shown as `c`) and `:role:`.c`` (searched in the
/// current scope first).
public struct XrefRole: Sendable {
    public var domain: String
    public var type: String
    /// Targets compare case-insensitively with whitespace collapsed (labels, terms).
    public var lowercase = false
    /// `title <target>` needs the space before `<`, so that `$<GENEX:arg>` is a
    /// target, not a title (declared domains); Sphinx's own roles take `title<target>`.
    public var titleNeedsSpace = false
    /// The link text is code (`literal`), not plain text (`inline`).
    public var codeStyle = true
    /// The node kind of the link text instead of `literal`/`inline` (Sphinx's `innernodeclass`: `emphasis`).
    public var innerKind: NodeKind?
    /// Function references show `()` after the name (Sphinx's `add_function_parentheses`).
    public var functionParentheses = false
    /// The separator of scoped names for `~` shortening (`.` for Python, `::` for C++), nil: no `~`.
    public var scopeSeparator: String?
    /// Unresolved references are reported (`refwarn`).
    public var warn = true

    public init(domain: String, type: String, lowercase: Bool = false, codeStyle: Bool = true,
                functionParentheses: Bool = false, scopeSeparator: String? = nil, warn: Bool = true) {
        self.domain = domain
        self.type = type
        self.lowercase = lowercase
        self.codeStyle = codeStyle
        self.functionParentheses = functionParentheses
        self.scopeSeparator = scopeSeparator
        self.warn = warn
    }

    public var role: Role {
        let spec = self
        return Role { call, host in
            // A backslash-escaped `<` (`vector\<int>`) never starts a target, as in Sphinx.
            let escaped = call.escapedText.range(of: "\u{0}<") != nil
                && call.escapedText.lastIndex(of: "<").map { call.escapedText[..<$0].hasSuffix("\u{0}") } == true
            return ([spec.node(text: call.text, range: call.range, document: host.documentName,
                               titleAllowed: !escaped)], [])
        }
    }

    /// The nodes for one use: a `pending_xref`, or the bare text for `!target`.
    public func node(text written: String, range: SourceRange?, document: String, titleAllowed: Bool = true) -> Node {
        var text = written
        var noLink = false
        if text.hasPrefix("!") { noLink = true; text.removeFirst() }
        var title: String
        var target: String
        var explicit = false
        if titleAllowed, let (t, g) = Self.explicitTitle(text, needsSpace: titleNeedsSpace) {
            title = t; target = g; explicit = true
        } else {
            title = text; target = text
        }
        var specific = false
        if let separator = scopeSeparator {
            if !explicit {
                title = String(title.drop(while: { $0 == "." }))
                target = String(target.drop(while: { $0 == "~" }))
                if title.hasPrefix("~") {
                    title.removeFirst()
                    if let last = title.range(of: separator, options: .backwards) {
                        title = String(title[last.upperBound...])
                    }
                }
            }
            if target.hasPrefix(".") { target.removeFirst(); specific = true }
        }
        if functionParentheses {
            // `f()` names the function `f` (Sphinx's fix_parens); the shown text ends in `()`.
            if target.hasSuffix("()") { target.removeLast(2) }
            if !explicit, !title.hasSuffix(")") { title += "()" }
        }
        if lowercase { target = Names.whitespaceNormalized(target).lowercased() }
        let classes: [String] = domain.isEmpty ? ["xref", type] : ["xref", domain, "\(domain)-\(type)"]
        let inner = Node(innerKind ?? (codeStyle ? .literal : .inline), attributes: ["classes": .list(classes)],
                         children: [.text(title)], range: range)
        if noLink { return inner }
        return PendingXref(domain: domain, type: type, target: target, explicit: explicit, document: document,
                           content: [inner], range: range, specific: specific, warn: warn).node
    }

    /// `title <target>` → (title, target); nil when the text has no explicit title.
    /// As in Sphinx, the space before `<` is optional (`title</path>`) unless `needsSpace`.
    public static func explicitTitle(_ text: String, needsSpace: Bool = false) -> (String, String)? {
        let t = text.trimmingWhitespace()
        guard t.hasSuffix(">"), let open = t.lastIndex(of: "<"), open > t.startIndex else { return nil }
        let before = t[..<open]
        if needsSpace, before.last?.isWhitespace != true { return nil }
        let title = before.trimmingWhitespace()
        let target = String(t[t.index(after: open)..<t.index(before: t.endIndex)])
        guard !title.isEmpty, !target.isEmpty else { return nil }
        return (title, target)
    }
}
