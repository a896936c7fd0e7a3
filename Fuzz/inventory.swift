// libFuzzer target: the objects.inv reader. An input that starts like an
// inventory is decoded as it is (header and zlib stream); any other input is
// the uncompressed entry list, compressed behind a valid header, so the fuzzer
// reaches the entry parser without having to produce zlib streams.
import CrossRef
import Foundation

private let header = Data("# Sphinx inventory version 2\n# Project: fuzz\n# Version: 1\n# The remainder of this file is compressed using zlib.\n".utf8)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let input = Data(UnsafeBufferPointer(start: data, count: size))
    let file = input.starts(with: Data("# Sphinx".utf8)) ? input : header + Zlib.compress(input, level: 1)
    if let inventory = try? Inventory.decode(file) {
        // What is read must survive a round trip through the writer.
        _ = try? Inventory.decode(inventory.encoded())
    }
    return 0
}
