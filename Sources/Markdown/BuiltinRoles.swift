import DocTree
import Foundation

/// The roles the Markdown reader understands on its own, following the
/// cross-reference conventions in TEAM.md (Sphinx-style `pending_xref`).
enum BuiltinRoles {
    static let standardXrefRoles: Set<String> = [
        "ref", "doc", "term", "numref", "keyword", "option", "envvar", "token", "any", "download",
    ]
    static let lowercasedTargets: Set<String> = ["ref", "term", "numref"]
    static let codeRoles: Set<String> = [
        "class", "func", "meth", "mod", "attr", "exc", "data", "obj", "const", "type", "struct",
        "enum", "protocol", "var", "property", "init", "case", "typealias", "macro", "member",
    ]
    static let functionRoles: Set<String> = ["func", "meth"]

    /// Nodes for the role, or nil when the role is unknown.
    static func nodes(name: String, content: String, range: SourceRange, documentName: String) -> [Node]? {
        let lowered = name.lowercased()
        let parts = lowered.split(separator: ":", maxSplits: 1).map(String.init)
        var domain = parts.count == 2 ? parts[0] : ""
        let type = parts.count == 2 ? parts[1] : parts[0]
        if domain.isEmpty || domain == "std" {
            if standardXrefRoles.contains(type) {
                return [xref(domain: type == "doc" ? "" : "std", type: type, content: content,
                             range: range, documentName: documentName, code: type == "option")]
            }
            if domain.isEmpty, codeRoles.contains(type) { domain = "py" }
        }
        if ["py", "swift", "c", "cpp", "js"].contains(domain), codeRoles.contains(type) {
            return [xref(domain: domain, type: type, content: content, range: range,
                         documentName: documentName, code: true)]
        }
        let textNode = Node.text(content, range: range)
        switch lowered {
        case "code", "literal", "samp":
            return [Node(.literal, children: [textNode], range: range)]
        case "file", "kbd", "command", "program", "mimetype", "makevar", "regexp":
            return [Node(.literal, attributes: ["classes": .list([lowered])], children: [textNode], range: range)]
        case "emphasis", "dfn", "menuselection", "guilabel":
            return [Node(.emphasis, children: [textNode], range: range)]
        case "strong":
            return [Node(.strong, children: [textNode], range: range)]
        case "sub", "subscript":
            return [Node("subscript", children: [textNode], range: range)]
        case "sup", "superscript":
            return [Node("superscript", children: [textNode], range: range)]
        case "math":
            return [Node("math", children: [textNode], range: range)]
        case "abbr":
            var abbreviation = Node("abbreviation", range: range)
            if let split = explicitTitle(content) {
                abbreviation.attributes["explanation"] = .string(split.target)
                abbreviation.children = [.text(split.title, range: range)]
            } else {
                abbreviation.children = [textNode]
            }
            return [abbreviation]
        case "title-reference", "title", "t":
            return [Node(.titleReference, children: [textNode], range: range)]
        default:
            return nil
        }
    }

    /// `title <target>` → (title, target).
    static func explicitTitle(_ content: String) -> (title: String, target: String)? {
        guard content.hasSuffix(">"), let open = content.lastIndex(of: "<"), open > content.startIndex else { return nil }
        let before = content[..<open]
        guard before.last == " " || before.last == "\n" else { return nil }
        let title = before.trimmingLeadingSpace()
        let target = String(content[content.index(after: open)..<content.index(before: content.endIndex)])
        guard !title.isEmpty, !target.isEmpty else { return nil }
        return (title, target)
    }

    /// An `extlinks` role: the URL pattern (and caption pattern) with `%s` replaced by the target.
    static func extlink(url: String, caption: String?, content: String, range: SourceRange) -> Node {
        var target = content
        var title: String?
        if let split = explicitTitle(content) {
            target = split.target
            title = split.title
        }
        let uri = url.replacingOccurrences(of: "%s", with: target)
        let text = title ?? caption.map { $0.replacingOccurrences(of: "%s", with: target) } ?? uri
        return Node(.reference, attributes: ["refuri": .string(uri), "classes": .list(["extlink"])],
                    children: [.text(text, range: range)], range: range)
    }

    static func xref(domain: String, type: String, content: String, range: SourceRange,
                     documentName: String, code: Bool) -> Node {
        var title = content
        var target = content
        var explicit = false
        if let split = explicitTitle(content) {
            title = split.title
            target = split.target
            explicit = true
        }
        var suppressLink = false
        if !explicit, target.hasPrefix("!") {
            suppressLink = true
            target.removeFirst()
            title = target
        }
        if !explicit, target.hasPrefix("~") {
            target.removeFirst()
            title = String(target.split(separator: ".").last ?? Substring(target))
        }
        if !explicit, functionRoles.contains(type), !title.hasSuffix(")") { title += "()" }
        if lowercasedTargets.contains(type) { target = Identifiers.normalizeName(target) }
        let classes = ["xref", domain.isEmpty ? "std" : domain, "\(domain.isEmpty ? "std" : domain)-\(type)"]
        let inner = Node(code ? .literal : .inline, attributes: ["classes": .list(classes)],
                         children: [.text(title, range: range)], range: range)
        if suppressLink { return inner }
        return Node(.pendingXref, attributes: [
            "refdomain": .string(domain), "reftype": .string(type), "reftarget": .string(target),
            "refexplicit": .bool(explicit), "refdoc": .string(documentName), "refwarn": .bool(true),
        ], children: [inner], range: range)
    }
}
