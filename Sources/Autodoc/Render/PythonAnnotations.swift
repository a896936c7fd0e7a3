import DocTree
import Domains

/// Annotations as Sphinx's autodoc shows them, worked out without importing.
///
/// autodoc reads annotations from the imported object and asks
/// `typing.get_type_hints` to evaluate them; when that works it shows each
/// type by where it is defined, shortened (`~click.core.Context` → `Context`,
/// `t.Optional[str]` → `str | None`, a module-level alias such as
/// `_Plugin = object` replaced by its value). When one name cannot be
/// evaluated (imported only under `if TYPE_CHECKING:`, say) and the module
/// postpones annotations, every annotation of that object stays as written.
/// This does the same statically: names are bound through the module's
/// definitions and imports (``APIStore/follow(_:)`` for the project's own
/// modules), and the same fallback applies.
struct PythonAnnotations {
    let store: APIStore
    let module: APIModule
    /// A module that does not postpone annotations holds them as objects already: a name that cannot be
    /// bound here (a string naming what only type checkers import) stays as written, the rest is evaluated.
    var lenient = false

    /// What a name in an annotation is bound to when the module runs.
    enum Binding {
        /// A runtime path (`click.core.Context`, `typing.Optional`, `int`).
        case path(String)
        /// A module-level alias (`_Plugin = object`): its value, in its module.
        case alias(PythonTypeExpression, APIModule)
        /// Not bound at run time, or not found.
        case unknown
    }

    /// How the annotations of one object are shown.
    enum Mode { case evaluated, asWritten }

    /// The mode for an object whose annotations are `texts`: evaluated unless a name in them does
    /// not bind and the module postpones annotations (then `get_type_hints` fails and none is evaluated).
    func mode(for texts: [String]) -> Mode {
        guard module.postponedAnnotations else { return .evaluated }
        let allBind = texts.allSatisfy { text in PythonTypeExpression.parse(text).flatMap { evaluate($0, depth: 0) } != nil }
        return allBind ? .evaluated : .asWritten
    }

    /// The mode for variables whose owner's annotations are `scoped`, each written in its own module
    /// (a class's and its bases').
    func mode(forScoped scoped: [(String, APIModule)]) -> Mode {
        guard module.postponedAnnotations else { return .evaluated }
        let allBind = scoped.allSatisfy { text, home in
            PythonTypeExpression.parse(text).flatMap { PythonAnnotations(store: store, module: home).evaluate($0, depth: 0) } != nil
        }
        return allBind ? .evaluated : .asWritten
    }

    /// Signature nodes for one annotation.
    func nodes(_ text: String, mode: Mode, document: String) -> [Node] {
        guard let parsed = PythonTypeExpression.parse(text) else {
            return PythonTypeExpression.annotationNodes(text, document: document)
        }
        if mode == .evaluated, let evaluated = evaluating.evaluate(parsed, depth: 0) {
            return evaluated.nodes(document: document, display: Self.shortName)
        }
        // As written; a name that binds still shows as written (as autodoc does with annotations it could not evaluate).
        return parsed.mapNames { .name($0) }.nodes(document: document)
    }

    /// An annotation as text for a type field: evaluated names as `~pkg.mod.Name` (shown `Name`), built-ins bare.
    func fieldText(_ text: String, mode: Mode) -> String {
        guard let parsed = PythonTypeExpression.parse(text) else { return text }
        guard mode == .evaluated, let evaluated = evaluating.evaluate(parsed, depth: 0) else { return parsed.text }
        // A name that does not bind stays as written (`te.Literal` when `te` is imported for type checking only).
        var written = parsed
        if case .literal(let value) = parsed, let inner = Self.stringValue(value), let expression = PythonTypeExpression.parse(inner) {
            written = expression
        }
        let unbound = Set(written.names.filter { if case .unknown = bind($0, depth: 0) { true } else { false } })
        return evaluated.mapNames { name in .name(name.contains(".") && !unbound.contains(name) ? "~" + name : name) }.text
    }

