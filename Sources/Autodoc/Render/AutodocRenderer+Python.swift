import DocTree
import Domains

/// Python objects: signatures like Sphinx's autodoc, `Bases:` lines, members.
extension AutodocRenderer {
    /// `automodule` for a Python module: target, docstring, directive content, members.
    mutating func pythonModule(_ module: APIModule, options: AutodocOptions, content: [Node], range: SourceRange?) -> [Node] {
        var out: [Node] = [Self.moduleTarget(module.name, options: options, range: range)]
        out += docstringNodes(module.docstring)
        out += content
        if options.members != .none {
            for member in moduleMembers(module, options: options) {
                let imported = store.follow(member.qualifiedName).flatMap { $0.definingModule.name == module.name ? nil : $0 }
                out.append(pythonDesc(member, module: module, definedIn: imported?.definingModule,
                                      canonicalName: imported?.canonicalName, parentPath: nil, options: options.forMembers,
                                      content: [], range: range))
            }
        }
        return out
    }

    /// The members `automodule` documents, filtered and sorted.
    mutating func moduleMembers(_ module: APIModule, options: AutodocOptions) -> [APIObject] {
        var candidates: [APIObject]
        var explicit = false
        switch options.members {
        case .names(let names):
            explicit = true
            candidates = names.compactMap { pythonModuleMember(module, $0) }
        default:
            if let all = module.all, !options.ignoreModuleAll {
                candidates = all.compactMap { pythonModuleMember(module, $0) }
            } else {
                candidates = module.members
            }
        }
        let filtered = MemberSelection.filtered(candidates, options: options, explicit: explicit) { member in
            hasDoc(member) || classDocstring(member, module: module) != nil
        }
        return MemberSelection.sorted(filtered, order: options.memberOrder)
    }

    /// The docstring shown: the object's, else its base's (`autodoc_inherit_docstrings`); for a class,
    /// `autoclass_content` chooses the class docstring, `__init__`'s, or both.
    func pythonDocstrings(_ object: APIObject, module: APIModule, inheritedDoc: Docstring?, options: AutodocOptions) -> [Docstring] {
        guard object.kind == .class || object.kind == .exception else {
            return [object.docstring ?? (options.inheritDocstrings ? inheritedDoc : nil)].compactMap { $0 }
        }
        let classDoc = options.inheritDocstrings ? classDocstring(object, module: module) : object.docstring
        guard options.classContent != "class",
              let initializer = object.member(named: "__init__") ?? object.member(named: "__new__"),
              let initDoc = initializer.docstring, !initDoc.text.isEmpty else { return [classDoc].compactMap { $0 } }
        if options.classContent == "init" { return [initDoc] }
        return [classDoc, initDoc].compactMap { $0 }
    }

    /// A class without a docstring shows its nearest documented base's (Python's `inspect.getdoc`).
    func classDocstring(_ object: APIObject, module: APIModule) -> Docstring? {
        if hasDoc(object) { return object.docstring }
        guard object.kind == .class || object.kind == .exception else { return nil }
        for (base, _) in baseClasses(object, module: module) where hasDoc(base) { return base.docstring }
        return nil
    }

    /// A module member by name, following imports for names in `__all__` (documented under this module).
    func pythonModuleMember(_ module: APIModule, _ name: String) -> APIObject? {
        store.follow(module.name + "." + name)?.object
    }

    func hasDoc(_ object: APIObject) -> Bool {
        if object.modifiers.contains(Self.documentedAtRunTime) { return true }
        guard let docstring = object.docstring else { return false }
        return !docstring.text.isEmpty
    }

