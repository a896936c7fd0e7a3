import Foundation

/// One entry of `myst_url_schemes`: a scheme whose links are external, and
/// optionally how to write them (`gh:org/repo` → `https://github.com/org/repo`).
///
/// As myst-parser: `[text](scheme:…)` is an external link only when its
/// scheme is listed here (matched as written, so `HTTPS:` is not `https:`);
/// any other scheme makes the destination a reference target (`[](releases:when)`
/// is the label `releases:when`), checked like every other one. An autolink
/// (`<scheme:…>`) of an unlisted scheme stays an external link as written.
public struct MySTURLScheme: Sendable, Equatable {
    /// The URL with `{{scheme}}`, `{{netloc}}`, `{{path}}`, `{{params}}`, `{{query}}`
    /// and `{{fragment}}` put in; nil: the link as written.
    public var url: String?
    /// The text of a link that has none of its own, with the same fields.
    public var title: String?
    /// Classes added to the reference.
    public var classes: [String]

    public init(url: String? = nil, title: String? = nil, classes: [String] = []) {
        self.url = url
        self.title = title
        self.classes = classes
    }

    /// myst-parser's default: `("http", "https", "mailto", "ftp")`.
    public static let defaults: [String: MySTURLScheme] = [
        "http": .init(), "https": .init(), "mailto": .init(), "ftp": .init(),
    ]

    /// The parts of `url` (`scheme:[//netloc]path[;params][?query][#fragment]`), as Python's urlparse splits them.
    static func parts(of url: String) -> [String: String] {
        var rest = Substring(url)
        var parts: [String: String] = ["scheme": "", "netloc": "", "path": "", "params": "", "query": "", "fragment": ""]
        if let colon = rest.firstIndex(of: ":") {
            parts["scheme"] = String(rest[..<colon])
            rest = rest[rest.index(after: colon)...]
        }
        if let hash = rest.firstIndex(of: "#") {
            parts["fragment"] = String(rest[rest.index(after: hash)...])
            rest = rest[..<hash]
        }
        if let question = rest.firstIndex(of: "?") {
            parts["query"] = String(rest[rest.index(after: question)...])
            rest = rest[..<question]
        }
        if rest.hasPrefix("//") {
            rest = rest.dropFirst(2)
            let end = rest.firstIndex(of: "/") ?? rest.endIndex
            parts["netloc"] = String(rest[..<end])
            rest = rest[end...]
        }
        if let semicolon = rest.lastIndex(of: ";"), !rest[semicolon...].contains("/") {
            parts["params"] = String(rest[rest.index(after: semicolon)...])
            rest = rest[..<semicolon]
        }
        parts["path"] = String(rest)
        return parts
    }

    /// `template` with each `{{field}}` (spaces inside the braces allowed) replaced by that part of `url`.
    static func expand(_ template: String, for url: String) -> String {
        let fields = parts(of: url)
        var out = ""
        var rest = Substring(template)
        while let open = rest.range(of: "{{") {
            out += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "}}") else {
                rest = rest[open.lowerBound...]
                break
            }
            let name = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            if let value = fields[name] {
                out += value
            } else {
                out += rest[open.lowerBound..<close.upperBound]
            }
            rest = rest[close.upperBound...]
        }
        return out + rest
    }
}
