import Foundation
import Testing
@testable import CrossRef

@Suite struct InventoryTests {
    let inventory = Inventory(project: "Routers", version: "0.1", entries: [
        .init(name: "config-db-replication-write", domain: "std", role: "label", priority: -1,
              uri: "replication.html#config-db-replication-write", displayName: "Implementing your own routers"),
        .init(name: "index", domain: "std", role: "doc", priority: -1, uri: "index.html", displayName: "Routers"),
        .init(name: "routers.MasterSlave", domain: "py", role: "class", priority: 1, uri: "api.html#$"),
        .init(name: "a term with spaces", domain: "std", role: "term", priority: -1, uri: "glossary.html#term-a"),
    ])

    @Test func roundTrips() throws {
        let decoded = try Inventory.decode(inventory.encoded())
        #expect(decoded.project == "Routers")
        #expect(decoded.version == "0.1")
        #expect(Set(decoded.entries) == Set(inventory.entries))
        #expect(decoded.entries.first { $0.role == "class" }?.expandedURI == "api.html#routers.MasterSlave")
    }

    @Test func headerIsSphinxCompatible() {
        let text = String(decoding: inventory.encoded().prefix(120), as: UTF8.self)
        #expect(text.hasPrefix("# Sphinx inventory version 2\n# Project: Routers\n# Version: 0.1\n# The remainder of this file is compressed using zlib.\n"))
    }

    @Test func corruptInputIsAnErrorNotACrash() {
        #expect(throws: Inventory.Failure.self) { try Inventory.decode(Data("hello".utf8)) }
        #expect(throws: Inventory.Failure.self) { try Inventory.decode(Data("# Sphinx inventory version 1\n".utf8)) }
        var truncated = inventory.encoded()
        truncated.removeLast(5)
        #expect(throws: Inventory.Failure.self) { try Inventory.decode(truncated) }
        let garbage = Data("# Sphinx inventory version 2\n# Project: x\n# Version: 1\n# zlib\n".utf8) + Data([1, 2, 3, 4])
        #expect(throws: Inventory.Failure.self) { try Inventory.decode(garbage) }
    }
}