    /// The `desc` for one Python object; `parentPath` is the enclosing class path when rendered inside it.
    /// `module` is the module the object is documented in (its name prefixes the object's);
    /// `definedIn` the module that defines it, when it was imported from there (bases, annotations
    /// and inherited docstrings are looked up in it), with `canonicalName` its name there.
    mutating func pythonDesc(_ object: APIObject, module: APIModule, definedIn: APIModule? = nil,
                             canonicalName: String? = nil, parentPath: String?, options: AutodocOptions,
                             content: [Node], range: SourceRange?, inheritedDoc: Docstring? = nil,
                             scopeAnnotations: [(String, APIModule)]? = nil, inherited: Bool = false) -> Node {
        let home = definedIn ?? module
        let relative = object.qualifiedName.hasPrefix(module.name + ".")
            ? String(object.qualifiedName.dropFirst(module.name.count + 1)) : object.name
        let classPath = relative.contains(".") ? String(relative[..<(relative.lastIndex(of: ".") ?? relative.endIndex)]) : nil
        let objtype = Self.directiveObjtype[options.directive ?? ""] ?? pythonObjtype(object, inClass: classPath != nil)
        var parts: [Node] = (options.usagePrefix.isEmpty ? pythonPrefixes(object, objtype: objtype) : options.usagePrefix)
            .map { DescNodes.part("desc_annotation", $0 == "@" ? $0 : $0 + " ") }
        if objtype == "decorator" {
            parts.append(DescNodes.part("desc_addname", "@"))
        }
        if parentPath == nil, classPath != nil || settings.addModuleNames {
            // Shown on its own: `module.` for top-level objects (unless `add_module_names` is off), `Class.` for members.
            parts.append(DescNodes.part("desc_addname", (classPath ?? module.name) + "."))
        }
        parts.append(DescNodes.part("desc_name", object.name))
        if let generic = object.genericParameters, generic.hasPrefix("["), generic.hasSuffix("]") {
            parts.append(DescNodes.part("desc_annotation", generic))
        }
        let annotations = PythonAnnotations(store: store, module: home)
        // A variable's annotation is evaluated with all of its class's or module's (`get_type_hints` of the owner).
        let isVariable = object.kind == .data || object.kind == .attribute
        let mode = isVariable
            ? annotations.mode(forScoped: scopeAnnotations ?? home.members.filter(\.isVariable).compactMap(\.annotation).map { ($0, home) })
            : annotations.mode(for: Self.annotationTexts(object))
        // The references in a signature are reported at the directive that generated it.
        func located(_ nodes: [Node]) -> [Node] {
            nodes.map { node in
                var copy = node
                if copy.kind == .pendingXref, copy.range == nil { copy.range = range }
                return copy
            }
        }
        func annotationNodes(_ text: String) -> [Node] { located(annotations.nodes(text, mode: mode, document: documentName)) }
        // autodoc evaluates each overload's annotations on their own (from the source), each falling back alone.
        func overloadAnnotationNodes(_ text: String) -> [Node] {
            located(annotations.nodes(text, mode: .evaluated, document: documentName))
        }
        // `autodoc_typehints = "none"`: signatures without annotations.
        let typeFields = ["description", "both"].contains(options.typehints)
            ? descriptionTypes(object, annotations: annotations, mode: mode,
                               dropSelf: object.kind == .method && !object.modifiers.contains("staticmethod"), home: home,
                               target: options.typehintsDescriptionTarget)
            : nil
        let object = ["signature", "both"].contains(options.typehints) ? object
            : Self.withoutAnnotations(object, overloadsToo: options.typehints == "none")
        // Defaults are printed from the expression (quotes normalised) with `autodoc_preserve_defaults`; without it,
        // from the value, so a module constant shows the literal it is bound to.
        let store = self.store
        let defaultText = { (written: String) -> String in
            if !options.preserveDefaults, let constant = home.member(named: written), constant.isVariable,
               let value = constant.value, case .literal(let literal)? = PythonTypeExpression.parse(value) {
                return literal
            }
            // A class as a default shows as Python's repr of it: `<class 'dict'>`.
            if !options.preserveDefaults, case .name(let name)? = PythonTypeExpression.parse(written), name != "None" {
                if PythonBuiltins.names.contains(name), !PythonBuiltins.isFunction(name), home.member(named: name) == nil,
                   !home.imports.contains(where: { $0.name == name }) {
                    return "<class '\(name)'>"
                }
                if case .path(let path) = annotations.bind(name, depth: 0), let target = store.follow(path),
                   target.object.kind == .class || target.object.kind == .exception {
                    return "<class '\(target.canonicalName)'>"
                }
            }
            return Self.defaultText(written)
        }
        let dropSelf = object.kind == .method && !object.modifiers.contains("staticmethod")
        let classAlias = isVariable ? classAliasTarget(object, annotations: annotations) : nil
        switch object.kind {
        case _ where objtype == "decorator":
            // `autodecorator`: `@name`, and the parameters only when written in the directive.
            if let explicit = options.explicitArguments, !explicit.isEmpty {
                parts.append(DescNodes.parameterList(PythonSignature.parse("x(" + explicit + ")")?.parameters ?? [explicit]))
            }
        case .class, .exception, .function, .method:
            if let explicit = options.explicitArguments {
                // `autoclass:: Name(a, b)`: the signature written in the directive; a class's `()` shows nothing.
                let written = PythonSignature.parse("x(" + explicit + ")")?.parameters ?? [explicit]
                if !(written.isEmpty && (object.kind == .class || object.kind == .exception)) {
                    parts.append(DescNodes.parameterList(written))
                }
            } else if let signature = object.signature ?? inheritedConstructor(object, module: home).map({ inherited in
                          ["signature", "both"].contains(options.typehints) ? inherited : Self.withoutAnnotations(inherited)
                      }) {
                parts.append(Node("desc_parameterlist", children: pythonParameterNodes(signature, dropFirst: dropSelf,
                                                                                       annotation: annotationNodes,
                                                                                       defaultText: defaultText)))
                if let returns = signature.returnAnnotation, object.kind != .class, object.kind != .exception {
                    parts.append(Node("desc_returns", children: annotationNodes(returns)))
                }
            } else if object.kind == .function || object.kind == .method {
                parts.append(DescNodes.parameterList([]))
            }
        case .property:
            if let type = object.signature?.returnAnnotation ?? object.annotation {
                parts.append(Node("desc_annotation", children: [.text(": ")] + annotationNodes(type)))
            }
        case _ where classAlias != nil:
            break   // autodoc documents a variable bound to a class as "alias of" it, without type or value
        default:
            // When the owner's annotations cannot all be evaluated, autodoc falls back to the class's own
            // `__annotations__`: an inherited variable then shows no type.
            if let type = object.annotation, mode == .evaluated || !inherited {
                parts.append(Node("desc_annotation", children: [.text(": ")] + annotationNodes(type)))
            }
            if let annotation = options.annotation, !annotation.isEmpty, parentPath == nil {
                parts.append(DescNodes.part("desc_annotation", " " + annotation))
            } else if let value = object.value, !options.noValue, !Self.isInstanceAttribute(object),
                      !isDescriptorInstance(value, annotations: annotations) {
                parts.append(DescNodes.part("desc_annotation", " = " + defaultText(value)))
            }
        }
        if let suffix = options.usageSuffix { parts.append(DescNodes.part("desc_annotation", " " + suffix)) }
        let fullname = object.qualifiedName
        var signatures = [Self.signatureNode(parts: parts, fullname: fullname, module: module.name, className: classPath,
                                             id: options.noindex ? nil : DomainID.make(prefix: "", fullname),
                                             domain: "py", range: nil)]
        if !object.overloads.isEmpty, object.kind == .function || object.kind == .method,
           let listIndex = parts.firstIndex(where: { $0.kind == "desc_parameterlist" }) {
            // `@overload` signatures are shown instead of the implementation's; the first carries the anchor.
            signatures = object.overloads.enumerated().map { index, written in
                // An overload's `= ...` shows the implementation's default (autodoc merges them).
                var overload = written
                for position in overload.parameters.indices where overload.parameters[position].defaultValue == "..." {
                    let name = overload.parameters[position].name
                    if let actual = object.signature?.parameters.first(where: { $0.name == name })?.defaultValue {
                        overload.parameters[position].defaultValue = actual
                    }
                }
                var overloadParts = Array(parts[..<listIndex])
                overloadParts.append(Node("desc_parameterlist", children: pythonParameterNodes(overload, dropFirst: dropSelf,
                                                                                               annotation: overloadAnnotationNodes,
                                                                                       defaultText: defaultText)))
                if let returns = overload.returnAnnotation {
                    overloadParts.append(Node("desc_returns", children: overloadAnnotationNodes(returns)))
                }
                if let suffix = options.usageSuffix { overloadParts.append(DescNodes.part("desc_annotation", " " + suffix)) }
                return Self.signatureNode(parts: overloadParts, fullname: fullname, module: module.name, className: classPath,
                                          id: options.noindex || index > 0 ? nil : DomainID.make(prefix: "", fullname),
                                          domain: "py", range: nil)
            }
        }
        if let canonicalName, canonicalName != fullname, !options.noindex {
            // Sphinx's `:canonical:`: the defining path is a second name for the same anchor.
            signatures[0].attributes[AttributeKey.canonical] = .string(canonicalName)
        }
        var body: [Node] = []
        if (object.kind == .class || object.kind == .exception), options.showInheritance {
            var paragraph = Node(.paragraph, children: [.text("Bases: ")])
            for (index, base) in (object.bases.isEmpty ? ["object"] : object.bases).enumerated() {
                if index > 0 { paragraph.children.append(.text(", ")) }
                // `Generic[T]` links to `Generic`; the subscript is shown, not looked up.
                let target = qualifiedBase(String(base.prefix { $0 != "[" }), in: home)
                if PythonBuiltins.contains(target) {
                    // Like Sphinx without an inventory for Python: shown as code, not a link.
                    paragraph.children.append(Node(.literal, attributes: ["classes": .list(["xref", "py", "py-class"])],
                                                   children: [.text(base)]))
                } else {
                    var link = Self.xref(target, text: base, domain: "py", type: "class", documentName: documentName)
                    link.range = range   // the directive that generated it
                    paragraph.children.append(link)
                }
            }
            body.append(paragraph)
        }
        // A variable bound to a class: autodoc shows "alias of" the class, after its doc comment, which it
        // looks up only in the module the object is documented under and in the class it is documented in
        // (so an inherited one's, or one under a re-exported name, is not shown).
        let aliasComment = classAlias != nil && !inherited && (definedIn == nil || definedIn?.name == module.name)
            && hasDoc(object)
        let docstrings = classAlias != nil && !aliasComment ? []
            : pythonDocstrings(object, module: home, inheritedDoc: inheritedDoc, options: options)
        for docstring in docstrings {
            // Sphinx reports the references of a member's type fields in its docstring, those of the
            // object a directive names where the directive is.
            body += docstringNodes(docstring, typeFields: typeFields, fieldRange: parentPath == nil ? range : nil,
                                   parameterLinks: ["function", "method", "classmethod", "staticmethod", "class"]
                                       .contains(objtype) ? fullname : nil)
        }
        if let typeFields, !typeFields.isEmpty, !body.contains(where: { $0.kind == .fieldList }) {
            body += DocstringRenderer.fields(typeFields, documentName: documentName, range: range)
        }
        if let classAlias {
            // Shown by its last name, as Sphinx's `restify` in its default (`smart`) mode.
            var link = Self.xref(classAlias, text: PythonAnnotations.shortName(classAlias), domain: "py", type: "class",
                                 documentName: documentName)
            link.range = range
            body.append(Node(.paragraph, children: [.text("alias of "), link]))
        }
        body += content
        if object.kind == .class || object.kind == .exception, options.members != .none || !content.isEmpty {
            if options.members != .none {
                let scope = classAnnotations(object, module: home)
                for member in classMembers(object, module: home, options: options) {
                    body.append(pythonDesc(member.object, module: module, definedIn: member.baseModule ?? definedIn,
                                           canonicalName: canonicalName.map { $0 + "." + member.object.name },
                                           parentPath: relative, options: options.forMembers, content: [], range: range,
                                           inheritedDoc: member.inheritedDoc, scopeAnnotations: scope,
                                           inherited: member.baseModule != nil))
                }
            }
        }
        return DescNodes.desc(domain: "py", objtype: objtype, noindex: options.noindex, signatures: signatures,
                              content: body, range: range)
    }

