// libFuzzer target: the conf.py evaluator (tokenizer, statements, expressions,
// the modelled builtins, methods and modules) and the mapping of its values
// onto SiteConfig, warnings included. The evaluator is internal to Site, so
// scripts/fuzz compiles Sources/Site/Config/ (the evaluator, the mapper,
// SiteConfig and the TOML reader it needs) into this harness's module, with
// Fuzz/confpy/PageSource.swift in place of Site's page discovery.
// The first byte of an input chooses the tags (`tags.has(...)`).
import DocTree
import Foundation

/// A fixed "now", so `datetime.date.today()` is the same for every input.
private let now = Date(timeIntervalSince1970: 1_796_083_200)
private let tagSets: [[String]] = [[], ["html"], ["html", "internal"], ["draft"]]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let tags = bytes.first.map { tagSets[Int($0) % tagSets.count] } ?? []
    let text = String(decoding: bytes.dropFirst(), as: UTF8.self)
    // A folder that does not exist: `os.path` answers, `open()` and
    // intersphinx's local inventories find nothing.
    let file = SourceFile(path: "/fuzz/docs/conf.py", text: text)
    let (config, diagnostics) = LargeStack.run {
        SiteConfig.load(confPy: file, directory: "/fuzz/docs", tags: tags, now: now)
    }
    _ = (config.projectName, diagnostics.map(\.message))
    return 0
}
