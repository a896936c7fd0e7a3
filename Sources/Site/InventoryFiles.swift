import CrossRef
import DocTree
import Foundation

/// The `[intersphinx.NAME]` inventories as found on disk (never on the network), each file read
/// once per build: its bytes fingerprint the build's surroundings and its resolve phase, and are
/// decoded for resolving.
struct InventoryFiles {
    struct File {
        let name: String
        let entry: SiteConfig.Intersphinx
        /// The file read, nil when none is on disk.
        let path: String?
        let data: Data?
    }

    let files: [File]

    /// The folder inventories are looked up in when an entry names none on disk: `VELLUM_INVENTORIES`
    /// (`NAME.inv` or `NAME/objects.inv` in it).
    static var folder: String? {
        ProcessInfo.processInfo.environment["VELLUM_INVENTORIES"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Reads each entry's file: the one it names, else `NAME.inv` or `NAME/objects.inv` in ``folder``.
    init(_ config: SiteConfig) {
        files = config.intersphinx.keys.sorted().compactMap { name in
            guard let entry = config.intersphinx[name] else { return nil }
            let candidates = entry.inventory.map { [$0] }
                ?? (Self.folder.map { [$0 + "/" + name + ".inv", $0 + "/" + name + "/objects.inv"] } ?? [])
            let path = candidates.first { FileManager.default.fileExists(atPath: $0) }
            return File(name: name, entry: entry, path: path, data: path.flatMap { FileManager.default.contents(atPath: $0) })
        }
    }

    /// The names and contents of every inventory (nil for one not on disk).
    var hash: ContentHash {
        ContentHasher.hash { h in
            for file in files {
                h.add(file.name)
                if file.path != nil { h.add(file.data.map { ContentHash(bytes: [UInt8]($0)) }) }
            }
        }
    }

    /// The inventories decoded. Those not on disk are offline: one warning names them all, and
    /// references that may be in them are reported as `ref.offline` warnings, not as broken.
    func load() -> (inventories: [ExternalInventory], offline: [String], diagnostics: [Diagnostic]) {
        var inventories: [ExternalInventory] = []
        var offline: [String] = []
        var diagnostics: [Diagnostic] = []
        for file in files {
            guard let path = file.path, let data = file.data else {
                if let given = file.entry.inventory {
                    diagnostics.append(Diagnostic(id: "intersphinx.missing", severity: .warning,
                                                  message: "inventory file for '\(file.name)' not found: \(given)"))
                }
                offline.append(file.name)
                continue
            }
            do {
                inventories.append(ExternalInventory(name: file.name, baseURL: file.entry.url, inventory: try Inventory.decode(data)))
            } catch {
                diagnostics.append(.error("intersphinx.corrupt", "inventory file for '\(file.name)' (\(path)) is unreadable: \(error)"))
            }
        }
        if !offline.isEmpty {
            let listed = offline.map { name in "'\(name)' (\(files.first { $0.name == name }?.entry.url ?? ""))" }
                .joined(separator: ", ")
            diagnostics.append(Diagnostic(
                id: "intersphinx.offline", severity: .warning,
                message: "intersphinx inventories not available offline: \(listed)",
                notes: [.init("references that may be in them are reported as warnings (ref.offline), not checked"),
                        .init("Vellum never downloads: give [intersphinx.NAME] inventory = \"path/objects.inv\" in vellum.toml, "
                              + "a local path as the mapping's second item in conf.py, or put NAME.inv in the folder $VELLUM_INVENTORIES names")]))
        }
        return (inventories, offline, diagnostics)
    }
}
