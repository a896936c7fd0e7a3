import DocTree
import SwiftSyntax

/// Reads the public declarations of one Swift file into ``APIObject`` values.
/// Extensions are returned separately so that the module can merge them into
/// their types once every file has been read.
struct SwiftDeclarationReader {
    /// The members (and conformances) an extension adds to a type.
    struct Extension {
        var typePath: String
        var bases: [String]
        var members: [APIObject]
        var location: APILocation
        var docstring: Docstring?
        var whereClause: String?
    }

    let file: SourceFile
    let moduleName: String
    let lines: SwiftLineMap

    var objects: [APIObject] = []
    var extensions: [Extension] = []

    init(file: SourceFile, moduleName: String) {
        self.file = file
        self.moduleName = moduleName
        lines = SwiftLineMap(text: file.text)
    }

    /// How a container makes its members visible.
    enum Context {
        /// Top level: only `public`/`open` declarations.
        case topLevel
        /// A public type's body: only `public`/`open` members.
        case type
        /// A protocol or a public enum's cases: every requirement / case is public.
        case protocolBody
        /// A `public extension`: members without an access modifier are public.
        case publicExtension
    }

    mutating func read(_ tree: SourceFileSyntax) {
        for item in flatten(tree.statements.map(\.item)) {
            guard let decl = item.as(DeclSyntax.self) else { continue }
            if let ext = decl.as(ExtensionDeclSyntax.self) {
                readExtension(ext)
            } else {
                objects += self.objects(for: decl, prefix: moduleName, context: .topLevel)
            }
        }
    }

    /// Items of `#if` blocks: the branches ``SwiftConditions`` finds active, every branch it cannot decide.
    private func flatten(_ items: [CodeBlockItemSyntax.Item]) -> [Syntax] {
        var result: [Syntax] = []
        for item in items {
            if let ifConfig = item.as(IfConfigDeclSyntax.self) {
                for clause in SwiftConditions.activeClauses(ifConfig) {
                    if let statements = clause.elements?.as(CodeBlockItemListSyntax.self) {
                        result += flatten(statements.map(\.item))
                    } else if let members = clause.elements?.as(MemberBlockItemListSyntax.self) {
                        result += members.map { Syntax($0.decl) }
                    }
                }
            } else {
                result.append(Syntax(item))
            }
        }
        return result
    }

    private func memberDecls(_ block: MemberBlockSyntax) -> [DeclSyntax] {
        var result: [DeclSyntax] = []
        func visit(_ list: MemberBlockItemListSyntax) {
            for member in list {
                if let ifConfig = member.decl.as(IfConfigDeclSyntax.self) {
                    for clause in SwiftConditions.activeClauses(ifConfig) {
                        if let nested = clause.elements?.as(MemberBlockItemListSyntax.self) { visit(nested) }
                    }
                } else {
                    result.append(member.decl)
                }
            }
        }
        visit(block.members)
        return result
    }

    private mutating func readExtension(_ ext: ExtensionDeclSyntax) {
        let isPublic = Self.accessLevel(ext.modifiers).map { $0 == "public" || $0 == "open" } ?? false
        let typePath = ext.extendedType.trimmedDescription
        var members: [APIObject] = []
        for decl in memberDecls(ext.memberBlock) {
            members += objects(for: decl, prefix: moduleName + "." + typePath,
                               context: isPublic ? .publicExtension : .type)
        }
        let bases = ext.inheritanceClause?.inheritedTypes.map { $0.type.trimmedDescription } ?? []
        extensions.append(Extension(typePath: typePath, bases: bases,
                                    members: members, location: location(ext),
                                    docstring: SwiftDocComment.docstring(for: ext, file: file, lines: lines),
                                    whereClause: ext.genericWhereClause?.requirements.trimmedDescription))
    }

    // MARK: - Visibility and modifiers

    static let accessKeywords: Set<String> = ["public", "open", "package", "internal", "fileprivate", "private"]

    /// The declaration's access keyword, ignoring `private(set)` style setter modifiers.
    static func accessLevel(_ modifiers: DeclModifierListSyntax) -> String? {
        modifiers.first { accessKeywords.contains($0.name.text) && $0.detail == nil }?.name.text
    }

    func isVisible(_ modifiers: DeclModifierListSyntax, context: Context) -> Bool {
        let access = Self.accessLevel(modifiers)
        switch context {
        case .protocolBody: return true
        case .topLevel, .type: return access == "public" || access == "open"
        case .publicExtension: return access == nil || access == "public" || access == "open"
        }
    }

