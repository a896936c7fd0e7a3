import DocTree
import Domains

/// Swift declarations in the `swift` domain: `struct`/`class`/… with their
/// members, functions and initializers with Swift-style parameters.
extension AutodocRenderer {
    static let prefixModifiers: Set<String> = ["static", "class", "final", "open", "mutating", "nonmutating", "override",
                                               "convenience", "required", "indirect", "lazy", "weak", "unowned",
                                               "nonisolated", "distributed", "consuming", "borrowing", "dynamic"]
    static let effectModifiers = ["async", "throws", "rethrows"]

    /// `automodule` for a Swift module: its documented public declarations.
    mutating func swiftModule(_ module: APIModule, options: AutodocOptions, content: [Node], range: SourceRange?) -> [Node] {
        var out: [Node] = []
        out += docstringNodes(module.docstring, swift: SwiftContext(module: module.name, type: nil))
        out += content
        if options.members != .none {
            for member in swiftMembers(module.members, options: options) {
                out.append(swiftDesc(member, module: module, parentPath: nil, options: options, content: [], range: range))
            }
        }
        return out
    }

    func swiftMembers(_ members: [APIObject], options: AutodocOptions) -> [APIObject] {
        var candidates = members
        var explicit = false
        if case .names(let names) = options.members {
            explicit = true
            candidates = names.compactMap { name in members.first { $0.name == name || Self.baseName($0.name) == name } }
        }
        let filtered = MemberSelection.filtered(candidates, options: options, explicit: explicit) { object in
            hasDoc(object) || !(object.docstring?.fields.isEmpty ?? true) || (object.kind == .extension && !object.members.isEmpty)
        }
        return MemberSelection.sorted(filtered, order: options.memberOrder)
    }

    /// `databaseForRead(_:hints:)` → `databaseForRead`.
    static func baseName(_ name: String) -> String {
        guard let paren = name.firstIndex(of: "("), paren != name.startIndex else { return name }
        return String(name[..<paren])
    }

    /// A stable, URL-safe anchor for a Swift full name: letters, digits and `._:()` stay, others become `-XX-`.
    public static func swiftAnchor(_ fullname: String) -> String {
        var out = ""
        for scalar in fullname.unicodeScalars {
            if ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                || "._:()".unicodeScalars.contains(scalar) {
                out.unicodeScalars.append(scalar)
            } else {
                out += "-" + String(scalar.value, radix: 16, uppercase: true) + "-"
            }
        }
        return out
    }

    func swiftObjtype(_ object: APIObject, inType: Bool) -> String {
        switch object.kind {
        case .function: return inType ? "method" : "function"
        case .variable: return inType ? "property" : "variable"
        case .enumCase: return "case"
        default: return object.kind.rawValue
        }
    }