    /// This, lenient when the module does not postpone annotations.
    var evaluating: PythonAnnotations {
        var copy = self
        copy.lenient = !module.postponedAnnotations
        return copy
    }

    /// The text the nodes show.
    func text(_ text: String, mode: Mode) -> String {
        nodes(text, mode: mode, document: "").map(\.textContent).joined()
    }

    /// `~pkg.mod.Name` shows `Name`; built-in names show as they are.
    static func shortName(_ path: String) -> String {
        guard let dot = path.lastIndex(of: ".") else { return path }
        return String(path[path.index(after: dot)...])
    }

    // MARK: evaluation

    /// The expression with every name replaced by its runtime path and `typing` forms written as
    /// autodoc writes them; nil when a name does not bind.
    func evaluate(_ expression: PythonTypeExpression, depth: Int) -> PythonTypeExpression? {
        guard depth < 8 else { return nil }
        var failed = false
        let bound = expression.mapNames { name -> PythonTypeExpression in
            switch bind(name, depth: depth) {
            case .path(let path): return .name(path)
            case .alias(let value, let home):
                guard let evaluated = PythonAnnotations(store: store, module: home, lenient: lenient)
                    .evaluate(value, depth: depth + 1) else {
                    failed = !lenient
                    return .name(name)
                }
                return evaluated
            case .unknown:
                failed = !lenient
                return .name(name)
            }
        }
        guard !failed, let forwards = evaluateForwardReferences(bound, depth: depth) else { return nil }
        return Self.normalized(forwards)
    }

    /// String literals that are forward references (`List["Node"]`) are evaluated too (not those in `Literal[...]`).
    func evaluateForwardReferences(_ expression: PythonTypeExpression, depth: Int) -> PythonTypeExpression? {
        switch expression {
        case .literal(let value):
            guard let quote = value.first, quote == "'" || quote == "\"", value.count >= 2 else { return expression }
            let inner = Self.stringValue(value) ?? String(value.dropFirst().dropLast())
            guard let parsed = PythonTypeExpression.parse(inner) else { return lenient ? .name(inner) : nil }
            return evaluate(parsed, depth: depth + 1)
        case .item(let base, let arguments):
            // Not the strings of a `Literal[...]`, however it is spelled (`te.Literal` unbound stays as written).
            if case .name(let name) = base, name == "Literal" || name.hasSuffix(".Literal") {
                return expression
            }
            var out: [PythonTypeExpression] = []
            for argument in arguments {
                guard let evaluated = evaluateForwardReferences(argument, depth: depth) else { return nil }
                out.append(evaluated)
            }
            return .item(base, out)
        case .list(let items), .tuple(let items), .union(let items):
            var out: [PythonTypeExpression] = []
            for item in items {
                guard let evaluated = evaluateForwardReferences(item, depth: depth) else { return nil }
                out.append(evaluated)
            }
            if case .list = expression { return .list(out) }
            if case .tuple = expression { return .tuple(out) }
            return .union(out)
        case .name, .ellipsis:
            return expression
        }
    }

    /// A string literal's value, escapes decoded (`"te.Literal['\\n']"` is `te.Literal['\n']`); nil for other text.
    static func stringValue(_ literal: String) -> String? {
        guard let quote = literal.first, quote == "'" || quote == "\"" else { return nil }
        let token = PythonToken(kind: .string, text: literal, start: SourceLocation(line: 1, column: 1),
                                end: SourceLocation(line: 1, column: 1))
        return PythonStringLiteral(token)?.value
    }

