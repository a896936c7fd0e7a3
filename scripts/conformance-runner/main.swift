// Batch runner for scripts/conformance: parses every *.rst file in a
// directory with source="test data" and writes the pseudo-XML next to it
// as *.out (one process for hundreds of cases).
import DocTree
import Foundation
import RST

let args = CommandLine.arguments
guard args.count >= 2 else {
    FileHandle.standardError.write(Data("usage: rst-conformance DIR | FILE.rst\n".utf8))
    exit(2)
}
let parser = RSTParser(options: RSTOptions(sourceLabel: "test data"))
if args[1] == "--bench" {
    // rst-conformance --bench FILE [REPEAT]: parse only, print seconds per parse and MB/s.
    guard args.count >= 3, let data = FileManager.default.contents(atPath: args[2]) else { exit(2) }
    let text = String(decoding: data, as: UTF8.self)
    let repeats = args.count > 3 ? Int(args[3]) ?? 1 : 1
    // CPU time of the process (the machine is shared; wall time is noisy).
    func cpuSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
    var best = Double.infinity
    var bestWall = Double.infinity
    for _ in 0..<repeats {
        let start = cpuSeconds()
        let wall = Date()
        let doc = parser.parse(SourceFile(path: args[2], text: text), name: "bench")
        best = min(best, cpuSeconds() - start)
        bestWall = min(bestWall, Date().timeIntervalSince(wall))
        _ = doc.root.children.count
    }
    let mb = Double(data.count) / 1_000_000
    print(String(format: "%.3f s cpu  %.3f s wall  %6.2f MB  %5.1f MB/s", best, bestWall, mb, mb / best))
    exit(0)
}
let path = args[1]
var isDir: ObjCBool = false
FileManager.default.fileExists(atPath: path, isDirectory: &isDir)
if isDir.boolValue {
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).filter { $0.hasSuffix(".rst") }.sorted()
    for name in names {
        let file = path + "/" + name
        guard let data = FileManager.default.contents(atPath: file) else { continue }
        let text = String(decoding: data, as: UTF8.self)
        var options = RSTOptions(rawEnabled: true, includeRoot: "/",
                                 readFile: { path in
                                     FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
                                 }, sourceLabel: "test data")
        options.readData = { path in FileManager.default.contents(atPath: path).map { [UInt8]($0) } }
        var sourcePath = file
        let settingsPath = file.replacingOccurrences(of: ".rst", with: ".settings")
        if let data = FileManager.default.contents(atPath: settingsPath) {
            for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
                let parts = line.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard parts.count == 2 else { continue }
                switch parts[0] {
                case "legacy_ids": options.legacyIDs = parts[1] == "True"
                case "character_level_inline_markup": options.characterLevelInlineMarkup = parts[1] == "True"
                case "line_length_limit": options.lineLengthLimit = Int(parts[1]) ?? 10_000
                case "root_prefix": options.includeRoot = parts[1]
                case "cwd":
                    FileManager.default.changeCurrentDirectoryPath(parts[1])
                    sourcePath = parts[1] + "/test data"
                default: break
                }
            }
        }
        let doc = RSTParser(options: options).parse(SourceFile(path: sourcePath, text: text), name: "test")
        let out = file.replacingOccurrences(of: ".rst", with: ".out")
        FileManager.default.createFile(atPath: out, contents: Data(doc.root.pseudoXML().utf8))
    }
} else {
    let data = path == "-" ? FileHandle.standardInput.readDataToEndOfFile() : (FileManager.default.contents(atPath: path) ?? Data())
    let name = args.count > 2 ? args[2] : "test"
    let doc = parser.parse(SourceFile(path: path, text: String(decoding: data, as: UTF8.self)), name: name)
    print(doc.root.pseudoXML(), terminator: "")
}