    /// The object type a directive documents, when it names one (`autoclass` shows an exception as a class).
    static let directiveObjtype: [String: String] = [
        "autoclass": "class", "autoexception": "exception", "autodecorator": "decorator", "autofunction": "function",
        "autodata": "data",
    ]

    func pythonObjtype(_ object: APIObject, inClass: Bool) -> String {
        switch object.kind {
        case .method: return "method"
        case .data: return inClass ? "attribute" : "data"
        default: return object.kind.rawValue
        }
    }

    func pythonPrefixes(_ object: APIObject, objtype: String) -> [String] {
        let m = object.modifiers
        let final = object.decorators.contains { $0 == "final" || $0.hasSuffix(".final") } ? ["final"] : []
        switch objtype {
        case "class": return final + ["class"]
        case "exception": return final + ["exception"]
        case "decorator", "function" where object.kind == .class: return []
        default: break
        }
        switch object.kind {
        case .class: return final + ["class"]
        case .exception: return final + ["exception"]
        case .function: return m.contains("async") ? ["async"] : []
        case .method:
            var out: [String] = final
            if m.contains("abstractmethod") { out.append("abstract") }
            if m.contains("async") { out.append("async") }
            if m.contains("classmethod") { out.append("classmethod") }
            if m.contains("staticmethod") { out.append("static") }
            return out
        case .property:
            var out: [String] = []
            if m.contains("abstractmethod") { out.append("abstract") }
            if m.contains("classmethod") { out.append("class") }
            return out + ["property"]
        default: return []
        }
    }

