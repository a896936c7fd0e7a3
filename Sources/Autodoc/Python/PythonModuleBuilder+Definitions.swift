import DocTree
import Domains
import Foundation

extension PythonModuleBuilder {
    static let propertyDecorators: Set<String> = [
        "property", "cached_property", "functools.cached_property", "abc.abstractproperty", "abstractproperty",
    ]
    static let flagDecorators: [String: String] = [
        "classmethod": "classmethod", "staticmethod": "staticmethod", "abstractmethod": "abstractmethod",
        "abc.abstractmethod": "abstractmethod", "final": "final", "typing.final": "final",
    ]
    static let builtinExceptions: Set<String> = [
        "BaseException", "Exception", "BaseExceptionGroup", "ExceptionGroup", "GeneratorExit", "KeyboardInterrupt",
        "SystemExit", "StopIteration", "StopAsyncIteration",
    ]

    /// Parses `def name[T](params) -> ann:` starting at the `def` keyword.
    mutating func function(_ statement: PythonStatement, keywordIndex: Int, isAsync: Bool, decorators: [String],
                           scope: Scope, into members: inout PythonMemberList,
                           overloads: inout [String: [APISignature]]) throws {
        let tokens = statement.tokens[...]
        let def = tokens[keywordIndex]
        guard keywordIndex + 1 < tokens.endIndex, tokens[keywordIndex + 1].kind == .name,
              !Self.keywords.contains(tokens[keywordIndex + 1].text) else {
            let next = keywordIndex + 1 < tokens.endIndex ? tokens[keywordIndex + 1].start : def.end
            throw PythonSyntaxError(message: "invalid syntax: expected a function name", location: next)
        }
        let nameToken = tokens[keywordIndex + 1]
        var cursor = keywordIndex + 2
        var generics: String?
        if cursor < tokens.endIndex, tokens[cursor].isOp("["), let close = PythonTokens.matchingClose(tokens, open: cursor) {
            generics = PythonTokens.render(tokens[cursor...close])
            cursor = close + 1
        }
        guard cursor < tokens.endIndex, tokens[cursor].isOp("("),
              let close = PythonTokens.matchingClose(tokens, open: cursor) else {
            throw PythonSyntaxError(message: "invalid syntax: expected '('", location: nameToken.end)
        }
        var signature = try parameters(tokens[(cursor + 1)..<close])
        cursor = close + 1
        guard let colon = PythonTokens.firstIndex(of: ":", in: tokens, from: cursor) else {
            throw PythonSyntaxError(message: "expected ':'", location: tokens[close].end)
        }
        if cursor < colon {
            guard tokens[cursor].isOp("->"), cursor + 1 < colon else {
                throw PythonSyntaxError(message: "invalid syntax", location: tokens[cursor].start)
            }
            signature.returnAnnotation = PythonTokens.render(tokens[(cursor + 1)..<colon])
        }
        let inline = tokens[(colon + 1)...]
        let docstring: Docstring?
        if !inline.isEmpty {
            docstring = PythonDocstrings.docstring(from: PythonTokens.split(inline, on: ";")[0], file: file)
        } else {
            docstring = Self.leadingDocstring(statement.body, file: file)
        }

        let name = nameToken.text
        var modifiers: [String] = isAsync ? ["async"] : []
        var isProperty = false
        for decorator in decorators {
            let bare = decorator.split(separator: "(", maxSplits: 1).first.map(String.init) ?? decorator
            if Self.propertyDecorators.contains(bare) { isProperty = true }
            if let flag = Self.flagDecorators[bare], !modifiers.contains(flag) { modifiers.append(flag) }
            if bare == "abc.abstractproperty" || bare == "abstractproperty", !modifiers.contains("abstractmethod") {
                modifiers.append("abstractmethod")
            }
            // @x.setter / @x.deleter extend an existing property: keep the getter's entry.
            if bare == name + ".setter" || bare == name + ".deleter" || bare == name + ".getter",
               let index = members.index(named: name), members[index].kind == .property {
                if members[index].docstring == nil { members[index].docstring = docstring }
                return
            }
            if bare == "overload" || bare.hasSuffix(".overload") {
                overloads[name, default: []].append(signature)
                return
            }
        }
        if scope.isModule, name == "__getattr__", let parameter = signature.parameters.first?.name {
            lazyExports(statement.body, parameter: parameter)
        }
        if !scope.inClass, let documented = Self.propertyFactory(statement.body) {
            modifiers.append(documented ? Self.returnsDocumentedProperty : Self.returnsProperty)
        }
        var object = APIObject(kind: scope.inClass ? .method : .function, name: name,
                               qualifiedName: scope.prefix + "." + name, location: location(tokens[tokens.startIndex]),
                               signature: signature, overloads: overloads.removeValue(forKey: name) ?? [],
                               docstring: docstring, decorators: decorators, modifiers: modifiers,
                               genericParameters: generics)
        if isProperty {
            object.kind = .property
            object.annotation = signature.returnAnnotation
            object.signature = nil
        }
        members.add(object)
        if scope.inClass, name == "__init__", let selfName = signature.parameters.first?.name {
            instanceAttributes(statement.body, selfName: selfName, scope: scope, into: &members)
        }
    }

