// libFuzzer target: the Markdown reader (libcmark + MyST extensions, and
// the RST directives and roles it hosts), then the pseudo-XML dump.
// Built and run by scripts/fuzz; not part of the SwiftPM package.
import DocTree
import Domains
import Extensions
import Markdown
import RST

private let options: MarkdownOptions = {
    var registry = Registry(directives: .standard, roles: .standard)
    BuiltinDomains.install(into: &registry)
    let rst = RSTOptions(rawEnabled: true, tags: ["html"], includeRoot: "/fuzz",
                         directives: registry.directives, roles: registry.roles)
    var options = MarkdownOptions(rawHTMLEnabled: false)
    options.rst = rst
    return options
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    // The first byte chooses raw HTML on or off; the rest is the page.
    let raw = (bytes.first ?? 0) & 1 == 1
    let text = String(decoding: bytes.dropFirst(), as: UTF8.self)
    var configured = options
    configured.rawHTMLEnabled = raw
    configured.rst.readFile = FuzzInclude.reader(selfText: text)
    let options = configured
    // Pages are read on large-stack worker threads in a build; do the same.
    _ = LargeStack.run {
        let document = MarkdownParser(options: options).parse(SourceFile(path: "/fuzz/input.md", text: text), name: "input")
        return document.root.pseudoXML()
    }
    return 0
}
