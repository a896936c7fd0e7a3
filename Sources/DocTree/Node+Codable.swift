/// Trees in a compact form for the build cache: a node is an array
/// `[kind, text, range, attribute names and values …, children]`, not a
/// keyed object, so a cached page holds little besides its content.
extension Node: Codable {
    public init(from decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        self.init(NodeKind(rawValue: try container.decode(String.self)))
        text = try container.decode(String.self)
        range = try container.decodeIfPresent(SourceRange.self)
        let count = try container.decode(Int.self)
        for _ in 0..<count {
            let name = try container.decode(String.self)
            attributes[name] = try container.decode(AttributeValue.self)
        }
        children = try container.decode([Node].self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        try container.encode(kind.rawValue)
        try container.encode(text)
        if let range { try container.encode(range) } else { try container.encodeNil() }
        try container.encode(attributes.count)
        for name in attributes.keys.sorted() {
            try container.encode(name)
            try container.encode(attributes[name]!)
        }
        try container.encode(children)
    }
}

extension AttributeValue: Codable {
    public init(from decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        switch try container.decode(Int.self) {
        case 0: self = .string(try container.decode(String.self))
        case 1: self = .list(try container.decode([String].self))
        case 2: self = .int(try container.decode(Int.self))
        default: self = .bool(try container.decode(Bool.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        switch self {
        case .string(let value): try container.encode(0); try container.encode(value)
        case .list(let value): try container.encode(1); try container.encode(value)
        case .int(let value): try container.encode(2); try container.encode(value)
        case .bool(let value): try container.encode(3); try container.encode(value)
        }
    }
}
