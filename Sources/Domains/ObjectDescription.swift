import CrossRef
import DocTree
import Markup

/// A signature as a domain reads it: the object's name (as written, maybe
/// qualified: `ns::parse`, `Config.load`) and the nodes that show it.
public struct ParsedSignature: Sendable {
    public var name: String
    /// `desc_name`, `desc_addname`, `desc_annotation`, `desc_parameterlist` … nodes.
    public var parts: [Node]
    /// Extra attributes of this signature's `desc_signature`: `idformat` (overrides the
    /// directive's anchor format for this signature), `overload` (the parameter
    /// types that tell C++ overloads apart) …
    public var attributes: [String: AttributeValue]

    public init(name: String, parts: [Node], attributes: [String: AttributeValue] = [:]) {
        self.name = name
        self.parts = parts
        self.attributes = attributes
    }

    /// The plainest shape: the whole signature is the name.
    public static func nameOnly(_ text: String) -> ParsedSignature? {
        let name = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
        return name.isEmpty ? nil : ParsedSignature(name: name, parts: [DescNodes.part("desc_name", name)])
    }

    /// `name(arguments)` or `name`; what follows the closing parenthesis is shown as an annotation.
    public static func nameAndArguments(_ text: String) -> ParsedSignature? {
        guard let open = text.firstIndex(of: "("), let close = text.lastIndex(of: ")"), open < close else {
            return nameOnly(text)
        }
        let name = text[..<open].trimmingWhitespace()
        guard !name.isEmpty else { return nil }
        let arguments = String(text[text.index(after: open)..<close])
        var parts = [DescNodes.part("desc_name", name),
                     DescNodes.parameterList(DomainSupport.splitArguments(arguments))]
        let rest = text[text.index(after: close)...].trimmingWhitespace()
        if !rest.isEmpty { parts.append(DescNodes.part("desc_annotation", " " + rest)) }
        return ParsedSignature(name: name, parts: parts)
    }
}

/// An object-description directive (`.. c:function::`, `.. js:class::`,
/// `.. command::` of a declared domain): each signature line is parsed by
/// the domain's parser into a name and the nodes that show it; the name is
/// completed with the current scope (namespace, module, enclosing class) by
/// ``DomainContext`` and becomes a link target.
public struct ObjectDescription: Sendable {
    public var domain: String
    public var objtype: String
    /// The anchor of an object: `%s` is its full name made id-safe (`c.%s` → `c.PyObject_Call`).
    public var idFormat: String
    /// Objects described inside this one's content are its members (classes, structs, directives).
    public var nests: Bool
    /// What joins a scope and a name (`::` in C++, `.` elsewhere); nil: names are not scoped.
    public var scopeSeparator: String?
    public var extraOptions: [String: DirectiveOptionKind]
    /// The object type stored in the index and `objects.inv` when it is not the directive's
    /// (`cpp:struct` describes a `class`, `c:var` a `member`, as in Sphinx); nil: `objtype`.
    public var targetType: String?
    /// With `nests`: what is described inside is also named in the enclosing scope (as a
    /// second name, `canonical`) — Sphinx's unscoped enums, whose `Axis::horizontal` is also `horizontal`.
    public var transparent = false
    public var parse: @Sendable (String) -> ParsedSignature?

    public init(domain: String, objtype: String, idFormat: String? = nil, nests: Bool = false,
                scopeSeparator: String? = ".", extraOptions: [String: DirectiveOptionKind] = [:],
                parse: @escaping @Sendable (String) -> ParsedSignature?) {
        self.domain = domain
        self.objtype = objtype
        self.idFormat = idFormat ?? "\(domain).%s"
        self.nests = nests
        self.scopeSeparator = scopeSeparator
        self.extraOptions = extraOptions
        self.parse = parse
    }

    /// The anchor for a full name.
    public static func anchor(_ format: String, _ fullname: String) -> String {
        format.replacingOccurrences(of: "%s", with: DomainID.clean(fullname))
    }

