import DocTree
import Foundation

/// Reading files for `raw :file:` and `csv-table :file:`, resolved like `include`
/// (relative to the including file) and confined to the source tree.
enum IncludeSupport {
    static func read(_ path: String, call: DirectiveCall, host: DirectiveHost) -> (String, String)? {
        guard let (display, absolute) = Include.resolve(path, call: call, host: host),
              let reader = host.options.readFile, let text = reader(absolute) else { return nil }
        return (display, text)
    }
}
