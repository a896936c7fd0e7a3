import DocTree
import Foundation

/// An ``IncrementalBuilder``'s records on disk (`.vellum-cache/` beside the
/// output by default), in the records' own binary form (``RecordCodable``): `inputs.bin` holds the
/// ``BuildSummary`` (all a rebuild that changes nothing reads), `records.bin`
/// every page's records but its tree and body, which are files of their own
/// in `blobs/` (``BlobStore``), read only for a page resolved or rendered again. Each file carries the Vellum version, the
/// executable (``ExecutableIdentity``) and the cache format that wrote it, every source file's text once, and a checksum.
/// Paths in them are relative to the source directory and inputs are content
/// hashes, so the folder can move to another machine or checkout; it is safe
/// to delete. A file from another version, executable or format, or one that is
/// damaged, is ignored with a note, never trusted.
enum BuildCache {
    /// Bumped whenever the records' shape or meaning changes.
    static let format = 15
    static let recordsName = "records.bin"
    static let summaryName = "inputs.bin"
    /// Present while a build may be changing the output and has not yet saved the
    /// records that describe it: a build killed then leaves it behind, and the next
    /// build does not trust what the records say the output holds.
    static let pendingName = "output-pending"

    /// A cache file: a mark, the checksum of everything after it (8 bytes), the
    /// Vellum version, executable and cache format that wrote it, the records
    /// (``RecordCodable``), then the source files they name (each text once).
    struct Envelope {
        static let magic = Array("vellum-cache\n".utf8)
        var vellumVersion: String
        /// The writing executable's ``ExecutableIdentity``; nil when it could not be read.
        var executable: ContentHash?
        var format: Int
        var files: [SourceFileEntry]
        /// The whole file, and where the records are in it.
        var bytes: [UInt8]
        var payload: Range<Int>
        var checksum: ContentHash
        /// Whether the checksum is that of the bytes after it.
        var intact: Bool

        /// The file of `payload`, whose records name `files`.
        static func bytes(payload: [UInt8], files: [SourceFileEntry], vellumVersion: String, executable: ContentHash?,
                          format: Int) -> [UInt8] {
            var writer = RecordWriter(files: SourceFileTable())
            writer.append(raw: magic)
            writer.append(raw: [UInt8](repeating: 0, count: 8))
            writer.write(vellumVersion)
            writer.write(format)
            writer.write(executable)
            writer.write(bytes: payload)
            writer.writeCount(files.count)
            for file in files {
                writer.write(file.path)
                writer.write(file.text)
            }
            var out = writer.bytes
            let sum = checksum(out, from: magic.count + 8).value
            for i in 0..<8 { out[magic.count + i] = UInt8(truncatingIfNeeded: sum >> (8 * UInt64(i))) }
            return out
        }

        init(reading bytes: [UInt8]) throws {
            guard bytes.count >= Self.magic.count + 8, bytes.starts(with: Self.magic) else {
                throw RecordCodingError("not a Vellum cache file")
            }
            var sum: UInt64 = 0
            for i in 0..<8 { sum |= UInt64(bytes[Self.magic.count + i]) << (8 * UInt64(i)) }
            checksum = ContentHash(value: sum)
            intact = BuildCache.Envelope.checksum(bytes, from: Self.magic.count + 8) == checksum
            var reader = RecordReader(bytes: bytes, files: SourceFileTable())
            reader.position = Self.magic.count + 8
            vellumVersion = try reader.string()
            format = try reader.int()
            self.bytes = bytes
            files = []
            // What follows the format is this format's: an older cache is refused by its format alone.
            guard format == BuildCache.format else {
                executable = nil
                payload = 0..<0
                return
            }
            executable = try reader.optional()
            let length = try reader.count()
            payload = reader.position..<reader.position + length
            reader.position += length
            for _ in 0..<(try reader.count()) {
                files.append(SourceFileEntry(path: try reader.string(), text: try reader.string()))
            }
            guard reader.isAtEnd else { throw RecordCodingError("a cache file longer than it says") }
        }

        /// Of the bytes from `start` on.
        static func checksum(_ bytes: [UInt8], from start: Int) -> ContentHash {
            ContentHasher.hash { h in
                bytes.withUnsafeBytes { h.add(raw: UnsafeRawBufferPointer(rebasing: $0[start...])) }
            }
        }
    }

    struct SourceFileEntry {
        var path: String
        var text: String
    }