    mutating func swiftDesc(_ object: APIObject, module: APIModule, parentPath: String?, options: AutodocOptions,
                            content: [Node], range: SourceRange?) -> Node {
        let relative = object.qualifiedName.hasPrefix(module.name + ".")
            ? String(object.qualifiedName.dropFirst(module.name.count + 1)) : object.name
        let typePath: String? = {
            let parts = APIStore.splitPath(relative)
            return parts.count > 1 ? parts.dropLast().joined(separator: ".") : nil
        }()
        let objtype = swiftObjtype(object, inType: typePath != nil)
        let modifiers = object.modifiers
        var prefix = modifiers.filter { Self.prefixModifiers.contains($0) }
        var parts: [Node] = []
        switch object.kind {
        case .struct, .class, .enum, .protocol, .actor, .typealias, .associatedType, .extension, .macro:
            prefix.append(object.kind.rawValue)
        case .function: prefix.append("func")
        case .enumCase: prefix.append("case")
        case .variable:
            prefix += modifiers.filter { $0 == "var" || $0 == "let" }
        default: break
        }
        parts += prefix.map { DescNodes.part("desc_annotation", $0 + " ") }
        if parentPath == nil, let typePath { parts.append(DescNodes.part("desc_addname", typePath + ".")) }
        var name = Self.baseName(object.name)
        if object.kind == .initializer, modifiers.contains("init?") { name = "init?" }
        parts.append(DescNodes.part("desc_name", name))
        if let generic = object.genericParameters { parts.append(DescNodes.part("desc_annotation", generic)) }
        if let signature = object.signature {
            parts.append(DescNodes.parameterList(signature.parameters.map(swiftParameter)))
            let effects = modifiers.filter { m in Self.effectModifiers.contains { m == $0 || m.hasPrefix($0 + "(") } }
            if !effects.isEmpty { parts.append(DescNodes.part("desc_annotation", " " + effects.joined(separator: " "))) }
            if let result = signature.returnAnnotation { parts.append(DescNodes.part("desc_returns", result)) }
        }
        if object.kind == .typealias, let value = object.value ?? object.annotation {
            parts.append(DescNodes.part("desc_annotation", " = " + value))
        } else if object.signature == nil, let type = object.annotation {
            parts.append(DescNodes.part("desc_annotation", ": " + type))
        } else if object.kind == .subscript, object.signature == nil, let type = object.annotation {
            parts.append(DescNodes.part("desc_returns", type))
        }
        if object.kind == .variable || object.kind == .subscript {
            let accessors = modifiers.filter { $0 == "get" || $0 == "set" }
            if !accessors.isEmpty { parts.append(DescNodes.part("desc_annotation", " { " + accessors.joined(separator: " ") + " }")) }
        }
        if !object.bases.isEmpty, object.kind != .typealias {
            // Inherited types and protocols declared in the module link to their descriptions.
            var annotation = Node("desc_annotation")
            var text = ": "
            for (index, base) in object.bases.enumerated() {
                if index > 0 { text += ", " }
                // Only to types that are documented: `_Underscored` ones are left out like other private names.
                if module.members.contains(where: { $0.name == base && $0.kind != .extension }),
                   !base.hasPrefix("_") || options.privateMembers.includes(base) {
                    annotation.children.append(.text(text))
                    text = ""
                    var link = Self.xref(module.name + "." + base, text: base, domain: "swift", type: "type",
                                         documentName: documentName)
                    link.range = range   // the directive that generated it
                    annotation.children.append(link)
                } else {
                    text += base
                }
            }
            if !text.isEmpty { annotation.children.append(.text(text)) }
            parts.append(annotation)
        }
        if let whereClause = object.whereClause { parts.append(DescNodes.part("desc_annotation", " where " + whereClause)) }
        let signature = Self.signatureNode(parts: parts, fullname: object.qualifiedName, module: module.name,
                                           className: typePath, id: options.noindex ? nil : Self.swiftAnchor(object.qualifiedName),
                                           domain: "swift", range: nil)
        let contextType = [.struct, .class, .enum, .protocol, .actor, .extension].contains(object.kind) ? relative : typePath
        var body = docstringNodes(object.docstring, swift: SwiftContext(module: module.name, type: contextType))
        body += content
        if options.members != .none, !object.members.isEmpty {
            for member in swiftMembers(object.members, options: options) {
                body.append(swiftDesc(member, module: module, parentPath: relative, options: options, content: [], range: range))
            }
        }
        return DescNodes.desc(domain: "swift", objtype: objtype, noindex: options.noindex, signatures: [signature],
                              content: body, range: range)
    }

    /// `label name: Type = default` (the label only when it differs from the name).
    func swiftParameter(_ parameter: APIParameter) -> String {
        // An unnamed associated value of an enum case: just its type.
        if parameter.name == "_", parameter.label == nil, let annotation = parameter.annotation {
            return parameter.defaultValue.map { annotation + " = " + $0 } ?? annotation
        }
        var text = parameter.label.map { $0 + " " + parameter.name } ?? parameter.name
        if let annotation = parameter.annotation { text += ": " + annotation }
        if let value = parameter.defaultValue { text += " = " + value }
        return text
    }
}
