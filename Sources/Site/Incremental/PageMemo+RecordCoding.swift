import CrossRef
import DocTree
import Foundation

// The build cache's hand-written form of the page records (see ``RecordCodable``):
// every build after an edit reads the records of every page.

// Eight bytes as they are (little-endian), not a varint: a hash is as likely to need all
// 64 bits as not, and the records hold several per page.
extension ContentHash: RecordCodable {
    @inline(__always) package init(from reader: inout RecordReader) throws {
        guard reader.end - reader.position >= 8 else { throw RecordCodingError("a fingerprint runs past the record") }
        let position = reader.position
        let raw = reader.bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: position, as: UInt64.self) }
        reader.position += 8
        self.init(value: UInt64(littleEndian: raw))
    }

    @inline(__always) package func write(to writer: inout RecordWriter) {
        withUnsafeBytes(of: value.littleEndian) { writer.bytes.append(contentsOf: $0) }
    }
}

extension PageSource: RecordCodable {
    package init(from reader: inout RecordReader) throws {
        let path = try reader.string(), name = try reader.string(), raw = try reader.string()
        guard let markup = Markup(rawValue: raw) else { throw RecordCodingError("no markup '\(raw)'") }
        self.init(relativePath: path, name: name, markup: markup)
    }

    package func write(to writer: inout RecordWriter) {
        writer.write(relativePath)
        writer.write(name)
        writer.write(markup.rawValue)
    }
}

extension RecordedInput: RecordCodable {
    package init(from reader: inout RecordReader) throws {
        let raw = try reader.string()
        guard let kind = Kind(rawValue: raw) else { throw RecordCodingError("no input kind '\(raw)'") }
        self.init(kind: kind, name: try reader.string(), state: try reader.read())
    }

    package func write(to writer: inout RecordWriter) {
        writer.write(kind.rawValue)
        writer.write(name)
        writer.write(state)
    }
}

extension ResolveDependencies: RecordCodable {
    package init(from reader: inout RecordReader) throws {
        self.init()
        keys = try reader.stringSet()
        titles = try reader.bool()
        documents = try reader.bool()
        numbers = try reader.bool()
        everything = try reader.bool()
        hasReferences = try reader.bool()
    }

    package func write(to writer: inout RecordWriter) {
        writer.write(keys)
        writer.write(titles)
        writer.write(documents)
        writer.write(numbers)
        writer.write(everything)
        writer.write(hasReferences)
    }
}

extension Numbering.Item: RecordCodable {
    package init(from reader: inout RecordReader) throws {
        let kind = try reader.string(), id = try reader.string()
        self.init(kind: kind, id: id, aliases: try reader.bool() ? try reader.strings() : nil)
    }

    package func write(to writer: inout RecordWriter) {
        writer.write(kind)
        writer.write(id)
        writer.write(aliases != nil)
        if let aliases { writer.write(aliases) }
    }
}

extension SearchSection: RecordCodable {
    package init(from reader: inout RecordReader) throws {
        self.init(anchor: try reader.string(), heading: try reader.string(), text: try reader.string())
    }

    package func write(to writer: inout RecordWriter) {
        writer.write(anchor)
        writer.write(heading)
        writer.write(text)
    }
}

extension RawIndexEntry: RecordCodable {
    package init(from reader: inout RecordReader) throws {
        self.init(text: try reader.string(), document: try reader.string(), anchor: try reader.string())
    }

    package func write(to writer: inout RecordWriter) {
        writer.write(text)
        writer.write(document)
        writer.write(anchor)
    }
}

extension Asset: RecordCodable {
    package init(from reader: inout RecordReader) throws {
        self.init(source: try reader.string(), destination: try reader.string())
    }

    package func write(to writer: inout RecordWriter) {
        writer.write(source)
        writer.write(destination)
    }
}

extension ResolvedPage: RecordCodable {
    package init(from reader: inout RecordReader) throws {
        self.init(name: try reader.string(), title: try reader.optionalString(), source: try reader.file(),
                  body: try reader.string(), searchSections: try reader.array(), indexEntries: try reader.array(),
                  diagnostics: try reader.array(), referencesChecked: try reader.int(), assets: try reader.array())
    }

    package func write(to writer: inout RecordWriter) {
        writer.write(name)
        writer.write(title)
        writer.write(source)
        writer.write(body)
        writer.write(searchSections)
        writer.write(indexEntries)
        writer.write(diagnostics)
        writer.write(referencesChecked)
        writer.write(assets)
    }
}

extension RecordWriter {
    /// Sorted by key, so equal dictionaries give equal bytes.
    mutating func write(_ values: [String: ContentHash]) {
        writeCount(values.count)
        for key in values.keys.sorted() {
            write(key)
            write(values[key]!)
        }
    }
}

extension RecordReader {
    mutating func hashes() throws -> [String: ContentHash] {
        let count = try count()
        if count == 0 { return [:] }
        var values: [String: ContentHash] = [:]
        values.reserveCapacity(count)
        for _ in 0..<count {
            let key = try string()
            values[key] = try read(ContentHash.self)
        }
        return values
    }
}

