import DocTree

/// Registers every built-in directive.
enum StandardDirectives {
    static func register(into r: inout DirectiveRegistry) {
        Admonitions.register(into: &r)
        CodeBlock.register(into: &r)
        Toctree.register(into: &r)
    }
}
