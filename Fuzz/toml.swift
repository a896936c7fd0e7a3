// libFuzzer target: the vellum.toml reader. TOMLParser is internal to Site,
// so scripts/fuzz compiles Sources/Site/Config/TOML.swift into this harness's
// module instead of building Site and all its dependencies.
import DocTree

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    var parser = TOMLParser(file: SourceFile(path: "vellum.toml", text: text))
    _ = parser.parse()
    return 0
}
