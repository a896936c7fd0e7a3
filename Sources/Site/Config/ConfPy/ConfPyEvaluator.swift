import Autodoc
import DocTree
import Foundation

/// Evaluates a Sphinx `conf.py` without running Python: Vellum's own
/// interpreter of the subset configuration files use — literals, names,
/// arithmetic, string methods, `%`/`format`/f-strings, lists, dicts, sets and
/// comprehensions, `if`/`for` over known values, simple functions, and the
/// parts of `os.path`, `sys.path`, `pathlib`, `datetime` and `time` that
/// configuration reaches for, plus `tags.has(...)`. Anything else (imports of
/// packages, unknown calls) evaluates to `unknown`, never to a guess.
///
/// Linear in the file for straight-line code; loops and calls are bounded.
final class ConfPyEvaluator {
    /// What the evaluator may know about the world.
    struct Environment {
        /// The folder holding conf.py (absolute).
        var directory: String
        /// Tags for `tags.has(...)`.
        var tags: Set<String> = []
        /// "Now" for `datetime`/`time` (a build date, for reproducible output).
        var now: Date = Date()
        /// The file evaluated (`__file__`); nil: `conf.py` in ``directory``.
        var file: String?
    }

    /// A call of a method of the Sphinx application in `setup(app)`, recorded
    /// instead of run; ``SetupReader`` decides which it can honour.
    struct SetupCall: Equatable {
        var method: String
        var arguments: [PyValue]
        var keywords: [String: PyValue]
        /// Where the statement making the call starts.
        var location: SourceLocation
        var line: Int { location.line }

        /// Argument `position`, or the keyword `name`; nil when not given.
        func argument(_ position: Int, _ name: String) -> PyValue? {
            position < arguments.count ? arguments[position] : keywords[name]
        }
    }

    /// The value `setup` is called with; its attributes are the application's methods.
    static let application = "sphinx.application.Sphinx"

    struct Result {
        /// Module-level names after evaluation.
        var globals: [String: PyValue]
        /// The line of each name's last assignment.
        var lines: [String: Int]
        /// `sys.path` entries added (absolute paths, in order).
        var sysPath: [String]
        /// A syntax error, if the file could not be read at all.
        var syntaxError: PythonSyntaxError?
        /// What `setup(app)` asked of the application, in order (one entry per call site).
        var setupCalls: [SetupCall] = []
    }

    let environment: Environment
    var globals: [String: PyValue] = [:]
    var lines: [String: Int] = [:]
    var sysPath: [String] = []
    var bodies: [[PythonStatement]] = []
    /// Calls in progress (recursion bound) and work left (total work bound),
    /// in tokens evaluated: each statement executed costs its tokens, each
    /// comprehension item those of its element, and every value an operator
    /// or a call builds its size (``charge(_:)``). ``evaluate(_:environment:)``
    /// adds the file's own tokens, so straight-line code never runs out; loops
    /// and calls share the rest (a conf.py of a real project uses under 100).
    var callDepth = 0
    var budget = 20_000
    /// The innermost function call's local names (nil at module level).
    var locals: [[String: PyValue]] = []
    /// Where the statement being executed starts.
    var currentLocation = SourceLocation(line: 0, column: 0)
    var setupCalls: [SetupCall] = []

    init(environment: Environment) {
        self.environment = environment
    }

    static func evaluate(_ source: String, environment: Environment) -> Result {
        let evaluator = ConfPyEvaluator(environment: environment)
        switch PythonTokenizer.tokenize(source) {
        case .failure(let error):
            return Result(globals: [:], lines: [:], sysPath: [], syntaxError: error)
        case .success(let (tokens, _)):
            do {
                let statements = try PythonStatement.parse(tokens)
                evaluator.budget += tokens.count
                evaluator.globals["__file__"] = .str(environment.file ?? environment.directory + "/conf.py")
                evaluator.globals["__name__"] = .str("builtins")
                evaluator.globals["tags"] = .module("tags")
                _ = evaluator.execute(statements)
                // Sphinx calls `setup(app)` after reading the file: its calls are recorded, not run.
                if case .function(let setup)? = evaluator.globals["setup"] {
                    _ = evaluator.call(setup, [.module(application)], [:])
                }
                evaluator.globals["__file__"] = nil
                evaluator.globals["__name__"] = nil
                evaluator.globals["tags"] = nil
                return Result(globals: evaluator.globals, lines: evaluator.lines, sysPath: evaluator.sysPath,
                              syntaxError: nil, setupCalls: evaluator.setupCalls)
            } catch let error as PythonSyntaxError {
                return Result(globals: [:], lines: [:], sysPath: [], syntaxError: error)
            } catch {
                return Result(globals: [:], lines: [:], sysPath: [], syntaxError: nil)
            }
        }
    }

