import Foundation

/// Reads what ``CompactEncoder`` wrote.
///
/// Built for speed, since an incremental build decodes every page's record:
/// primitives are told apart by comparing metatypes (never by casting to a
/// protocol, which asks the runtime for conformances on every value), each
/// decoder is small enough to live inline in its existential, keys are found
/// by comparing names in written order, and no coding path is kept (errors
/// say what is wrong, not where).
struct CompactDecoder {
    var userInfo: [CodingUserInfoKey: Any] = [:]

    func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        try decode(type, from: [UInt8](data))
    }

    func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws -> T {
        var reader = CompactReader(bytes: bytes, position: 0, end: bytes.count)
        var names: [String] = []
        let count = try reader.varint()
        guard count <= UInt64(bytes.count) else { throw CompactDecodingState.corrupt("too many key names") }
        for _ in 0..<count {
            let length = Int(try reader.varint())
            names.append(try reader.string(length))
        }
        let state = CompactDecodingState(bytes: bytes, keyNames: names, userInfo: userInfo)
        return try state.decode(type, start: reader.position, end: bytes.count)
    }
}

struct CompactReader {
    let bytes: [UInt8]
    var position: Int
    let end: Int

    mutating func varint() throws -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < end, shift < 64 else { throw CompactDecodingState.corrupt("a number runs past its value") }
            let byte = bytes[position]
            position += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return result }
            shift += 7
        }
    }

    mutating func string(_ length: Int) throws -> String {
        guard length >= 0, position + length <= end else { throw CompactDecodingState.corrupt("a string runs past its value") }
        defer { position += length }
        return CompactDecodingState.string(bytes, position, position + length)
    }

    /// The next slot's byte range; `start` is -1 for a nil value.
    mutating func slot() throws -> (start: Int, end: Int) {
        let length = try varint()
        if length == 0 { return (-1, -1) }
        let start = position
        guard length - 1 <= UInt64(end - start) else { throw CompactDecodingState.corrupt("a value runs past its container") }
        position = start + Int(length - 1)
        return (start, position)
    }
}

final class CompactDecodingState {
    let bytes: [UInt8]
    let keyNames: [String]
    let userInfo: [CodingUserInfoKey: Any]

    init(bytes: [UInt8], keyNames: [String], userInfo: [CodingUserInfoKey: Any]) {
        self.bytes = bytes
        self.keyNames = keyNames
        self.userInfo = userInfo
    }

    static func corrupt(_ message: String) -> DecodingError {
        .dataCorrupted(.init(codingPath: [], debugDescription: "build cache: " + message))
    }

    static func string(_ bytes: [UInt8], _ start: Int, _ end: Int) -> String {
        bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<end]), as: UTF8.self) }
    }

    func varint(_ start: Int, _ end: Int) throws -> UInt64 {
        var reader = CompactReader(bytes: bytes, position: start, end: end)
        return try reader.varint()
    }

    func integer<I: FixedWidthInteger>(_ type: I.Type, _ start: Int, _ end: Int) throws -> I {
        guard start >= 0 else { throw Self.corrupt("nil where a number was expected") }
        let value = CompactWire.unzigzag(try varint(start, end))
        guard let converted = I(exactly: value) else { throw Self.corrupt("a number out of range") }
        return converted
    }

    func string(_ start: Int, _ end: Int) throws -> String {
        guard start >= 0 else { throw Self.corrupt("nil where a string was expected") }
        return Self.string(bytes, start, end)
    }

    func bool(_ start: Int, _ end: Int) throws -> Bool {
        guard start >= 0, start < end else { throw Self.corrupt("an empty flag") }
        return bytes[start] != 0
    }

    func double(_ start: Int, _ end: Int) throws -> Double {
        guard start >= 0 else { throw Self.corrupt("nil where a number was expected") }
        return Double(bitPattern: try varint(start, end))
    }

    func uint64(_ start: Int, _ end: Int) throws -> UInt64 {
        guard start >= 0 else { throw Self.corrupt("nil where a number was expected") }
        return try varint(start, end)
    }

    /// The value in `start..<end` (`start` -1: a nil slot, which only an optional accepts).
    func decode<T: Decodable>(_ type: T.Type, start: Int, end: Int) throws -> T {
        if T.self == String.self { return try string(start, end) as! T }
        if T.self == Int.self { return try integer(Int.self, start, end) as! T }
        if T.self == Bool.self { return try bool(start, end) as! T }
        if T.self == UInt64.self { return try uint64(start, end) as! T }
        if T.self == Data.self {
            guard start >= 0 else { throw Self.corrupt("nil where bytes were expected") }
            return Data(bytes[start..<end]) as! T
        }
        if T.self == Double.self { return try double(start, end) as! T }
        if T.self == Int64.self { return try integer(Int64.self, start, end) as! T }
        if T.self == Int32.self { return try integer(Int32.self, start, end) as! T }
        if T.self == UInt32.self { return try integer(UInt32.self, start, end) as! T }
        if T.self == UInt8.self { return try integer(UInt8.self, start, end) as! T }
        if T.self == UInt16.self { return try integer(UInt16.self, start, end) as! T }
        if T.self == Int16.self { return try integer(Int16.self, start, end) as! T }
        if T.self == Int8.self { return try integer(Int8.self, start, end) as! T }
        if T.self == UInt.self { return try integer(UInt.self, start, end) as! T }
        return try T(from: CompactValueDecoder(state: self, start: start, end: end))
    }
}

