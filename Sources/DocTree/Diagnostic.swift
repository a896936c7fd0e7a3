/// How serious a diagnostic is. The cases mirror docutils' system-message
/// levels (INFO, WARNING, ERROR, SEVERE); `severe` renders as an error.
public enum Severity: Int, Comparable, Sendable, CaseIterable, Codable {
    case info = 1
    case warning = 2
    case error = 3
    case severe = 4

    public static func < (a: Severity, b: Severity) -> Bool { a.rawValue < b.rawValue }

    /// The word shown to users.
    public var label: String {
        switch self {
        case .info: return "info"
        case .warning: return "warning"
        case .error, .severe: return "error"
        }
    }

    /// docutils' level name (for `system_message` nodes).
    public var docutilsName: String {
        switch self {
        case .info: return "INFO"
        case .warning: return "WARNING"
        case .error: return "ERROR"
        case .severe: return "SEVERE"
        }
    }

    public init?(label: String) {
        switch label.lowercased() {
        case "info", "note": self = .info
        case "warning": self = .warning
        case "error": self = .error
        case "severe", "fatal": self = .severe
        default: return nil
        }
    }
}

/// A problem found in the documentation: never thrown, always collected.
public struct Diagnostic: Hashable, Sendable, Codable {
    /// A secondary message, optionally with its own location (e.g. "first defined here").
    public struct Note: Hashable, Sendable, Codable {
        public var message: String
        public var file: SourceFile?
        public var range: SourceRange?

        public init(_ message: String, file: SourceFile? = nil, range: SourceRange? = nil) {
            self.message = message
            self.file = file
            self.range = range
        }
    }

    /// A stable identifier such as `ref.ref`, `rst.unknown-directive`, `config.unknown-key`.
    public var id: String
    public var severity: Severity
    public var message: String
    public var file: SourceFile?
    public var range: SourceRange?
    public var notes: [Note]
    /// Replacement candidates ("did you mean …").
    public var suggestions: [String]

    public init(id: String, severity: Severity, message: String, file: SourceFile? = nil,
                range: SourceRange? = nil, notes: [Note] = [], suggestions: [String] = []) {
        self.id = id
        self.severity = severity
        self.message = message
        self.file = file
        self.range = range
        self.notes = notes
        self.suggestions = suggestions
    }

    public static func error(_ id: String, _ message: String, file: SourceFile? = nil,
                             range: SourceRange? = nil) -> Diagnostic {
        Diagnostic(id: id, severity: .error, message: message, file: file, range: range)
    }

    public static func warning(_ id: String, _ message: String, file: SourceFile? = nil,
                               range: SourceRange? = nil) -> Diagnostic {
        Diagnostic(id: id, severity: .warning, message: message, file: file, range: range)
    }

    /// Sort key: file path, then position, then id — so output order never
    /// depends on which thread found a problem first.
    public static func ordered(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        let pa = a.file?.path ?? "", pb = b.file?.path ?? ""
        if pa != pb { return pa < pb }
        let la = a.range?.start ?? SourceLocation(line: 0, column: 0)
        let lb = b.range?.start ?? SourceLocation(line: 0, column: 0)
        if la != lb { return la < lb }
        if a.id != b.id { return a.id < b.id }
        return a.message < b.message
    }
}
