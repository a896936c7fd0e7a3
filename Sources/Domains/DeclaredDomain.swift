import CrossRef
import DocTree
import Markup

/// A domain a project declares in `vellum.toml` instead of code (`[domains.cmake]`):
/// its object types, each with a directive, the roles that refer to it, how
/// a signature splits into name and arguments, its anchor and index entry,
/// and whether names compare case-insensitively.
public struct DeclaredDomain: Domain {
    /// How a signature line yields the object's name.
    public enum SignatureShape: String, Sendable, CaseIterable {
        /// The whole line is the name (`CMAKE_BUILD_TYPE`).
        case name
        /// The name is what precedes `(`; the arguments are shown as a parameter list (`add_library(<name> ...)`).
        case nameArguments = "name(arguments)"
        /// The name is the first word; the rest is shown after it (`install TARGETS <target>...`).
        case firstWord = "first-word"

        func parse(_ text: String) -> ParsedSignature? {
            switch self {
            case .name:
                return .nameOnly(text)
            case .nameArguments:
                return .nameAndArguments(text)
            case .firstWord:
                let words = text.split(separator: " ", maxSplits: 1).map(String.init)
                guard let first = words.first else { return nil }
                var parts = [DescNodes.part("desc_name", first)]
                if words.count > 1 { parts.append(DescNodes.part("desc_addname", " " + words[1])) }
                return ParsedSignature(name: first, parts: parts)
            }
        }
    }

    public struct DeclaredType: Sendable, Hashable {
        public var name: String
        /// The directive that describes objects of this type (default: the type's name).
        public var directive: String
        /// Roles that refer to it (default: the type's name).
        public var roles: [String]
        public var signature: SignatureShape
        /// The anchor, `%s` standing for the name (default `<type>:%s`).
        public var idFormat: String
        /// The index entry, `%s` standing for the name.
        public var indexTemplate: String?
        /// Names compare case-insensitively (CMake's commands).
        public var caseInsensitive: Bool

        public init(name: String, directive: String? = nil, roles: [String]? = nil, signature: SignatureShape = .name,
                    idFormat: String? = nil, indexTemplate: String? = nil, caseInsensitive: Bool = false) {
            self.name = name
            self.directive = directive ?? name
            self.roles = roles ?? [name]
            self.signature = signature
            self.idFormat = idFormat ?? "\(name):%s"
            self.indexTemplate = indexTemplate
            self.caseInsensitive = caseInsensitive
        }
    }

    public let name: String
    public let label: String
    public let types: [DeclaredType]

    public init(name: String, label: String? = nil, types: [DeclaredType]) {
        self.name = name
        self.label = label ?? name
        self.types = types
    }

    public var objectTypes: [ObjectType] {
        types.map { ObjectType($0.name, roles: $0.roles, indexTemplate: $0.indexTemplate) }
    }

    public func directives() -> [String: Directive] {
        var directives: [String: Directive] = [:]
        for type in types {
            let shape = type.signature, lower = type.caseInsensitive
            var description = ObjectDescription(domain: name, objtype: type.name, idFormat: type.idFormat,
                                                scopeSeparator: nil) { text in
                guard var parsed = shape.parse(text) else { return nil }
                if lower { parsed.name = parsed.name.lowercased() }
                return parsed
            }
            description.scopeSeparator = nil
            directives[type.directive] = description.directive
        }
        return directives
    }

    public func roles() -> [String: Role] {
        var roles: [String: Role] = [:]
        for type in types {
            for role in type.roles {
                var xref = XrefRole(domain: name, type: role, lowercase: type.caseInsensitive)
                xref.titleNeedsSpace = true
                roles[role] = xref.role
            }
        }
        return roles
    }

    public func resolve(_ xref: PendingXref, context: ResolveContext) -> Resolution {
        var lookup = ObjectLookup(domain: self)
        lookup.separator = nil
        return lookup.resolve(xref, context: context)
    }
}
