/// A hand-written binary form for the values an incremental build keeps for
/// every page (its targets, inputs, fingerprints, search text …): a build
/// after a one-page edit reads all of them, and `Codable` through a generic
/// decoder costs several microseconds per value there, this a few
/// nanoseconds. Numbers are varints (signed ones zigzagged), strings and
/// byte runs are length-prefixed, optionals a 0/1 flag before the value,
/// lists a count before their elements; a `SourceFile` is its number in the
/// record's ``SourceFileTable``. Each type writes its stored properties in
/// declaration order.
///
/// A property added to a type must be added to its `write(to:)` and
/// `init(from:)` too: `RecordCodingTests` compares every cached value with
/// its round trip through this form (by their `Codable` encodings), so a
/// property left out fails there.
package protocol RecordCodable {
    init(from reader: inout RecordReader) throws
    func write(to writer: inout RecordWriter)
}

package struct RecordCodingError: Error, CustomStringConvertible {
    package var description: String
    @inlinable package init(_ description: String) { self.description = "build cache: " + description }
}

package struct RecordWriter {
    @usableFromInline package var bytes: [UInt8] = []
    @usableFromInline package let files: SourceFileTable

    @inlinable package init(files: SourceFileTable) {
        self.files = files
    }

    @inlinable package mutating func write(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    @inlinable package mutating func write(_ value: Int) {
        let wide = Int64(value)
        write(UInt64(bitPattern: (wide << 1) ^ (wide >> 63)))
    }

    @inlinable package mutating func write(_ value: Bool) { bytes.append(value ? 1 : 0) }

    /// How many elements follow (``RecordReader/count()`` reads it).
    @inlinable package mutating func writeCount(_ count: Int) { write(UInt64(count)) }

    @inlinable package mutating func write(_ value: String) {
        var copy = value
        copy.withUTF8 { utf8 in
            write(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    @inlinable package mutating func write(bytes run: some Collection<UInt8>) {
        write(UInt64(run.count))
        bytes.append(contentsOf: run)
    }

    /// Bytes as they are, without a length.
    @inlinable package mutating func append(raw run: some Collection<UInt8>) {
        bytes.append(contentsOf: run)
    }

    @inlinable package mutating func write(_ file: SourceFile) { write(files.number(of: file)) }

    @inlinable package mutating func write<T: RecordCodable>(_ value: T) { value.write(to: &self) }

    @inlinable package mutating func write(_ value: String?) {
        write(value != nil)
        if let value { write(value) }
    }

    @inlinable package mutating func write(_ value: SourceFile?) {
        write(value != nil)
        if let value { write(value) }
    }

    @inlinable package mutating func write<T: RecordCodable>(_ value: T?) {
        write(value != nil)
        if let value { value.write(to: &self) }
    }

    @inlinable package mutating func write(_ values: [String]) {
        writeCount(values.count)
        for value in values { write(value) }
    }

    @inlinable package mutating func write(_ values: [SourceFile]) {
        writeCount(values.count)
        for value in values { write(value) }
    }

    @inlinable @inline(__always) package mutating func write<T: RecordCodable>(_ values: [T]) {
        writeCount(values.count)
        for value in values { value.write(to: &self) }
    }

    /// Sorted by key, so equal dictionaries give equal bytes.
    @inlinable package mutating func write(_ values: [String: String]) {
        writeCount(values.count)
        for key in values.keys.sorted() {
            write(key)
            write(values[key]!)
        }
    }

    @inlinable package mutating func write(_ values: Set<String>) {
        write(values.sorted())
    }
}

package struct RecordReader {
    @usableFromInline package let bytes: [UInt8]
    @usableFromInline package var position: Int
    /// Where the records end (`bytes.count`, or the end of one record inside a larger buffer).
    @usableFromInline package let end: Int
    @usableFromInline package let files: SourceFileTable

    @inlinable package init(bytes: [UInt8], files: SourceFileTable) {
        self.init(bytes: bytes, range: 0..<bytes.count, files: files)
    }

    /// Reads the records in `range` of `bytes` (no copy of them is made).
    @inlinable package init(bytes: [UInt8], range: Range<Int>, files: SourceFileTable) {
        self.bytes = bytes
        position = range.lowerBound
        end = range.upperBound
        self.files = files
    }

    @inlinable package var isAtEnd: Bool { position >= end }

    @inlinable package mutating func uint64() throws -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < end, shift < 64 else { throw RecordCodingError("a number runs past the record") }
            let byte = bytes[position]
            position += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return result }
            shift += 7
        }
    }

    @inlinable package mutating func int() throws -> Int {
        let raw = try uint64()
        return Int(truncatingIfNeeded: Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1))
    }

    @inlinable package mutating func bool() throws -> Bool {
        guard position < end else { throw RecordCodingError("a flag runs past the record") }
        defer { position += 1 }
        switch bytes[position] {
        case 0: return false
        case 1: return true
        default: throw RecordCodingError("a flag that is neither 0 nor 1")
        }
    }

    /// A count of things that each take at least one byte (so a damaged count cannot ask for more).
    @inlinable package mutating func count() throws -> Int {
        let count = try uint64()
        guard count <= UInt64(end - position) else { throw RecordCodingError("a list longer than the record") }
        return Int(count)
    }

    @inlinable package mutating func bytesRun() throws -> [UInt8] {
        let length = try count()
        defer { position += length }
        return Array(bytes[position..<position + length])
    }

    @inlinable package mutating func string() throws -> String {
        let length = try count()
        defer { position += length }
        return bytes.withUnsafeBufferPointer {
            String(decoding: UnsafeBufferPointer(rebasing: $0[position..<position + length]), as: UTF8.self)
        }
    }

    @inlinable package mutating func file() throws -> SourceFile {
        let number = try int()
        guard let file = files.file(numbered: number) else { throw RecordCodingError("no source file numbered \(number)") }
        return file
    }

    @inlinable @inline(__always) package mutating func read<T: RecordCodable>(_ type: T.Type = T.self) throws -> T { try T(from: &self) }

    @inlinable package mutating func optionalString() throws -> String? { try bool() ? try string() : nil }
    @inlinable package mutating func optionalFile() throws -> SourceFile? { try bool() ? try file() : nil }
    @inlinable @inline(__always) package mutating func optional<T: RecordCodable>(_ type: T.Type = T.self) throws -> T? {
        try bool() ? try T(from: &self) : nil
    }

    @inlinable package mutating func strings() throws -> [String] {
        let count = try count()
        if count == 0 { return [] }
        var values: [String] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try string()) }
        return values
    }

    @inlinable package mutating func sourceFiles() throws -> [SourceFile] {
        let count = try count()
        var values: [SourceFile] = []
        for _ in 0..<count { values.append(try file()) }
        return values
    }

    @inlinable @inline(__always) package mutating func array<T: RecordCodable>(_ type: T.Type = T.self) throws -> [T] {
        let count = try count()
        if count == 0 { return [] }
        var values: [T] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try T(from: &self)) }
        return values
    }

    @inlinable package mutating func stringDictionary() throws -> [String: String] {
        let count = try count()
        if count == 0 { return [:] }
        var values: [String: String] = [:]
        values.reserveCapacity(count)
        for _ in 0..<count {
            let key = try string()
            values[key] = try string()
        }
        return values
    }

    @inlinable package mutating func stringSet() throws -> Set<String> {
        let strings = try strings()
        return strings.isEmpty ? [] : Set(strings)
    }
}

