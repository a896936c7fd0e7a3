import DocTree

/// The per-document context pass (Sphinx's `ref_context`): walks a page in
/// document order, tracks the current Python module and class and the current
/// program, and
/// - completes Python object signatures (`module`, `class`, `fullname`, ids, the `module.` prefix);
/// - gives options the program they belong to (`program`, ids `cmdoption-<program>-…`);
/// - gives every `pending_xref` with `refdomain` "py" its `py:module` / `py:class` context
///   (and `:option:` references their `std:program`);
/// - removes the `py_currentmodule` / `std_program` marker nodes the directives leave;
/// - keeps the scope of other domains (`domain_scope` markers of `js:module`, `cpp:namespace` …,
///   enclosing descriptions that nest, or — for `parentscope` ones such as `js:method Pool.drain` —
///   the parent of the described name) and completes their signatures and references with it;
/// - numbers the page's labelled equations (``EquationNumbers``).
///
/// Pure and idempotent: values already present are kept. Call it after
/// ``AutodocExpander`` (when used) and before collecting targets.
public enum DomainContext {
    public static let currentModuleKind: NodeKind = "py_currentmodule"
    public static let programKind: NodeKind = "std_program"
    public static let scopeKind: NodeKind = "domain_scope"

    struct State {
        /// Sphinx's `add_module_names`: a top-level object's signature shows its module (`shop.checkout`).
        var addModuleNames = true
        var module: String?
        var className: String?
        var program: String?
        /// The current scope of other domains (C++ namespace, JS module, enclosing object), by domain.
        var scopes: [String: [String]] = [:]
        /// Scopes whose members are also named in the scope around them (unscoped enums):
        /// `domain fullname` → the enclosing scope ("" for the root).
        var transparentScopes: [String: String] = [:]
        /// How many of a domain's scopes were added by enclosing descriptions (a JS class) rather than directives.
        var nestedScopes: [String: Int] = [:]

        func scope(_ domain: String) -> String? {
            guard let top = scopes[domain]?.last, !top.isEmpty else { return nil }
            return top
        }

        /// The scope the scope directives set (JS's module) and, inside
        /// nesting descriptions, the part of the scope they added (`Pool` in `routers.Pool`).
        func scopeParts(_ domain: String, separator: String) -> (directive: String?, nested: String?) {
            let stack = scopes[domain] ?? []
            let depth = min(nestedScopes[domain] ?? 0, stack.count)
            let base = stack.count > depth ? stack[stack.count - depth - 1] : ""
            let directive = base.isEmpty ? nil : base
            guard depth > 0, let top = stack.last, !top.isEmpty else { return (directive, nil) }
            if let directive, top.hasPrefix(directive + separator) {
                return (directive, String(top.dropFirst(directive.count + separator.count)))
            }
            return (directive, top)
        }
    }

    /// The marker scope directives leave (`cpp:namespace`, `js:module` …).
    public static func scopeMarker(domain: String, operation: ScopeDirective.Operation, scope: String,
                                   range: SourceRange?) -> Node {
        Node(scopeKind, attributes: ["domain": .string(domain), "operation": .string(operation.rawValue),
                                     "scope": .string(scope)], range: range)
    }

    static func applyScopeMarker(_ marker: Node, state: inout State) {
        let domain = marker.string(AttributeKey.domain) ?? ""
        let scope = marker.string("scope") ?? ""
        var stack = state.scopes[domain] ?? []
        switch marker.string("operation") {
        case "push":
            if let separator = marker.string("separator"), let top = stack.last, !top.isEmpty, !scope.isEmpty {
                stack.append(scope.hasPrefix(separator) ? String(scope.dropFirst(separator.count)) : top + separator + scope)
            } else {
                stack.append(scope)
            }
        case "pop": if !stack.isEmpty { stack.removeLast() }
        default: stack = [scope]; state.nestedScopes[domain] = 0
        }
        state.scopes[domain] = stack
    }

