import DocTree

/// Walks the statements of one Python module and builds its ``APIModule``.
///
/// Only definitions are interpreted; every other statement is skipped. Bodies
/// of `if`/`try`/`with`/… at module and class level are walked too (their
/// definitions exist at run time); function bodies are not, except `__init__`
/// for documented `self.x` attributes.
struct PythonModuleBuilder {
    let file: SourceFile
    let moduleName: String
    /// Whether the module is a package's `__init__.py` (for relative imports).
    let isPackage: Bool
    /// Comments by line number.
    let comments: [Int: PythonComment]

    var all: [String]?
    var imports: [APIImport] = []
    /// Classes known to be exceptions so far (by simple name), to classify subclasses.
    var exceptionClasses: Set<String> = []
    /// Constructor signatures of the classes defined so far (by simple name), for subclasses that inherit them.
    var classSignatures: [String: APISignature] = [:]
    /// Inside `if TYPE_CHECKING:`: what is bound there exists for type checkers only.
    var typeCheckingDepth = 0
    /// Module-level names bound only under `if TYPE_CHECKING:`.
    var typeCheckingNames: Set<String> = []
    /// `from __future__ import annotations`: annotations stay strings at run time.
    var postponedAnnotations = false

    init(file: SourceFile, moduleName: String, isPackage: Bool, comments: [PythonComment]) {
        self.file = file
        self.moduleName = moduleName
        self.isPackage = isPackage
        var byLine: [Int: PythonComment] = [:]
        for comment in comments where byLine[comment.start.line] == nil { byLine[comment.start.line] = comment }
        self.comments = byLine
    }

    /// Where names are being defined.
    struct Scope {
        /// Dotted prefix for qualified names (`module` or `module.Class`).
        var prefix: String
        var inClass: Bool
        var isModule: Bool
    }

    mutating func build(_ statements: [PythonStatement]) throws -> APIModule {
        let docstring = Self.leadingDocstring(statements, file: file)
        var members = PythonMemberList()
        var overloads: [String: [APISignature]] = [:]
        try walk(statements, scope: Scope(prefix: moduleName, inClass: false, isModule: true),
                 into: &members, overloads: &overloads)
        var module = APIModule(name: moduleName, language: .python, docstring: docstring, members: members.items,
                               all: all, imports: imports, files: [file])
        module.typeCheckingNames = typeCheckingNames
        module.postponedAnnotations = postponedAnnotations
        return module
    }

    static func leadingDocstring(_ statements: [PythonStatement], file: SourceFile) -> Docstring? {
        guard let first = statements.first, first.body.isEmpty else { return nil }
        return PythonDocstrings.docstring(from: first.tokens[...], file: file)
    }

    func location(_ token: PythonToken) -> APILocation { APILocation(file: file, start: token.start) }

    mutating func walk(_ statements: [PythonStatement], scope: Scope, into members: inout PythonMemberList,
                       overloads: inout [String: [APISignature]]) throws {
        var decorators: [(text: String, token: PythonToken)] = []
        for (index, statement) in statements.enumerated() {
            let tokens = statement.tokens[...]
            guard let first = tokens.first else { continue }
            if first.isOp("@") {
                guard tokens.count > 1 else { throw PythonSyntaxError(message: "invalid syntax", location: first.end) }
                decorators.append((PythonTokens.render(tokens.dropFirst()), first))
                continue
            }
            var keywordIndex = tokens.startIndex
            var isAsync = false
            if first.isName("async"), tokens.count > 1, tokens[tokens.startIndex + 1].isName("def") {
                isAsync = true
                keywordIndex += 1
            }
            let keyword = tokens[keywordIndex]
            if keyword.isName("def") {
                try function(statement, keywordIndex: keywordIndex, isAsync: isAsync, decorators: decorators.map(\.text),
                             scope: scope, into: &members, overloads: &overloads)
                decorators = []
                continue
            }
            if keyword.isName("class") {
                try classDefinition(statement, decorators: decorators.map(\.text), scope: scope, into: &members)
                decorators = []
                continue
            }
            if let pending = decorators.first {
                throw PythonSyntaxError(message: "a decorator must be followed by 'def' or 'class'", location: pending.token.start)
            }
            if !statement.body.isEmpty {
                // `if __name__ == "__main__":` only runs as a script: nothing in it is API.
                if scope.isModule, Self.isMainGuard(tokens) { continue }
                // if / try / with / for / while / match: definitions inside exist at run time,
                // except under `if TYPE_CHECKING:`, which only type checkers see.
                let typeChecking = scope.isModule && Self.isTypeCheckingGuard(tokens)
                if typeChecking { typeCheckingDepth += 1 }
                let before = Set(members.items.map(\.name))
                try walk(statement.body, scope: scope, into: &members, overloads: &overloads)
                if typeChecking {
                    typeCheckingDepth -= 1
                    typeCheckingNames.formUnion(members.items.map(\.name).filter { !before.contains($0) })
                }
                continue
            }
            if scope.isModule, first.isName("import") || first.isName("from") {
                recordImport(tokens)
                continue
            }
            let simple = PythonTokens.split(tokens, on: ";").filter { !$0.isEmpty }
            for (position, part) in simple.enumerated() {
                let next = position == simple.count - 1 && index + 1 < statements.count ? statements[index + 1] : nil
                assignment(part, following: next, scope: scope, into: &members)
            }
        }
        if let pending = decorators.first {
            throw PythonSyntaxError(message: "a decorator must be followed by 'def' or 'class'", location: pending.token.start)
        }
    }

