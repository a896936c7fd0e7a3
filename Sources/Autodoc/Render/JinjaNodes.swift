import DocTree
import Extensions
import RST

/// pallets-sphinx-themes' `jinja:nodes` directive (Jinja's AST reference):
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
        registry.directives.register(Self.nodesDirective, Directive(DirectiveSpec(requiredArguments: 1)) { call, _ in
            var node = Node(AutodocDirectives.nodeKind, range: call.range)
            node.attributes["directive"] = .string(Self.nodesDirective)
            node.attributes["argument"] = .string((call.arguments.first ?? "").trimmingWhitespaceAndNewlines)
            return [node]
        })
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
