import DocTree
import Foundation

/// The text roles the Markdown reader understands on its own (cross-reference
/// roles come from the domains, through the shared role registry).
enum BuiltinRoles {
    /// Nodes for the role, or nil when the role is unknown.
    static func nodes(name: String, content: String, range: SourceRange, documentName: String) -> [Node]? {
        let lowered = name.lowercased()
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
}