/// A file itself (not its number in a table): its path, its text and its line table
/// (as gaps), so reading it back does not scan the text for lines again.
extension SourceFile: RecordCodable {
    package convenience init(from reader: inout RecordReader) throws {
        let path = try reader.string(), text = try reader.string()
        let count = try reader.count()
        var starts: [Int] = []
        starts.reserveCapacity(count)
        var offset = 0
        for _ in 0..<count {
            offset += Int(try reader.uint64())
            starts.append(offset)
        }
        guard starts.first == 0, offset <= text.utf8.count else { throw RecordCodingError("a line table that does not fit its text") }
        self.init(path: path, text: text, lineStarts: starts)
    }

    package func write(to writer: inout RecordWriter) {
        writer.write(path)
        writer.write(text)
        writer.writeCount(lineStarts.count)
        var previous = 0
        for start in lineStarts {
            writer.write(UInt64(start - previous))
            previous = start
        }
    }
}

extension SourceLocation: RecordCodable {
    package init(from reader: inout RecordReader) throws {
        self.init(line: try reader.int(), column: try reader.int())
    }

    package func write(to writer: inout RecordWriter) {
        writer.write(line)
        writer.write(column)
    }
}

extension SourceRange: RecordCodable {
    package init(from reader: inout RecordReader) throws {
        self.init(start: try reader.read(), end: try reader.read())
    }

