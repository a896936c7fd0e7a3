import DocTree
import Foundation

/// An ``IncrementalBuilder``'s records on disk (`.vellum-cache/` beside the
/// output by default): one file in ``CompactEncoder``'s form holding the Vellum version
/// and cache format that wrote it, every source file's text once, and the
/// records. Paths in it are relative to the source directory and inputs are
/// content hashes, so the folder can move to another machine or checkout; it
/// is safe to delete. A cache from another version or format, or one that
/// cannot be decoded, is ignored with a note, never trusted.
enum BuildCache {
    /// Bumped whenever the records' shape or meaning changes.
    static let format = 2
    static let fileName = "records.bin"
    /// Present while a build may be changing the output and has not yet saved the
    /// records that describe it: a build killed then leaves it behind, and the next
    /// build does not trust what the records say the output holds.
    static let pendingName = "output-pending"

    static func markOutputPending(in directory: String) {
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: directory + "/" + pendingName, contents: Data())
    }

    static func clearOutputPending(in directory: String) {
        try? FileManager.default.removeItem(atPath: directory + "/" + pendingName)
    }

    struct Envelope: Codable {
        var vellumVersion: String
        var format: Int
        var files: [SourceFileEntry]
        var records: Data
        /// Of `records` and the files' texts: a cache damaged on disk is noticed, not decoded.
        var checksum: ContentHash
    }

    static func checksum(files: [SourceFileEntry], records: Data) -> ContentHash {
        ContentHasher.hash { h in
            for file in files { h.add(file.path); h.add(file.text) }
            h.add(bytes: [UInt8](records))
        }
    }

    struct SourceFileEntry: Codable {
        var path: String
        var text: String
    }

    /// The records, or nil and why not (nothing when there simply is no cache yet).
    static func load(from directory: String) -> (BuildState?, [String]) {
        let url = URL(fileURLWithPath: directory).appendingPathComponent(fileName)
        guard let data = FileManager.default.contents(atPath: url.path) else { return (nil, []) }
        let shown = directory + "/" + fileName
        do {
            let envelope = try CompactDecoder().decode(Envelope.self, from: data)
            guard envelope.vellumVersion == VellumVersion.current, envelope.format == format else {
                return (nil, ["ignoring the build cache \(shown): it was written by Vellum \(envelope.vellumVersion) "
                    + "(cache format \(envelope.format)), this is \(VellumVersion.current) (format \(format)); building everything"])
            }
            guard checksum(files: envelope.files, records: envelope.records) == envelope.checksum else {
                return (nil, ["ignoring the build cache \(shown): it cannot be read (its checksum does not match); building everything"])
            }
            let table = SourceFileTable(files: envelope.files.map { SourceFile(path: $0.path, text: $0.text) })
            var decoder = CompactDecoder()
            decoder.userInfo[SourceFileTable.userInfoKey] = table
            var state = try decoder.decode(BuildState.self, from: envelope.records)
            if FileManager.default.fileExists(atPath: directory + "/" + pendingName) {
                // A build died while writing: the output may hold files the records do not know.
                state.outputIdentity = nil
            }
            return (state, [])
        } catch {
            return (nil, ["ignoring the build cache \(shown): it cannot be read (\(error)); building everything"])
        }
    }

    /// Writes the records (to a temporary file renamed into place, so a killed build
    /// leaves the previous cache or the new one). A cache that cannot be written is
    /// only a slower next build: the failure is returned as a note.
    static func save(_ state: inout BuildState, to directory: String) -> String? {
        do {
            try state.storeTrees()
            let folder = URL(fileURLWithPath: directory)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let table = SourceFileTable()
            var encoder = CompactEncoder()
            encoder.userInfo[SourceFileTable.userInfoKey] = table
            let records = try encoder.encode(state)
            let files = table.files.map { SourceFileEntry(path: $0.path, text: $0.text) }
            let envelope = Envelope(vellumVersion: VellumVersion.current, format: format, files: files,
                                    records: records, checksum: checksum(files: files, records: records))
            let data = try CompactEncoder().encode(envelope)
            // Temporary files of builds killed while saving.
            for entry in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
            where entry.hasPrefix("." + fileName + ".") && entry.hasSuffix(".tmp") {
                try? FileManager.default.removeItem(at: folder.appendingPathComponent(entry))
            }
            let temporary = folder.appendingPathComponent(".\(fileName).\(getpid()).tmp")
            try data.write(to: temporary)
            guard rename(temporary.path, folder.appendingPathComponent(fileName).path) == 0 else {
                try? FileManager.default.removeItem(at: temporary)
                return "cannot write the build cache in \(directory): \(String(cString: strerror(errno)))"
            }
            return nil
        } catch {
            return "cannot write the build cache in \(directory): \(error)"
        }
    }
}
