/// One classified stretch of the input: `kind` is a Pygments short CSS class
/// (`k`, `s2`, `nf`, …, or a compound such as `p p-Indicator`); `start` and
/// `end` are UTF-8 offsets. Bytes no token covers are plain text.
public struct Token: Equatable, Sendable {
    public var kind: String
    public var start: Int
    public var end: Int
}

/// The cursor every lexer drives: the input as UTF-8 bytes, the position,
/// the tokens so far, and `work`, the number of bytes looked at. Lexers read
/// bytes only through `at(_:)` and the helpers built on it, so `work` bounds
/// their running time; the linearity tests assert it stays a small multiple
/// of the input length whatever the input.
final class Lexer {
    let s: [UInt8]
    var i = 0
    private(set) var tokens: [Token] = []
    var work = 0
    /// Nesting of recursive constructs (`$(`…`)` in Bash); lexers stop nesting past `maxDepth`.
    var depth = 0
    let maxDepth = 64
    /// How many lexers this one is embedded in (see `sublex`).
    var embedding = 0
    static let maxEmbedding = 6
    /// JavaScript: no regular-expression literal can start before this index (a failed scan reached it).
    var noRegexBefore = -1
    /// Markdown: the answer to the last search for a closing fence, (from, found or -1).
    var fenceSearch: (from: Int, found: Int)? = nil

    init(_ bytes: [UInt8]) { s = bytes }

    var count: Int { s.count }
    var atEnd: Bool { i >= s.count }

    /// The byte at `j`, or 0 past either end.
    @inline(__always) func at(_ j: Int) -> UInt8 {
        work += 1
        return j >= 0 && j < s.count ? s[j] : 0
    }

    /// The byte `k` positions after the cursor, or 0.
    @inline(__always) func peek(_ k: Int = 0) -> UInt8 { at(i + k) }

    /// Records `start..<end` as `kind`, merging with an adjacent token of the same kind.
    func emit(_ kind: String, _ start: Int, _ end: Int) {
        guard end > start, !kind.isEmpty else { return }
        if let last = tokens.last, last.kind == kind, last.end == start {
            tokens[tokens.count - 1].end = end
        } else {
            tokens.append(Token(kind: kind, start: start, end: end))
        }
    }

    /// Merges `more` (sorted, not overlapping the tokens so far) into the tokens, in one pass.
    func insert(_ more: [Token]) {
        guard !more.isEmpty else { return }
        var merged: [Token] = []
        merged.reserveCapacity(tokens.count + more.count)
        var a = 0, b = 0
        while a < tokens.count || b < more.count {
            if b == more.count || (a < tokens.count && tokens[a].start <= more[b].start) {
                merged.append(tokens[a]); a += 1
            } else {
                merged.append(more[b]); b += 1
            }
        }
        tokens = merged
    }

    /// Emits from `start` to the cursor.
    func emit(_ kind: String, from start: Int) { emit(kind, start, i) }

    /// Emits the next `n` bytes and moves past them.
    func take(_ kind: String, _ n: Int = 1) {
        let end = min(i + n, s.count)
        emit(kind, i, end)
        i = end
    }

    /// Moves the cursor while `p` holds; returns how far it moved.
    @discardableResult
    func skip(while p: (UInt8) -> Bool) -> Int {
        let start = i
        while i < s.count, p(at(i)) { i += 1 }
        return i - start
    }

    /// The first index at or after `j` whose byte fails `p` (the cursor does not move).
    func scan(from j: Int, while p: (UInt8) -> Bool) -> Int {
        var k = j
        while k < s.count, p(at(k)) { k += 1 }
        return k
    }

    /// Whether `literal` occurs at `j`.
    func matches(_ literal: String, at j: Int) -> Bool {
        var k = j
        for b in literal.utf8 {
            guard at(k) == b else { return false }
            k += 1
        }
        return true
    }

    func matches(_ literal: String) -> Bool { matches(literal, at: i) }

    /// Whether `literal` occurs at `j`, ASCII case ignored.
    func matchesIgnoringCase(_ literal: String, at j: Int) -> Bool {
        var k = j
        for b in literal.utf8 {
            guard lowered(at(k)) == lowered(b) else { return false }
            k += 1
        }
        return true
    }

