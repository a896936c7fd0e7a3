import DocTree

/// Where a declaration (or its documentation) was found.
public struct APILocation: Hashable, Sendable {
    /// The file holding the declaration.
    public var file: SourceFile
    /// The declaration's keyword (`def`, `class`, `func` …) or the assignment's target.
    public var start: SourceLocation

    public init(file: SourceFile, start: SourceLocation) {
        self.file = file
        self.start = start
    }

    /// A one-point range at `start`, ready for a ``Diagnostic``.
    public var range: SourceRange { SourceRange(start: start, end: start) }
}
