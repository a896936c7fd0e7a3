import Foundation

/// Reads what ``CompactEncoder`` wrote.
struct CompactDecoder {
    var userInfo: [CodingUserInfoKey: Any] = [:]

    func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        let bytes = [UInt8](data)
        var reader = CompactReader(bytes: bytes, position: 0, end: bytes.count)
        var names: [String] = []
        let count = try reader.varint()
        for _ in 0..<count {
            let length = Int(try reader.varint())
            names.append(try reader.string(length))
        }
        var numbers: [String: Int] = [:]
        for (i, name) in names.enumerated() { numbers[name] = i }
        let state = CompactDecodingState(bytes: bytes, keyNames: names, keyNumbers: numbers, userInfo: userInfo)
        return try state.decode(type, start: reader.position, end: bytes.count, codingPath: [])
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
        return String(decoding: bytes[position..<position + length], as: UTF8.self)
    }

    /// The next slot: nil for a nil value, else its byte range.
    mutating func slot() throws -> Range<Int>? {
        let length = try varint()
        if length == 0 { return nil }
        let start = position
        let stop = start + Int(length - 1)
        guard stop <= end else { throw CompactDecodingState.corrupt("a value runs past its container") }
        position = stop
        return start..<stop
    }
}

final class CompactDecodingState {
    let bytes: [UInt8]
    let keyNames: [String]
    let keyNumbers: [String: Int]
    let userInfo: [CodingUserInfoKey: Any]

    init(bytes: [UInt8], keyNames: [String], keyNumbers: [String: Int], userInfo: [CodingUserInfoKey: Any]) {
        self.bytes = bytes
        self.keyNames = keyNames
        self.keyNumbers = keyNumbers
        self.userInfo = userInfo
    }

    static func corrupt(_ message: String) -> DecodingError {
        .dataCorrupted(.init(codingPath: [], debugDescription: "build cache: " + message))
    }

    func decode<T: Decodable>(_ type: T.Type, start: Int, end: Int, codingPath: [any CodingKey]) throws -> T {
        switch type {
        case is String.Type:
            return String(decoding: bytes[start..<end], as: UTF8.self) as! T
        case is Data.Type:
            return Data(bytes[start..<end]) as! T
        case is UInt64.Type:
            var reader = CompactReader(bytes: bytes, position: start, end: end)
            return try reader.varint() as! T
        case let integer as any BinaryInteger.Type:
            var reader = CompactReader(bytes: bytes, position: start, end: end)
            let value = CompactWire.unzigzag(try reader.varint())
            guard let converted = integer.init(exactly: value) else { throw Self.corrupt("a number out of range") }
            return converted as! T
        case is Double.Type:
            var reader = CompactReader(bytes: bytes, position: start, end: end)
            return Double(bitPattern: try reader.varint()) as! T
        case is Bool.Type:
            guard start < end else { throw Self.corrupt("an empty flag") }
            return (bytes[start] != 0) as! T
        default:
            return try T(from: CompactValueDecoder(state: self, range: start..<end, codingPath: codingPath))
        }
    }

    func decode<T: Decodable>(_ type: T.Type, slot: Range<Int>?, codingPath: [any CodingKey]) throws -> T {
        guard let slot else {
            return try T(from: CompactValueDecoder(state: self, range: nil, codingPath: codingPath))
        }
        return try decode(type, start: slot.lowerBound, end: slot.upperBound, codingPath: codingPath)
    }
}

struct CompactValueDecoder: Decoder {
    let state: CompactDecodingState
    /// nil: the value is nil.
    let range: Range<Int>?
    var codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { state.userInfo }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard let range else { throw CompactDecodingState.corrupt("nil where an object was expected") }
        return KeyedDecodingContainer(try CompactKeyedDecoder<Key>(state: state, range: range, codingPath: codingPath))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard let range else { throw CompactDecodingState.corrupt("nil where a list was expected") }
        return CompactUnkeyedDecoder(state: state, reader: CompactReader(bytes: state.bytes, position: range.lowerBound,
                                                                         end: range.upperBound), codingPath: codingPath)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        CompactSingleDecoder(state: state, range: range, codingPath: codingPath)
    }
}

struct CompactKeyedDecoder<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let state: CompactDecodingState
    var codingPath: [any CodingKey]
    /// (key number, slot) in written order.
    private let entries: [(Int, Range<Int>?)]
    private let cursor = CompactCursor()

    init(state: CompactDecodingState, range: Range<Int>, codingPath: [any CodingKey]) throws {
        self.state = state
        self.codingPath = codingPath
        var reader = CompactReader(bytes: state.bytes, position: range.lowerBound, end: range.upperBound)
        var entries: [(Int, Range<Int>?)] = []
        while reader.position < reader.end {
            let key = Int(try reader.varint())
            entries.append((key, try reader.slot()))
        }
        self.entries = entries
    }

    var allKeys: [Key] {
        entries.compactMap { state.keyNames.indices.contains($0.0) ? Key(stringValue: state.keyNames[$0.0]) : nil }
    }

    /// The entry for `key`: the next one in written order, else found by search.
    private func entry(_ key: Key) -> (Int, Range<Int>?)? {
        guard let number = state.keyNumbers[key.stringValue] else { return nil }
        if cursor.next < entries.count, entries[cursor.next].0 == number {
            defer { cursor.next += 1 }
            return entries[cursor.next]
        }
        return entries.first { $0.0 == number }
    }

    func contains(_ key: Key) -> Bool {
        guard let number = state.keyNumbers[key.stringValue] else { return false }
        return entries.contains { $0.0 == number }
    }

    func decodeNil(forKey key: Key) throws -> Bool {
        guard let number = state.keyNumbers[key.stringValue],
              let found = entries.first(where: { $0.0 == number }) else { return true }
        return found.1 == nil
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        guard let found = entry(key) else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "build cache: no value"))
        }
        return try state.decode(type, slot: found.1, codingPath: codingPath + [key])
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let found = entry(key), let slot = found.1 else { return nil }
        return try state.decode(type, start: slot.lowerBound, end: slot.upperBound, codingPath: codingPath + [key])
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

/// The keyed decoder's position in written order (the container itself is a value).
final class CompactCursor {
    var next = 0
}

struct CompactUnkeyedDecoder: UnkeyedDecodingContainer {
    let state: CompactDecodingState
    var reader: CompactReader
    var codingPath: [any CodingKey]
    var count: Int? { nil }
    var isAtEnd: Bool { reader.position >= reader.end }
    private(set) var currentIndex = 0

    init(state: CompactDecodingState, reader: CompactReader, codingPath: [any CodingKey]) {
        self.state = state
        self.reader = reader
        self.codingPath = codingPath
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd else { throw CompactDecodingState.corrupt("a list ended early") }
        if state.bytes[reader.position] == 0 {
            reader.position += 1
            currentIndex += 1
            return true
        }
        return false
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        guard !isAtEnd else { throw CompactDecodingState.corrupt("a list ended early") }
        let slot = try reader.slot()
        currentIndex += 1
        return try state.decode(type, slot: slot, codingPath: codingPath)
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
    let range: Range<Int>?
    var codingPath: [any CodingKey]

    func decodeNil() -> Bool { range == nil }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        guard let range else { throw CompactDecodingState.corrupt("nil where a value was expected") }
        return try state.decode(type, start: range.lowerBound, end: range.upperBound, codingPath: codingPath)
    }
}
