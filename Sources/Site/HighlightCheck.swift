import DocTree
import HTMLWriter

/// Code blocks in a language no lexer knows are escaped only, with the warning
/// Sphinx gives for them (`misc.highlighting_failure`).
enum HighlightCheck {
    static func diagnostics(_ document: Document) -> [Diagnostic] {
        var found: [Diagnostic] = []
        document.root.walk { node in
            guard node.kind == .literalBlock, let language = node.string(AttributeKey.language), !language.isEmpty,
                  !Highlighter.isKnown(language) else { return }
            found.append(.warning("highlight.unknown-language", "Pygments lexer name '\(language)' is not known",
                                  file: document.source, range: node.range))
        }
        return found
    }
}