    /// `desc_parameter` nodes with `/` and `*` markers; `dropFirst` removes `self`/`cls`.
    func pythonParameterNodes(_ signature: APISignature, dropFirst: Bool, annotation: (String) -> [Node],
                              defaultText: (String) -> String) -> [Node] {
        var parameters = signature.parameters
        if dropFirst, let first = parameters.first, first.kind == .positionalOnly || first.kind == .positionalOrKeyword {
            parameters.removeFirst()
        }
        var out: [Node] = []
        var wroteStar = false
        for (index, parameter) in parameters.enumerated() {
            if index > 0, parameters[index - 1].kind == .positionalOnly, parameter.kind != .positionalOnly {
                out.append(DescNodes.part("desc_parameter", "/"))
            }
            if parameter.kind == .keywordOnly, !wroteStar {
                out.append(DescNodes.part("desc_parameter", "*"))
                wroteStar = true
            }
            var name = parameter.name
            if parameter.kind == .variadicPositional { name = "*" + name; wroteStar = true }
            if parameter.kind == .variadicKeyword { name = "**" + name }
            var children: [Node] = [.text(name)]
            if let type = parameter.annotation { children += [.text(": ")] + annotation(type) }
            if let value = parameter.defaultValue {
                children.append(.text((parameter.annotation == nil ? "=" : " = ") + defaultText(value)))
            }
            out.append(Node("desc_parameter", children: children))
        }
        if parameters.last?.kind == .positionalOnly { out.append(DescNodes.part("desc_parameter", "/")) }
        return out
    }