    /// `if TYPE_CHECKING:`, `if typing.TYPE_CHECKING:`, `if t.TYPE_CHECKING:`.
    static func isTypeCheckingGuard(_ tokens: ArraySlice<PythonToken>) -> Bool {
        let words = tokens.map(\.text)
        guard words.first == "if", words.last == ":", words.count >= 3 else { return false }
        return words.dropFirst().dropLast().joined() .split(separator: ".").last == "TYPE_CHECKING"
    }

    /// `if __name__ == "__main__":` (either operand order, either quote).
    static func isMainGuard(_ tokens: ArraySlice<PythonToken>) -> Bool {
        let words = tokens.map { token -> String in
            if let literal = PythonStringLiteral(token), !literal.isBytes, !literal.isFormatted { return "'\(literal.value)'" }
            return token.text
        }
        return words == ["if", "__name__", "==", "'__main__'", ":"] || words == ["if", "'__main__'", "==", "__name__", ":"]
    }

    // MARK: - Assignments

    /// Documentation for an assignment: `#:` comments on the lines just above or at the end
    /// of its line, else a string statement right after it.
    func attributeDoc(for tokens: ArraySlice<PythonToken>, following: PythonStatement?) -> Docstring? {
        guard let first = tokens.first, let last = tokens.last else { return nil }
        var lines: [(String, SourceLocation)] = []
        var line = first.start.line - 1
        while let comment = comments[line], comment.ownLine, comment.text.hasPrefix("#:") {
            lines.insert(Self.commentText(comment), at: 0)
            line -= 1
        }
        if lines.isEmpty {
            for candidate in Set([first.start.line, last.end.line]).sorted() {
                if let comment = comments[candidate], !comment.ownLine, comment.text.hasPrefix("#:") {
                    lines = [Self.commentText(comment)]
                    break
                }
            }
        }
        if !lines.isEmpty {
            return Docstring(text: lines.map(\.0).joined(separator: "\n"), format: .restructuredText, file: file,
                             lineStarts: lines.map(\.1))
        }
        if let following, following.body.isEmpty {
            return PythonDocstrings.docstring(from: following.tokens[...], file: file)
        }
        return nil
    }

    static func commentText(_ comment: PythonComment) -> (String, SourceLocation) {
        var text = comment.text.dropFirst(2)
        var column = comment.start.column + 2
        if text.first == " " {
            text = text.dropFirst()
            column += 1
        }
        var trimmed = String(text)
        while let last = trimmed.unicodeScalars.last, last == " " || last == "\t" || last == "\r" {
            trimmed.unicodeScalars.removeLast()
        }
        return (trimmed, SourceLocation(line: comment.start.line, column: column))
    }

    /// The `=` operators that separate assignment targets (stops at `lambda`, whose defaults also use `=`).
    static func assignmentOperators(_ tokens: ArraySlice<PythonToken>) -> [Int] {
        var result: [Int] = []
        var depth = 0
        for index in tokens.indices {
            let token = tokens[index]
            if PythonTokens.isOpen(token) { depth += 1 } else if PythonTokens.isClose(token) { depth -= 1 } else if depth == 0 {
                if token.isName("lambda") { break }
                if token.isOp("=") { result.append(index) }
            }
        }
        return result
    }

