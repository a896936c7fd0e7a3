/// A position in a source file: 1-based line and column.
///
/// Columns count Unicode scalars from the start of the line, so a caret drawn
/// under a line lands on the right character for ordinary text.
public struct SourceLocation: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }

    public var description: String { "\(line):\(column)" }
}

/// A half-open span `start ..< end` in one source file.
public struct SourceRange: Hashable, Sendable, Codable, CustomStringConvertible {
    public var start: SourceLocation
    public var end: SourceLocation

    public init(start: SourceLocation, end: SourceLocation) {
        self.start = start
        self.end = end
    }

    /// A range covering a single point.
    public init(line: Int, column: Int = 1, length: Int = 0) {
        start = SourceLocation(line: line, column: column)
        end = SourceLocation(line: line, column: column + length)
    }

    public var description: String { "\(start)-\(end)" }
}

/// The text of one input file, with line lookup for diagnostics.
public final class SourceFile: Sendable, Hashable {
    /// Path as shown to the user (relative to the working directory when possible).
    public let path: String
    public let text: String
    /// Offsets (in UTF-8 bytes) of the start of each line.
    let lineStarts: [Int]

    /// A file whose line table is known already (read back from the build cache).
    package init(path: String, text: String, lineStarts: [Int]) {
        self.path = path
        self.text = text
        self.lineStarts = lineStarts
    }

    public init(path: String, text: String) {
        self.path = path
        self.text = text
        var starts = [0]
        var offset = 0
        var previousWasCR = false
        for byte in text.utf8 {
            offset += 1
            if byte == UInt8(ascii: "\n") {
                starts.append(offset)
                previousWasCR = false
            } else {
                if previousWasCR { starts.append(offset - 1) }
                previousWasCR = byte == UInt8(ascii: "\r")
            }
        }
        if previousWasCR { starts.append(offset) }
        lineStarts = starts
    }

    public var lineCount: Int { lineStarts.count }

    /// The text of a 1-based line without its line terminator, or nil when out of range.
    public func line(_ number: Int) -> String? {
        guard number >= 1, number <= lineStarts.count else { return nil }
        let utf8 = Array(text.utf8)
        let start = lineStarts[number - 1]
        var end = number < lineStarts.count ? lineStarts[number] : utf8.count
        while end > start, utf8[end - 1] == UInt8(ascii: "\n") || utf8[end - 1] == UInt8(ascii: "\r") {
            end -= 1
        }
        return String(decoding: utf8[start..<end], as: UTF8.self)
    }

    /// Two values are the same file when they are one object, or hold the same path and text
    /// (a file read back from the build cache is a new object).
    public static func == (a: SourceFile, b: SourceFile) -> Bool {
        a === b || (a.path == b.path && a.lineStarts == b.lineStarts && a.text == b.text)
    }
    public func hash(into hasher: inout Hasher) { hasher.combine(path) }

    /// A copy of `other` (shares its text and line table; nothing is recomputed).
    public init(copying other: SourceFile) {
        path = other.path
        text = other.text
        lineStarts = other.lineStarts
    }
}
