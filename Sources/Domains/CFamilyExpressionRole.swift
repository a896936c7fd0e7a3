import DocTree
import Markup

/// `:c:expr:` / `:cpp:expr:` and `:c:texpr:` / `:cpp:texpr:`: an expression or
/// type shown inline — as code (`expr`, class `<domain>-expr`) or as text
/// (`texpr`, class `<domain>-texpr`), with Sphinx's `sig sig-inline <domain>` classes.
/// Sphinx also links the names inside the expression; Vellum shows it without links.
enum CFamilyExpressionRole {
    static func role(domain: String, asCode: Bool) -> Role {
        Role { call, _ in
            let text = call.text.split(whereSeparator: { $0 == "\n" }).joined(separator: " ")
            let classes: [String] = [asCode ? "\(domain)-expr" : "\(domain)-texpr", "sig", "sig-inline", domain]
            let node = Node(asCode ? .literal : .inline, attributes: ["classes": .list(classes)],
                            children: [.text(text)], range: call.range)
            return ([node], [])
        }
    }
}