    /// Every annotation of an object (its parameters', its return's, its own), which autodoc evaluates together.
    static func annotationTexts(_ object: APIObject) -> [String] {
        let signatures = (object.signature.map { [$0] } ?? []) + object.overloads
        return signatures.flatMap { signature in signature.parameters.compactMap(\.annotation) + [signature.returnAnnotation].compactMap { $0 } }
            + [object.annotation].compactMap { $0 }
    }

    /// The function or class a variable names (`s = attrs`), documented under the variable's name.
    func boundDefinition(_ found: APIStore.Found) -> APIStore.Found? {
        guard found.object.isVariable, let value = found.object.value,
              case .name(let name)? = PythonTypeExpression.parse(value),
              case .path(let path) = PythonAnnotations(store: store, module: found.definingModule).bind(name, depth: 0),
              let target = store.follow(path),
              [.function, .class, .exception].contains(target.object.kind) else { return nil }
        var out = target
        out.object = target.object.renamed(qualifiedName: found.object.qualifiedName)
        out.object.name = found.object.name
        out.publicModule = found.publicModule
        return out
    }

    /// `x = Descriptor(…)` in a class body: what autodoc sees is what the descriptor gives, not this call.
    func isDescriptorInstance(_ value: String, annotations: PythonAnnotations) -> Bool {
        guard let open = value.firstIndex(of: "("), value.hasSuffix(")"),
              let callee = PythonTypeExpression.parse(String(value[..<open])) else { return false }
        // `environ_property[str](…)`: the generic class, parameterised.
        var base = callee
        if case .item(let generic, _) = callee { base = generic }
        guard case .name(let name) = base,
              case .path(let path) = annotations.bind(name, depth: 0), let found = store.follow(path),
              found.object.kind == .class else { return false }
        let classes = [found.object] + baseClasses(found.object, module: found.definingModule).map(\.0)
        return classes.contains { $0.member(named: "__get__") != nil }
    }