/// One value's decoder: three words, so it fits inline in `any Decoder`.
struct CompactValueDecoder: Decoder {
    let state: CompactDecodingState
    /// -1: the value is nil.
    let start: Int
    let end: Int
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { state.userInfo }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard start >= 0 else { throw CompactDecodingState.corrupt("nil where an object was expected") }
        return KeyedDecodingContainer(CompactKeyedDecoder<Key>(state: state, start: start, end: end))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard start >= 0 else { throw CompactDecodingState.corrupt("nil where a list was expected") }
        return CompactUnkeyedDecoder(state: state, position: start, end: end)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        CompactSingleDecoder(state: state, start: start, end: end)
    }
}

/// A keyed container: (key number, slot) entries in written order. Keys are
/// looked for from where the last one was found, so decoding in written order
/// (what synthesized conformances do) reads each entry once.
struct CompactKeyedDecoder<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let state: CompactDecodingState
    let start: Int
    let end: Int
    private let cursor = CompactCursor()
    var codingPath: [any CodingKey] { [] }

    init(state: CompactDecodingState, start: Int, end: Int) {
        self.state = state
        self.start = start
        self.end = end
        cursor.next = start
    }

    var allKeys: [Key] {
        var keys: [Key] = []
        var reader = CompactReader(bytes: state.bytes, position: start, end: end)
        while reader.position < end, let number = try? Int(reader.varint()), (try? reader.slot()) != nil {
            if state.keyNames.indices.contains(number), let key = Key(stringValue: state.keyNames[number]) { keys.append(key) }
        }
        return keys
    }

    /// The slot of `key`, or nil when the container has no such key.
    private func slot(_ key: Key) throws -> (start: Int, end: Int)? {
        let name = key.stringValue
        var reader = CompactReader(bytes: state.bytes, position: cursor.next, end: end)
        if reader.position < end {
            let number = Int(try reader.varint())
            let slot = try reader.slot()
            if number < state.keyNames.count, state.keyNames[number] == name {
                cursor.next = reader.position
                return slot
            }
        }
        reader.position = start
        while reader.position < end {
            let number = Int(try reader.varint())
            let slot = try reader.slot()
            if number < state.keyNames.count, state.keyNames[number] == name {
                cursor.next = reader.position
                return slot
            }
        }
        return nil
    }

    private func required(_ key: Key) throws -> (start: Int, end: Int) {
        guard let found = try slot(key) else {
            throw DecodingError.keyNotFound(key, .init(codingPath: [], debugDescription: "build cache: no value"))
        }
        return found
    }

    func contains(_ key: Key) -> Bool {
        (try? slot(key)) != nil
    }

    func decodeNil(forKey key: Key) throws -> Bool {
        guard let found = try slot(key) else { return true }
        return found.start < 0
    }

    func decode(_ type: String.Type, forKey key: Key) throws -> String {
        let slot = try required(key)
        return try state.string(slot.start, slot.end)
    }

    func decode(_ type: Int.Type, forKey key: Key) throws -> Int {
        let slot = try required(key)
        return try state.integer(Int.self, slot.start, slot.end)
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool {
        let slot = try required(key)
        return try state.bool(slot.start, slot.end)
    }

    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 {
        let slot = try required(key)
        return try state.uint64(slot.start, slot.end)
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        let slot = try required(key)
        return try state.decode(type, start: slot.start, end: slot.end)
    }

    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
        guard let slot = try slot(key), slot.start >= 0 else { return nil }
        return try state.string(slot.start, slot.end)
    }

    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? {
        guard let slot = try slot(key), slot.start >= 0 else { return nil }
        return try state.integer(Int.self, slot.start, slot.end)
    }

    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? {
        guard let slot = try slot(key), slot.start >= 0 else { return nil }
        return try state.bool(slot.start, slot.end)
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let slot = try slot(key), slot.start >= 0 else { return nil }
        return try state.decode(type, start: slot.start, end: slot.end)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        throw CompactDecodingState.corrupt("nested containers are not used by the cache's types")
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        throw CompactDecodingState.corrupt("nested containers are not used by the cache's types")
    }

    func superDecoder() throws -> any Decoder { throw CompactDecodingState.corrupt("superDecoder is not supported") }
    func superDecoder(forKey key: Key) throws -> any Decoder { throw CompactDecodingState.corrupt("superDecoder is not supported") }
}