    /// Non-access modifiers (`static`, `mutating` …) plus `open`, in source order.
    static func modifierList(_ modifiers: DeclModifierListSyntax) -> [String] {
        modifiers.compactMap { modifier in
            let name = modifier.name.text
            if name == "open" { return "open" }
            if accessKeywords.contains(name) {
                // Keep `private(set)` / `internal(set)`: they tell readers the setter is not public.
                return modifier.detail != nil ? modifier.trimmedDescription : nil
            }
            return modifier.trimmedDescription
        }
    }

    /// An identifier without the backticks that let it be a keyword (`` `default` `` → `default`).
    static func bare(_ identifier: String) -> String {
        identifier.count > 2 && identifier.hasPrefix("`") && identifier.hasSuffix("`")
            ? String(identifier.dropFirst().dropLast()) : identifier
    }

    static func attributeList(_ attributes: AttributeListSyntax) -> [String] {
        attributes.map { $0.trimmedDescription }
    }

    func location(_ node: some SyntaxProtocol) -> APILocation {
        APILocation(file: file, start: lines.location(utf8Offset: node.positionAfterSkippingLeadingTrivia.utf8Offset))
    }

    func docstring(_ node: some SyntaxProtocol) -> Docstring? {
        SwiftDocComment.docstring(for: node, file: file, lines: lines)
    }

    // MARK: - Declarations

    func object(for decl: DeclSyntax, prefix: String, context: Context) -> APIObject? {
        if let node = decl.as(StructDeclSyntax.self) {
            return typeObject(.struct, decl: node, name: node.name.text, modifiers: node.modifiers, attributes: node.attributes,
                              generics: node.genericParameterClause?.trimmedDescription, inheritance: node.inheritanceClause,
                              whereClause: node.genericWhereClause, members: node.memberBlock, prefix: prefix, context: context)
        }
        if let node = decl.as(ClassDeclSyntax.self) {
            return typeObject(.class, decl: node, name: node.name.text, modifiers: node.modifiers, attributes: node.attributes,
                              generics: node.genericParameterClause?.trimmedDescription, inheritance: node.inheritanceClause,
                              whereClause: node.genericWhereClause, members: node.memberBlock, prefix: prefix, context: context)
        }
        if let node = decl.as(ActorDeclSyntax.self) {
            return typeObject(.actor, decl: node, name: node.name.text, modifiers: node.modifiers, attributes: node.attributes,
                              generics: node.genericParameterClause?.trimmedDescription, inheritance: node.inheritanceClause,
                              whereClause: node.genericWhereClause, members: node.memberBlock, prefix: prefix, context: context)
        }
        if let node = decl.as(EnumDeclSyntax.self) {
            return typeObject(.enum, decl: node, name: node.name.text, modifiers: node.modifiers, attributes: node.attributes,
                              generics: node.genericParameterClause?.trimmedDescription, inheritance: node.inheritanceClause,
                              whereClause: node.genericWhereClause, members: node.memberBlock, prefix: prefix, context: context)
        }
        if let node = decl.as(ProtocolDeclSyntax.self) {
            return typeObject(.protocol, decl: node, name: node.name.text, modifiers: node.modifiers, attributes: node.attributes,
                              generics: node.primaryAssociatedTypeClause?.trimmedDescription, inheritance: node.inheritanceClause,
                              whereClause: node.genericWhereClause, members: node.memberBlock, prefix: prefix, context: context)
        }
        if let node = decl.as(FunctionDeclSyntax.self) {
            guard isVisible(node.modifiers, context: context) else { return nil }
            let signature = Self.signature(node.signature.parameterClause, returnClause: node.signature.returnClause)
            var modifiers = Self.modifierList(node.modifiers)
            modifiers += Self.effects(node.signature.effectSpecifiers)
            let name = Self.bare(node.name.text) + Self.selectorSuffix(node.signature.parameterClause,
                                                                       isOperator: Self.isOperator(node.name.text))
            return APIObject(kind: .function, name: name, qualifiedName: prefix + "." + name, location: location(node),
                             signature: signature, docstring: docstring(node),
                             decorators: Self.attributeList(node.attributes), modifiers: modifiers,
                             genericParameters: node.genericParameterClause?.trimmedDescription,
                             whereClause: node.genericWhereClause?.requirements.trimmedDescription)
        }
        if let node = decl.as(InitializerDeclSyntax.self) {
            guard isVisible(node.modifiers, context: context) else { return nil }
            var modifiers = Self.modifierList(node.modifiers)
            if let mark = node.optionalMark { modifiers.append("init" + mark.text) }
            modifiers += Self.effects(node.signature.effectSpecifiers)
            let name = "init" + Self.selectorSuffix(node.signature.parameterClause)
            return APIObject(kind: .initializer, name: name, qualifiedName: prefix + "." + name, location: location(node),
                             signature: Self.signature(node.signature.parameterClause, returnClause: nil),
                             docstring: docstring(node), decorators: Self.attributeList(node.attributes),
                             modifiers: modifiers, genericParameters: node.genericParameterClause?.trimmedDescription,
                             whereClause: node.genericWhereClause?.requirements.trimmedDescription)
        }
        if let node = decl.as(SubscriptDeclSyntax.self) {
            guard isVisible(node.modifiers, context: context) else { return nil }
            let name = "subscript" + Self.selectorSuffix(node.parameterClause, isSubscript: true)
            var modifiers = Self.modifierList(node.modifiers)
            modifiers += Self.accessors(node.accessorBlock)
            return APIObject(kind: .subscript, name: name, qualifiedName: prefix + "." + name, location: location(node),
                             signature: Self.signature(node.parameterClause, returnClause: node.returnClause),
                             docstring: docstring(node), decorators: Self.attributeList(node.attributes),
                             modifiers: modifiers, genericParameters: node.genericParameterClause?.trimmedDescription,
                             whereClause: node.genericWhereClause?.requirements.trimmedDescription)
        }
        if let node = decl.as(TypeAliasDeclSyntax.self) {
            guard isVisible(node.modifiers, context: context) else { return nil }
            return APIObject(kind: .typealias, name: node.name.text, qualifiedName: prefix + "." + node.name.text,
                             location: location(node), docstring: docstring(node),
                             decorators: Self.attributeList(node.attributes), modifiers: Self.modifierList(node.modifiers),
                             value: node.initializer.value.trimmedDescription,
                             genericParameters: node.genericParameterClause?.trimmedDescription,
                             whereClause: node.genericWhereClause?.requirements.trimmedDescription)
        }
        if let node = decl.as(AssociatedTypeDeclSyntax.self) {
            return APIObject(kind: .associatedType, name: node.name.text, qualifiedName: prefix + "." + node.name.text,
                             location: location(node), docstring: docstring(node),
                             bases: node.inheritanceClause?.inheritedTypes.map { $0.type.trimmedDescription } ?? [],
                             decorators: Self.attributeList(node.attributes),
                             value: node.initializer?.value.trimmedDescription,
                             whereClause: node.genericWhereClause?.requirements.trimmedDescription)
        }
        if let node = decl.as(MacroDeclSyntax.self) {
            guard isVisible(node.modifiers, context: context) else { return nil }
            let name = Self.bare(node.name.text) + Self.selectorSuffix(node.signature.parameterClause,
                                                                       isOperator: Self.isOperator(node.name.text))
            return APIObject(kind: .macro, name: name, qualifiedName: prefix + "." + name, location: location(node),
                             signature: Self.signature(node.signature.parameterClause, returnClause: node.signature.returnClause),
                             docstring: docstring(node), decorators: Self.attributeList(node.attributes),
                             modifiers: Self.modifierList(node.modifiers),
                             genericParameters: node.genericParameterClause?.trimmedDescription,
                             whereClause: node.genericWhereClause?.requirements.trimmedDescription)
        }
        return nil
    }

