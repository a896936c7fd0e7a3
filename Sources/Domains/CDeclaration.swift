/// A C or C++ declaration as the `c` and `cpp` object directives read it:
/// enough of the grammar to find the declared name and show the parts
/// around it, not a compiler's parse.
///
/// Like Sphinx, the name is the declarator's identifier:
/// `int *PyObject_Call(PyObject *callable)` declares `PyObject_Call`,
/// `void (*on_event)(int code)` declares `on_event`, `char name[16]` declares
/// `name`, `MAX(a, b)` declares `MAX`. Names may be qualified: with `.` in C
/// (`PyTypeObject.tp_bases`, Sphinx's C scoping), with `::` in C++
/// (`ns::Stack<T>::push`); template argument lists are shown but are not part
/// of the name objects are looked up by (`ns::Stack::push`).
struct CDeclaration: Sendable, Equatable {
    enum Language: Sendable { case c, cpp }
    enum Shape: Sendable {
        /// A declarator (function, variable, member, type, enumerator, macro).
        case declaration
        /// `[struct|class|union|enum] name [rest]`: classes, structs, enums, concepts.
        case named
    }

    /// `template<typename T>` (C++), as written.
    var templatePrefix: String?
    /// What precedes the name, spacing kept: `int *`, `void (*`, `static const char *`.
    var prefix = ""
    /// The qualified part of the written name, with its last separator: `ns::Stack<T>::`.
    var qualifier = ""
    /// The name's last part as written: `push`, `Stack<bool>`, `operator==`.
    var shortName = ""
    /// The name objects are known by: written name without template arguments or spaces.
    var name = ""
    /// What stands between the name and the parameters: `)` of `(*cb)`, `[16]`.
    var declaratorSuffix = ""
    /// A function's or macro's parameters as written (nil: not a function).
    var parameters: [String]?
    /// What follows: ` const`, ` = 0`, ` -> int`, ` : public Base`.
    var suffix = ""
    /// `const`, `volatile`, `&`, `&&` right after a function's parameters.
    var qualifiers: [String] = []
    /// The template arguments of the last name part (`<bool>` of a specialisation).
    var templateArguments: String?

    /// A name and where it is in the tokens.
    struct Chunk {
        var start: Int
        var end: Int
        var name: String
        var lastSeparator: Int?
        var templateArguments: Range<Int>?
    }

    static func parse(_ text: String, language: Language, shape: Shape) -> CDeclaration? {
        let chars = Array(text)
        let tokens = CTokenizer.tokens(chars)
        var declaration = CDeclaration()
        var i = 0
        if language == .cpp {
            let first = i
            while i + 1 < tokens.count, tokens[i].text == "template", tokens[i + 1].is("<"),
                  let close = CTokenizer.closing(tokens, from: i + 1) {
                i = close + 1
            }
            if i > first { declaration.templatePrefix = collapse(slice(chars, tokens[first].start, tokens[i - 1].end)) }
            // An unclosed `template<` is not a name.
            if i < tokens.count, tokens[i].text == "template" { return nil }
        }
        guard i < tokens.count else { return nil }
        let begin = i
        var chunk: Chunk
        var afterName: Int
        switch shape {
        case .named:
            while i < tokens.count, tokens[i].isIdentifier, namedKeywords.contains(tokens[i].text) { i += 1 }
            guard let found = nameChunk(tokens, at: i, language) else { return nil }
            chunk = found
            afterName = found.end
        case .declaration:
            guard let found = declarator(tokens, from: i, to: tokens.count, language) else { return nil }
            chunk = found.chunk
            afterName = found.chunk.end
            if let group = found.group {
                // `(*name)…`: the rest of the group is part of the declarator.
                declaration.declaratorSuffix = collapse(slice(chars, tokens[chunk.end - 1].end, tokens[group.upperBound].end))
                afterName = group.upperBound + 1
            }
        }
        declaration.prefix = collapsePrefix(slice(chars, tokens[begin].start, tokens[chunk.start].start))
        if shape == .named { declaration.prefix = "" }
        declaration.name = chunk.name
        let qualifierEnd = chunk.lastSeparator.map { tokens[$0].end } ?? tokens[chunk.start].start
        declaration.qualifier = collapse(slice(chars, tokens[chunk.start].start, qualifierEnd))
        declaration.shortName = collapse(slice(chars, qualifierEnd, tokens[chunk.end - 1].end))
        if let arguments = chunk.templateArguments {
            declaration.templateArguments = collapse(slice(chars, tokens[arguments.lowerBound].start,
                                                           tokens[arguments.upperBound - 1].end))
        }
        var k = afterName
        // Array bounds right after the name belong to it.
        while shape == .declaration, k < tokens.count, tokens[k].is("["), let close = CTokenizer.closing(tokens, from: k) {
            declaration.declaratorSuffix += collapse(slice(chars, tokens[k].start, tokens[close].end))
            k = close + 1
        }
        if shape == .declaration, k < tokens.count, tokens[k].is("("), let close = CTokenizer.closing(tokens, from: k) {
            let inside = slice(chars, tokens[k].end, tokens[close].start)
            declaration.parameters = DomainSupport.splitArguments(inside).map(collapse)
            // The qualifiers are recorded for overloads and stay in the shown suffix.
            var q = close + 1
            while q < tokens.count, ["const", "volatile", "&", "&&"].contains(tokens[q].text) {
                declaration.qualifiers.append(tokens[q].text)
                q += 1
            }
            k = close + 1
        }
        if k < tokens.count {
            declaration.suffix = " " + collapse(slice(chars, tokens[k].start, chars.count))
        }
        return declaration
    }

    /// Keywords before the name of a class-like declaration.
    static let namedKeywords: Set<String> = ["struct", "union", "enum", "class", "concept", "typename"]

