import Foundation

/// Puts a planned site into its output, writing only files whose bytes
/// changed since the output was last written (`previous`, nil when that is
/// not known: then everything is written).
///
/// A directory is still replaced as a whole, through `OutputDirectory`'s
/// staging folder and atomic swap, so a build killed at any moment leaves
/// the previous site or the new one, never a mix: unchanged files enter the
/// staging folder as hard links to the output's own (no bytes copied, the
/// old site untouched), changed ones are written. A rebuild that changes no
/// byte touches nothing.
struct OutputWriter {
    let plan: [PlannedFile]
    let previous: [String: ContentHash]?

    private var unchanged: Bool {
        guard let previous, previous.count == plan.count else { return false }
        return plan.allSatisfy { previous[$0.path] == $0.hash }
    }

    /// Fingerprint of a set of output paths, to tell whether a folder holds just the planned files:
    /// a sum of one hash per path, so the thousands of paths of a large site need no sorting first.
    static func listingHash(_ paths: [String]) -> ContentHash {
        var sum: UInt64 = 0
        for path in paths { sum &+= ContentHasher.hash { $0.add(path) }.value }
        return ContentHasher.hash { h in h.add(paths.count); h.add(ContentHash(value: sum)) }
    }

    /// The regular files in an output folder (relative paths, the marker left out): a file put
    /// there by hand, or one deleted, makes the next build write the folder again.
    static func listing(of directory: URL) -> [String] {
        DirectoryWalk.regularFiles(below: directory.standardizedFileURL.path).filter { $0 != OutputSafety.markerName }
    }

    /// Returns how many files were written or removed.
    func write(into memory: MemoryOutput) throws -> Int {
        var count = 0
        for file in plan where previous?[file.path] != file.hash {
            switch try file.produce() {
            case .bytes(let data): try memory.write(data, to: file.path)
            case .copy(let url): try memory.copyFile(from: url, to: file.path)
            }
            count += 1
        }
        if let previous {
            let kept = Set(plan.map(\.path))
            for path in previous.keys.sorted() where !kept.contains(path) {
                memory.remove(path)
                count += 1
            }
        }
        return count
    }

    /// Writes into a staging folder and swaps it in. `standby`: what the standby folder holds,
    /// as the records say (``OutputDirectory``); the staging folder starts from it when it
    /// lists those files, and only files that differ from its are written. `keepPrevious`:
    /// the replaced output becomes the next standby. Returns how many files differ from the
    /// previous output (written or removed), and whether the output was replaced.
    func write(into destination: URL, replaceForeign: Bool, cleanup: BackgroundWork? = nil,
               standby: [String: ContentHash]? = nil, keepPrevious: Bool = false) throws -> (count: Int, replaced: Bool) {
        if unchanged, Self.listingHash(Self.listing(of: destination)) == Self.listingHash(plan.map(\.path)) { return (0, false) }
        var output = try OutputDirectory(destination: destination, replaceForeign: replaceForeign, standby: standby != nil)
        var held: [String: ContentHash] = [:]
        if output.reusedStandby, let standby {
            if Self.listingHash(output.stagedFiles) == Self.listingHash(Array(standby.keys)) {
                held = standby
            } else {
                // Not the files the records name: start from nothing.
                output.discard()
                output = try OutputDirectory(destination: destination, replaceForeign: replaceForeign)
            }
        }
        var count = 0
        do {
            let planned = Set(plan.map(\.path))
            for path in held.keys.sorted() where !planned.contains(path) { output.remove(path) }
            for file in plan {
                let differs = previous?[file.path] != file.hash
                if held[file.path] == file.hash {
                    if differs { count += 1 }
                    continue
                }
                if !differs, output.linkFromDestination(file.path) { continue }
                switch try file.produce() {
                case .bytes(let data): try output.write(data, to: file.path)
                case .copy(let url): try output.copyFile(from: url, to: file.path)
                }
                count += 1
            }
            try output.commit(cleanup: cleanup, keepPrevious: keepPrevious)
        } catch let damaged as BlobStore.Damaged {
            output.discard()
            throw damaged
        } catch {
            output.discard()
            throw BuildError.io("cannot write \(destination.path): \(error.localizedDescription)")
        }
        return (count + Set(previous.map { Array($0.keys) } ?? []).subtracting(plan.map(\.path)).count, true)
    }
}