    /// The class a variable is bound to (`context_class = Context`), by its defining path.
    func classAliasTarget(_ object: APIObject, annotations: PythonAnnotations) -> String? {
        guard let value = object.value, case .name(let name)? = PythonTypeExpression.parse(value),
              case .path(let path) = annotations.bind(name, depth: 0) else { return nil }
        if let found = store.follow(path) {
            return found.object.kind == .class || found.object.kind == .exception ? found.canonicalName : nil
        }
        // Imported from outside the project: a capitalised name is taken to be a class (`lock_class = Lock`).
        let last = PythonAnnotations.shortName(path)
        return path.contains(".") && store.resolve(path) == nil && last.first?.isUppercase == true ? path : nil
    }

    /// `autodoc_typehints = "description"`: the annotations as type fields (`~pkg.mod.Name` texts when evaluated).
    func descriptionTypes(_ object: APIObject, annotations: PythonAnnotations, mode: PythonAnnotations.Mode,
                          dropSelf: Bool, home: APIModule, target: String = "all") -> TypeFields? {
        let isClass = object.kind == .class || object.kind == .exception
        guard object.kind == .function || object.kind == .method || isClass,
              let signature = object.signature ?? inheritedConstructor(object, module: home) else { return nil }
        var parameters = signature.parameters
        if dropSelf, let first = parameters.first, first.kind == .positionalOnly || first.kind == .positionalOrKeyword {
            parameters.removeFirst()
        }
        let typed = parameters.compactMap { parameter in
            parameter.annotation.map { (name: parameter.name, type: annotations.fieldText($0, mode: mode)) }
        }
        // A class's signature has no return annotation (its __init__'s `-> None` is not shown).
        let returns = isClass ? nil : signature.returnAnnotation.map { annotations.fieldText($0, mode: mode) }
        return TypeFields(parameters: typed, returnType: returns, target: target)
    }

    /// The object with no annotations (on parameters, returns or itself).
    static func withoutAnnotations(_ object: APIObject, overloadsToo: Bool) -> APIObject {
        // Variables and properties keep their type unless typehints are `none` (autodoc's `:type:` option).
        if !overloadsToo, object.kind == .property || object.isVariable { return object }
        var copy = object
        copy.signature = object.signature.map(withoutAnnotations)
        if overloadsToo { copy.overloads = object.overloads.map(withoutAnnotations) }
        copy.annotation = nil
        return copy
    }

    /// The signature with no parameter or return annotations.
    static func withoutAnnotations(_ signature: APISignature) -> APISignature {
        var out = signature
        out.returnAnnotation = nil
        for index in out.parameters.indices { out.parameters[index].annotation = nil }
        return out
    }

