import DocTree

/// Converts UTF-8 byte offsets (what swift-syntax counts) into 1-based
/// line / Unicode-scalar column positions (what Vellum's diagnostics use).
struct SwiftLineMap {
    private let bytes: [UInt8]
    private var lineStarts: [Int] = [0]

    init(text: String) {
        bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\n") {
                lineStarts.append(index + 1)
            } else if bytes[index] == UInt8(ascii: "\r") {
                if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") { index += 1 }
                lineStarts.append(index + 1)
            }
            index += 1
        }
    }

    func location(utf8Offset offset: Int) -> DocTree.SourceLocation {
        let clamped = min(max(offset, 0), bytes.count)
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= clamped { low = mid } else { high = mid - 1 }
        }
        // Count scalars: every byte that is not a UTF-8 continuation byte starts one.
        var column = 1
        for byte in bytes[lineStarts[low]..<clamped] where byte & 0xC0 != 0x80 { column += 1 }
        return DocTree.SourceLocation(line: low + 1, column: column)
    }
}
