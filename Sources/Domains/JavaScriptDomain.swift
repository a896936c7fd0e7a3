import CrossRef
import DocTree
import Markup

/// Sphinx's JavaScript domain: `js:module` sets the module later objects
/// and references are in; `js:function`, `js:method`, `js:class` (whose
/// content describes its members), `js:data` and `js:attribute` describe
/// objects; `:js:func:` … `:js:mod:` refer to them. Callables' info
/// fields are grouped as in Sphinx (``JSDocFields``).
///
/// As in Sphinx an object's full name is `module.Class.member`, its anchor
/// is that name made id-safe (`routers.Pool.acquire`; modules:
/// `module-routers`), and a signature shows the enclosing class (`Pool.`)
/// or else the module (`routers.`) before its name. A reference is looked
/// up as `module.Class.name`, `module.name`, `Class.name`, then `name`,
/// most specific first (no intermediate scopes: in `Pool.Inner`, `Inner.x`
/// is not found), and — as in Sphinx — the role does not restrict the kind
/// of object it finds, and there is no matching by a name's last part.
public struct JavaScriptDomain: Domain {
    public let name = "js"
    public let label = "JavaScript"

    public init() {}

    public let objectTypes: [ObjectType] = [
        ObjectType("function", roles: ["func"], indexTemplate: "%s() (built-in function)"),
        ObjectType("method", roles: ["meth"], indexTemplate: "%s() (method)"),
        ObjectType("class", roles: ["class"], indexTemplate: "%s() (class)"),
        ObjectType("data", roles: ["data"], indexTemplate: "%s (global variable or constant)"),
        ObjectType("attribute", roles: ["attr"], indexTemplate: "%s (attribute)"),
        ObjectType("module", roles: ["mod"], indexTemplate: "%s (module)"),
    ]

    public func roles() -> [String: Role] {
        var roles: [String: Role] = [:]
        for role in roleNames {
            roles[role] = XrefRole(domain: name, type: role, functionParentheses: role == "func" || role == "meth",
                                   scopeSeparator: ".").role
        }
        return roles
    }

    public func directives() -> [String: Directive] {
        var directives: [String: Directive] = ["module": Self.module]
        for (objtype, arguments, nests) in [("function", true, false), ("method", true, false), ("class", true, true),
                                            ("data", false, false), ("attribute", false, false)] {
            // `:single-line-parameter-list:` is accepted; signatures are always on one line here.
            let description = ObjectDescription(domain: name, objtype: objtype, idFormat: "%s", nests: nests,
                                                scopeSeparator: ".",
                                                extraOptions: ["single-line-parameter-list": .flag]) { text in
                Self.signature(text, arguments: arguments, keyword: objtype == "class" ? "class" : nil)
            }
            directives[objtype] = Directive(description.directive.spec) { call, host in
                description.run(call, host).map { node in
                    let shown = Self.showingScope(node)
                    return arguments ? Self.withDocFields(shown, documentName: host.documentName) : shown
                }
            }
        }
        return directives
    }

    /// Marks a description's signatures so that ``DomainContext`` shows the module or class before the name,
    /// and puts the content of a member written with its class (`Pool.drain`) in that class's scope, as Sphinx does.
    static func showingScope(_ node: Node) -> Node {
        guard node.kind == .desc else { return node }
        var copy = node
        if node.attributes[AttributeKey.nests] != .bool(true) { copy.attributes["parentscope"] = .bool(true) }
        for index in copy.children.indices where copy.children[index].kind == .descSignature {
            copy.children[index].attributes["showscope"] = .bool(true)
        }
        return copy
    }

    /// A callable's info fields (`:param:`, `:throws:` …) as ``JSDocFields`` groups them.
    static func withDocFields(_ node: Node, documentName: String) -> Node {
        guard node.kind == .desc, let index = node.children.firstIndex(where: { $0.kind == .descContent }) else {
            return node
        }
        var copy = node
        copy.children[index].children = JSDocFields.transform(copy.children[index].children, documentName: documentName)
        return copy
    }

