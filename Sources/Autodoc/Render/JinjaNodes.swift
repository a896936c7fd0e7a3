import DocTree
import Domains
import Extensions
import RST

/// pallets-sphinx-themes' Jinja directives. `jinja:nodes` (Jinja's AST reference):
/// `.. jinja:nodes:: jinja2.nodes.Node` documents that class and every class
/// that derives from it, depth first, children in case-insensitive name order.
/// Each is an `autoclass` whose signature is its `fields` (the class's own
/// `fields` tuple after its base's, as Jinja's metaclass builds them); a class
/// with `abstract = True` lists the public methods it defines that its bases
/// do not have; every class but the first names its base in a `Node type`
/// field. The theme imports the module and walks `__subclasses__()`; this
/// reads the same classes from the source.
public struct PalletsJinjaExtension: Extension {
    public init() {}

    public static let nodesDirective = "jinja:nodes"

    public func setup(_ registry: inout Registry) {
        for name in [Self.nodesDirective, Self.filtersDirective, Self.testsDirective] {
            registry.directives.register(name, Directive(DirectiveSpec(requiredArguments: 1)) { call, _ in
                var node = Node(AutodocDirectives.nodeKind, range: call.range)
                node.attributes["directive"] = .string(name)
                node.attributes["argument"] = .string((call.arguments.first ?? "").trimmingWhitespaceAndNewlines)
                return [node]
            })
        }
    }
}

extension AutodocRenderer {
    /// The reStructuredText `jinja:nodes` stands for: one `autoclass` per class of the tree under `root`.
    func jinjaNodesMarkup(_ root: APIStore.Found) -> String {
        let module = root.definingModule
        let classes = module.members.filter { $0.kind == .class || $0.kind == .exception }
        var children: [String: [APIObject]] = [:]
        for object in classes {
            guard let first = object.bases.first, let (base, _) = resolveClass(first, in: module) else { continue }
            children[base.qualifiedName, default: []].append(object)
        }
        var lines: [String] = []
        var visited: Set<String> = []
        func walk(_ object: APIObject, base: APIObject?) {
            guard visited.insert(object.qualifiedName).inserted else { return }
            let fields = ([object] + baseClasses(object, module: module).map(\.0)).reversed()
                .flatMap { Self.stringTuple($0.member(named: "fields")?.value) }
            lines.append(".. autoclass:: \(object.name)(\(fields.joined(separator: ", ")))")
            if Self.pythonTrue(object.member(named: "abstract")?.value) {
                let inherited = Set(baseClasses(object, module: module).flatMap { $0.0.members.map(\.name) })
                let methods = object.members.filter { member in
                    (member.kind == .function || member.kind == .method) && !member.name.hasPrefix("_")
                        && !member.modifiers.contains("classmethod") && !inherited.contains(member.name)
                }.map(\.name).sorted()
                if !methods.isEmpty { lines.append("    :members: " + methods.joined(separator: ", ")) }
            }
            if let base {
                lines += ["", "    :Node type: :class:`\(base.name)`"]
            }
            lines.append("")
            let below = (children[object.qualifiedName] ?? []).sorted { $0.name.lowercased() < $1.name.lowercased() }
            for child in below { walk(child, base: object) }
        }
        walk(root.object, base: nil)
        return lines.joined(separator: "\n") + "\n"
    }

    /// The strings of a tuple or list of string literals written in Python (`("node", "name")`).
    static func stringTuple(_ value: String?) -> [String] {
        guard let value, case .success(let (tokens, _)) = PythonTokenizer.tokenize(value) else { return [] }
        return tokens.compactMap { token in PythonStringLiteral(token).map(\.value) }
    }

    static func pythonTrue(_ value: String?) -> Bool {
        value?.trimmingWhitespaceAndNewlines == "True"
    }
}

// MARK: - jinja:filters, jinja:tests

extension PalletsJinjaExtension {
    public static let filtersDirective = "jinja:filters"
    public static let testsDirective = "jinja:tests"
    static let generatingDirectives: Set<String> = [nodesDirective, filtersDirective, testsDirective]
}

