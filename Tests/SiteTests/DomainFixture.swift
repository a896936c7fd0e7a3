import CrossRef
import DocTree
import Foundation
import Site
import Testing

/// A domain fixture project built into a scratch folder: its report, its
/// pages' HTML and its `objects.inv` entries.
struct DomainFixture {
    var report: BuildReport
    var output: URL

    /// Builds `project`; the caller removes `output`'s parent with ``remove()``.
    init(_ project: String) throws {
        let tmp = try temporaryDirectory()
        output = tmp.appendingPathComponent("site")
        report = try buildFixture(project, output: output)
    }

    func html(_ page: String) throws -> String {
        try String(contentsOf: output.appendingPathComponent(page + ".html"), encoding: .utf8)
    }

    /// `name domain:type uri` for every object of `domain` in `objects.inv`, sorted.
    func inventory(domain: String) throws -> [String] {
        let data = try Data(contentsOf: output.appendingPathComponent("objects.inv"))
        return try Inventory.decode(data).entries.filter { $0.domain == domain }
            .map { "\($0.name) \($0.domain):\($0.role) \($0.expandedURI)" }.sorted()
    }

    func remove() {
        try? FileManager.default.removeItem(at: output.deletingLastPathComponent())
    }
}
