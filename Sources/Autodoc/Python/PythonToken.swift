import DocTree

/// A token of Python source, as the static extractor needs it.
package struct PythonToken: Sendable {
    package enum Kind: Sendable, Equatable {
        case name
        case number
        /// Any string literal, prefix and quotes included (f-strings are one token).
        case string
        case op
        /// End of a logical line.
        case newline
        case indent
        case dedent
        case endOfFile
    }

    package var kind: Kind
    package var text: String
    package var start: SourceLocation
    package var end: SourceLocation

    package func isOp(_ value: String) -> Bool { kind == .op && text == value }
    package func isName(_ value: String) -> Bool { kind == .name && text == value }
}

/// A `#` comment, kept apart from the token stream (for `#:` doc comments).
package struct PythonComment: Sendable {
    var text: String
    var start: SourceLocation
    /// Whether nothing but whitespace precedes the comment on its line.
    var ownLine: Bool
}

/// The first syntax error found in a Python file.
package struct PythonSyntaxError: Error, Sendable {
    package var message: String
    package var location: SourceLocation
}
