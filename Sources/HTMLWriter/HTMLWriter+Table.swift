import DocTree

extension HTMLWriter {
    /// docutils tables: `table > title? > tgroup > (colspec*, thead?, tbody)`,
    /// rows of `entry` nodes with `morecols`/`morerows` spans.
    func writeTable(_ node: Node, into out: inout String, state: inout State) {
        out += "<div class=\"table-wrapper\"><table\(idAttribute(node))\(classAttribute(["docutils"], node))>\n"
        for child in node.children {
            switch child.kind {
            case .title:
                out += "<caption>"
                writeChildren(child, into: &out, state: &state)
                out += "</caption>\n"
            case "tgroup":
                for part in child.children {
                    switch part.kind {
                    case "thead": writeRows(part, tag: "thead", cell: "th", into: &out, state: &state)
                    case "tbody": writeRows(part, tag: "tbody", cell: "td", into: &out, state: &state)
                    default: break
                    }
                }
            default:
                break
            }
        }
        out += "</table></div>\n"
    }

    private func writeRows(_ part: Node, tag: String, cell: String, into out: inout String, state: inout State) {
        out += "<\(tag)>\n"
        for row in part.children where row.kind == "row" {
            out += "<tr>"
            for entry in row.children where entry.kind == "entry" {
                var spans = ""
                if case .int(let n)? = entry.attributes["morecols"], n > 0 { spans += " colspan=\"\(n + 1)\"" }
                if case .int(let n)? = entry.attributes["morerows"], n > 0 { spans += " rowspan=\"\(n + 1)\"" }
                out += "<\(cell)\(classAttribute([], entry))\(spans)>"
                let saved = state.compactParagraphs
                state.compactParagraphs = entry.children.count == 1
                writeChildren(entry, into: &out, state: &state)
                state.compactParagraphs = saved
                out += "</\(cell)>"
            }
            out += "</tr>\n"
        }
        out += "</\(tag)>\n"
    }
}