    /// `Optional[X]` → `X | None`, `Union[A, B]` → `A | B` (nested unions flattened, repeats dropped),
    /// `Callable[..., R]` → `Callable[[...], R]`: what autodoc's stringifier writes.
    static func normalized(_ expression: PythonTypeExpression) -> PythonTypeExpression {
        switch expression {
        case .item(.name(let base), let arguments):
            let arguments = arguments.map(normalized)
            if Self.isTyping(base, "Optional"), arguments.count == 1 {
                return union(members(arguments[0]) + [.name("None")])
            }
            if Self.isTyping(base, "Union") { return union(arguments.flatMap(members)) }
            if Self.isTyping(base, "Callable") || base == "collections.abc.Callable",
               arguments.count == 2, arguments[0] == .ellipsis {
                return .item(.name(base), [.list([.ellipsis]), arguments[1]])
            }
            return .item(.name(base), arguments)
        case .item(let base, let arguments): return .item(normalized(base), arguments.map(normalized))
        case .list(let items): return .list(items.map(normalized))
        case .tuple(let items): return .tuple(items.map(normalized))
        case .union(let items): return union(items.map(normalized).flatMap(members))
        case .name, .literal, .ellipsis: return expression
        }
    }

    static func isTyping(_ path: String, _ name: String) -> Bool {
        path == "typing." + name || path == "typing_extensions." + name
    }

    static func members(_ expression: PythonTypeExpression) -> [PythonTypeExpression] {
        if case .union(let items) = expression { return items }
        return [expression]
    }

    static func union(_ items: [PythonTypeExpression]) -> PythonTypeExpression {
        var seen: [PythonTypeExpression] = []
        for item in items where !seen.contains(item) { seen.append(item) }
        return seen.count == 1 ? seen[0] : .union(seen)
    }

    // MARK: binding

    /// What `dotted` (as written in this module) is bound to at run time.
    func bind(_ dotted: String, depth: Int) -> Binding {
        let parts = dotted.split(separator: ".").map(String.init)
        guard let first = parts.first else { return .unknown }
        let rest = parts.dropFirst()
        if let local = module.member(named: first) {
            if module.typeCheckingNames.contains(first) { return .unknown }
            if !(local.kind == .data && local.value == "None" && module.imports.contains { $0.name == first }) {
                return bindLocal(local, rest: Array(rest))
            }
        }
        if let item = module.imports.last(where: { $0.name == first && $0.originalName != "*" && !$0.typeCheckingOnly }) {
            let target = (item.originalName.map { item.module + "." + $0 } ?? item.module)
                + rest.map { "." + $0 }.joined()
            return bindImported(target)
        }
        if module.imports.contains(where: { $0.name == first && $0.typeCheckingOnly }) { return .unknown }
        for item in module.imports where item.originalName == "*" && !item.typeCheckingOnly {
            if let source = store.module(named: item.module),
               source.all.map({ $0.contains(first) }) ?? !first.hasPrefix("_"),
               source.member(named: first) != nil || source.imports.contains(where: { $0.name == first }) {
                return PythonAnnotations(store: store, module: source).bind(dotted, depth: depth + 1)
            }
        }
        if rest.isEmpty, PythonBuiltins.names.contains(first) { return .path(first) }
        return .unknown
    }

    func bindLocal(_ object: APIObject, rest: [String]) -> Binding {
        if object.kind == .data || object.kind == .attribute, rest.isEmpty, let value = object.value,
           let alias = PythonTypeExpression.parse(value), !alias.names.isEmpty {
            return .alias(alias, module)
        }
        var path = object.qualifiedName
        var current = object
        for part in rest {
            guard let next = current.member(named: part) else { return .unknown }
            current = next
            path = next.qualifiedName
        }
        return .path(path)
    }

    /// A path imported from another module: where the project's own modules define it, else as imported.
    func bindImported(_ target: String) -> Binding {
        if let found = store.follow(target) {
            let object = found.object
            if object.kind == .data || object.kind == .attribute, let value = object.value,
               let alias = PythonTypeExpression.parse(value), !alias.names.isEmpty {
                return .alias(alias, found.definingModule)
            }
            return .path(found.canonicalName)
        }
        if store.module(named: target) != nil { return .path(target) }
        if let (module, _) = store.resolve(target), module.language == .python {
            // In a project module, but not found there: not bound.
            return .unknown
        }
        return .path(target)
    }
}