    /// One expression over the given names (`ifconfig`'s argument); unknown when it is not one.
    static func evaluateExpression(_ source: String, names: [String: PyValue]) -> PyValue {
        guard case .success(let (tokens, _)) = PythonTokenizer.tokenize(source),
              let statements = try? PythonStatement.parse(tokens), statements.count == 1 else {
            return .unknown("it is not one Python expression")
        }
        let evaluator = ConfPyEvaluator(environment: Environment(directory: "/"))
        evaluator.budget += tokens.count
        evaluator.globals = names
        return evaluator.evaluate(statements[0].tokens[...])
    }

    // MARK: - Names

    func lookup(_ name: String) -> PyValue {
        if let scope = locals.last, let value = scope[name] { return value }
        if let value = globals[name] { return value }
        if let builtin = Self.builtins[name] { return builtin }
        return .unknown("name '\(name)' is not defined")
    }

    func assign(_ name: String, _ value: PyValue, line: Int) {
        if locals.isEmpty {
            globals[name] = value
            lines[name] = line
        } else {
            locals[locals.count - 1][name] = value
        }
    }

    static let builtins: [String: PyValue] = {
        var table: [String: PyValue] = ["True": .bool(true), "False": .bool(false), "None": .none]
        for name in ["len", "str", "int", "float", "bool", "list", "tuple", "dict", "set", "sorted", "range",
                     "min", "max", "sum", "repr", "enumerate", "zip", "reversed", "any", "all", "isinstance", "print",
                     "abs", "round", "frozenset", "open", "getattr", "hasattr"] {
            table[name] = .module("builtins." + name)
        }
        return table
    }()

    // MARK: - Statements

    /// What ended a block early.
    enum Flow { case normal, returned(PyValue), broke, continued }

    func execute(_ statements: [PythonStatement]) -> Flow {
        var index = 0
        while index < statements.count {
            let statement = statements[index]
            index += 1
            budget -= max(1, statement.tokens.count)
            if budget <= 0 { return .normal }
            guard let first = statement.tokens.first else { continue }
            currentLocation = first.start
            guard first.kind == .name else {
                executeSimple(statement)
                continue
            }
            switch first.text {
            case "if":
                // Gather the elif/else chain that follows.
                var chain = [statement]
                while index < statements.count, let next = statements[index].tokens.first,
                      next.isName("elif") || next.isName("else") {
                    chain.append(statements[index])
                    index += 1
                }
                let flow = executeIf(chain)
                if case .normal = flow { continue }
                return flow
            case "for":
                var orElse: PythonStatement?
                if index < statements.count, statements[index].tokens.first?.isName("else") == true {
                    orElse = statements[index]
                    index += 1
                }
                let flow = executeFor(statement, orElse: orElse)
                if case .returned = flow { return flow }
            case "while":
                markUnknown(statement.body, reason: "a 'while' loop is not evaluated")
            case "try":
                // The body as if nothing failed; `else` and `finally` too, never the handlers.
                let flow = execute(statement.body)
                if case .normal = flow {} else { return flow }
                while index < statements.count, let next = statements[index].tokens.first,
                      next.isName("except") || next.isName("else") || next.isName("finally") {
                    if !next.isName("except") {
                        let flow = execute(statements[index].body)
                        if case .normal = flow {} else { return flow }
                    }
                    index += 1
                }
            case "with":
                let flow = execute(statement.body)
                if case .normal = flow {} else { return flow }
            case "def":
                define(statement)
            case "class":
                if statement.tokens.count > 1 {
                    assign(statement.tokens[1].text, .unknown("classes are not evaluated"), line: statement.line)
                }
            case "async", "match":
                markUnknown(statement.body, reason: "'\(first.text)' is not evaluated")
            case "return":
                let value = statement.tokens.count > 1 ? evaluate(statement.tokens.dropFirst()) : .none
                return .returned(value)
            case "break": return .broke
            case "continue": return .continued
            case "import": executeImport(statement)
            case "from": executeFromImport(statement)
            case "pass", "global", "nonlocal", "del", "assert", "raise":
                continue
            default:
                executeSimple(statement)
            }
        }
        return .normal
    }

