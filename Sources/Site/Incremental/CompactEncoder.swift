import Foundation

/// A compact binary form of `Codable` values for the build cache, several
/// times faster to read and write than a property list. Every value is a
/// slot: a length (varint, 0 for nil, else bytes + 1) and its bytes. A keyed
/// container's slots carry the key's number in a table of key names written
/// once; an unkeyed container is its slots in order; strings are UTF-8 and
/// `Data` is raw bytes. Decoding reads keys in the order they were written
/// (what synthesized conformances do) and searches only when they differ.
///
/// Every value is written in place into one buffer: a slot's length is a
/// one-byte placeholder, fixed up (and widened when the value is 127 bytes
/// or more) once the value is written.
struct CompactEncoder {
    var userInfo: [CodingUserInfoKey: Any] = [:]

    func encode<T: Encodable>(_ value: T) throws -> Data {
        Data(try encodeBytes(value))
    }

    func encodeBytes<T: Encodable>(_ value: T) throws -> [UInt8] {
        let state = CompactEncodingState(userInfo: userInfo)
        try state.writeContent(value)
        var out: [UInt8] = []
        CompactWire.writeVarint(UInt64(state.keyNames.count), into: &out)
        for name in state.keyNames {
            CompactWire.writeVarint(UInt64(name.utf8.count), into: &out)
            out += name.utf8
        }
        out += state.out
        return out
    }
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

    static func zigzag(_ value: Int64) -> UInt64 { UInt64(bitPattern: (value << 1) ^ (value >> 63)) }
    static func unzigzag(_ value: UInt64) -> Int64 { Int64(bitPattern: value >> 1) ^ -Int64(bitPattern: value & 1) }
}

/// Shared by the encoders of one value: the bytes, the key-name table and `userInfo`.
final class CompactEncodingState {
    let userInfo: [CodingUserInfoKey: Any]
    var out: [UInt8] = []
    private(set) var keyNames: [String] = []
    private var keyNumbers: [String: Int] = [:]
    /// Set by a single-value container's `encodeNil` (an optional that is nil).
    var wroteNil = false

    init(userInfo: [CodingUserInfoKey: Any]) { self.userInfo = userInfo }

    func number(of key: String) -> Int {
        if let known = keyNumbers[key] { return known }
        keyNames.append(key)
        keyNumbers[key] = keyNames.count - 1
        return keyNames.count - 1
    }

    /// Writes `value` as a slot: nil for an optional that is nil.
    func writeSlot<T: Encodable>(_ value: T) throws {
        let mark = out.count
        out.append(0)
        let outer = wroteNil
        wroteNil = false
        defer { wroteNil = outer }
        if !writePrimitive(value) {
            try value.encode(to: CompactValueEncoder(state: self))
            if wroteNil {
                out.removeSubrange((mark + 1)...)
                out[mark] = 0
                return
            }
        }
        let length = UInt64(out.count - mark - 1) + 1
        if length < 0x80 {
            out[mark] = UInt8(length)
        } else {
            var prefix: [UInt8] = []
            CompactWire.writeVarint(length, into: &prefix)
            out[mark] = prefix[0]
            out.insert(contentsOf: prefix[1...], at: mark + 1)
        }
    }

    func writeNilSlot() { out.append(0) }

    /// Writes the bytes of `value` without a slot length (a single value's content).
    func writeContent<T: Encodable>(_ value: T) throws {
        if writePrimitive(value) { return }
        let outer = wroteNil
        wroteNil = false
        defer { wroteNil = outer }
        try value.encode(to: CompactValueEncoder(state: self))
        if wroteNil {
            throw EncodingError.invalidValue(value, .init(codingPath: [],
                debugDescription: "CompactEncoder: a single value cannot be nil (use an optional property)"))
        }
    }

    /// Writes `value` when it is a string, bytes, a number or a flag (told apart by
    /// comparing metatypes: casting to a protocol asks the runtime on every value).
    private func writePrimitive<T: Encodable>(_ value: T) -> Bool {
        if T.self == String.self { out += (value as! String).utf8; return true }
        if T.self == Int.self { CompactWire.writeVarint(CompactWire.zigzag(Int64(value as! Int)), into: &out); return true }
        if T.self == Bool.self { out.append((value as! Bool) ? 1 : 0); return true }
        if T.self == UInt64.self { CompactWire.writeVarint(value as! UInt64, into: &out); return true }
        if T.self == Data.self { out += value as! Data; return true }
        if T.self == Double.self { CompactWire.writeVarint((value as! Double).bitPattern, into: &out); return true }
        func integer<I: BinaryInteger>(_ type: I.Type) -> Bool {
            guard T.self == I.self else { return false }
            CompactWire.writeVarint(CompactWire.zigzag(Int64(value as! I)), into: &out)
            return true
        }
        return integer(Int64.self) || integer(Int32.self) || integer(UInt32.self) || integer(UInt8.self)
            || integer(UInt16.self) || integer(Int16.self) || integer(Int8.self) || integer(UInt.self)
    }
}

struct CompactValueEncoder: Encoder {
    let state: CompactEncodingState
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { state.userInfo }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(CompactKeyedEncoder<Key>(state: state))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        CompactUnkeyedEncoder(state: state)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        CompactSingleEncoder(state: state)
    }
}

struct CompactKeyedEncoder<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let state: CompactEncodingState
    var codingPath: [any CodingKey] { [] }

    private func writeKey(_ key: Key) {
        CompactWire.writeVarint(UInt64(state.number(of: key.stringValue)), into: &state.out)
    }

    mutating func encodeNil(forKey key: Key) throws {
        writeKey(key)
        state.writeNilSlot()
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        writeKey(key)
        try state.writeSlot(value)
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
    var codingPath: [any CodingKey] { [] }
    private(set) var count = 0

    init(state: CompactEncodingState) {
        self.state = state
    }

    mutating func encodeNil() throws {
        state.writeNilSlot()
        count += 1
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try state.writeSlot(value)
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
    var codingPath: [any CodingKey] { [] }

    /// An optional that is nil: its slot says so (a nil slot, not an empty value).
    mutating func encodeNil() throws {
        state.wroteNil = true
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try state.writeContent(value)
    }
}
