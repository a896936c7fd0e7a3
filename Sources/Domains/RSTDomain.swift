import CrossRef
import DocTree
import Markup

/// Sphinx's reStructuredText domain, for documenting markup itself:
/// `rst:directive` (signature `.. name:: arguments` or just `name`, shown
/// as `.. name:: arguments`), `rst:directive:option` (inside a directive's
/// description; shown as `:name: value`, with `(type)` from `:type:`) and
/// `rst:role` (shown as `:name:`).
///
/// Anchors are Sphinx's: `directive-<name>`, `directive-option-<directive>-<option>`
/// (`directive-option-<option>` outside a directive) and `role-<name>`. An
/// option's object name is `directive:option`. As in Sphinx, `:rst:dir:`
/// finds directives and directive options (`:rst:dir:`tip:level``) and
/// `:rst:role:` finds roles, by exact name; there is no separate option role.
public struct RSTDomain: Domain {
    public let name = "rst"
    public let label = "reStructuredText"

    public init() {}

    public let objectTypes: [ObjectType] = [
        ObjectType("directive", roles: ["dir"], indexTemplate: "%s (directive)"),
        ObjectType("directive:option", roles: ["dir"], label: "directive option",
                   indexTemplate: "%s (directive option)"),
        ObjectType("role", roles: ["role"], indexTemplate: "%s (role)"),
    ]

    public func directives() -> [String: Directive] {
        // Directives nest their options (scope separator `:`); a directive's own name is
        // written from the root (`:` first) so that it never takes an enclosing directive's scope.
        let directive = ObjectDescription(domain: name, objtype: "directive", idFormat: "directive-%s", nests: true,
                                          scopeSeparator: ":") { text in
            Self.directiveSignature(text).map { ParsedSignature(name: ":" + $0.name, parts: $0.parts) }
        }
        let option = ObjectDescription(domain: name, objtype: "directive:option", idFormat: "directive-option-%s",
                                       scopeSeparator: ":", extraOptions: ["type": .unchanged], parse: Self.optionSignature)
        let role = ObjectDescription(domain: name, objtype: "role", idFormat: "role-%s", scopeSeparator: nil) { text in
            let name = text.trimmingWhitespace()
            guard !name.isEmpty else { return nil }
            return ParsedSignature(name: name, parts: [DescNodes.part("desc_name", ":\(name):")])
        }
        return [
            "directive": directive.directive,
            "directive:option": Directive(option.directive.spec) { call, host in
                let type = call.option("type")?.trimmingWhitespace() ?? ""
                return option.run(call, host).map { type.isEmpty ? $0 : Self.addingType(type, to: $0) }
            },
            "role": role.directive,
        ]
    }

    /// `.. name:: arguments` → (`name`, `.. name::` and ` arguments`); a signature without
    /// the leading `..` is the bare name (Sphinx's `parse_directive`).
    static func directiveSignature(_ text: String) -> ParsedSignature? {
        var name = text.trimmingWhitespace()
        var arguments = ""
        // Anything else (`name`, or a malformed `..` line) is the name as written, as in Sphinx.
        if name.hasPrefix(".. "), let marker = name.range(of: "::"),
           !name[name.index(name.startIndex, offsetBy: 3)..<marker.lowerBound].isEmpty {
            arguments = name[marker.upperBound...].trimmingWhitespace()
            name = name[name.index(name.startIndex, offsetBy: 3)..<marker.lowerBound].trimmingWhitespace()
        }
        guard !name.isEmpty else { return nil }
        var parts = [DescNodes.part("desc_name", ".. \(name)::")]
        if !arguments.isEmpty { parts.append(DescNodes.part("desc_addname", " " + arguments)) }
        return ParsedSignature(name: name, parts: parts)
    }

    /// `name: value` → (`name`, `:name:` and ` value`), split at the first colon followed by whitespace.
    static func optionSignature(_ text: String) -> ParsedSignature? {
        let trimmed = text.trimmingWhitespace()
        var name = trimmed
        var value = ""
        var search = trimmed.startIndex
        while let colon = trimmed[search...].firstIndex(of: ":") {
            let after = trimmed.index(after: colon)
            if after < trimmed.endIndex, trimmed[after].isWhitespace {
                name = trimmed[..<colon].trimmingWhitespace()
                value = trimmed[after...].trimmingWhitespace()
                break
            }
            search = after
        }
        guard !name.isEmpty else { return nil }
        var parts = [DescNodes.part("desc_name", ":\(name):")]
        if !value.isEmpty { parts.append(DescNodes.part("desc_annotation", " " + value)) }
        return ParsedSignature(name: name, parts: parts)
    }

    /// Shows an option's `:type:` after its signature, ` (type)`.
    static func addingType(_ type: String, to node: Node) -> Node {
        guard node.kind == .desc else { return node }
        var copy = node
        for index in copy.children.indices where copy.children[index].kind == .descSignature {
            copy.children[index].children.append(DescNodes.part("desc_annotation", " (\(type))"))
        }
        return copy
    }

    /// Exact names, as Sphinx looks them up.
    public func resolve(_ xref: PendingXref, context: ResolveContext) -> Resolution {
        var lookup = ObjectLookup(domain: self)
        lookup.separator = ":"
        lookup.matchesSuffix = false
        return lookup.resolve(xref, context: context)
    }
}
