// libFuzzer target: the reStructuredText parser with the directives a site
// registers (standard, domain and autodoc ones), then the pseudo-XML dump.
// Built and run by scripts/fuzz; not part of the SwiftPM package.
import Autodoc
import DocTree
import Domains
import Extensions
import RST

private let options: RSTOptions = {
    var registry = Registry(directives: .standard, roles: .standard)
    BuiltinDomains.install(into: &registry,
                           customTypes: [StandardDomain.CustomType(name: "setting", directive: "setting", role: "setting")])
    registry.install([AutodocExtension()])
    var options = RSTOptions(rawEnabled: true, tags: ["html"], includeRoot: "/fuzz",
                             directives: registry.directives, roles: registry.roles)
    options.extlinks = ["issue": (url: "https://example.org/%s", caption: "issue %s")]
    return options
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    var configured = options
    configured.readFile = FuzzInclude.reader(selfText: text)
    let options = configured
    // Pages are read on large-stack worker threads in a build; do the same.
    _ = LargeStack.run {
        RSTParser(options: options).parse(SourceFile(path: "/fuzz/input.rst", text: text), name: "input").root.pseudoXML()
    }
    return 0
}
