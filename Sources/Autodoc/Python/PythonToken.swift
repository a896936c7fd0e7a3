import DocTree

/// A token of Python source, as the static extractor needs it.
struct PythonToken: Sendable {
    enum Kind: Sendable, Equatable {
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

    var kind: Kind
    var text: String
    var start: SourceLocation
    var end: SourceLocation

    func isOp(_ value: String) -> Bool { kind == .op && text == value }
    func isName(_ value: String) -> Bool { kind == .name && text == value }
}

/// A `#` comment, kept apart from the token stream (for `#:` doc comments).
struct PythonComment: Sendable {
    var text: String
    var start: SourceLocation
    /// Whether nothing but whitespace precedes the comment on its line.
    var ownLine: Bool
}

/// The first syntax error found in a Python file.
struct PythonSyntaxError: Error, Sendable {
    var message: String
    var location: SourceLocation
}