    /// `addModuleNames`: Sphinx's `add_module_names`; false leaves the module out of the
    /// signatures of top-level Python objects (a prefix written in the signature stays).
    public static func apply(_ root: Node, addModuleNames: Bool = true) -> Node {
        var state = State()
        state.addModuleNames = addModuleNames
        return process(EquationNumbers.apply(root), state: &state)
    }

    /// The marker `py:currentmodule` leaves (empty name: no module).
    public static func currentModuleMarker(_ module: String, range: SourceRange?) -> Node {
        Node(currentModuleKind, attributes: ["module": .string(module)], range: range)
    }

    /// The marker `program` leaves (empty name: no program).
    public static func programMarker(_ program: String, range: SourceRange?) -> Node {
        Node(programKind, attributes: ["program": .string(program)], range: range)
    }

    static func process(_ node: Node, state: inout State) -> Node {
        var copy = node
        switch node.kind {
        case .pendingXref:
            copy = contextualized(copy, state: state)
        case "desc":
            return describe(node, state: &state)
        default:
            break
        }
        guard !copy.children.isEmpty else { return copy }
        var children: [Node] = []
        children.reserveCapacity(copy.children.count)
        for child in copy.children {
            if child.isText { children.append(child); continue }
            if child.kind == currentModuleKind {
                let name = child.string(AttributeKey.module) ?? ""
                state.module = name.isEmpty ? nil : name
                continue
            }
            if child.kind == scopeKind {
                applyScopeMarker(child, state: &state)
                continue
            }
            if child.kind == programKind {
                let name = child.string(AttributeKey.program) ?? ""
                state.program = name.isEmpty ? nil : name
                continue
            }
            if child.kind == .target, child.attributes[AttributeKey.isModule] == .bool(true), let name = child.string(AttributeKey.fullname) {
                state.module = name
            }
            children.append(process(child, state: &state))
        }
        copy.children = children
        return copy
    }

    static func contextualized(_ xref: Node, state: State) -> Node {
        var copy = xref
        // `:any:` carries every context (Sphinx's AnyXRefRole): the module and class for Python, the program for options.
        if xref.string(AttributeKey.refdomain) == "", xref.string(AttributeKey.reftype) == "any" {
            if copy.attributes["py:module"] == nil, let module = state.module { copy.attributes["py:module"] = .string(module) }
            if copy.attributes["py:class"] == nil, let name = state.className { copy.attributes["py:class"] = .string(name) }
            return copy
        }
        switch xref.string(AttributeKey.refdomain) {
        case "py":
            if copy.attributes["py:module"] == nil, let module = state.module { copy.attributes["py:module"] = .string(module) }
            if copy.attributes["py:class"] == nil, let name = state.className { copy.attributes["py:class"] = .string(name) }
        case "std":
            if xref.string(AttributeKey.reftype) == "option", copy.attributes["std:program"] == nil, let program = state.program {
                copy.attributes["std:program"] = .string(program)
            }
        case let domain?:
            let key = "\(domain):scope"
            if copy.attributes[key] == nil, let scope = state.scope(domain) { copy.attributes[key] = .string(scope) }
            // The scope the scope directives set (JS's module), below those enclosing descriptions added.
            let stack = state.scopes[domain] ?? [], depth = state.nestedScopes[domain] ?? 0
            if depth > 0, copy.attributes["\(domain):base"] == nil, stack.count > depth,
               !stack[stack.count - depth - 1].isEmpty {
                copy.attributes["\(domain):base"] = .string(stack[stack.count - depth - 1])
            }
        default:
            break
        }
        return copy
    }

