import Highlighting

/// Code highlighting for literal blocks. The lexers live in the `Highlighting`
/// module; this keeps the HTML writer's entry point. Unknown languages are
/// escaped only.
public enum Highlighter {
    /// Highlighted, escaped HTML for `code`: Pygments-style `<span class="…">` tokens.
    public static func html(_ code: String, language name: String) -> String {
        Highlighting.html(code, language: name)
    }

    /// Whether `name` is a language the highlighter knows (see `Highlighting.isKnown`).
    public static func isKnown(_ name: String) -> Bool { Highlighting.isKnown(name) }
}