    /// The tokens between a compound statement's keyword and its final `:`.
    func header(_ statement: PythonStatement) -> ArraySlice<PythonToken> {
        var tokens = statement.tokens.dropFirst()
        if tokens.last?.isOp(":") == true { tokens = tokens.dropLast() }
        return tokens
    }

    func executeIf(_ chain: [PythonStatement]) -> Flow {
        for (position, branch) in chain.enumerated() {
            if branch.tokens.first?.isName("else") == true { return execute(branch.body) }
            let condition = evaluate(header(branch))
            guard let truth = condition.truth else {
                // Unknown condition: every name the remaining branches assign becomes unknown.
                for rest in chain[position...] {
                    markUnknown(rest.body, reason: "it is assigned under a condition that cannot be evaluated")
                }
                return .normal
            }
            if truth { return execute(branch.body) }
        }
        return .normal
    }

    func executeFor(_ statement: PythonStatement, orElse: PythonStatement?) -> Flow {
        let tokens = header(statement)
        guard let inIndex = tokens.firstIndex(where: { $0.isName("in") }) else { return .normal }
        let target = tokens[tokens.startIndex..<inIndex]
        let iterable = evaluate(tokens[(inIndex + 1)...])
        guard let items = iterable.elements, items.count <= budget else {
            markUnknown(statement.body, reason: "the loop runs over a value that cannot be evaluated")
            return .normal
        }
        for item in items {
            bind(target, item, line: statement.line)
            switch execute(statement.body) {
            case .returned(let value): return .returned(value)
            case .broke: return .normal
            default: continue
            }
        }
        if let orElse { return execute(orElse.body) }
        return .normal
    }

    /// Every name assigned in `statements` (at any depth) becomes unknown.
    func markUnknown(_ statements: [PythonStatement], reason: String) {
        for statement in statements {
            markUnknown(statement.body, reason: reason)
            let tokens = statement.tokens[...]
            guard let equals = topLevelAssignment(tokens) else { continue }
            for part in PythonTokens.split(tokens[..<equals.index], on: ",") {
                if part.count == 1, let name = part.first, name.kind == .name {
                    assign(name.text, .unknown(reason), line: statement.line)
                }
            }
        }
    }

    func define(_ statement: PythonStatement) {
        let tokens = statement.tokens
        guard tokens.count > 2, tokens[1].kind == .name, let open = tokens.firstIndex(where: { $0.isOp("(") }),
              let close = PythonTokens.matchingClose(tokens[...], open: open) else { return }
        var parameters: [String] = []
        var defaults: [String: PyValue] = [:]
        for part in PythonTokens.split(tokens[(open + 1)..<close], on: ",") {
            guard let name = part.first(where: { $0.kind == .name }) else { continue }
            if part.first?.isOp("*") == true || part.first?.isOp("**") == true { continue }
            parameters.append(name.text)
            if let equals = part.firstIndex(where: { $0.isOp("=") }) {
                defaults[name.text] = evaluate(part[(equals + 1)...])
            }
        }
        bodies.append(statement.body)
        assign(tokens[1].text, .function(PyFunction(name: tokens[1].text, parameters: parameters, defaults: defaults,
                                                    body: bodies.count - 1)), line: statement.line)
    }