/// Where the keyed decoder looks first (the container itself is a value).
final class CompactCursor {
    var next = 0
}

struct CompactUnkeyedDecoder: UnkeyedDecodingContainer {
    let state: CompactDecodingState
    var position: Int
    let end: Int
    var codingPath: [any CodingKey] { [] }
    var count: Int? { nil }
    var isAtEnd: Bool { position >= end }
    private(set) var currentIndex = 0

    init(state: CompactDecodingState, position: Int, end: Int) {
        self.state = state
        self.position = position
        self.end = end
    }

    private mutating func next() throws -> (start: Int, end: Int) {
        guard !isAtEnd else { throw CompactDecodingState.corrupt("a list ended early") }
        var reader = CompactReader(bytes: state.bytes, position: position, end: end)
        let slot = try reader.slot()
        position = reader.position
        currentIndex += 1
        return slot
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd else { throw CompactDecodingState.corrupt("a list ended early") }
        if state.bytes[position] == 0 {
            position += 1
            currentIndex += 1
            return true
        }
        return false
    }

    mutating func decode(_ type: String.Type) throws -> String {
        let slot = try next()
        return try state.string(slot.start, slot.end)
    }

    mutating func decode(_ type: Int.Type) throws -> Int {
        let slot = try next()
        return try state.integer(Int.self, slot.start, slot.end)
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let slot = try next()
        return try state.decode(type, start: slot.start, end: slot.end)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        throw CompactDecodingState.corrupt("nested containers are not used by the cache's types")
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        throw CompactDecodingState.corrupt("nested containers are not used by the cache's types")
    }

    mutating func superDecoder() throws -> any Decoder { throw CompactDecodingState.corrupt("superDecoder is not supported") }
}

struct CompactSingleDecoder: SingleValueDecodingContainer {
    let state: CompactDecodingState
    let start: Int
    let end: Int
    var codingPath: [any CodingKey] { [] }

    func decodeNil() -> Bool { start < 0 }

    func decode(_ type: String.Type) throws -> String { try state.string(start, end) }
    func decode(_ type: Int.Type) throws -> Int { try state.integer(Int.self, start, end) }
    func decode(_ type: Bool.Type) throws -> Bool { try state.bool(start, end) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try state.uint64(start, end) }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        guard start >= 0 else { throw CompactDecodingState.corrupt("nil where a value was expected") }
        return try state.decode(type, start: start, end: end)
    }
}
