import Foundation

/// A compact binary form of `Codable` values for the build cache, several
/// times faster to read and write than a property list. Every value is a
/// slot: a length (varint, 0 for nil, else bytes + 1) and its bytes. A keyed
/// container's slots carry the key's number in a table of key names written
/// once; an unkeyed container is its slots in order; strings are UTF-8 and
/// `Data` is raw bytes. Decoding reads keys in the order they were written
/// (what synthesized conformances do) and searches only when they differ.
struct CompactEncoder {
    var userInfo: [CodingUserInfoKey: Any] = [:]

    func encode<T: Encodable>(_ value: T) throws -> Data {
        let state = CompactEncodingState(userInfo: userInfo)
        var body: [UInt8] = []
        try state.encodeSlotContent(value, into: &body)
        var out: [UInt8] = []
        CompactWire.writeVarint(UInt64(state.keyNames.count), into: &out)
        for name in state.keyNames {
            let bytes = Array(name.utf8)
            CompactWire.writeVarint(UInt64(bytes.count), into: &out)
            out += bytes
        }
        out += body
        return Data(out)
    }
}

/// Lets the coder tell a nil optional from a value, whatever it wraps.
protocol CompactOptional {
    var isNil: Bool { get }
}

extension Optional: CompactOptional {
    var isNil: Bool { self == nil }
}

enum CompactWire {
    static func writeVarint(_ value: UInt64, into out: inout [UInt8]) {
        var v = value
        while v >= 0x80 {
            out.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        out.append(UInt8(v))
    }

    /// Appends a slot holding `content`.
    static func writeSlot(_ content: [UInt8], into out: inout [UInt8]) {
        writeVarint(UInt64(content.count) + 1, into: &out)
        out += content
    }

    static func zigzag(_ value: Int64) -> UInt64 { UInt64(bitPattern: (value << 1) ^ (value >> 63)) }
    static func unzigzag(_ value: UInt64) -> Int64 { Int64(bitPattern: value >> 1) ^ -Int64(bitPattern: value & 1) }
}

/// Shared by the encoders of one value: the key-name table and `userInfo`.
final class CompactEncodingState {
    let userInfo: [CodingUserInfoKey: Any]
    private(set) var keyNames: [String] = []
    private var keyNumbers: [String: Int] = [:]

    init(userInfo: [CodingUserInfoKey: Any]) { self.userInfo = userInfo }

    func number(of key: String) -> Int {
        if let known = keyNumbers[key] { return known }
        keyNames.append(key)
        keyNumbers[key] = keyNames.count - 1
        return keyNames.count - 1
    }

    /// The slot for `value`: nil for an optional that is nil.
    func slotContent<T: Encodable>(_ value: T) throws -> [UInt8]? {
        if let optional = value as? any CompactOptional, optional.isNil { return nil }
        var content: [UInt8] = []
        try encodeSlotContent(value, into: &content)
        return content
    }

    /// The bytes of `value` (without its slot length).
    func encodeSlotContent<T: Encodable>(_ value: T, into out: inout [UInt8]) throws {
        switch value {
        case let string as String: out += Array(string.utf8)
        case let data as Data: out += [UInt8](data)
        case let number as UInt64: CompactWire.writeVarint(number, into: &out)
        case let number as any BinaryInteger: CompactWire.writeVarint(CompactWire.zigzag(Int64(number)), into: &out)
        case let number as Double: CompactWire.writeVarint(number.bitPattern, into: &out)
        case let flag as Bool: out.append(flag ? 1 : 0)
        default:
            let encoder = CompactValueEncoder(state: self, codingPath: [])
            try value.encode(to: encoder)
            out += encoder.buffer.bytes
        }
    }
}

/// Where one value's bytes accumulate (shared by the containers of that value).
final class CompactBuffer {
    var bytes: [UInt8] = []
}

struct CompactValueEncoder: Encoder {
    let state: CompactEncodingState
    var codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { state.userInfo }
    let buffer = CompactBuffer()

    init(state: CompactEncodingState, codingPath: [any CodingKey]) {
        self.state = state
        self.codingPath = codingPath
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(CompactKeyedEncoder<Key>(state: state, buffer: buffer, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        CompactUnkeyedEncoder(state: state, buffer: buffer, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        CompactSingleEncoder(state: state, buffer: buffer, codingPath: codingPath)
    }
}

struct CompactKeyedEncoder<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let state: CompactEncodingState
    let buffer: CompactBuffer
    var codingPath: [any CodingKey]

    private func slot(_ key: Key, _ content: [UInt8]?) {
        CompactWire.writeVarint(UInt64(state.number(of: key.stringValue)), into: &buffer.bytes)
        if let content { CompactWire.writeSlot(content, into: &buffer.bytes) } else { buffer.bytes.append(0) }
    }

    mutating func encodeNil(forKey key: Key) throws { slot(key, nil) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        slot(key, try state.slotContent(value))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type,
                                                        forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        fatalError("CompactEncoder: nested containers are not used by the cache's types")
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        fatalError("CompactEncoder: nested containers are not used by the cache's types")
    }

    mutating func superEncoder() -> any Encoder { fatalError("CompactEncoder: superEncoder is not supported") }
    mutating func superEncoder(forKey key: Key) -> any Encoder { fatalError("CompactEncoder: superEncoder is not supported") }
}

struct CompactUnkeyedEncoder: UnkeyedEncodingContainer {
    let state: CompactEncodingState
    let buffer: CompactBuffer
    var codingPath: [any CodingKey]
    private(set) var count = 0

    init(state: CompactEncodingState, buffer: CompactBuffer, codingPath: [any CodingKey]) {
        self.state = state
        self.buffer = buffer
        self.codingPath = codingPath
    }

    mutating func encodeNil() throws {
        buffer.bytes.append(0)
        count += 1
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        if let content = try state.slotContent(value) {
            CompactWire.writeSlot(content, into: &buffer.bytes)
        } else {
            buffer.bytes.append(0)
        }
        count += 1
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        fatalError("CompactEncoder: nested containers are not used by the cache's types")
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        fatalError("CompactEncoder: nested containers are not used by the cache's types")
    }

    mutating func superEncoder() -> any Encoder { fatalError("CompactEncoder: superEncoder is not supported") }
}

struct CompactSingleEncoder: SingleValueEncodingContainer {
    let state: CompactEncodingState
    let buffer: CompactBuffer
    var codingPath: [any CodingKey]

    mutating func encodeNil() throws {
        throw EncodingError.invalidValue(Optional<Int>.none as Any, .init(codingPath: codingPath,
            debugDescription: "CompactEncoder: a single value cannot be nil (use an optional property)"))
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try state.encodeSlotContent(value, into: &buffer.bytes)
    }
}