    mutating func assignment(_ tokens: ArraySlice<PythonToken>, following: PythonStatement?, scope: Scope,
                             into members: inout PythonMemberList) {
        guard let first = tokens.first else { return }
        if scope.isModule, first.isName("__all__") { updateAll(tokens) }
        if first.isName("type"), tokens.count >= 4, tokens[tokens.startIndex + 1].kind == .name {
            typeAlias(tokens, following: following, scope: scope, into: &members)
            return
        }
        let equals = Self.assignmentOperators(tokens)
        var targets: [ArraySlice<PythonToken>] = []
        var value: String?
        if let lastEquals = equals.last {
            var start = tokens.startIndex
            for index in equals {
                targets.append(tokens[start..<index])
                start = index + 1
            }
            value = PythonTokens.render(tokens[(lastEquals + 1)...])
        } else if tokens.count >= 3, first.kind == .name, tokens[tokens.startIndex + 1].isOp(":") {
            targets = [tokens]
        } else {
            return
        }
        var doc = attributeDoc(for: tokens, following: following)
        if doc == nil, scope.inClass, let lastEquals = equals.last {
            doc = docKeyword(tokens[(lastEquals + 1)...])
        }
        for target in targets {
            guard let name = target.first, name.kind == .name, !Self.keywords.contains(name.text),
                  !(scope.isModule && name.text == "__all__") else { continue }
            var annotation: String?
            if target.count == 1 {
                annotation = nil
            } else if target.count >= 3, target[target.startIndex + 1].isOp(":") {
                annotation = PythonTokens.render(target.dropFirst(2))
            } else {
                continue
            }
            let kind: APIObjectKind = scope.inClass ? .attribute : .data
            // `Name = decorate(Name, …)` after `class Name`/`def Name`: a decorator applied by hand; the
            // definition stays what is documented (its value at run time is still that class or function).
            if let index = members.index(named: name.text), annotation == nil,
               [.class, .exception, .function].contains(members[index].kind),
               Self.isCallWrapping(name.text, tokens[(lastEqualsIndex(tokens) ?? tokens.startIndex)...]) {
                continue
            }
            var object = APIObject(kind: kind, name: name.text, qualifiedName: scope.prefix + "." + name.text,
                                   location: location(name), docstring: doc, annotation: annotation, value: value)
            if let index = members.index(named: name.text), members[index].kind == kind {
                let existing = members[index]
                object.docstring = object.docstring ?? existing.docstring
                object.annotation = object.annotation ?? existing.annotation
            }
            members.add(object)
        }
    }

    /// `name = Descriptor(…, doc="""…""")` in a class body: the call's `doc=` string, which such
    /// descriptors (`property(fget, doc=…)`, werkzeug's `environ_property`) make their `__doc__`,
    /// the docstring autodoc shows for the attribute.
    func docKeyword(_ value: ArraySlice<PythonToken>) -> Docstring? {
        guard let close = value.last, close.isOp(")") else { return nil }
        var depth = 0
        for index in value.indices {
            let token = value[index]
            if PythonTokens.isOpen(token) { depth += 1 } else if PythonTokens.isClose(token) { depth -= 1 }
            guard depth == 1, token.isName("doc"), index + 2 < value.endIndex, value[index + 1].isOp("="),
                  index > value.startIndex, value[index - 1].isOp("(") || value[index - 1].isOp(",") else { continue }
            // `doc="…"`, or strings joined in parentheses: `doc=("…" "…")`.
            var start = index + 2
            let parenthesized = value[start].isOp("(")
            if parenthesized { start += 1 }
            var end = start
            while end < value.endIndex, value[end].kind == .string { end += 1 }
            if parenthesized {
                guard end < value.endIndex, value[end].isOp(")") else { return nil }
                end += 1
            }
            guard end > start, end < value.endIndex, value[end].isOp(",") || value[end].isOp(")") else { return nil }
            return PythonDocstrings.docstring(from: value[start..<(parenthesized ? end - 1 : end)], file: file)
        }
        return nil
    }

    /// The last `=` outside brackets of an assignment statement (not a keyword argument's).
    func lastEqualsIndex(_ tokens: ArraySlice<PythonToken>) -> Int? {
        var depth = 0
        var last: Int?
        for index in tokens.indices {
            let token = tokens[index]
            if token.isOp("(") || token.isOp("[") || token.isOp("{") { depth += 1 }
            else if token.isOp(")") || token.isOp("]") || token.isOp("}") { depth = max(0, depth - 1) }
            else if depth == 0, token.isOp("=") { last = index }
        }
        return last
    }