    static func describe(_ desc: Node, state: inout State) -> Node {
        var copy = desc
        let domain = desc.string(AttributeKey.domain) ?? ""
        let objtype = desc.string(AttributeKey.objtype) ?? ""
        var inner = state
        var first = true
        for index in copy.children.indices where copy.children[index].kind == "desc_signature" {
            var signature = copy.children[index]
            if domain == "py" {
                signature = completePython(signature, state: state)
                if first {
                    inner.module = signature.string(AttributeKey.module) ?? state.module
                    let fullname = signature.string(AttributeKey.fullname) ?? ""
                    let relative = inner.module.map { fullname.hasPrefix($0 + ".") ? String(fullname.dropFirst($0.count + 1)) : fullname } ?? fullname
                    if objtype == "class" || objtype == "exception" {
                        inner.className = relative
                    } else if let className = signature.string(AttributeKey.className), !className.isEmpty {
                        inner.className = className
                    }
                }
            } else if domain == "std", objtype == "option" {
                signature = completeOption(signature, state: state)
            } else if let separator = signature.string(AttributeKey.scopesep) {
                if signature.attributes["showscope"] == .bool(true), signature.attributes["scoped"] == nil {
                    signature = showScope(signature, parts: state.scopeParts(domain, separator: separator))
                }
                signature = completeScoped(signature, separator: separator, scope: state.scope(domain))
                if let scope = state.scope(domain), let parent = state.transparentScopes[domain + " " + scope],
                   signature.string(AttributeKey.canonical) == nil, let fullname = signature.string(AttributeKey.fullname),
                   fullname.hasPrefix(scope + separator) {
                    // A member of an unscoped enum is also known in the enum's own scope.
                    let name = String(fullname.dropFirst(scope.count + separator.count))
                    signature.attributes[AttributeKey.canonical] = .string(parent.isEmpty ? name : parent + separator + name)
                }
                if first, let fullname = signature.string(AttributeKey.fullname) {
                    if desc.attributes[AttributeKey.nests] == .bool(true) {
                        inner.scopes[domain, default: []].append(fullname)
                        inner.nestedScopes[domain, default: 0] += 1
                        if desc.attributes["transparent"] == .bool(true) {
                            inner.transparentScopes[domain + " " + fullname] = state.scope(domain) ?? ""
                        }
                    } else if desc.attributes["parentscope"] == .bool(true),
                              let last = fullname.range(of: separator, options: .backwards),
                              String(fullname[..<last.lowerBound]) != state.scope(domain) {
                        // `.. js:method:: Pool.drain()`: its content is in `Pool`'s scope, as in Sphinx.
                        inner.scopes[domain, default: []].append(String(fullname[..<last.lowerBound]))
                        inner.nestedScopes[domain, default: 0] += 1
                    }
                }
            }
            first = false
            // References inside a signature (`cpp:alias` lines) are in the scope the signature is in.
            if signature.first(where: { $0.kind == .pendingXref }) != nil {
                var scoped = state
                signature = process(signature, state: &scoped)
            }
            copy.children[index] = signature
        }
        for index in copy.children.indices where copy.children[index].kind != "desc_signature" {
            var scoped = inner
            copy.children[index] = process(copy.children[index], state: &scoped)
            // Module changes inside a class body end with it; elsewhere they persist.
            if domain != "py" { state.module = scoped.module; state.program = scoped.program }
            if (inner.nestedScopes[domain] ?? 0) == (state.nestedScopes[domain] ?? 0) { state.scopes = scoped.scopes }
        }
        return copy
    }

