import DocTree

/// What an extractor produced: the modules it could read and the problems it found.
/// A module with a syntax error is missing from ``modules`` and explained in ``diagnostics``.
public struct ExtractionResult: Sendable {
    public var modules: [APIModule]
    public var diagnostics: [Diagnostic]

    public init(modules: [APIModule] = [], diagnostics: [Diagnostic] = []) {
        self.modules = modules
        self.diagnostics = diagnostics
    }

    /// The module with the given name, if it was extracted.
    public func module(named name: String) -> APIModule? { modules.first { $0.name == name } }
}