    /// A module's `__getattr__` (PEP 562) that hands out names on first use:
    /// `if name == "BaseCommand": from .core import _BaseCommand; …; return _BaseCommand`
    /// makes `BaseCommand` an import of `_BaseCommand` from `.core`, as the module behaves at run time.
    mutating func lazyExports(_ body: [PythonStatement], parameter: String) {
        for statement in body {
            let t = statement.tokens
            guard t.count == 5, t[0].isName("if"), t[4].isOp(":"),
                  (t[1].isName(parameter) && t[2].isOp("==")) || (t[3].isName(parameter) && t[2].isOp("==")),
                  let literal = PythonStringLiteral(t[1].isName(parameter) ? t[3] : t[1]), !literal.isBytes,
                  !literal.isFormatted else { continue }
            let exported = literal.value
            let before = imports.count
            var returned: String?
            for inner in statement.body {
                guard let first = inner.tokens.first else { continue }
                if first.isName("from") || first.isName("import") { recordImport(inner.tokens[...]) }
                if first.isName("return"), inner.tokens.count == 2, inner.tokens[1].kind == .name {
                    returned = inner.tokens[1].text
                }
            }
            let local = Array(imports[before...])
            imports.removeSubrange(before...)
            guard let returned, let source = local.last(where: { $0.name == returned }) else { continue }
            imports.append(APIImport(name: exported, module: source.module, originalName: source.originalName,
                                     line: statement.line))
        }
    }

    /// Modifiers of a function every `return` of which builds a `property(…)` (werkzeug's
    /// `cache_control_property`): a class attribute assigned its call is a property at run time,
    /// and a documented one when each of those calls passes `doc=`.
    static let returnsProperty = "returns-property"
    static let returnsDocumentedProperty = "returns-documented-property"

    /// Whether every `return` builds a property (nil when not), and whether each passes `doc=`.
    static func propertyFactory(_ body: [PythonStatement]) -> Bool? {
        var returns = 0, documented = 0
        func scan(_ statements: [PythonStatement]) -> Bool {
            for statement in statements {
                guard let first = statement.tokens.first else { continue }
                if first.isName("def") || first.isName("class") || first.isName("async") || first.isOp("@") { continue }
                if first.isName("return") {
                    let value = statement.tokens.dropFirst()
                    guard value.count >= 3, value.first?.isName("property") == true,
                          value[value.startIndex + 1].isOp("("), value.last?.isOp(")") == true else { return false }
                    returns += 1
                    var depth = 0
                    for token in value {
                        if PythonTokens.isOpen(token) { depth += 1 } else if PythonTokens.isClose(token) { depth -= 1 }
                        else if depth == 1, token.isName("doc") { documented += 1; break }
                    }
                }
                if !scan(statement.body) { return false }
            }
            return true
        }
        guard scan(body), returns > 0 else { return nil }
        return documented == returns
    }

    /// Parses a parameter list (the tokens between the parentheses).
    func parameters(_ tokens: ArraySlice<PythonToken>) throws -> APISignature {
        var result: [APIParameter] = []
        var keywordOnly = false
        for part in PythonTokens.split(tokens, on: ",") {
            guard let first = part.first else {
                if part.endIndex < tokens.endIndex {
                    throw PythonSyntaxError(message: "invalid syntax", location: tokens[part.endIndex].start)
                }
                continue  // trailing comma
            }
            if part.count == 1, first.isOp("/") {
                for index in result.indices { result[index].kind = .positionalOnly }
                continue
            }
            if part.count == 1, first.isOp("*") {
                keywordOnly = true
                continue
            }
            var rest = part
            var kind: APIParameter.Kind = keywordOnly ? .keywordOnly : .positionalOrKeyword
            if first.isOp("*") {
                kind = .variadicPositional
                keywordOnly = true
                rest = rest.dropFirst()
            } else if first.isOp("**") {
                kind = .variadicKeyword
                rest = rest.dropFirst()
            }
            guard let nameToken = rest.first, nameToken.kind == .name, !Self.keywords.contains(nameToken.text) else {
                throw PythonSyntaxError(message: "invalid syntax in parameter list", location: (rest.first ?? first).start)
            }
            var annotationTokens = rest.dropFirst()
            var defaultValue: String?
            if let equals = PythonTokens.firstIndex(of: "=", in: annotationTokens) {
                defaultValue = PythonTokens.render(annotationTokens[(equals + 1)...])
                annotationTokens = annotationTokens[..<equals]
                if defaultValue?.isEmpty == true {
                    throw PythonSyntaxError(message: "expected default value expression", location: annotationTokens.last?.end ?? nameToken.end)
                }
            }
            var annotation: String?
            if let colon = annotationTokens.first {
                guard colon.isOp(":"), annotationTokens.count > 1 else {
                    throw PythonSyntaxError(message: "invalid syntax in parameter list", location: colon.start)
                }
                annotation = PythonTokens.render(annotationTokens.dropFirst())
            }
            result.append(APIParameter(name: nameToken.text, kind: kind, annotation: annotation, defaultValue: defaultValue))
        }
        return APISignature(parameters: result)
    }

