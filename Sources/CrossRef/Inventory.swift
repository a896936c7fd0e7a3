import Foundation

/// A Sphinx-compatible object inventory (`objects.inv`, version 2): what a
/// site defines and where, for intersphinx-style linking between projects.
public struct Inventory: Sendable, Equatable {
    public struct Entry: Sendable, Equatable, Hashable {
        public var name: String
        /// `std`, `py`, `swift` …
        public var domain: String
        /// `label`, `doc`, `class`, `function` … (object types, not role names)
        public var role: String
        public var priority: Int
        /// Relative to the site root; may end in `$`, standing for the name.
        public var uri: String
        /// Display text; `-` means the name itself.
        public var displayName: String

        public init(name: String, domain: String, role: String, priority: Int = 1, uri: String, displayName: String = "-") {
            self.name = name
            self.domain = domain
            self.role = role
            self.priority = priority
            self.uri = uri
            self.displayName = displayName
        }

        /// The URI with `$` expanded.
        public var expandedURI: String {
            uri.hasSuffix("$") ? String(uri.dropLast()) + name : uri
        }

        /// The text to show for a link to this entry.
        public var text: String { displayName == "-" ? name : displayName }
    }

    public var project: String
    public var version: String
    public var entries: [Entry]

    public init(project: String, version: String, entries: [Entry]) {
        self.project = project
        self.version = version
        self.entries = entries
    }

    public enum Failure: Error, CustomStringConvertible {
        case notAnInventory
        case unsupportedVersion(String)
        case corrupt(String)

        public var description: String {
            switch self {
            case .notAnInventory: return "not a Sphinx inventory (the first line should be '# Sphinx inventory version 2')"
            case .unsupportedVersion(let line): return "unsupported inventory format: \(line)"
            case .corrupt(let reason): return "corrupt inventory: \(reason)"
            }
        }
    }

    /// The file as Sphinx writes it: a four-line plain header, then the
    /// zlib-compressed entries, one per line, sorted for stable output.
    public func encoded() -> Data {
        var header = "# Sphinx inventory version 2\n"
        header += "# Project: \(project.replacingOccurrences(of: "\n", with: " "))\n"
        header += "# Version: \(version.replacingOccurrences(of: "\n", with: " "))\n"
        header += "# The remainder of this file is compressed using zlib.\n"
        var body = ""
        let sorted = entries.sorted {
            ($0.domain, $0.role, $0.name, $0.uri) < ($1.domain, $1.role, $1.name, $1.uri)
        }
        for entry in sorted {
            let name = entry.name.replacingOccurrences(of: "\n", with: " ")
            let display = entry.displayName.isEmpty ? "-" : entry.displayName.replacingOccurrences(of: "\n", with: " ")
            body += "\(name) \(entry.domain):\(entry.role) \(entry.priority) \(entry.uri) \(display)\n"
        }
        return Data(header.utf8) + Zlib.compress(Data(body.utf8))
    }

    /// Reads an `objects.inv` file. Malformed input throws a `Failure` that
    /// says what is wrong; it never crashes or hangs.
    public static func decode(_ data: Data) throws -> Inventory {
        var offset = data.startIndex
        func headerLine() throws -> String {
            guard let newline = data[offset...].firstIndex(of: UInt8(ascii: "\n")) else {
                throw Failure.corrupt("the header ends early")
            }
            let line = String(decoding: data[offset..<newline], as: UTF8.self)
            offset = data.index(after: newline)
            return line
        }
        let first = try? headerLine()
        guard let first, first.hasPrefix("# Sphinx inventory version") else { throw Failure.notAnInventory }
        guard first.trimmingCharacters(in: .whitespaces) == "# Sphinx inventory version 2" else {
            throw Failure.unsupportedVersion(first)
        }
        let projectLine = try headerLine()
        let versionLine = try headerLine()
        let compressionLine = try headerLine()
        guard compressionLine.contains("zlib") else { throw Failure.corrupt("unknown compression: \(compressionLine)") }
        let project = projectLine.hasPrefix("# Project: ") ? String(projectLine.dropFirst(11)) : ""
        let version = versionLine.hasPrefix("# Version: ") ? String(versionLine.dropFirst(11)) : ""
        let body: Data
        do {
            body = try Zlib.decompress(Data(data[offset...]))
        } catch {
            throw Failure.corrupt("\(error)")
        }
        var entries: [Entry] = []
        for (number, rawLine) in String(decoding: body, as: UTF8.self).split(separator: "\n").enumerated() {
            let line = rawLine.trimmingCharacters(in: CharacterSet(charactersIn: "\r"))
            if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            guard let entry = parseEntry(line) else {
                throw Failure.corrupt("entry \(number + 1) is malformed: \(line.prefix(80))")
            }
            entries.append(entry)
        }
        return Inventory(project: project, version: version, entries: entries)
    }

    /// `name domain:role priority uri display name…` — the name may contain
    /// spaces, so the first `domain:role` token followed by an integer ends it.
    static func parseEntry(_ line: String) -> Entry? {
        let tokens = line.split(separator: " ", omittingEmptySubsequences: true)
        guard tokens.count >= 4 else { return nil }
        for i in 1..<(tokens.count - 2) {
            let type = tokens[i]
            guard let colon = type.firstIndex(of: ":"), let priority = Int(tokens[i + 1]) else { continue }
            let domain = String(type[..<colon])
            let role = String(type[type.index(after: colon)...])
            guard !domain.isEmpty, !role.isEmpty else { continue }
            let name = tokens[0..<i].joined(separator: " ")
            let uri = String(tokens[i + 2])
            let display = tokens.count > i + 3 ? tokens[(i + 3)...].joined(separator: " ") : "-"
            return Entry(name: name, domain: domain, role: role, priority: priority, uri: uri, displayName: display)
        }
        return nil
    }
}