    /// Words that are never the declared name when they come last (`char *const`).
    static let qualifierWords: Set<String> = ["const", "volatile", "restrict", "static", "inline", "extern",
                                              "constexpr", "mutable", "virtual", "explicit", "register"]

    /// The declarator's name in `tokens[from..<to]`, and the declarator group `(*name…)` holding it, if any.
    /// Declarator groups nest at most this deep (`(*(*(*f)))`): deeper is refused, which keeps
    /// the work linear and the recursion shallow on hostile input.
    static let maximumDeclaratorDepth = 32

    static func declarator(_ tokens: [CToken], from: Int, to: Int, _ language: Language, depth: Int = 0)
        -> (chunk: Chunk, group: ClosedRange<Int>?)? {
        guard depth <= maximumDeclaratorDepth else { return nil }
        var chunks: [Chunk] = []
        var k = from
        while k < to {
            let token = tokens[k]
            if token.is("(") {
                guard let close = CTokenizer.closing(tokens, from: k), close < to else { return nil }
                if isPointerDeclarator(tokens, open: k, close: close) {
                    guard let inner = declarator(tokens, from: k + 1, to: close, language, depth: depth + 1) else {
                        return nil
                    }
                    return (inner.chunk, k...close)
                }
                if let last = chunks.last, last.end == k { return (last, nil) }
                k = close + 1
                continue
            }
            if token.is("[") || token.is("=") || token.is(":") || token.is("{") || token.is(",") { break }
            if let chunk = nameChunk(tokens, at: k, language) {
                chunks.append(chunk)
                k = chunk.end
            } else {
                k += 1
            }
        }
        let named = chunks.last { !qualifierWords.contains($0.name) } ?? chunks.last
        return named.map { ($0, nil) }
    }

    /// Whether `( … )` is a declarator (`(*cb)`, `(&ref)`, `(C::*member)`), not parameters.
    static func isPointerDeclarator(_ tokens: [CToken], open: Int, close: Int) -> Bool {
        var k = open + 1
        while k < close, tokens[k].isIdentifier || tokens[k].is("::") {
            // `(Class::*member)`: skip the class qualifier.
            guard k + 1 < close, tokens[k + 1].is("::") || tokens[k].is("::") else { break }
            k += 1
        }
        return k < close && (tokens[k].is("*") || tokens[k].is("&") || tokens[k].is("&&") || tokens[k].is("^"))
    }

    /// A (qualified) name starting at `start`: `a`, `::a::b`, `Stack<T>::push`, `~Stack`, `operator==`, `a.b` in C.
    static func nameChunk(_ tokens: [CToken], at start: Int, _ language: Language) -> Chunk? {
        let separator = language == .cpp ? "::" : "."
        var k = start
        var name = ""
        var lastSeparator: Int?
        var arguments: Range<Int>?
        if language == .cpp, k < tokens.count, tokens[k].is("::") {
            name = "::"
            k += 1
        }
        while k < tokens.count {
            arguments = nil
            let token = tokens[k]
            if language == .cpp, token.is("~"), k + 1 < tokens.count, tokens[k + 1].isIdentifier {
                name += "~" + tokens[k + 1].text
                k += 2
            } else if language == .cpp, token.isIdentifier, token.text == "operator" {
                k += 1
                name += "operator"
                if k + 1 < tokens.count, tokens[k].is("("), tokens[k + 1].is(")") {
                    name += "()"
                    k += 2
                } else if k + 1 < tokens.count, tokens[k].is("["), tokens[k + 1].is("]") {
                    name += "[]"
                    k += 2
                } else if k < tokens.count, tokens[k].isIdentifier {
                    var words: [CToken] = []
                    while k < tokens.count, !tokens[k].is("(") { words.append(tokens[k]); k += 1 }
                    name += " " + joined(words)
                } else {
                    let first = k
                    while k < tokens.count, tokens[k].kind == .punctuation, !tokens[k].is("(") {
                        name += tokens[k].text
                        k += 1
                    }
                    if k == first { return nil }
                }
            } else if token.isIdentifier {
                name += token.text
                k += 1
                if language == .cpp, k < tokens.count, tokens[k].is("<"), let close = CTokenizer.closing(tokens, from: k) {
                    arguments = k..<(close + 1)
                    k = close + 1
                }
            } else {
                return nil
            }
            if k + 1 < tokens.count, tokens[k].is(separator), tokens[k + 1].isIdentifier || tokens[k + 1].is("~") {
                lastSeparator = k
                name += separator
                k += 1
                continue
            }
            break
        }
        guard k > start, !name.isEmpty, name != "::" else { return nil }
        return Chunk(start: start, end: k, name: name, lastSeparator: lastSeparator, templateArguments: arguments)
    }

    // MARK: - Text

    static func slice(_ chars: [Character], _ from: Int, _ to: Int) -> String {
        from < to ? String(chars[from..<to]) : ""
    }

    /// Whitespace runs become one space; no space at either end.
    static func collapse(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// Like `collapse`, keeping one trailing space when there was one (`int ` before a name).
    static func collapsePrefix(_ text: String) -> String {
        let collapsed = collapse(text)
        return !collapsed.isEmpty && text.last?.isWhitespace == true ? collapsed + " " : collapsed
    }

    /// Tokens joined with a space only between two words (`const char*`, `std::vector<int>`).
    static func joined(_ tokens: [CToken]) -> String {
        var out = ""
        var previousIsWord = false
        for token in tokens {
            let isWord = token.kind == .identifier || token.kind == .number
            if isWord, previousIsWord { out += " " }
            out += token.text
            previousIsWord = isWord
        }
        return out
    }
}