    /// Parses `class Name[T](bases, keyword=...):` and its body.
    mutating func classDefinition(_ statement: PythonStatement, decorators: [String], scope: Scope,
                                  into members: inout PythonMemberList) throws {
        let tokens = statement.tokens[...]
        let keyword = tokens[tokens.startIndex]
        guard tokens.count > 1, tokens[tokens.startIndex + 1].kind == .name,
              !Self.keywords.contains(tokens[tokens.startIndex + 1].text) else {
            let next = tokens.count > 1 ? tokens[tokens.startIndex + 1].start : keyword.end
            throw PythonSyntaxError(message: "invalid syntax: expected a class name", location: next)
        }
        let nameToken = tokens[tokens.startIndex + 1]
        var cursor = tokens.startIndex + 2
        var generics: String?
        if cursor < tokens.endIndex, tokens[cursor].isOp("["), let close = PythonTokens.matchingClose(tokens, open: cursor) {
            generics = PythonTokens.render(tokens[cursor...close])
            cursor = close + 1
        }
        var bases: [String] = []
        if cursor < tokens.endIndex, tokens[cursor].isOp("("), let close = PythonTokens.matchingClose(tokens, open: cursor) {
            for argument in PythonTokens.split(tokens[(cursor + 1)..<close], on: ",") where !argument.isEmpty {
                let isKeyword = argument.count >= 2 && argument[argument.startIndex + 1].isOp("=")
                if !isKeyword { bases.append(PythonTokens.render(argument)) }
            }
            cursor = close + 1
        }
        guard cursor < tokens.endIndex, tokens[cursor].isOp(":") else {
            throw PythonSyntaxError(message: "expected ':'", location: tokens[min(cursor, tokens.endIndex - 1)].start)
        }
        let name = nameToken.text
        let qualifiedName = scope.prefix + "." + name
        let inline = tokens[(cursor + 1)...]
        var classMembers = PythonMemberList()
        var docstring: Docstring?
        if inline.isEmpty {
            docstring = Self.leadingDocstring(statement.body, file: file)
            var overloads: [String: [APISignature]] = [:]
            try walk(statement.body, scope: Scope(prefix: qualifiedName, inClass: true, isModule: false),
                     into: &classMembers, overloads: &overloads)
        } else {
            docstring = PythonDocstrings.docstring(from: PythonTokens.split(inline, on: ";")[0], file: file)
        }
        let isException = bases.contains { base in
            let simple = base.split(separator: "[").first.map(String.init) ?? base
            let last = simple.split(separator: ".").last.map(String.init) ?? simple
            return Self.builtinExceptions.contains(last) || exceptionClasses.contains(simple)
                || last.hasSuffix("Error") || last.hasSuffix("Warning")
        }
        if isException { exceptionClasses.insert(name) }
        var object = APIObject(kind: isException ? .exception : .class, name: name, qualifiedName: qualifiedName,
                               location: location(keyword), docstring: docstring, bases: bases, decorators: decorators,
                               genericParameters: generics, members: classMembers.items)
        Self.computeAutoValues(&object)
        object.signature = Self.constructorSignature(of: object)
        if object.signature == nil {
            // Inherited from the first base defined earlier in this module that has one.
            let known = classSignatures
            object.signature = bases.compactMap { known[$0] }.first
        }
        if let signature = object.signature { classSignatures[name] = signature }
        members.add(object)
    }