    /// Whether `value` (after its `=`) is a call that passes `name` itself as an argument: `f(g(Name), x=1)`.
    static func isCallWrapping(_ name: String, _ value: ArraySlice<PythonToken>) -> Bool {
        let rest = value.dropFirst()
        guard let first = rest.first, first.kind == .name, rest.last?.isOp(")") == true,
              rest.contains(where: { $0.isOp("(") }) else { return false }
        var previous: PythonToken?
        for token in rest {
            if token.kind == .name, token.text == name, previous?.isOp("(") == true || previous?.isOp(",") == true {
                return true
            }
            previous = token
        }
        return false
    }

    /// `type Name[T] = value` (PEP 695).
    func typeAlias(_ tokens: ArraySlice<PythonToken>, following: PythonStatement?, scope: Scope,
                   into members: inout PythonMemberList) {
        let nameToken = tokens[tokens.startIndex + 1]
        var cursor = tokens.startIndex + 2
        var generics: String?
        if tokens[cursor].isOp("["), let close = PythonTokens.matchingClose(tokens, open: cursor) {
            generics = PythonTokens.render(tokens[cursor...close])
            cursor = close + 1
        }
        guard cursor < tokens.endIndex, tokens[cursor].isOp("=") else { return }
        members.add(APIObject(kind: scope.inClass ? .attribute : .data, name: nameToken.text,
                              qualifiedName: scope.prefix + "." + nameToken.text, location: location(tokens[tokens.startIndex]),
                              docstring: attributeDoc(for: tokens, following: following), modifiers: ["type"],
                              value: PythonTokens.render(tokens[(cursor + 1)...]), genericParameters: generics))
    }

    static let keywords: Set<String> = [
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def",
        "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is",
        "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
    ]

    /// `__all__ = [...]`, `__all__ += [...]`, `__all__.extend([...])`, `__all__.append("x")`.
    mutating func updateAll(_ tokens: ArraySlice<PythonToken>) {
        guard tokens.count >= 2 else { return }
        let second = tokens[tokens.startIndex + 1]
        let strings = tokens.compactMap { token -> String? in
            guard let literal = PythonStringLiteral(token), !literal.isBytes, !literal.isFormatted else { return nil }
            return literal.value
        }
        if second.isOp("=") {
            all = strings
        } else if second.isOp("+=") || (second.isOp(".") && tokens.count > 2
                    && ["extend", "append"].contains(tokens[tokens.startIndex + 2].text)) {
            all = (all ?? []) + strings
        }
    }

    // MARK: - Imports

    mutating func recordImport(_ tokens: ArraySlice<PythonToken>) {
        guard let first = tokens.first else { return }
        let line = first.start.line
        if first.isName("import") {
            for part in PythonTokens.split(tokens.dropFirst(), on: ",") {
                let pieces = part.split { $0.isName("as") }
                guard let path = pieces.first else { continue }
                let module = path.map(\.text).joined()
                if pieces.count > 1, let alias = pieces.last?.first {
                    imports.append(APIImport(name: alias.text, module: module, originalName: nil, line: line,
                                             typeCheckingOnly: typeCheckingDepth > 0))
                } else if let top = path.first {
                    imports.append(APIImport(name: top.text, module: top.text, originalName: nil, line: line,
                                             typeCheckingOnly: typeCheckingDepth > 0))
                }
            }
            return
        }
        // from <dots><module> import names
        guard let importIndex = tokens.firstIndex(where: { $0.isName("import") }) else { return }
        var level = 0
        var moduleParts: [String] = []
        for token in tokens[(tokens.startIndex + 1)..<importIndex] {
            if token.isOp(".") { level += moduleParts.isEmpty ? 1 : 0 } else if token.isOp("...") { level += 3 } else if token.kind == .name {
                moduleParts.append(token.text)
            }
        }
        var base = moduleParts.joined(separator: ".")
        if level > 0 {
            var package = moduleName.split(separator: ".").map(String.init)
            if !isPackage { package = Array(package.dropLast()) }
            package = Array(package.dropLast(max(0, level - 1)))
            base = (package + moduleParts).joined(separator: ".")
        }
        let names = tokens[(importIndex + 1)...].filter { !$0.isOp("(") && !$0.isOp(")") }
        if base == "__future__", level == 0, names.contains(where: { $0.isName("annotations") }) { postponedAnnotations = true }
        for part in PythonTokens.split(names[...], on: ",") {
            guard let original = part.first else { continue }
            let alias = part.count >= 3 && part[part.startIndex + 1].isName("as") ? part[part.startIndex + 2].text : original.text
            imports.append(APIImport(name: alias, module: base, originalName: original.text, line: line,
                                     typeCheckingOnly: typeCheckingDepth > 0))
        }
    }
}