    /// The modules the evaluator models; `import` of anything else binds an unknown value.
    static let knownModules: Set<String> = ["os", "os.path", "sys", "datetime", "time", "pathlib", "re",
                                            // Node classes and roles named in `setup(app)` calls.
                                            "docutils.nodes", "docutils.parsers.rst.roles", "sphinx.addnodes"]

    func executeImport(_ statement: PythonStatement) {
        for part in PythonTokens.split(statement.tokens.dropFirst(), on: ",") {
            let pieces = part.split { $0.isName("as") }
            guard let path = pieces.first else { continue }
            let module = path.map(\.text).joined()
            let value: PyValue = Self.knownModules.contains(module) ? .module(module)
                : .unknown("'\(module)' is imported; Vellum does not run Python, so it cannot know what it holds")
            if pieces.count > 1, let alias = pieces.last?.first {
                assign(alias.text, value, line: statement.line)
            } else if let top = path.first {
                // `import docutils.nodes` binds `docutils`, through which `docutils.nodes` is reached.
                let topValue: PyValue = Self.knownModules.contains(module) ? .module(top.text) : value
                assign(top.text, topValue, line: statement.line)
            }
        }
    }

    func executeFromImport(_ statement: PythonStatement) {
        let tokens = statement.tokens
        guard let importIndex = tokens.firstIndex(where: { $0.isName("import") }) else { return }
        let module = tokens[1..<importIndex].map(\.text).joined()
        let names = tokens[(importIndex + 1)...].filter { !$0.isOp("(") && !$0.isOp(")") }
        for part in PythonTokens.split(names[...], on: ",") {
            guard let original = part.first else { continue }
            let alias = part.count >= 3 ? part[part.startIndex + 2].text : original.text
            let dotted = module + "." + original.text
            let value: PyValue
            if Self.knownModules.contains(dotted) || Self.knownModules.contains(module) && Self.modelled(dotted) {
                value = .module(dotted)
            } else {
                value = .unknown("'\(original.text)' is imported from '\(module)'; Vellum does not run Python")
            }
            assign(alias, value, line: statement.line)
        }
    }

    /// Names inside the modelled modules that are values of their own (`pathlib.Path`, `datetime.date`).
    static func modelled(_ dotted: String) -> Bool {
        ["pathlib.Path", "datetime.date", "datetime.datetime", "datetime.timezone", "os.path", "os.environ",
         "os.getenv", "time.strftime", "time.localtime", "time.gmtime", "time.time", "datetime.UTC",
         "docutils.parsers.rst.roles.GenericRole"].contains(dotted) || dotted.hasPrefix("docutils.nodes.")
            || dotted.hasPrefix("sphinx.addnodes.")
    }

    // MARK: - Assignments and expression statements

    /// The top-level `=` or augmented operator of a statement.
    func topLevelAssignment(_ tokens: ArraySlice<PythonToken>) -> (index: Int, op: String)? {
        var depth = 0
        for index in tokens.indices {
            let token = tokens[index]
            if PythonTokens.isOpen(token) { depth += 1 } else if PythonTokens.isClose(token) { depth -= 1 }
            guard depth == 0, token.kind == .op else { continue }
            if token.text == "=" { return (index, "=") }
            if ["+=", "-=", "*=", "/=", "//=", "%=", "|=", "&="].contains(token.text) { return (index, token.text) }
        }
        return nil
    }

    func executeSimple(_ statement: PythonStatement) {
        let tokens = statement.tokens[...]
        guard let (index, op) = topLevelAssignment(tokens) else {
            _ = evaluate(tokens)
            return
        }
        // `a = b = value`: the value is after the last `=`.
        var targets = [tokens[tokens.startIndex..<index]]
        var rest = tokens[(index + 1)...]
        while op == "=", let (next, nextOp) = topLevelAssignment(rest), nextOp == "=" {
            targets.append(rest[rest.startIndex..<next])
            rest = rest[(next + 1)...]
        }
        var value = evaluate(rest)
        for var target in targets {
            // `name: type = value`
            if let colon = target.firstIndex(where: { $0.isOp(":") }), target.first?.kind == .name { target = target[..<colon] }
            if op != "=" {
                let binary = String(op.dropLast())
                value = Self.binary(binary, evaluate(target), value)
            }
            bind(target, value, line: statement.line)
        }
    }

