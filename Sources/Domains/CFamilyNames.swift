import Foundation

/// How the `c` and `cpp` domains spell what a reference names: the lookup
/// name (no template arguments, no parameters) and, for C++ functions, the
/// parameter types that pick one overload.
enum CFamilyNames {
    /// `ns::Stack<T>::push(const T&) const` → (`ns::Stack::push`, `(const T&) const`);
    /// `f()` and `f` → (`f`, nil): as in Sphinx, empty parentheses name every overload;
    /// `ns::Stack<bool>` → (`ns::Stack`, `<bool>`), the template arguments of a specialisation.
    static func reference(_ target: String, language: CDeclaration.Language) -> (name: String, overload: String?) {
        var text = target.trimmingWhitespace()
        if text.hasSuffix("()") { text.removeLast(2) }
        let chars = Array(text)
        let tokens = CTokenizer.tokens(chars)
        guard let chunk = CDeclaration.nameChunk(tokens, at: 0, language) else { return (text, nil) }
        var k = chunk.end
        guard language == .cpp, k < tokens.count, tokens[k].is("("), let close = CTokenizer.closing(tokens, from: k) else {
            // `Stack<bool>`: the arguments may name a specialisation.
            let arguments = chunk.templateArguments.map { CDeclaration.joined(Array(tokens[$0])) }
            return (chunk.name, chunk.end == tokens.count ? arguments : nil)
        }
        let inside = CDeclaration.slice(chars, tokens[k].end, tokens[close].start)
        k = close + 1
        var qualifiers: [String] = []
        while k < tokens.count, ["const", "volatile", "&", "&&"].contains(tokens[k].text) {
            qualifiers.append(tokens[k].text)
            k += 1
        }
        return (chunk.name, overloadKey(DomainSupport.splitArguments(inside), qualifiers: qualifiers))
    }

    /// The key that tells overloads apart: parameter types without names or
    /// defaults, in parentheses, then the qualifiers (`(int,const char*) const`).
    static func overloadKey(_ parameters: [String], qualifiers: [String]) -> String {
        var types = parameters.map(parameterType)
        if types == ["void"] { types = [] }
        return "(" + types.joined(separator: ",") + ")" + qualifiers.map { " " + $0 }.joined()
    }

    /// A specialisation's template arguments as a key: `< bool, 64 >` → `<bool,64>`.
    static func templateKey(_ arguments: String) -> String {
        CDeclaration.joined(CTokenizer.tokens(Array(arguments)))
    }

    /// The parameter part of an overload key (`(int) const` → `(int)`).
    static func parameterPart(_ key: String) -> Substring {
        key.firstIndex(of: ")").map { key[...$0] } ?? Substring(key)
    }

    /// Built-in type words: never a parameter's name.
    static let typeWords: Set<String> = ["void", "char", "short", "int", "long", "float", "double", "signed",
                                         "unsigned", "bool", "wchar_t", "char8_t", "char16_t", "char32_t", "auto"]

    /// `const T &value = T()` → `const T&`; `std::string name` → `std::string`; `int` → `int`.
    static func parameterType(_ parameter: String) -> String {
        var tokens = CTokenizer.tokens(Array(parameter))
        var depth = 0
        if let equals = tokens.indices.first(where: { k in
            if tokens[k].is("(") || tokens[k].is("<") || tokens[k].is("[") { depth += 1 }
            if tokens[k].is(")") || tokens[k].is(">") || tokens[k].is("]") { depth -= 1 }
            return depth == 0 && tokens[k].is("=")
        }) {
            tokens.removeSubrange(equals...)
        }
        if tokens.count >= 2, let last = tokens.last, last.isIdentifier, !typeWords.contains(last.text),
           !CDeclaration.qualifierWords.contains(last.text) {
            let previous = tokens[tokens.count - 2]
            let previousIsType = previous.isIdentifier && !CDeclaration.qualifierWords.contains(previous.text)
                && !CDeclaration.namedKeywords.contains(previous.text)
            if previousIsType || previous.is("*") || previous.is("&") || previous.is("&&") || previous.is(">") {
                tokens.removeLast()
            }
        }
        return CDeclaration.joined(tokens)
    }

    /// The name a function parameter declares (`const T &value = T()` → `value`,
    /// `void (*done)(int)` → `done`); nil for an unnamed one (`int`, `T&`, `...`).
    static func parameterName(_ parameter: String, language: CDeclaration.Language) -> String? {
        var tokens = CTokenizer.tokens(Array(parameter))
        if let equals = tokens.firstIndex(where: { $0.is("=") }) { tokens.removeSubrange(equals...) }
        if let last = tokens.last, last.isIdentifier, parameterType(CDeclaration.joined(tokens)) != CDeclaration.joined(tokens) {
            return last.text
        }
        if let declaration = CDeclaration.parse(parameter, language: language, shape: .declaration),
           declaration.declaratorSuffix.hasPrefix(")") {
            return declaration.name
        }
        return nil
    }

    /// The names a `template<…>` prefix declares: `template<typename T, std::size_t N = 4>` → `T`, `N`.
    static func templateParameterNames(_ prefix: String) -> [String] {
        let tokens = CTokenizer.tokens(Array(prefix))
        var names: [String] = []
        var k = 0
        while k + 1 < tokens.count, tokens[k].text == "template", tokens[k + 1].is("<"),
              let close = CTokenizer.closing(tokens, from: k + 1) {
            let inside = CDeclaration.joined(Array(tokens[(k + 2)..<close]))
            for parameter in DomainSupport.splitArguments(inside) {
                var words = CTokenizer.tokens(Array(parameter))
                if let equals = words.firstIndex(where: { $0.is("=") }) { words.removeSubrange(equals...) }
                if words.count >= 2, let last = words.last, last.isIdentifier { names.append(last.text) }
            }
            k = close + 1
        }
        return names
    }

    /// Words for what an id cannot hold in a function's name: `~Stack` → `dtor`,
    /// `operator==` → `operator-eq`, so that they do not share the anchor of `Stack` or `operator<`.
    static func anchorWord(_ shortName: String) -> String? {
        if shortName.hasPrefix("~") { return "dtor" }
        guard shortName.hasPrefix("operator") else { return nil }
        let symbol = String(shortName.dropFirst("operator".count)).trimmingCharacters(in: .whitespaces)
        let words: [String: String] = [
            "==": "eq", "!=": "ne", "<": "lt", ">": "gt", "<=": "le", ">=": "ge", "<=>": "spaceship",
            "=": "assign", "+": "plus", "-": "minus", "*": "star", "/": "div", "%": "mod", "()": "call",
            "[]": "index", "<<": "lshift", ">>": "rshift", "!": "not", "&&": "and", "||": "or", "&": "amp",
            "|": "pipe", "^": "xor", "~": "compl", "++": "inc", "--": "dec", "->": "arrow", "+=": "plus-assign",
            "-=": "minus-assign", "*=": "star-assign", "/=": "div-assign", ",": "comma",
        ]
        return words[symbol] ?? (symbol.first?.isLetter == true ? nil : "op")
    }

    /// An id-safe form of an overload key (`const T&` → `const-T-ref`), for anchors.
    static func anchorSuffix(_ key: String) -> String {
        let spelled = key.replacingOccurrences(of: "&&", with: " rref ")
            .replacingOccurrences(of: "&", with: " ref ")
            .replacingOccurrences(of: "*", with: " ptr ")
            .replacingOccurrences(of: "...", with: " variadic ")
        return DomainID.clean("x " + spelled).dropFirst(2).description
    }
}