    /// Adds module and class context to a Python signature that has no `fullname` yet.
    static func completePython(_ signature: Node, state: State) -> Node {
        guard signature.attributes[AttributeKey.fullname] == nil,
              let nameIndex = signature.children.firstIndex(where: { $0.kind == "desc_name" }) else { return signature }
        let name = signature.children[nameIndex].textContent
        // A signature that could not be parsed is shown as written and gets no context.
        guard !name.isEmpty, name.allSatisfy({ $0 == "_" || $0.isLetter || $0.isNumber }) else { return signature }
        var copy = signature
        let prefix = signature.string(AttributeKey.className).flatMap { $0.isEmpty ? nil : $0 }
        let module = signature.string(AttributeKey.module) ?? state.module
        var relative: String
        var shownPrefix = prefix
        var addModule = false
        if let className = state.className {
            if let prefix, prefix == className || prefix.hasPrefix(className + ".") {
                relative = prefix + "." + name
                shownPrefix = String(prefix.dropFirst(className.count)).trimming(".")
            } else if let prefix {
                relative = className + "." + prefix + "." + name
            } else {
                relative = className + "." + name
            }
        } else {
            relative = prefix.map { $0 + "." + name } ?? name
            addModule = prefix == nil && state.addModuleNames
        }
        let fullname = module.map { $0 + "." + relative } ?? relative
        if let module { copy.attributes[AttributeKey.module] = .string(module) }
        if let dot = relative.lastIndex(of: ".") {
            copy.attributes[AttributeKey.className] = .string(String(relative[..<dot]))
        } else {
            copy.attributes[AttributeKey.className] = nil
        }
        copy.attributes[AttributeKey.fullname] = .string(fullname)
        if copy.attributes[AttributeKey.ids] != nil { copy.attributes[AttributeKey.ids] = .list([DomainID.make(prefix: "", fullname)]) }
        // The shown prefix: trimmed when it repeats the class; `module.` for top-level objects.
        if prefix != shownPrefix, let prefix,
           let index = copy.children.firstIndex(where: { $0.kind == "desc_addname" && $0.textContent == prefix + "." }) {
            if let shown = shownPrefix, !shown.isEmpty {
                copy.children[index] = DescNodes.part("desc_addname", shown + ".")
            } else {
                copy.children.remove(at: index)
            }
        }
        if addModule, let module, let index = copy.children.firstIndex(where: { $0.kind == "desc_name" }) {
            copy.children.insert(DescNodes.part("desc_addname", module + "."), at: index)
        }
        return copy
    }

    /// Puts a scoped domain's signature in the current scope (`ns` + `::` + `parse`); a name
    /// written from the root (`::parse`) keeps no scope. Ids follow the full name.
    static func completeScoped(_ signature: Node, separator: String, scope: String?) -> Node {
        guard signature.attributes["scoped"] == nil, var fullname = signature.string(AttributeKey.fullname) else { return signature }
        var copy = signature
        copy.attributes["scoped"] = .bool(true)
        if fullname.hasPrefix(separator) {
            fullname.removeFirst(separator.count)
        } else if let scope {
            fullname = scope + separator + fullname
        }
        copy.attributes[AttributeKey.fullname] = .string(fullname)
        if copy.attributes[AttributeKey.ids] != nil, let format = signature.string(AttributeKey.idFormat) {
            copy.attributes[AttributeKey.ids] = .list([ObjectDescription.anchor(format, fullname)])
        }
        return copy
    }

    /// Shows the scope before a signature's name as Sphinx's JavaScript
    /// domain does: the enclosing objects (`Pool.` for a method described in
    /// class `Pool`) before what the signature wrote itself, or else the
    /// module (`routers.`) when the signature wrote no prefix.
    static func showScope(_ signature: Node, parts: (directive: String?, nested: String?)) -> Node {
        guard let separator = signature.string(AttributeKey.scopeSeparator),
              let index = signature.children.firstIndex(where: { $0.kind == "desc_addname" || $0.kind == "desc_name" })
        else { return signature }
        let written = signature.children[index].kind == "desc_addname"
        let shown: String
        if let nested = parts.nested {
            shown = nested + separator
        } else if !written, let module = parts.directive {
            shown = module + separator
        } else {
            return signature
        }
        var copy = signature
        if written {
            copy.children[index] = DescNodes.part("desc_addname", shown + copy.children[index].textContent)
        } else {
            copy.children.insert(DescNodes.part("desc_addname", shown), at: index)
        }
        return copy
    }

    /// Gives an option signature its program (and program-specific ids).
    static func completeOption(_ signature: Node, state: State) -> Node {
        guard signature.attributes[AttributeKey.program] == nil, let program = state.program else { return signature }
        var copy = signature
        copy.attributes[AttributeKey.program] = .string(program)
        if copy.attributes[AttributeKey.ids] != nil {
            copy.attributes[AttributeKey.ids] = .list(StandardDomainDirectives.optionIDs(signature.list(AttributeKey.allNames), program: program))
        }
        return copy
    }
}
