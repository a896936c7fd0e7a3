import DocTree

/// The per-document context pass (Sphinx's `ref_context`): walks a page in
/// document order, tracks the current Python module and class and the current
/// program, and
/// - completes Python object signatures (`module`, `class`, `fullname`, ids, the `module.` prefix);
/// - gives options the program they belong to (`program`, ids `cmdoption-<program>-…`);
/// - gives every `pending_xref` with `refdomain` "py" its `py:module` / `py:class` context
///   (and `:option:` references their `std:program`);
/// - removes the `py_currentmodule` / `std_program` marker nodes the directives leave.
///
/// Pure and idempotent: values already present are kept. Call it after
/// ``AutodocExpander`` (when used) and before collecting targets.
public enum DomainContext {
    public static let currentModuleKind: NodeKind = "py_currentmodule"
    public static let programKind: NodeKind = "std_program"
    public static let scopeKind: NodeKind = "domain_scope"

    struct State {
        var module: String?
        var className: String?
        var program: String?
        /// The current scope of other domains (C++ namespace, JS module, enclosing object), by domain.
        var scopes: [String: [String]] = [:]
        /// Scopes whose members are also named in the scope around them (unscoped enums):
        /// `domain fullname` → the enclosing scope ("" for the root).
        var transparentScopes: [String: String] = [:]

        func scope(_ domain: String) -> String? {
            guard let top = scopes[domain]?.last, !top.isEmpty else { return nil }
            return top
        }
    }

    /// The marker scope directives leave (`cpp:namespace`, `js:module` …).
    public static func scopeMarker(domain: String, operation: ScopeDirective.Operation, scope: String,
                                   range: SourceRange?) -> Node {
        Node(scopeKind, attributes: ["domain": .string(domain), "operation": .string(operation.rawValue),
                                     "scope": .string(scope)], range: range)
    }

    static func applyScopeMarker(_ marker: Node, state: inout State) {
        let domain = marker.string("domain") ?? ""
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
        default: stack = [scope]
        }
        state.scopes[domain] = stack
    }

    public static func apply(_ root: Node) -> Node {
        var state = State()
        return process(root, state: &state)
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
                let name = child.string("module") ?? ""
                state.module = name.isEmpty ? nil : name
                continue
            }
            if child.kind == scopeKind {
                applyScopeMarker(child, state: &state)
                continue
            }
            if child.kind == programKind {
                let name = child.string("program") ?? ""
                state.program = name.isEmpty ? nil : name
                continue
            }
            if child.kind == .target, child.attributes["ismod"] == .bool(true), let name = child.string("fullname") {
                state.module = name
            }
            children.append(process(child, state: &state))
        }
        copy.children = children
        return copy
    }

    static func contextualized(_ xref: Node, state: State) -> Node {
        var copy = xref
        switch xref.string("refdomain") {
        case "py":
            if copy.attributes["py:module"] == nil, let module = state.module { copy.attributes["py:module"] = .string(module) }
            if copy.attributes["py:class"] == nil, let name = state.className { copy.attributes["py:class"] = .string(name) }
        case "std":
            if xref.string("reftype") == "option", copy.attributes["std:program"] == nil, let program = state.program {
                copy.attributes["std:program"] = .string(program)
            }
        case let domain?:
            let key = "\(domain):scope"
            if copy.attributes[key] == nil, let scope = state.scope(domain) { copy.attributes[key] = .string(scope) }
        default:
            break
        }
        return copy
    }

    static func describe(_ desc: Node, state: inout State) -> Node {
        var copy = desc
        let domain = desc.string("domain") ?? ""
        let objtype = desc.string("objtype") ?? ""
        var inner = state
        var first = true
        for index in copy.children.indices where copy.children[index].kind == "desc_signature" {
            var signature = copy.children[index]
            if domain == "py" {
                signature = completePython(signature, state: state)
                if first {
                    inner.module = signature.string("module") ?? state.module
                    let fullname = signature.string("fullname") ?? ""
                    let relative = inner.module.map { fullname.hasPrefix($0 + ".") ? String(fullname.dropFirst($0.count + 1)) : fullname } ?? fullname
                    if objtype == "class" || objtype == "exception" {
                        inner.className = relative
                    } else if let className = signature.string("class"), !className.isEmpty {
                        inner.className = className
                    }
                }
            } else if domain == "std", objtype == "option" {
                signature = completeOption(signature, state: state)
            } else if let separator = signature.string(AttributeKey.scopesep) {
                signature = completeScoped(signature, separator: separator, scope: state.scope(domain))
                if let scope = state.scope(domain), let parent = state.transparentScopes[domain + " " + scope],
                   signature.string("canonical") == nil, let fullname = signature.string("fullname"),
                   fullname.hasPrefix(scope + separator) {
                    // A member of an unscoped enum is also known in the enum's own scope.
                    let name = String(fullname.dropFirst(scope.count + separator.count))
                    signature.attributes["canonical"] = .string(parent.isEmpty ? name : parent + separator + name)
                }
                if first, desc.attributes["nests"] == .bool(true), let fullname = signature.string("fullname") {
                    inner.scopes[domain, default: []].append(fullname)
                    if desc.attributes["transparent"] == .bool(true) {
                        inner.transparentScopes[domain + " " + fullname] = state.scope(domain) ?? ""
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
            if desc.attributes["nests"] != .bool(true) { state.scopes = scoped.scopes }
        }
        return copy
    }

    /// Adds module and class context to a Python signature that has no `fullname` yet.
    static func completePython(_ signature: Node, state: State) -> Node {
        guard signature.attributes["fullname"] == nil,
              let nameIndex = signature.children.firstIndex(where: { $0.kind == "desc_name" }) else { return signature }
        let name = signature.children[nameIndex].textContent
        // A signature that could not be parsed is shown as written and gets no context.
        guard !name.isEmpty, name.allSatisfy({ $0 == "_" || $0.isLetter || $0.isNumber }) else { return signature }
        var copy = signature
        let prefix = signature.string("class").flatMap { $0.isEmpty ? nil : $0 }
        let module = signature.string("module") ?? state.module
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
            addModule = prefix == nil
        }
        let fullname = module.map { $0 + "." + relative } ?? relative
        if let module { copy.attributes["module"] = .string(module) }
        if let dot = relative.lastIndex(of: ".") {
            copy.attributes["class"] = .string(String(relative[..<dot]))
        } else {
            copy.attributes["class"] = nil
        }
        copy.attributes["fullname"] = .string(fullname)
        if copy.attributes["ids"] != nil { copy.attributes["ids"] = .list([DomainID.make(prefix: "", fullname)]) }
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
        guard signature.attributes["scoped"] == nil, var fullname = signature.string("fullname") else { return signature }
        var copy = signature
        copy.attributes["scoped"] = .bool(true)
        if fullname.hasPrefix(separator) {
            fullname.removeFirst(separator.count)
        } else if let scope {
            fullname = scope + separator + fullname
        }
        copy.attributes["fullname"] = .string(fullname)
        if copy.attributes["ids"] != nil, let format = signature.string("idformat") {
            copy.attributes["ids"] = .list([ObjectDescription.anchor(format, fullname)])
        }
        return copy
    }

    /// Gives an option signature its program (and program-specific ids).
    static func completeOption(_ signature: Node, state: State) -> Node {
        guard signature.attributes["program"] == nil, let program = state.program else { return signature }
        var copy = signature
        copy.attributes["program"] = .string(program)
        if copy.attributes["ids"] != nil {
            copy.attributes["ids"] = .list(StandardDomainDirectives.optionIDs(signature.list("allnames"), program: program))
        }
        return copy
    }
}