    /// Variables and enum cases can declare several names at once, so they produce several objects.
    func objects(for decl: DeclSyntax, prefix: String, context: Context) -> [APIObject] {
        if let node = decl.as(VariableDeclSyntax.self) {
            guard isVisible(node.modifiers, context: context) else { return [] }
            let doc = docstring(node)
            var result: [APIObject] = []
            var pendingType: String?
            // `let a, b: Int` gives both names the type written last: walk backwards.
            for binding in node.bindings.reversed() {
                if let type = binding.typeAnnotation?.type.trimmedDescription { pendingType = type }
                guard let pattern = binding.pattern.as(IdentifierPatternSyntax.self) else { continue }
                let name = Self.bare(pattern.identifier.text)
                var modifiers = Self.modifierList(node.modifiers)
                modifiers.append(node.bindingSpecifier.text)
                modifiers += Self.accessors(binding.accessorBlock)
                result.insert(APIObject(kind: .variable, name: name, qualifiedName: prefix + "." + name,
                                        location: location(binding), docstring: doc,
                                        decorators: Self.attributeList(node.attributes), modifiers: modifiers,
                                        annotation: binding.typeAnnotation?.type.trimmedDescription ?? pendingType,
                                        value: binding.initializer?.value.trimmedDescription), at: 0)
            }
            return result
        }
        if let node = decl.as(EnumCaseDeclSyntax.self) {
            let doc = docstring(node)
            return node.elements.map { element in
                var signature: APISignature?
                if let parameters = element.parameterClause?.parameters {
                    signature = APISignature(parameters: parameters.map { parameter in
                        let label = parameter.firstName?.text
                        let inner = parameter.secondName?.text
                        return APIParameter(name: inner ?? label ?? "_", annotation: parameter.type.trimmedDescription,
                                            defaultValue: parameter.defaultValue?.value.trimmedDescription,
                                            label: inner != nil ? label : nil)
                    })
                }
                let name = Self.bare(element.name.text)
                return APIObject(kind: .enumCase, name: name, qualifiedName: prefix + "." + name,
                                 location: location(element), signature: signature, docstring: doc,
                                 decorators: Self.attributeList(node.attributes), modifiers: Self.modifierList(node.modifiers),
                                 value: element.rawValue?.value.trimmedDescription)
            }
        }
        return object(for: decl, prefix: prefix, context: context).map { [$0] } ?? []
    }

