import Autodoc
import Foundation
import RST

/// The current state of inputs, each looked at once per build however many
/// pages use it (thread-safe; an include shared by every page is hashed once).
final class InputStates: @unchecked Sendable {
    let sourceURL: URL
    let project: ProjectFiles
    let locator: PythonModuleLocator
    let swiftModules: [String: String]
    private let lock = NSLock()
    private var memo: [String: ContentHash] = [:]
    /// The source directory's path and its components, for ``relative(_:)`` and ``absolute(_:)``.
    private let sourcePath: String
    private let sourceComponents: [Substring]
    /// The source directory's path with a trailing `/`.
    private let sourcePrefix: String

    /// Files' stamps with their states, by name relative to the source directory: from the
    /// previous build (``FileStamp``), and those of this one (what the next one gets).
    private let knownStamps: [String: StampedFile]
    private var seenStamps: [String: StampedFile] = [:]

    init(sourceURL: URL, project: ProjectFiles, pythonPaths: [String], swiftModules: [(name: String, path: String)],
         stamps: [String: StampedFile] = [:]) {
        knownStamps = stamps
        self.sourceURL = sourceURL
        sourcePath = sourceURL.path
        sourceComponents = Self.components(sourceURL.path)
        sourcePrefix = "/" + sourceComponents.joined(separator: "/") + (sourceComponents.isEmpty ? "" : "/")
        self.project = project
        locator = PythonModuleLocator(searchPaths: pythonPaths)
        var modules: [String: String] = [:]
        for entry in swiftModules { modules[entry.name] = entry.path }
        self.swiftModules = modules
    }

    /// A read's outcome as a fingerprint: the bytes, or why they could not be read.
    static func state(of result: Result<[UInt8], FileReadFailure>) -> ContentHash {
        switch result {
        case .success(let bytes): return ContentHash(bytes: bytes)
        case .failure(let failure): return ContentHasher.hash { $0.add("\u{0}unreadable"); $0.add(failure.id) }
        }
    }

    /// The state an input has now.
    func current(_ input: RecordedInput) -> ContentHash {
        switch input.kind {
        case .file: return file(absolute(input.name))
        case .pythonModule: return pythonModule(input.name, extractedText: nil)
        case .swiftModule: return swiftModule(input.name)
        }
    }

    /// A file of the project, read through `ProjectFiles` (so a file outside it is unreadable here too).
    /// A file whose stamp is the one recorded with its state keeps that state without being read.
    func file(_ path: String) -> ContentHash {
        memoized("f:" + path) {
            let name = relative(path)
            if let known = knownStamps[name], let now = project.stamp(path), now == known.stamp {
                lock.withLock { seenStamps[name] = known }
                return known.state
            }
            var stamp: FileStamp?
            let state = Self.state(of: project.read(path, stamp: &stamp))
            if let stamp { note(name, StampedFile(stamp: stamp, state: state)) }
            return state
        }
    }

    /// Keeps a file's stamp and state for the next build, once the file has settled (``FileStamp/isSettled``).
    func note(_ name: String, _ file: StampedFile) {
        guard file.stamp.isSettled else { return }
        lock.withLock { seenStamps[name] = file }
    }

    /// The stamps of the files looked at so far, by name relative to the source directory.
    var stamps: [String: StampedFile] { lock.withLock { seenStamps } }

    /// Where the module is found and its bytes; `extractedText` (what the extractor read)
    /// that differs from the bytes read now makes the state one that never matches,
    /// so a file edited during the read is read again next time.
    func pythonModule(_ name: String, extractedText: String?) -> ContentHash {
        let state = memoized("py:" + name) {
            guard let location = locator.locate(name) else { return ContentHasher.hash { $0.add("\u{0}absent") } }
            let bytes = FileManager.default.contents(atPath: location.path).map { [UInt8]($0) }
            return ContentHasher.hash { hasher in
                hasher.add(relative(location.path))
                hasher.add(bytes.map { ContentHash(bytes: $0) })
            }
        }
        if let extractedText, let location = locator.locate(name),
           let data = FileManager.default.contents(atPath: location.path),
           String(decoding: data, as: UTF8.self) != extractedText {
            return ContentHash(value: UInt64.random(in: 0...UInt64.max))
        }
        return state
    }

    /// Every `.swift` file of a configured Swift module (as the extractor lists them) and its bytes.
    func swiftModule(_ name: String) -> ContentHash {
        memoized("swift:" + name) {
            guard let directory = swiftModules[name] else { return ContentHasher.hash { $0.add("\u{0}absent") } }
            let base = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
            let resolved = URL(fileURLWithPath: base).resolvingSymlinksInPath().path
            let paths = (FileManager.default.subpaths(atPath: resolved) ?? []).filter { $0.hasSuffix(".swift") }.sorted()
            return ContentHasher.hash { hasher in
                for path in paths {
                    hasher.add(path)
                    hasher.add(FileManager.default.contents(atPath: base + "/" + path).map { ContentHash(bytes: [UInt8]($0)) })
                }
            }
        }
    }

    private func memoized(_ key: String, _ compute: () -> ContentHash) -> ContentHash {
        lock.lock()
        if let known = memo[key] { lock.unlock(); return known }
        lock.unlock()
        let value = compute()
        lock.lock()
        memo[key] = value
        lock.unlock()
        return value
    }

    /// `path` relative to the source directory (`../src/pkg/mod.py`), `/`-separated.
    func relative(_ path: String) -> String {
        if path.hasPrefix(sourcePrefix) {
            let rest = path.dropFirst(sourcePrefix.count)
            if !Self.hasDotSegment(rest) { return String(rest) }
        }
        let target = Self.components(path)
        let base = sourceComponents
        var common = 0
        while common < min(target.count, base.count), target[common] == base[common] { common += 1 }
        let ups = Array(repeating: Substring(".."), count: base.count - common)
        return (ups + target[common...]).joined(separator: "/")
    }

    /// The absolute path of a path relative to the source directory.
    func absolute(_ relative: String) -> String {
        if !relative.isEmpty, !relative.hasPrefix("/"), !Self.hasDotSegment(relative) { return sourcePrefix + relative }
        return "/" + Self.components(sourcePath + "/" + relative).joined(separator: "/")
    }

    /// Whether a path has a `.` or `..` segment, or an empty one (`a//b`, a trailing `/`): only those need working out.
    static func hasDotSegment(_ path: some StringProtocol) -> Bool {
        var previous = UInt8(ascii: "/")
        for byte in path.utf8 {
            if previous == UInt8(ascii: "/"), byte == UInt8(ascii: ".") || byte == UInt8(ascii: "/") { return true }
            previous = byte
        }
        return previous == UInt8(ascii: "/")
    }

    /// An absolute path's components with `.` and `..` worked out on the text (as
    /// `URL.standardizedFileURL` does, without its cost: every input of every page goes through here).
    static func components(_ path: String) -> [Substring] {
        var parts: [Substring] = []
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        for part in absolute.split(separator: "/") {
            if part == "." { continue }
            if part == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
            parts.append(part)
        }
        return parts
    }
}
