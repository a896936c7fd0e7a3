import DocTree

/// Registers every built-in directive.
enum StandardDirectives {
    static func register(into r: inout DirectiveRegistry) {
        Admonitions.register(into: &r)
        CodeBlock.register(into: &r)
        Toctree.register(into: &r)
        BodyDirectives.register(into: &r)
        BodyDirectives.registerRaw(into: &r)
        SubstitutionDirectives.register(into: &r)
        DocumentDirectives.register(into: &r)
        Images.register(into: &r)
        TableDirectives.register(into: &r)
        Include.register(into: &r)
        SphinxDirectives.register(into: &r)
        LiteralInclude.register(into: &r)
        DoctestDirectives.register(into: &r)
    }
}
