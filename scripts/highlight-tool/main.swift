// highlight-tool: runs Vellum's highlighter outside a site build.
//
//   highlight-tool LANGUAGE < code          prints the highlighted HTML
//   highlight-tool --manifest FILE          FILE holds lines "language<TAB>path";
//                                           writes path.html next to each path
// scripts/highlight-parity uses the manifest form to compare with Pygments.
import Foundation
import Highlighting

let args = CommandLine.arguments.dropFirst()
if args.first == "--manifest", args.count == 2 {
    let manifest = try String(contentsOfFile: args.last!, encoding: .utf8)
    for line in manifest.split(separator: "\n") {
        let parts = line.split(separator: "\t", maxSplits: 1)
        guard parts.count == 2 else { continue }
        let path = String(parts[1])
        let data = FileManager.default.contents(atPath: path) ?? Data()
        let code = String(decoding: data, as: UTF8.self)
        let html = Highlighting.html(code, language: String(parts[0]))
        try html.write(toFile: path + ".html", atomically: false, encoding: .utf8)
    }
} else if args.count == 1 {
    var input: [UInt8] = []
    while let line = readLine(strippingNewline: false) { input.append(contentsOf: line.utf8) }
    print(Highlighting.html(String(decoding: input, as: UTF8.self), language: args.first!), terminator: "")
} else {
    FileHandle.standardError.write("usage: highlight-tool LANGUAGE < code | highlight-tool --manifest FILE\n".data(using: .utf8)!)
    exit(2)
}
