/// One parameter of a function, method, initializer or subscript.
public struct APIParameter: Hashable, Sendable {
    /// How an argument binds to the parameter.
    public enum Kind: String, Hashable, Sendable {
        /// Python: before `/`.
        case positionalOnly = "positional-only"
        /// Python: an ordinary parameter. Swift: every parameter.
        case positionalOrKeyword = "positional-or-keyword"
        /// Python: `*args`.
        case variadicPositional = "var-positional"
        /// Python: after `*` or `*args`.
        case keywordOnly = "keyword-only"
        /// Python: `**kwargs`.
        case variadicKeyword = "var-keyword"
    }

    /// The parameter's name inside the body (`x` in Python `x: int = 0`, `name` in Swift `for name: String`).
    public var name: String
    /// How arguments bind to the parameter.
    public var kind: Kind
    /// The annotation or type as written, whitespace-normalised; nil when absent.
    public var annotation: String?
    /// The default value as written; nil when absent.
    public var defaultValue: String?
    /// Swift: the argument label when it differs from `name` (`"_"` for none).
    public var label: String?

    public init(name: String, kind: Kind = .positionalOrKeyword, annotation: String? = nil,
                defaultValue: String? = nil, label: String? = nil) {
        self.name = name
        self.kind = kind
        self.annotation = annotation
        self.defaultValue = defaultValue
        self.label = label
    }
}

/// The callable part of a declaration: its parameters and what it returns.
public struct APISignature: Hashable, Sendable {
    /// The parameters in declaration order.
    public var parameters: [APIParameter]
    /// The return annotation (Python `-> T`) or result type (Swift `-> T`) as written.
    public var returnAnnotation: String?

    public init(parameters: [APIParameter] = [], returnAnnotation: String? = nil) {
        self.parameters = parameters
        self.returnAnnotation = returnAnnotation
    }

    /// Swift-style text of the parameter list, without parentheses:
    /// `for model: ModelDescriptor, hints: RoutingHints = .none`.
    public var swiftParameterList: String {
        parameters.map { parameter in
            var text = parameter.label.map { $0 + " " + parameter.name } ?? parameter.name
            if let annotation = parameter.annotation { text += ": " + annotation }
            if let value = parameter.defaultValue { text += " = " + value }
            return text
        }.joined(separator: ", ")
    }

    /// Python-style text of the parameter list, without parentheses:
    /// `a, /, b: int = 1, *args, c, **kwargs`.
    public var pythonParameterList: String {
        var parts: [String] = []
        var wroteSlash = false
        var wroteStar = false
        for (index, parameter) in parameters.enumerated() {
            if parameter.kind != .positionalOnly, !wroteSlash, index > 0,
               parameters[index - 1].kind == .positionalOnly {
                parts.append("/")
                wroteSlash = true
            }
            if parameter.kind == .keywordOnly, !wroteStar {
                parts.append("*")
                wroteStar = true
            }
            var text: String
            switch parameter.kind {
            case .variadicPositional: text = "*" + parameter.name; wroteStar = true
            case .variadicKeyword: text = "**" + parameter.name
            default: text = parameter.name
            }
            if let annotation = parameter.annotation { text += ": " + annotation }
            if let value = parameter.defaultValue {
                text += parameter.annotation == nil ? "=" + value : " = " + value
            }
            parts.append(text)
        }
        if !wroteSlash, parameters.last?.kind == .positionalOnly { parts.append("/") }
        return parts.joined(separator: ", ")
    }
}