    /// The text of `start..<end`.
    func text(_ start: Int, _ end: Int) -> String {
        String(decoding: s[max(0, start)..<min(end, s.count)], as: UTF8.self)
    }

    /// Index of the end of the line containing `j` (the `\n` itself, or the input's end).
    func lineEnd(from j: Int) -> Int { scan(from: j) { $0 != 10 } }

    /// Emits up to (not including) the end of line as `kind`.
    func restOfLine(_ kind: String) {
        let start = i
        i = lineEnd(from: i)
        emit(kind, from: start)
    }

    /// Consumes up to and including `close` (or to the end) as `kind`.
    func until(_ close: String, _ kind: String) {
        let start = i
        let first = close.utf8.first!
        while i < s.count {
            if at(i) == first, matches(close, at: i) {
                i += close.utf8.count
                break
            }
            i += 1
        }
        emit(kind, from: start)
    }

    /// Index after the identifier starting at `j` (`j` if there is none).
    func identifierEnd(from j: Int, extra: UInt8 = 0, extra2: UInt8 = 0) -> Int {
        guard isIdentStart(at(j)) || (extra != 0 && at(j) == extra) else { return j }
        return scan(from: j + 1) { isIdent($0) || (extra != 0 && $0 == extra) || (extra2 != 0 && $0 == extra2) }
    }

    /// Index of the first byte at or after `j` that is not a space or tab.
    func skipBlanks(from j: Int) -> Int { scan(from: j) { $0 == 32 || $0 == 9 } }

    /// Index of the first byte at or after `j` that is not whitespace.
    func skipSpace(from j: Int) -> Int { scan(from: j, while: isSpace) }

    /// Whether the cursor is at the start of a line.
    var atLineStart: Bool { i == 0 || at(i - 1) == 10 }
}

@inline(__always) func lowered(_ b: UInt8) -> UInt8 { b >= 65 && b <= 90 ? b + 32 : b }
@inline(__always) func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
@inline(__always) func isHex(_ b: UInt8) -> Bool { isDigit(b) || (b | 32 >= 97 && b | 32 <= 102) }
@inline(__always) func isAlpha(_ b: UInt8) -> Bool { (b | 32) >= 97 && (b | 32) <= 122 }
/// Letters, `_` and any non-ASCII byte (so identifiers in any script stay whole).
@inline(__always) func isIdentStart(_ b: UInt8) -> Bool { isAlpha(b) || b == 95 || b >= 0x80 }
@inline(__always) func isIdent(_ b: UInt8) -> Bool { isIdentStart(b) || isDigit(b) }
@inline(__always) func isSpace(_ b: UInt8) -> Bool { b == 32 || b == 9 || b == 10 || b == 13 || b == 12 || b == 11 }
@inline(__always) func isBlank(_ b: UInt8) -> Bool { b == 32 || b == 9 }

extension Set where Element == String {
    init(words: String) { self.init(words.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)) }
}

/// Forward searches over `lx` up to `end` that remember their answers, so that
/// asking again from a later position costs nothing until the answer is
/// passed: total scanning per key stays linear however many openers there are.
struct ForwardSearch {
    let lx: Lexer
    let end: Int
    private var found: [Int: Int] = [:]

    init(_ lx: Lexer, end: Int) {
        self.lx = lx
        self.end = end
    }

    /// The first index at or after `k` where `match` holds, before `end`.
    mutating func next(_ key: Int, from k: Int, _ match: (Int) -> Bool) -> Int? {
        if let f = found[key], f >= k { return f < end ? f : nil }
        var j = k
        while j < end, !match(j) { j += 1 }
        found[key] = j
        return j < end ? j : nil
    }

    /// The first index at or after `k` holding `byte`.
    mutating func next(_ byte: UInt8, from k: Int) -> Int? {
        let lx = self.lx
        return next(Int(byte), from: k) { lx.at($0) == byte }
    }

    /// The first index at or after `k` where `byte` occurs twice in a row.
    mutating func nextPair(_ byte: UInt8, from k: Int) -> Int? {
        let lx = self.lx
        return next(256 + Int(byte), from: k) { lx.at($0) == byte && lx.at($0 + 1) == byte }
    }
}