    /// The class's call signature: `__init__` without its first parameter, or
    /// for a dataclass without `__init__`, its annotated fields.
    static func constructorSignature(of object: APIObject) -> APISignature? {
        if let initializer = object.member(named: "__init__") ?? object.member(named: "__new__"),
           var signature = initializer.signature {
            if !signature.parameters.isEmpty, signature.parameters[0].kind != .variadicPositional {
                signature.parameters.removeFirst()
            }
            signature.returnAnnotation = nil
            return signature
        }
        let isDataclass = object.decorators.contains { $0 == "dataclass" || $0.hasPrefix("dataclass(")
            || $0 == "dataclasses.dataclass" || $0.hasPrefix("dataclasses.dataclass(") }
        let simpleBases = object.bases.map { base in
            (base.split(separator: "[").first.map(String.init) ?? base).split(separator: ".").last.map(String.init) ?? base
        }
        if simpleBases.contains(where: { Self.enumBases.contains($0) }) {
            // Calling an Enum class looks a member up by value (`EnumType.__call__`, Python 3.13).
            return APISignature(parameters: [APIParameter(name: "values", kind: .variadicPositional)])
        }
        if let attrsSignature = attrsConstructor(of: object) { return attrsSignature }
        let isNamedTuple = simpleBases.contains("NamedTuple")
        guard isDataclass || isNamedTuple else { return nil }
        let fields = object.members.filter { member in
            member.kind == .attribute && member.annotation.map { annotation in
                let bare = annotation.trimmingCharacters(in: ["\"", "'"])
                return !bare.hasPrefix("ClassVar") && !bare.hasPrefix("typing.ClassVar") && !bare.hasPrefix("t.ClassVar")
            } == true
        }
        var parameters: [APIParameter] = []
        for field in fields {
            var defaultValue = field.value
            if let value = field.value, isDataclass, let call = Self.fieldCall(value) {
                // `field(init=False)` is not a parameter; `default=` is the default, a factory shows `<factory>`.
                if call["init"] == "False" { continue }
                defaultValue = call["default"] ?? (call["default_factory"] != nil ? "<factory>" : nil)
            }
            parameters.append(APIParameter(name: field.name, annotation: field.annotation, defaultValue: defaultValue))
        }
        return APISignature(parameters: parameters)
    }

    static let enumBases: Set<String> = ["Enum", "IntEnum", "StrEnum", "Flag", "IntFlag", "ReprEnum"]

    /// `PROMPT = enum.auto()` in an Enum: the value Python gives it, which autodoc shows: one more than
    /// the member before (from 1), the next power of two in a `Flag`, the lower-cased name in a `StrEnum`.
    static func computeAutoValues(_ object: inout APIObject) {
        let simple = object.bases.map { base in
            (base.split(separator: "[").first.map(String.init) ?? base).split(separator: ".").last.map(String.init) ?? base
        }
        guard let kind = simple.first(where: { enumBases.contains($0) }) else { return }
        var last: Int?
        for index in object.members.indices where object.members[index].kind == .attribute {
            guard let value = object.members[index].value?.trimmingCharacters(in: .whitespaces) else { continue }
            if let number = Int(value) { last = number; continue }
            guard value == "auto()" || value == "enum.auto()" else { last = nil; continue }
            switch kind {
            case "StrEnum":
                object.members[index].value = "'" + object.members[index].name.lowercased() + "'"
            case "Flag", "IntFlag":
                var next = 1
                if let last { while next <= last, next < Int.max / 2 { next *= 2 } }
                last = next
                object.members[index].value = String(next)
            default:
                guard let previous = last ?? (index == object.members.firstIndex(where: { $0.kind == .attribute }) ? 0 : nil),
                      previous < Int.max else { return }
                last = previous + 1
                object.members[index].value = String(previous + 1)
            }
        }
    }