    /// A default value as autodoc shows it: the value's `repr` (strings in single quotes), else as written.
    static func defaultText(_ written: String) -> String { PythonTypeExpression.parse(written)?.text ?? written }

    /// `self.x = …` in a method: the value is an expression of the arguments, not shown.
    static func isInstanceAttribute(_ object: APIObject) -> Bool {
        guard let line = object.location.file.line(object.location.start.line) else { return false }
        let before = line.unicodeScalars.prefix(max(0, object.location.start.column - 1))
        return String(String.UnicodeScalarView(before)).hasSuffix("self.")
    }

    /// A base class as a full name: defined in the module, imported, or as written.
    func qualifiedBase(_ base: String, in module: APIModule) -> String {
        let head = base.split(separator: ".").first.map(String.init) ?? base
        if module.member(named: head) != nil { return module.name + "." + base }
        if let item = module.imports.last(where: { $0.name == head }) {
            let rest = base.dropFirst(head.count)
            return (item.originalName.map { item.module + "." + $0 } ?? item.module) + rest
        }
        return base
    }

    /// The class a base name refers to, when it was extracted.
    func resolveClass(_ base: String, in module: APIModule) -> (APIObject, APIModule)? {
        let name = base.split(separator: "[").first.map(String.init) ?? base
        if let local = module.object(at: name), local.kind == .class || local.kind == .exception { return (local, module) }
        let full = qualifiedBase(name, in: module)
        guard full != name || name.contains("."), let (found, path) = store.resolve(full), let path,
              let object = found.object(at: path) else { return nil }
        return (object, found)
    }

    /// Class members to document, with a docstring inherited from a base when the member has none.
    /// A member a class documents: its own, or inherited from a base (`:inherited-members:`).
    struct ClassMember {
        var object: APIObject
        /// The base's docstring for an undocumented override (`autodoc_inherit_docstrings`).
        var inheritedDoc: Docstring?
        /// The module of the base it is inherited from; nil for the class's own.
        var baseModule: APIModule?
    }

    /// A property made by a function that always gives it a docstring, which only running it would tell.
    static let documentedAtRunTime = "documented-at-run-time"

    /// `max_age = cache_control_property("max-age", None, int)`: an attribute assigned the call of a
    /// function that returns `property(…)` is that property (no type: its getter is a lambda; no value).
    func madeProperty(_ member: APIObject, module: APIModule) -> APIObject {
        if let method = wrappedFunction(member, module: module) { return method }
        guard member.kind == .attribute, let value = member.value, let open = value.firstIndex(of: "("),
              value.hasSuffix(")"), case .name(let name)? = PythonTypeExpression.parse(String(value[..<open])),
              case .path(let path) = PythonAnnotations(store: store, module: module).bind(name, depth: 0),
              let factory = store.follow(path)?.object, factory.kind == .function else { return member }
        let documented = factory.modifiers.contains(PythonModuleBuilder.returnsDocumentedProperty)
        guard documented || factory.modifiers.contains(PythonModuleBuilder.returnsProperty) else { return member }
        var out = member
        out.kind = .property
        out.annotation = nil
        out.value = nil
        if documented, !hasDoc(member) { out.modifiers.append(Self.documentedAtRunTime) }
        return out
    }

    /// `cache_property = staticmethod(cache_control_property)`: the function, as a static (or class) method
    /// of that name with the function's signature and docstring, as autodoc finds it on the class.
    func wrappedFunction(_ member: APIObject, module: APIModule) -> APIObject? {
        guard member.kind == .attribute, let value = member.value?.trimmingCharacters(in: .whitespaces) else { return nil }
        let wrapper = ["staticmethod", "classmethod"].first { value.hasPrefix($0 + "(") && value.hasSuffix(")") }
        guard let wrapper,
              case .name(let name)? = PythonTypeExpression.parse(String(value.dropFirst(wrapper.count + 1).dropLast())),
              case .path(let path) = PythonAnnotations(store: store, module: module).bind(name, depth: 0),
              let function = store.follow(path)?.object, function.kind == .function else { return nil }
        var out = function.renamed(qualifiedName: member.qualifiedName)
        out.name = member.name
        out.kind = .method
        out.location = member.location
        out.docstring = member.docstring ?? function.docstring
        if !out.modifiers.contains(wrapper) { out.modifiers.append(wrapper) }
        return out
    }