extension RenderKey: RecordCodable {
    package init(from reader: inout RecordReader) throws {
        self.init(content: try reader.read(), sections: try reader.read(), indexLinks: try reader.read(),
                  navigation: try reader.read(), configuration: try reader.read(), theme: try reader.read())
    }

    package func write(to writer: inout RecordWriter) {
        for part in parts { writer.write(part) }
    }
}

extension RenderRecord: RecordCodable {
    package init(from reader: inout RecordReader) throws {
        self.init(key: try reader.read(), html: try reader.read())
    }

    package func write(to writer: inout RecordWriter) {
        writer.write(key)
        writer.write(html)
    }
}

extension ReadRecord {
    /// Its tree stays in `store` (``storedTree``) until ``withTree()``.
    init(from reader: inout RecordReader, store: BlobStore) throws {
        self.init(source: try reader.read(), title: try reader.optionalString(), document: try reader.read(),
                  targets: try reader.read(), inputs: try reader.array(), configKey: try reader.read(),
                  treeHash: try reader.read(), tocNodes: try reader.array(), numbered: try reader.array(),
                  dependencies: try reader.read(),
                  storedTree: StoredBlob(store: store, name: try reader.read()), treeLoaded: false)
    }

    /// Only once ``CachedPage`` has put the tree into the blob folder (``storedTree``); the tree itself is left out.
    func write(to writer: inout RecordWriter) {
        writer.write(self.source)
        writer.write(self.title)
        var shell = self.document
        shell.root = Node(.document)
        writer.write(shell)
        writer.write(self.targets)
        writer.write(self.inputs)
        writer.write(self.configKey)
        writer.write(self.treeHash)
        writer.write(self.tocNodes)
        writer.write(self.numbered)
        writer.write(self.dependencies)
        writer.write(self.storedTree!.name)
    }
}

extension ResolveRecord {
    /// Its body stays in `store` (``storedBody``) until ``body()``.
    init(from reader: inout RecordReader, store: BlobStore) throws {
        self.init(page: try reader.read(), key: try reader.hashes(), keyHash: try reader.read(), assets: try reader.array(),
                  outputHash: try reader.read())
        self.storedBody = StoredBlob(store: store, name: try reader.read())
        self.bodyLoaded = false
    }

    /// Only once ``CachedPage`` has put the body into the blob folder (``storedBody``); the body itself is left out.
    func write(to writer: inout RecordWriter) {
        var shell = self.page
        shell.body = ""
        writer.write(shell)
        writer.write(self.key)
        writer.write(self.keyHash)
        writer.write(self.assets)
        writer.write(self.outputHash)
        writer.write(self.storedBody!.name)
    }
}

extension PageMemo {
    init(from reader: inout RecordReader, store: BlobStore) throws {
        read = try ReadRecord(from: &reader, store: store)
        resolved = try reader.bool() ? try ResolveRecord(from: &reader, store: store) : nil
        rendered = try reader.optional()
    }

    func write(to writer: inout RecordWriter) {
        read.write(to: &writer)
        writer.write(resolved != nil)
        resolved?.write(to: &writer)
        writer.write(rendered)
    }
}

extension ConfigFingerprint: RecordCodable {
    package init(from reader: inout RecordReader) throws { self.init(keys: try reader.hashes()) }
    package func write(to writer: inout RecordWriter) { writer.write(keys) }
}

extension BuildSummary.PageInputs: RecordCodable {
    package init(from reader: inout RecordReader) throws {
        self.init(source: try reader.read(), configKey: try reader.read(), inputs: try reader.array(),
                  assets: try reader.array())
    }

    package func write(to writer: inout RecordWriter) {
        writer.write(source)
        writer.write(configKey)
        writer.write(inputs)
        writer.write(assets)
    }
}

extension BuildSummary.StoredReport: RecordCodable {
    package init(from reader: inout RecordReader) throws {
        self.init(pages: try reader.int(), referencesChecked: try reader.int(), diagnostics: try reader.array(),
                  wroteOutput: try reader.bool())
    }

    package func write(to writer: inout RecordWriter) {
        writer.write(pages)
        writer.write(referencesChecked)
        writer.write(diagnostics)
        writer.write(wroteOutput)
    }
}

extension BuildSummary: RecordCodable {
    package init(from reader: inout RecordReader) throws {
        self.init(config: try reader.read(), pages: try reader.array(), surroundings: try reader.read(),
                  outputIdentity: try reader.optionalString(), outputListing: try reader.optional(),
                  report: try reader.read())
        for _ in 0..<(try reader.count()) {
            let name = try reader.string()
            stamps[name] = try reader.read(StampedFile.self)
        }
    }

    package func write(to writer: inout RecordWriter) {
        writer.write(config)
        writer.write(pages)
        writer.write(surroundings)
        writer.write(outputIdentity)
        writer.write(outputListing)
        writer.write(report)
        writer.writeCount(stamps.count)
        for name in stamps.keys.sorted() {
            writer.write(name)
            writer.write(stamps[name]!)
        }
    }
}