    static func markOutputPending(in directory: String) {
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: directory + "/" + pendingName, contents: Data())
    }

    static func clearOutputPending(in directory: String) {
        try? FileManager.default.removeItem(atPath: directory + "/" + pendingName)
    }

    static func outputPending(in directory: String) -> Bool {
        FileManager.default.fileExists(atPath: directory + "/" + pendingName)
    }

    /// The summary of the last build, or nil and why not (nothing when there is no cache yet).
    static func loadSummary(from directory: String) -> (BuildSummary?, [String]) {
        let (summary, notes) = load(named: summaryName, from: directory) { try BuildSummary(from: &$0) }
        // A build died while writing: the output may hold files the records do not know.
        return (outputPending(in: directory) ? nil : summary, notes)
    }

    /// The records of the last build, or nil and why not.
    static func loadRecords(from directory: String) -> (BuildState?, [String]) {
        let store = BlobStore(cacheDirectory: directory)
        var (state, notes) = load(named: recordsName, from: directory) { try BuildState(from: &$0, store: store) }
        if outputPending(in: directory) {
            state?.outputIdentity = nil
            state?.standby = nil
        }
        return (state, notes)
    }

    static func load<T>(named name: String, from directory: String,
                        _ read: (inout RecordReader) throws -> T) -> (T?, [String]) {
        let path = directory + "/" + name
        guard let bytes = FileIO.read(path) else { return (nil, []) }
        let shown = directory + "/" + name
        do {
            let envelope = try Envelope(reading: bytes)
            guard envelope.vellumVersion == VellumVersion.current, envelope.format == format else {
                return (nil, ["ignoring the build cache \(shown): it was written by Vellum \(envelope.vellumVersion) "
                    + "(cache format \(envelope.format)), this is \(VellumVersion.current) (format \(format)); building everything"])
            }
            guard envelope.intact else {
                return (nil, ["ignoring the build cache \(shown): it cannot be read (its checksum does not match); building everything"])
            }
            // The same version string from another executable (a rebuild, a patched package) is another program.
            let current = ExecutableIdentity.current(cacheDirectory: directory)
            guard let current, envelope.executable == current else {
                return (nil, ["ignoring the build cache \(shown): it was written by another build of Vellum \(envelope.vellumVersion) "
                    + "(executable \(envelope.executable?.description ?? "unknown"), this one is "
                    + "\(current?.description ?? "unreadable")); building everything"])
            }
            let table = SourceFileTable(files: envelope.files.map { SourceFile(path: $0.path, text: $0.text) })
            var reader = RecordReader(bytes: bytes, range: envelope.payload, files: table)
            let value = try read(&reader)
            guard reader.isAtEnd else { throw RecordCodingError("\(name) is longer than its records") }
            return (value, [])
        } catch {
            return (nil, ["ignoring the build cache \(shown): it cannot be read (\(error)); building everything"])
        }
    }

    /// Writes the records, then the summary (each to a temporary file renamed into place,
    /// so a killed build leaves whole files). A cache that cannot be written is only a
    /// slower next build: the failure is returned as a note.
    static func save(_ state: inout BuildState, digest: ContentHash, to directory: String) -> String? {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            // Temporary files of builds killed while saving.
            for entry in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
            where entry.hasPrefix(".") && entry.hasSuffix(".tmp") {
                try? FileManager.default.removeItem(atPath: directory + "/" + entry)
            }
            let blobs = BlobStore(cacheDirectory: directory)
            let (used, before) = try state.encodePagesNoting(store: blobs)
            let executable = ExecutableIdentity.current(cacheDirectory: directory)
            try write(named: recordsName, to: directory, executable: executable) { state.write(to: &$0, digest: digest) }
            if let summary = state.summary {
                try write(named: summaryName, to: directory, executable: executable) { $0.write(summary) }
            }
            // Only now no saved record names the others: those the records used before and no
            // longer use, or (without earlier records) every blob but the ones in use.
            if let before { blobs.remove(before.subtracting(used)) } else { blobs.removeAll(except: used) }
            return nil
        } catch {
            return "cannot write the build cache in \(directory): \(error)"
        }
    }

    /// Writes the summary alone (the records stay as they are: it changes only the stamps it keeps).
    static func saveSummary(_ summary: BuildSummary, to directory: String) -> String? {
        do {
            try write(named: summaryName, to: directory, executable: ExecutableIdentity.current(cacheDirectory: directory)) {
                $0.write(summary)
            }
            return nil
        } catch {
            return "cannot write the build cache in \(directory): \(error)"
        }
    }

    static func write(named name: String, to directory: String, executable: ContentHash?,
                      _ body: (inout RecordWriter) -> Void) throws {
        let table = SourceFileTable()
        var writer = RecordWriter(files: table)
        body(&writer)
        let files = table.files.map { SourceFileEntry(path: $0.path, text: $0.text) }
        let temporary = directory + "/.\(name).\(getpid()).tmp"
        try FileIO.write(temporary, Envelope.bytes(payload: writer.bytes, files: files, vellumVersion: VellumVersion.current,
                                                executable: executable, format: format))
        guard rename(temporary, directory + "/" + name) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: temporary)
            throw BuildError.io("cannot rename \(temporary): \(reason)")
        }
    }
}