    /// `Pool.acquire(timeout, [signal])` → name `Pool.acquire`, shown as `Pool.` `acquire` `(timeout, [signal])`.
    /// Callables without parentheses get an empty parameter list, as in Sphinx.
    static func signature(_ text: String, arguments: Bool, keyword: String?) -> ParsedSignature? {
        var head = text.trimmingWhitespace()
        var parameters: [String]?
        if let open = head.firstIndex(of: "(") {
            guard head.hasSuffix(")") else { return nil }
            parameters = DomainSupport.splitArguments(String(head[head.index(after: open)..<head.index(before: head.endIndex)]))
            head = head[..<open].trimmingWhitespace()
        }
        guard !head.isEmpty, !head.contains(where: \.isWhitespace), !head.hasPrefix("."), !head.hasSuffix(".") else {
            return nil
        }
        var parts: [Node] = []
        if let keyword { parts.append(DescNodes.part("desc_annotation", keyword + " ")) }
        if let dot = head.lastIndex(of: ".") {
            parts.append(DescNodes.part("desc_addname", String(head[...dot])))
            parts.append(DescNodes.part("desc_name", String(head[head.index(after: dot)...])))
        } else {
            parts.append(DescNodes.part("desc_name", head))
        }
        if arguments || parameters != nil { parts.append(DescNodes.parameterList(parameters ?? [])) }
        return ParsedSignature(name: head, parts: parts)
    }

    /// `js:module`: sets the current module (Sphinx's `ref_context['js:module']`) and,
    /// unless `:no-index:`, makes it a target (`module-<name>`) and a `js:module` object.
    static let module = Directive(DirectiveSpec(requiredArguments: 1, finalArgumentWhitespace: true,
                                                options: StandardDomainDirectives.indexOptions,
                                                hasContent: true)) { call, host in
        let name = (call.arguments.first ?? "").trimmingWhitespace()
        var out = [DomainContext.scopeMarker(domain: "js", operation: .set, scope: name, range: call.range)]
        if !StandardDomainDirectives.isNoindex(call) {
            var target = Node(.target, range: call.range)
            target.attributes[AttributeKey.ids] = .list([DomainID.make(prefix: "module", name)])
            target.attributes[AttributeKey.domain] = .string("js")
            target.attributes[AttributeKey.objtype] = .string(AttributeKey.module)
            target.attributes[AttributeKey.fullname] = .string(name)
            out.append(target)
        }
        return out + host.parseNested(call.content, line: call.contentLine, column: call.contentColumn,
                                      matchTitles: false)
    }

    public func resolve(_ xref: PendingXref, context: ResolveContext) -> Resolution {
        var target = xref.target
        if target.hasSuffix("()") { target.removeLast(2) }
        let objects = context.index.objects[name] ?? [:]
        // Sphinx's search list: module.object.name, module.name, object.name, name — where
        // the module is the one `js:module` set and the object the enclosing description.
        var candidates: [String] = []
        if let scope = xref.scope["js:scope"], !scope.isEmpty {
            if let base = xref.scope["js:base"], scope.hasPrefix(base + ".") {
                let object = String(scope.dropFirst(base.count + 1))
                candidates = ["\(scope).\(target)", "\(base).\(target)", "\(object).\(target)"]
            } else {
                candidates = ["\(scope).\(target)"]
            }
        }
        candidates.append(target)
        // Sphinx keeps the last match of its search list: the most specific name, but for a
        // `.name` reference (searched in the other order) the least specific one.
        if xref.specific { candidates.reverse() }
        for candidate in candidates {
            if let found = objects[candidate]?.first { return context.link(xref, to: found) }
        }
        // Not found: other projects' inventories, then near names as the generic lookup suggests them.
        var lookup = ObjectLookup(domain: self)
        lookup.matchesSuffix = false
        var stripped = xref
        stripped.target = target
        return lookup.resolve(stripped, context: context)
    }
}
