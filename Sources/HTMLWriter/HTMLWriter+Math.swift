import DocTree

extension HTMLWriter {
    /// Display math as Sphinx writes it for MathJax: a `div` with the
    /// equation's id; a numbered equation shows `(N)` with a permalink
    /// before the LaTeX; equations separated by blank lines are aligned in
    /// one `align` environment, and one holding `\\` is a `split`.
    /// `:nowrap:` math is written exactly as given.
    func writeMathBlock(_ node: Node, into out: inout String) {
        let text = node.textContent
        // The node's own classes come first, as in Sphinx's output.
        let classes = (node.classes + ["math", "notranslate", "nohighlight"]).joined(separator: " ")
        out += "<div class=\"\(classes.htmlEscaped)\"\(idAttribute(node))>\n" + extraAnchors(node)
        if node.attributes[AttributeKey.nowrap] == .bool(true) {
            out += text.htmlEscaped + "</div>\n"
            return
        }
        if let number = node.string(AttributeKey.number), let id = node.ids.first {
            out += "<span class=\"eqno\">(\(number.htmlEscaped))"
            out += "<a class=\"headerlink\" href=\"#\(id.htmlEscaped)\" title=\"Link to this equation\">¶</a></span>"
        }
        let parts = text.components(separatedBy: "\n\n").filter { !$0.allSatisfy(\.isWhitespace) }
        let equations = parts.map { $0.contains("\\\\") ? "\\begin{split}\($0)\\end{split}" : $0 }
        if equations.count > 1 {
            out += "\\[ \\begin{align}\\begin{aligned}" + equations.joined(separator: "\\\\").htmlEscaped
                + "\\end{aligned}\\end{align} \\]"
        } else {
            out += "\\[" + (equations.first ?? "").htmlEscaped + "\\]"
        }
        out += "</div>\n"
    }
}
