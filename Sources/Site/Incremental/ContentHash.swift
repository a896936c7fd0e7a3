import Foundation

/// A 64-bit fingerprint of content (file bytes, a tree, a set of keys). The
/// cache compares these, never modification times, so it is portable between
/// machines and checkouts. Not cryptographic: it guards against accidental
/// change, not against an adversary.
struct ContentHash: Hashable, Sendable, Codable, CustomStringConvertible {
    var value: UInt64

    init(from decoder: any Decoder) throws {
        value = try decoder.singleValueContainer().decode(UInt64.self)
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }

    /// The fingerprint of raw bytes.
    init(bytes: some Sequence<UInt8>) {
        var hasher = ContentHasher()
        hasher.add(bytes: Array(bytes))
        self = hasher.finish()
    }

    init(value: UInt64) { self.value = value }

    var description: String { String(value, radix: 16) }
}

/// Accumulates a ``ContentHash``: 8 bytes at a time, multiply-rotate mixing and
/// a final avalanche (the splitmix64 finaliser). Every `add` is length-prefixed,
/// so `("ab", "c")` and `("a", "bc")` differ.
struct ContentHasher {
    private var state: UInt64 = 0x243F_6A88_85A3_08D3

    init() {}

    private mutating func mix(_ word: UInt64) {
        state = ((state ^ word) &* 0x9E37_79B9_7F4A_7C15)
        state = (state << 31) | (state >> 33)
    }

    mutating func add(bytes: [UInt8]) {
        bytes.withUnsafeBytes { add(raw: $0) }
    }

    mutating func add(raw buffer: UnsafeRawBufferPointer) {
        mix(UInt64(buffer.count))
        var offset = 0
        let count = buffer.count
        while offset + 8 <= count {
            mix(buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while offset < count {
            tail |= UInt64(buffer[offset]) << shift
            shift += 8
            offset += 1
        }
        mix(tail ^ 0xFF)
    }

    mutating func add(_ string: String) {
        var copy = string
        copy.withUTF8 { add(raw: UnsafeRawBufferPointer($0)) }
    }

    mutating func add(_ number: Int) { mix(UInt64(bitPattern: Int64(number))) }

    mutating func add(_ flag: Bool) { mix(flag ? 1 : 2) }

    mutating func add(_ hash: ContentHash) { mix(hash.value) }

    mutating func add(_ hash: ContentHash?) {
        if let hash { mix(hash.value) } else { mix(0x5bd1_e995) }
    }

    mutating func add(_ string: String?) {
        if let string { add(true); add(string) } else { add(false) }
    }

    func finish() -> ContentHash {
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return ContentHash(value: z ^ (z >> 31))
    }

    /// The fingerprint of the values `body` adds.
    static func hash(_ body: (inout ContentHasher) -> Void) -> ContentHash {
        var hasher = ContentHasher()
        body(&hasher)
        return hasher.finish()
    }
}
