// libFuzzer target: the Swift doc-comment reader (swift-syntax trivia → DocC
// Markdown docstring with Parameters/Returns/Throws fields), through the
// public extractor, then the autodoc rendering of what was extracted.
// The first byte chooses the shape: the input as a whole Swift file, or its
// lines as a `///` comment or a `/** */` comment above a declaration.
// Built and run by scripts/fuzz; not part of the SwiftPM package.
import Autodoc
import DocTree
import Domains
import Extensions
import RST

private let options: RSTOptions = {
    var registry = Registry(directives: .standard, roles: .standard)
    BuiltinDomains.install(into: &registry)
    registry.install([AutodocExtension()])
    return RSTOptions(directives: registry.directives, roles: registry.roles)
}()

private let page = SourceFile(path: "api.rst", text: """
.. automodule:: Fuzz
   :members:
   :undoc-members:

""")

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let body = String(decoding: bytes.dropFirst(), as: UTF8.self)
    let source: String
    switch (bytes.first ?? 0) % 3 {
    case 0:
        source = body
    case 1:
        source = body.split(separator: "\n", omittingEmptySubsequences: false).map { "/// " + $0 }.joined(separator: "\n")
            + "\npublic func documented(_ a: Int, b: String) throws -> Int { 0 }\n"
    default:
        source = "/**\n" + body.replacingOccurrences(of: "*/", with: "* /") + "\n */\npublic struct Documented {}\n"
    }
    _ = LargeStack.run {
        let (module, _) = SwiftExtractor.extract(moduleName: "Fuzz", files: [SourceFile(path: "Fuzz.swift", text: source)])
        let document = RSTParser(options: options).parse(page, name: "api")
        return AutodocExpander.expand(document, store: APIStore(modules: [module]), parserOptions: options).root.pseudoXML()
    }
    return 0
}