    public var directive: Directive {
        let description = self
        let spec = DirectiveSpec(requiredArguments: 1, finalArgumentWhitespace: true,
                                 options: StandardDomainDirectives.indexOptions.merging(extraOptions) { a, _ in a },
                                 hasContent: true)
        return Directive(spec) { call, host in description.run(call, host) }
    }

    func run(_ call: DirectiveCall, _ host: DirectiveHost) -> [Node] {
        let noindex = StandardDomainDirectives.isNoindex(call)
        var signatures: [Node] = []
        var messages: [Node] = []
        for (offset, text) in DomainSupport.signatureLines(call.arguments.first ?? "") {
            let range = SourceRange(line: call.line + offset)
            guard let parsed = parse(text) else {
                messages.append(host.report(.warning, "domain.\(domain).signature",
                                            "could not parse \(domain):\(objtype) signature '\(text)'",
                                            line: call.line + offset, range: range, details: []))
                signatures.append(Node("desc_signature", children: [DescNodes.part("desc_name", text)], range: range))
                continue
            }
            var node = Node("desc_signature", children: parsed.parts, range: range)
            node.attributes[AttributeKey.fullname] = .string(parsed.name)
            node.attributes[AttributeKey.idFormat] = .string(idFormat)
            if let scopeSeparator { node.attributes[AttributeKey.scopesep] = .string(scopeSeparator) }
            for (key, value) in parsed.attributes { node.attributes[key] = value }
            if !noindex { node.attributes[AttributeKey.ids] = .list([Self.anchor(node.string(AttributeKey.idFormat) ?? idFormat, parsed.name)]) }
            signatures.append(node)
        }
        var desc = DescNodes.desc(domain: domain, objtype: objtype, noindex: noindex, signatures: signatures,
                                  content: StandardDomainDirectives.content(call, host), range: call.range)
        if nests { desc.attributes[AttributeKey.nests] = .bool(true) }
        if nests, transparent { desc.attributes["transparent"] = .bool(true) }
        if let targetType, targetType != objtype { desc.attributes[AttributeKey.targettype] = .string(targetType) }
        return [desc] + messages
    }
}

/// Directives that set the scope later descriptions and references of a
/// domain are in (`cpp:namespace`, `js:module`, `c:namespace-push` …).
public enum ScopeDirective {
    public enum Operation: String, Sendable { case set, push, pop }

    /// With a `separator`, `push` nests the new scope in the current one (Sphinx's
    /// `cpp:namespace-push:: b` inside `a` is `a::b`); without one it replaces it.
    public static func directive(domain: String, _ operation: Operation, separator: String? = nil) -> Directive {
        let spec = DirectiveSpec(requiredArguments: operation == .pop ? 0 : 1, finalArgumentWhitespace: true)
        return Directive(spec) { call, _ in
            var name = (call.arguments.first ?? "").trimmingWhitespace()
            if name == "NULL" || name == "0" || name == "nullptr" || name == "None" { name = "" }
            var marker = DomainContext.scopeMarker(domain: domain, operation: operation, scope: name, range: call.range)
            if let separator { marker.attributes["separator"] = .string(separator) }
            return [marker]
        }
    }
}

extension ObjectLookup {
    /// A lookup that tries the reference's scope (`<domain>:scope`, set by
    /// ``DomainContext``) and each enclosing scope before the name itself:
    /// in `a::b`, `f` is `a::b::f`, then `a::f`, then `f`.
    public static func scoped(domain: any Domain, separator: String) -> ObjectLookup {
        var lookup = ObjectLookup(domain: domain)
        let key = "\(domain.name):scope"
        lookup.separator = separator
        lookup.key = { target, _ in target.hasPrefix(separator) ? String(target.dropFirst(separator.count)) : target }
        lookup.scoped = { name, xref in
            guard let scope = xref.scope[key], !scope.isEmpty else { return [] }
            var parts = scope.components(separatedBy: separator)
            var names: [String] = []
            while !parts.isEmpty {
                names.append((parts + [name]).joined(separator: separator))
                parts.removeLast()
            }
            return names
        }
        return lookup
    }
}