extension AutodocRenderer {
    /// The reStructuredText `jinja:filters:: jinja2.defaults.DEFAULT_FILTERS` (or `jinja:tests`) stands for:
    /// a five-column table of `:func:` links, then a `function` directive per function of the dict
    /// (read from its literal), named by its longest name (a comparison's two-letter name first) with
    /// the others as aliases, in name order. A filter that gets the context, eval context or environment
    /// (`@pass_context` …) does not show that first parameter; an async variant shows its sync function.
    /// A function Vellum has no source for (a built-in) shows `(value)`.
    func jinjaFunctionsMarkup(_ mapping: APIStore.Found) -> String? {
        guard let value = mapping.object.value, case .success(let (tokens, _)) = PythonTokenizer.tokenize(value),
              tokens.first?.isOp("{") == true else { return nil }
        let module = mapping.definingModule
        // "name": function pairs of the dict literal.
        var pairs: [(String, String)] = []
        var index = 1
        while index + 2 < tokens.count {
            guard let literal = PythonStringLiteral(tokens[index]), tokens[index + 1].isOp(":") else { index += 1; continue }
            var end = index + 2
            var path = ""
            while end < tokens.count, tokens[end].kind == .name || tokens[end].isOp(".") {
                path += tokens[end].text
                end += 1
            }
            if !path.isEmpty { pairs.append((literal.value, path)) }
            index = end
        }
        var grouped: [String: [String]] = [:]
        var order: [String] = []
        for (name, path) in pairs {
            let key: String
            if case .path(let bound) = PythonAnnotations(store: store, module: module).bind(path, depth: 0) { key = bound } else { key = path }
            if grouped[key] == nil { order.append(key) }
            grouped[key, default: []].append(name)
        }
        let comparisons: Set<String> = ["eq", "ge", "gt", "le", "lt", "ne"]
        var functions: [(name: String, aliases: [String], key: String)] = []
        for key in order {
            var names = grouped[key]!.enumerated().sorted { a, b in
                let ka = (comparisons.contains(a.element) ? 1 : 0, a.element.count), kb = (comparisons.contains(b.element) ? 1 : 0, b.element.count)
                return ka != kb ? ka < kb : a.offset < b.offset
            }.map(\.element)
            let primary = names.removeLast()
            functions.append((primary, names, key))
        }
        functions.sort { $0.name < $1.name }
        var lines = ["", ".. csv-table::", "    :align: left", ""]
        let links = functions.map { ":func:`\($0.name)`" }
        let rows = links.count / 5 + (links.count % 5 == 0 ? 0 : 1)
        for row in 0..<rows {
            lines.append("    " + stride(from: row, to: links.count, by: max(rows, 1)).map { links[$0] }.joined(separator: ","))
        }
        for function in functions {
            let found = store.follow(function.key).map { unwrappedAsyncVariant($0) }
            let signature = found.flatMap { jinjaSignature($0) } ?? "(value)"
            lines += ["", ".. function:: \(function.name)\(signature)", ""]
            if let doc = found?.object.docstring?.text {
                lines += doc.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "    " + $0 }
            }
            if !function.aliases.isEmpty {
                lines += ["", "    :aliases: " + function.aliases.sorted().map { "``\($0)``" }.joined(separator: ", ")]
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `@async_variant(sync_do_first) async def do_first`: the sync function it wraps.
    func unwrappedAsyncVariant(_ found: APIStore.Found) -> APIStore.Found {
        for decorator in found.object.decorators where decorator.hasPrefix("async_variant(") && decorator.hasSuffix(")") {
            let inner = String(decorator.dropFirst("async_variant(".count).dropLast())
            if case .path(let path) = PythonAnnotations(store: store, module: found.definingModule).bind(inner, depth: 0),
               let sync = store.follow(path), sync.object.kind == .function {
                return sync
            }
        }
        return found
    }

    /// The signature as Python prints it: annotations evaluated to full names (`typing` ones bare),
    /// string annotations quoted; without the first parameter of a `@pass_…` function.
    func jinjaSignature(_ found: APIStore.Found) -> String? {
        guard found.object.kind == .function, var signature = found.object.signature else { return nil }
        let passes = found.object.decorators.contains { ["pass_context", "pass_eval_context", "pass_environment"]
            .contains(($0.split(separator: ".").last).map(String.init) ?? $0) }
        if passes, let first = signature.parameters.first, first.kind != .variadicPositional {
            signature.parameters.removeFirst()
        }
        let annotations = PythonAnnotations(store: store, module: found.definingModule).evaluating
        func shown(_ text: String) -> String {
            if let quote = text.first, quote == "'" || quote == "\"", text.last == quote, text.count >= 2 {
                return "'" + text.dropFirst().dropLast() + "'"
            }
            guard let parsed = PythonTypeExpression.parse(text),
                  let evaluated = annotations.evaluate(parsed, depth: 0) else { return text }
            return evaluated.mapNames { name in
                if name.hasPrefix("typing.") { return .name(String(name.dropFirst(7))) }
                // A type variable prints as `~V`, which Sphinx shows (and looks up) as `V`.
                if let variable = store.follow(name)?.object, variable.isVariable,
                   let value = variable.value, value.hasPrefix("t.TypeVar(") || value.hasPrefix("TypeVar(")
                    || value.hasPrefix("typing.TypeVar(") {
                    return .name(variable.name)
                }
                return .name(name)
            }.text
        }
        var parts: [String] = []
        var wroteStar = false
        for (position, parameter) in signature.parameters.enumerated() {
            if parameter.kind == .keywordOnly, !wroteStar { parts.append("*"); wroteStar = true }
            var text = parameter.name
            if parameter.kind == .variadicPositional { text = "*" + text; wroteStar = true }
            if parameter.kind == .variadicKeyword { text = "**" + text }
            if let type = parameter.annotation { text += ": " + shown(type) }
            if let value = parameter.defaultValue { text += (parameter.annotation == nil ? "=" : " = ") + Self.defaultText(value) }
            parts.append(text)
            let next = position + 1 < signature.parameters.count ? signature.parameters[position + 1] : nil
            if parameter.kind == .positionalOnly, next?.kind != .positionalOnly { parts.append("/") }
        }
        var out = "(" + parts.joined(separator: ", ") + ")"
        if let returns = signature.returnAnnotation { out += " -> " + shown(returns) }
        return out
    }
}