    /// Binds a target: a name, a tuple of names, `name[key]`; other targets (attributes) are ignored.
    func bind(_ target: ArraySlice<PythonToken>, _ value: PyValue, line: Int) {
        var target = target
        if target.first?.isOp("(") == true || target.first?.isOp("[") == true,
           let close = PythonTokens.matchingClose(target, open: target.startIndex), close == target.index(before: target.endIndex) {
            target = target.dropFirst().dropLast()
        }
        let parts = PythonTokens.split(target, on: ",").filter { !$0.isEmpty }
        if parts.count > 1 || (target.last?.isOp(",") == true) {
            let items = value.elements
            for (offset, part) in parts.enumerated() {
                let item = items.flatMap { offset < $0.count ? $0[offset] : nil } ?? .unknown("cannot unpack \(value.typeName)")
                bind(part, item, line: line)
            }
            return
        }
        guard let first = target.first, first.kind == .name else { return }
        if target.count == 1 {
            assign(first.text, value, line: line)
            return
        }
        // `name[key] = value`
        if target.count >= 3, target[target.startIndex + 1].isOp("["), target.last?.isOp("]") == true {
            let key = evaluate(target[(target.startIndex + 2)..<(target.endIndex - 1)])
            var container = lookup(first.text)
            switch container {
            case .dict(var dict):
                dict[key] = value
                container = .dict(dict)
            case .list(var list):
                if case .int(let i) = key, i >= -list.count, i < list.count { list[i < 0 ? i + list.count : i] = value }
                container = .list(list)
            default:
                return
            }
            assign(first.text, container, line: line)
        }
    }

    // MARK: - Calls of functions defined in the file

    func call(_ function: PyFunction, _ arguments: [PyValue], _ keywords: [String: PyValue]) -> PyValue {
        guard callDepth < 50, function.body < bodies.count else { return .unknown("recursion too deep") }
        var scope: [String: PyValue] = [:]
        for (index, name) in function.parameters.enumerated() {
            scope[name] = index < arguments.count ? arguments[index] : keywords[name] ?? function.defaults[name]
                ?? .unknown("missing argument '\(name)'")
        }
        callDepth += 1
        locals.append(scope)
        let location = currentLocation
        let flow = execute(bodies[function.body])
        currentLocation = location
        locals.removeLast()
        callDepth -= 1
        if case .returned(let value) = flow { return value }
        return .none
    }

    /// Records a call of an application method (once per call site: a loop calls it again).
    func recordSetupCall(_ method: String, _ arguments: [PyValue], _ keywords: [String: PyValue]) {
        let call = SetupCall(method: method, arguments: arguments, keywords: keywords, location: currentLocation)
        if !setupCalls.contains(where: { $0.line == call.line && $0.method == method && $0.arguments == arguments }) {
            setupCalls.append(call)
        }
    }

    /// Takes the size of a value just built from the budget: its elements, or
    /// a string's length in hundreds of bytes. A loop of `sorted(range(100000))`
    /// runs out of budget after one call instead of running for hours. Once the
    /// budget is spent, the value is unknown.
    func charge(_ value: PyValue) -> PyValue {
        switch value {
        case .list(let items), .tuple(let items), .set(let items): budget -= items.count
        case .dict(let dict): budget -= dict.keys.count
        case .str(let text): budget -= text.utf8.count / 100
        default: break
        }
        return budget < 0 ? .unknown("too much work to evaluate") : value
    }

    // MARK: - Expressions

    func evaluate(_ tokens: ArraySlice<PythonToken>) -> PyValue {
        guard !tokens.isEmpty else { return .none }
        var parser = ConfPyExpression(tokens: tokens, evaluator: self)
        let value = parser.parseTupleOrExpression()
        if !parser.atEnd { return .unknown("cannot evaluate '\(PythonTokens.render(tokens))'") }
        return value
    }
}