    func classMembers(_ object: APIObject, module: APIModule, options: AutodocOptions) -> [ClassMember] {
        var object = object
        object.members = object.members.map { madeProperty($0, module: module) }
        var candidates = object.members.map {
            ClassMember(object: $0, inheritedDoc: $0.docstring == nil ? inheritedDocstring($0.name, of: object, module: module) : nil)
        }
        if let stops = options.inheritedMembers {
            // Sphinx's rule: a member is left out when the first class that defines it, going up the
            // bases, is one of the named ones; members those classes inherit from further up are kept.
            var seen = Set(object.members.map(\.name))
            for (base, baseModule) in baseClasses(object, module: module) {
                if stops.contains(base.name) {
                    seen.formUnion(base.members.map(\.name))
                    continue
                }
                for member in base.members.map({ madeProperty($0, module: baseModule) }) where !seen.contains(member.name) {
                    seen.insert(member.name)
                    candidates.append(ClassMember(object: member.renamed(qualifiedName: object.qualifiedName + "." + member.name),
                                                  baseModule: baseModule))
                }
            }
        }
        var explicit = false
        if case .names(let names) = options.members {
            explicit = true
            candidates = names.compactMap { name in candidates.first { $0.object.name == name } }
        }
        let byName = Dictionary(candidates.map { ($0.object.name, $0) }, uniquingKeysWith: { a, _ in a })
        let filtered = MemberSelection.filtered(candidates.map(\.object), options: options, explicit: explicit) { member in
            hasDoc(member) || byName[member.name]?.inheritedDoc != nil || classDocstring(member, module: module) != nil
        }
        return MemberSelection.sorted(filtered, order: options.memberOrder).compactMap { byName[$0.name] }
    }

    /// A class without `__init__`/`__new__` of its own takes its nearest base's (in the project).
    func inheritedConstructor(_ object: APIObject, module: APIModule) -> APISignature? {
        guard object.kind == .class || object.kind == .exception else { return nil }
        return baseClasses(object, module: module).lazy.compactMap(\.0.signature).first
    }

    /// The annotations `get_type_hints` evaluates for a class: its variables' and its bases'.
    func classAnnotations(_ object: APIObject, module: APIModule) -> [(String, APIModule)] {
        ([(object, module)] + baseClasses(object, module: module)).flatMap { owner, ownerModule in
            owner.members.filter(\.isVariable).compactMap(\.annotation).map { ($0, ownerModule) }
        }
    }

    /// The base classes in method-resolution order (depth first, duplicates dropped), when extracted.
    func baseClasses(_ object: APIObject, module: APIModule) -> [(APIObject, APIModule)] {
        var out: [(APIObject, APIModule)] = []
        var seen: Set<String> = [object.qualifiedName]
        var queue: [(APIObject, APIModule)] = [(object, module)]
        var steps = 0
        while !queue.isEmpty, steps < 64 {
            steps += 1
            let (current, currentModule) = queue.removeFirst()
            for base in current.bases {
                guard let (found, foundModule) = resolveClass(base, in: currentModule), !seen.contains(found.qualifiedName) else { continue }
                seen.insert(found.qualifiedName)
                out.append((found, foundModule))
                queue.append((found, foundModule))
            }
        }
        return out
    }

    /// Sphinx's `autodoc_inherit_docstrings`: an undocumented override takes its base's docstring.
    func inheritedDocstring(_ name: String, of object: APIObject, module: APIModule) -> Docstring? {
        guard name != "__init__" else { return nil }
        for (base, _) in baseClasses(object, module: module) {
            if let member = base.member(named: name), let doc = member.docstring, !doc.text.isEmpty { return doc }
        }
        return nil
    }
}