    package func write(to writer: inout RecordWriter) {
        writer.write(start)
        writer.write(end)
    }
}

extension Severity: RecordCodable {
    package init(from reader: inout RecordReader) throws {
        let raw = try reader.int()
        guard let severity = Severity(rawValue: raw) else { throw RecordCodingError("no severity \(raw)") }
        self = severity
    }

    package func write(to writer: inout RecordWriter) { writer.write(rawValue) }
}

extension Diagnostic.Note: RecordCodable {
    package init(from reader: inout RecordReader) throws {
        self.init(try reader.string(), file: try reader.optionalFile(), range: try reader.optional())
    }

    package func write(to writer: inout RecordWriter) {
        writer.write(message)
        writer.write(file)
        writer.write(range)
    }
}

extension Diagnostic: RecordCodable {
    package init(from reader: inout RecordReader) throws {
        self.init(id: try reader.string(), severity: try reader.read(), message: try reader.string(),
                  file: try reader.optionalFile(), range: try reader.optional(), notes: try reader.array(),
                  suggestions: try reader.strings())
    }

    package func write(to writer: inout RecordWriter) {
        writer.write(id)
        writer.write(severity)
        writer.write(message)
        writer.write(file)
        writer.write(range)
        writer.write(notes)
        writer.write(suggestions)
    }
}

extension AttributeValue: RecordCodable {
    package init(from reader: inout RecordReader) throws {
        switch try reader.int() {
        case 0: self = .string(try reader.string())
        case 1: self = .list(try reader.strings())
        case 2: self = .int(try reader.int())
        case 3: self = .bool(try reader.bool())
        case let other: throw RecordCodingError("no attribute value of kind \(other)")
        }
    }

    package func write(to writer: inout RecordWriter) {
        switch self {
        case .string(let value): writer.write(0); writer.write(value)
        case .list(let value): writer.write(1); writer.write(value)
        case .int(let value): writer.write(2); writer.write(value)
        case .bool(let value): writer.write(3); writer.write(value)
        }
    }
}

extension Node: RecordCodable {
    package init(from reader: inout RecordReader) throws {
        self.init(NodeKind(rawValue: try reader.string()))
        text = try reader.string()
        range = try reader.optional()
        let count = try reader.count()
        if count > 0 {
            attributes.reserveCapacity(count)
            for _ in 0..<count {
                let name = try reader.string()
                attributes[name] = try reader.read(AttributeValue.self)
            }
        }
        children = try reader.array()
    }

    package func write(to writer: inout RecordWriter) {
        writer.write(kind.rawValue)
        writer.write(text)
        writer.write(range)
        writer.writeCount(attributes.count)
        for name in attributes.keys.sorted() {
            writer.write(name)
            writer.write(attributes[name]!)
        }
        writer.write(children)
    }
}

extension Document: RecordCodable {
    package init(from reader: inout RecordReader) throws {
        self.init(name: try reader.string(), source: try reader.file(), root: try reader.read(),
                  diagnostics: try reader.array(), metadata: try reader.stringDictionary())
        includedFiles = try reader.sourceFiles()
    }

    package func write(to writer: inout RecordWriter) {
        writer.write(name)
        writer.write(source)
        writer.write(root)
        writer.write(diagnostics)
        writer.write(metadata)
        writer.write(includedFiles)
    }
}
