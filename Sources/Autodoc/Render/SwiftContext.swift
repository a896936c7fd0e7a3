/// Where a Swift doc comment sits: its module and enclosing type (for ``Symbol`` links).
struct SwiftContext: Hashable, Sendable {
    var module: String
    var type: String?
}
