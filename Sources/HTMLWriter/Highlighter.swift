import Highlighting

/// Code highlighting for literal blocks. The lexers live in the `Highlighting`
/// module; this keeps the HTML writer's entry point and adds what Sphinx's
/// Pygments bridge adds on top of Pygments. Unknown languages are escaped only.
public enum Highlighter {
    /// Highlighted, escaped HTML for `code`: Pygments-style `<span class="…">` tokens.
    /// As in Sphinx, a Python block that starts with `>>>` is an interactive session.
    public static func html(_ code: String, language name: String) -> String {
        let python: Set<String> = ["py", "python", "py3", "python3", "default"]
        if python.contains(name.lowercased()), code.hasPrefix(">>>") {
            return Highlighting.html(code, language: "pycon")
        }
        return Highlighting.html(code, language: name)
    }

    /// Whether `name` is a language the highlighter knows (see `Highlighting.isKnown`).
    public static func isKnown(_ name: String) -> Bool { Highlighting.isKnown(name) }
}