    /// The keyword arguments of `field(…)` / `dataclasses.field(…)`, as written; nil for any other value.
    static func fieldCall(_ value: String) -> [String: String]? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("field(") || trimmed.hasPrefix("dataclasses.field(") else { return nil }
        return keywordArguments(trimmed)
    }

    static let attrsDecorators: Set<String> = [
        "attr.s", "attr.attrs", "attrs", "attr.define", "attrs.define", "define", "attr.frozen", "attrs.frozen", "frozen",
        "attr.mutable", "attrs.mutable", "mutable",
    ]

    /// attrs' generated `__init__`: `@attr.s` with `attr.ib()` fields, `@define`/`@frozen`/`@mutable` with
    /// annotated ones; `_x` takes `x`; a factory shows attrs' `NOTHING`; `kw_only` fields come after `*`.
    static func attrsConstructor(of object: APIObject) -> APISignature? {
        let decorator = object.decorators.first { decorator in
            Self.attrsDecorators.contains(String(decorator.prefix { $0 != "(" }))
        }
        guard let decorator else { return nil }
        let classic = decorator.hasPrefix("attr.s") || decorator.hasPrefix("attr.attrs")
        let allKeywordOnly = decorator.replacingOccurrences(of: " ", with: "").contains("kw_only=True")
        var positional: [APIParameter] = []
        var keywordOnly: [APIParameter] = []
        for member in object.members where member.kind == .attribute {
            let call: [String: String]? = member.value.flatMap { Self.attrsFieldCall($0) }
            // Classic attrs counts only `attr.ib()`; the new API every annotated attribute but ClassVars.
            let isClassVar: Bool = member.annotation?.contains("ClassVar") ?? true
            let isField: Bool = classic ? call != nil : !isClassVar
            if !isField || call?["init"] == "False" { continue }
            var defaultValue: String? = classic || call != nil ? nil : member.value
            if let call {
                let hasFactory: Bool = call["factory"] != nil || call["default_factory"] != nil
                defaultValue = call["default"] ?? (hasFactory ? "NOTHING" : nil)
            }
            let name = member.name.hasPrefix("_") && !member.name.hasPrefix("__") ? String(member.name.dropFirst()) : member.name
            let keyword: Bool = allKeywordOnly || call?["kw_only"] == "True"
            let parameter = APIParameter(name: name, kind: keyword ? .keywordOnly : .positionalOrKeyword,
                                         annotation: member.annotation, defaultValue: defaultValue)
            if keyword { keywordOnly.append(parameter) } else { positional.append(parameter) }
        }
        return APISignature(parameters: positional + keywordOnly)
    }

    /// The keyword arguments of `attr.ib(…)`, `attrs.field(…)`, `field(…)`; nil for any other value.
    static func attrsFieldCall(_ value: String) -> [String: String]? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        let prefixes = ["attr.ib(", "attr.attrib(", "attrib(", "attrs.field(", "attr.field(", "field("]
        guard prefixes.contains(where: { trimmed.hasPrefix($0) }) else { return nil }
        return keywordArguments(trimmed)
    }

    /// `name(a=1, b=2)` → ["a": "1", "b": "2"] (top-level commas only).
    static func keywordArguments(_ call: String) -> [String: String]? {
        guard call.hasSuffix(")"), let open = call.firstIndex(of: "(") else { return nil }
        let inner = call[call.index(after: open)..<call.index(before: call.endIndex)]
        var out: [String: String] = [:]
        for argument in PythonSignature.splitTopLevel(Array(inner)) {
            guard let equals = argument.firstIndex(of: "=") else { continue }
            out[argument[..<equals].trimmingCharacters(in: .whitespaces)] =
                argument[argument.index(after: equals)...].trimmingCharacters(in: .whitespaces)
        }
        return out
    }

    /// Documented `self.x = …` assignments in `__init__` become attributes of the class.
    func instanceAttributes(_ statements: [PythonStatement], selfName: String, scope: Scope,
                            into members: inout PythonMemberList) {
        for (index, statement) in statements.enumerated() {
            guard let first = statement.tokens.first else { continue }
            if first.isName("def") || first.isName("class") || first.isName("async") || first.isOp("@") { continue }
            if !statement.body.isEmpty {
                instanceAttributes(statement.body, selfName: selfName, scope: scope, into: &members)
                continue
            }
            let tokens = statement.tokens[...]
            guard let equals = Self.assignmentOperators(tokens).last, equals - tokens.startIndex >= 3,
                  tokens[tokens.startIndex].isName(selfName), tokens[tokens.startIndex + 1].isOp("."),
                  tokens[tokens.startIndex + 2].kind == .name else { continue }
            let nameToken = tokens[tokens.startIndex + 2]
            var annotation: String?
            let afterName = tokens.startIndex + 3
            if afterName < equals {
                guard tokens[afterName].isOp(":") else { continue }
                annotation = PythonTokens.render(tokens[(afterName + 1)..<equals])
            }
            let next = index + 1 < statements.count ? statements[index + 1] : nil
            guard let doc = attributeDoc(for: tokens, following: next) else { continue }
            if let existing = members.index(named: nameToken.text) {
                if members[existing].docstring == nil { members[existing].docstring = doc }
                continue
            }
            members.add(APIObject(kind: .attribute, name: nameToken.text,
                                     qualifiedName: scope.prefix + "." + nameToken.text, location: location(nameToken),
                                     docstring: doc, annotation: annotation,
                                     value: PythonTokens.render(tokens[(equals + 1)...])))
        }
    }
}