    private func typeObject(_ kind: APIObjectKind, decl: some DeclSyntaxProtocol, name: String,
                            modifiers: DeclModifierListSyntax, attributes: AttributeListSyntax, generics: String?,
                            inheritance: InheritanceClauseSyntax?, whereClause: GenericWhereClauseSyntax?,
                            members: MemberBlockSyntax, prefix: String, context: Context) -> APIObject? {
        guard isVisible(modifiers, context: context) else { return nil }
        let qualifiedName = prefix + "." + name
        let memberContext: Context = kind == .protocol ? .protocolBody : .type
        var children: [APIObject] = []
        for member in memberDecls(members) {
            // Enum cases of a public enum are public without a modifier.
            let context = kind == .enum && member.is(EnumCaseDeclSyntax.self) ? .protocolBody : memberContext
            children += objects(for: member, prefix: qualifiedName, context: context)
        }
        return APIObject(kind: kind, name: name, qualifiedName: qualifiedName, location: location(decl),
                         docstring: docstring(decl),
                         bases: inheritance?.inheritedTypes.map { $0.type.trimmedDescription } ?? [],
                         decorators: Self.attributeList(attributes), modifiers: Self.modifierList(modifiers),
                         genericParameters: generics, whereClause: whereClause?.requirements.trimmedDescription,
                         members: children)
    }

    // MARK: - Signatures

    static func signature(_ clause: FunctionParameterClauseSyntax, returnClause: ReturnClauseSyntax?) -> APISignature {
        APISignature(parameters: clause.parameters.map { parameter in
            let label = parameter.firstName.text
            let inner = parameter.secondName?.text
            var type = parameter.type.trimmedDescription
            if parameter.ellipsis != nil { type += "..." }
            return APIParameter(name: inner ?? label, annotation: type,
                                defaultValue: parameter.defaultValue?.value.trimmedDescription,
                                label: inner != nil ? label : nil)
        }, returnAnnotation: returnClause?.type.trimmedDescription)
    }

    /// `==`, `<`, `+=`: an operator's name has no identifier characters at its start.
    static func isOperator(_ name: String) -> Bool {
        guard let first = Self.bare(name).first else { return false }
        return !(first.isLetter || first == "_" || first == "`")
    }

    /// `(for:hints:)` — DocC's way of naming a function by its argument labels.
    static func selectorSuffix(_ clause: FunctionParameterClauseSyntax, isSubscript: Bool = false,
                               isOperator: Bool = false) -> String {
        "(" + clause.parameters.map { parameter in
            // Subscript parameters have no argument label unless one is written twice; operators have none.
            if isOperator || (isSubscript && parameter.secondName == nil) { return "_:" }
            return parameter.firstName.text + ":"
        }.joined() + ")"
    }

    static func effects(_ specifiers: FunctionEffectSpecifiersSyntax?) -> [String] {
        guard let specifiers else { return [] }
        var result: [String] = []
        if let async = specifiers.asyncSpecifier { result.append(async.text) }
        if let throwsClause = specifiers.throwsClause { result.append(throwsClause.trimmedDescription) }
        return result
    }

    static func accessors(_ block: AccessorBlockSyntax?) -> [String] {
        guard let block else { return [] }
        switch block.accessors {
        case let .accessors(list):
            return list.map { accessor in
                var text = accessor.accessorSpecifier.text
                if let effects = accessor.effectSpecifiers {
                    if let async = effects.asyncSpecifier { text += " " + async.text }
                    if let throwsClause = effects.throwsClause { text += " " + throwsClause.trimmedDescription }
                }
                return text
            }
        case .getter:
            return ["get"]
        }
    }
}
