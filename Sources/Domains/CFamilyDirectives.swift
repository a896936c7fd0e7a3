import DocTree
import Markup

/// One object directive of the `c` or `cpp` domain: its name, the object type
/// it stores (Sphinx's `object_type`: `cpp:struct` describes a `class`, `c:var`
/// and `cpp:var` a `member`), how its signature reads, the keyword shown before
/// the name, and whether objects described in its content are its members.
struct CFamilyObject: Sendable {
    enum Keyword: Sendable {
        case none
        case fixed(String)
        /// `typedef`, `using` or `type`, from the declaration (Sphinx's `c:type`/`cpp:type`).
        case typeDeclaration
    }

    var directive: String
    var targetType: String
    var shape: CDeclaration.Shape
    var keyword: Keyword = .none
    /// Objects described in its content are named under it, and references there look in it
    /// first. Sphinx makes every C and C++ declaration the parent of its content (so a
    /// function's parameters are found from its description), not only classes.
    var nests = true
    /// An unscoped enum: its enumerators are also named in the enum's scope (Sphinx adds them
    /// to the parent symbol too; `enum class` and `enum struct` do not).
    var transparent = false
}

/// The directives the two domains build the same way.
enum CFamilyDirectives {
    /// The object directives: `ObjectDescription`s whose parser is ``CDeclaration``. The anchor is
    /// `idPrefix` + the full name made id-safe; C++ functions add their parameter types
    /// (`cpp.ds-swap-T-ref-T-ref`) so that overloads have their own, and record them as the
    /// overload key; a class template specialisation records its arguments (`<bool>`).
    static func description(domain: String, language: CDeclaration.Language, _ object: CFamilyObject,
                            idPrefix: String) -> Directive {
        let separator = language == .cpp ? "::" : "."
        var description = ObjectDescription(domain: domain, objtype: object.directive, idFormat: idPrefix + "%s",
                                            nests: object.nests, scopeSeparator: separator) { text in
            guard let declaration = CDeclaration.parse(text, language: language, shape: object.shape) else { return nil }
            let keyword: String?
            switch object.keyword {
            case .none: keyword = nil
            case .fixed(let word): keyword = word
            case .typeDeclaration: keyword = declaration.typeKeyword
            }
            var signature = ParsedSignature(name: declaration.name, parts: declaration.parts(keyword: keyword))
            // Sphinx declares a function's parameters and a template's parameters as objects
            // inside it (`functionParam`, `templateParam`), found from the object's content.
            var members: [String] = []
            if object.targetType == "function" {
                members += (declaration.parameters ?? []).compactMap { CFamilyNames.parameterName($0, language: language) }
                    .map { "functionParam " + $0 }
            }
            if let prefix = declaration.templatePrefix {
                members += CFamilyNames.templateParameterNames(prefix).map { "templateParam " + $0 }
            }
            if !members.isEmpty { signature.attributes[AttributeKey.memberobjects] = .list(members) }
            if language == .cpp, object.targetType == "function", let parameters = declaration.parameters {
                let key = CFamilyNames.overloadKey(parameters, qualifiers: declaration.qualifiers)
                signature.attributes[AttributeKey.overload] = .string(key)
                let suffix = ([CFamilyNames.anchorWord(declaration.shortName)].compactMap { $0 }
                    + [CFamilyNames.anchorSuffix(key)]).filter { !$0.isEmpty }
                if !suffix.isEmpty {
                    signature.attributes[AttributeKey.idFormat] = .string(idPrefix + "%s-" + suffix.joined(separator: "-"))
                }
            } else if language == .cpp, object.shape == .named, let arguments = declaration.templateArguments {
                signature.attributes[AttributeKey.overload] = .string(CFamilyNames.templateKey(arguments))
                let suffix = CFamilyNames.anchorSuffix(arguments)
                if !suffix.isEmpty { signature.attributes[AttributeKey.idFormat] = .string(idPrefix + "%s-" + suffix) }
            }
            return signature
        }
        // Accepted as Sphinx does; the signature is always one line here.
        description.extraOptions = ["single-line-parameter-list": .flag]
        if language == .cpp { description.extraOptions["tparam-line-spec"] = .flag }
        description.targetType = object.targetType
        description.transparent = object.transparent
        return description.directive
    }

    /// `namespace`, `namespace-push`, `namespace-pop`: the scope of the descriptions and
    /// references that follow (`NULL`, `0` or `nullptr` return to the root scope).
    static func scopeDirectives(domain: String, separator: String) -> [String: Directive] {
        ["namespace": ScopeDirective.directive(domain: domain, .set, separator: separator),
         "namespace-push": ScopeDirective.directive(domain: domain, .push, separator: separator),
         "namespace-pop": ScopeDirective.directive(domain: domain, .pop, separator: separator)]
    }

    /// `alias`: Sphinx repeats the declarations of the named objects (with `:maxdepth:`
    /// and `:noroot:`). Vellum shows each name as a signature line that links to the
    /// object (an `any` reference of the domain, reported when broken); the object's own
    /// declaration is not copied, and the options are accepted and ignored.
    static func alias(domain: String, separator: String) -> Directive {
        let spec = DirectiveSpec(requiredArguments: 1, finalArgumentWhitespace: true,
                                 options: ["maxdepth": .unchanged, "noroot": .flag], hasContent: false)
        let role = XrefRole(domain: domain, type: "any", scopeSeparator: separator)
        return Directive(spec) { call, host in
            var signatures: [Node] = []
            for (offset, text) in DomainSupport.signatureLines(call.arguments.first ?? "") {
                let range = SourceRange(line: call.line + offset)
                signatures.append(Node("desc_signature",
                                       children: [role.node(text: text, range: range, document: host.documentName)],
                                       range: range))
            }
            return [DescNodes.desc(domain: domain, objtype: "alias", noindex: true, signatures: signatures, content: [],
                                   range: call.range)]
        }
    }
}
