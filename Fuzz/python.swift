// libFuzzer target: the Python tokenizer and extractor (statements, classes,
// functions, signatures, docstrings, __all__), then the autodoc rendering of
// everything extracted (docstrings as reStructuredText with napoleon sections).
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
.. automodule:: fuzz
   :members:
   :undoc-members:
   :private-members:
   :special-members:
   :show-inheritance:

""")

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let source = SourceFile(path: "fuzz.py", text: text)
    _ = LargeStack.run {
        let (module, _) = PythonExtractor.extract(source: source, moduleName: "fuzz")
        guard let module else { return 0 }
        _ = PythonExtractor(searchPaths: []).documentedMembers(of: module)
        let store = APIStore(modules: [module])
        let document = RSTParser(options: options).parse(page, name: "api")
        _ = AutodocExpander.expand(document, store: store, parserOptions: options).root.pseudoXML()
        return 1
    }
    return 0
}
