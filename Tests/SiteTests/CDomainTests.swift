import CrossRef
import DocTree
import Foundation
import Testing
@testable import Site

/// The `c` domain on whole projects: every directive and role used correctly
/// (no diagnostics, golden HTML, the objects in `objects.inv`), and one broken
/// reference of each role (each reported once, at its line, with a
/// did-you-mean where a near name exists).
@Suite struct CDomainTests {
    @Test func everyCDirectiveAndRoleBuildsCleanly() throws {
        let tmp = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let out = tmp.appendingPathComponent("site")
        let report = try buildFixture("domain-c", output: out)
        #expect(report.diagnostics.isEmpty, "\(rendered(report.diagnostics))")
        #expect(report.referencesChecked == 29)
        for page in ["index", "reference", "guide"] {
            let html = try String(contentsOf: out.appendingPathComponent(page + ".html"), encoding: .utf8)
            expectGolden(html, "domain-c/\(page).html")
        }
    }

    @Test func cObjectsLandInTheInventoryWithSphinxAnchors() throws {
        let tmp = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let out = tmp.appendingPathComponent("site")
        _ = try buildFixture("domain-c", output: out)
        let inventory = try Inventory.decode(Data(contentsOf: out.appendingPathComponent("objects.inv")))
        let entries = Set(inventory.entries.filter { $0.domain == "c" }.map { "\($0.role) \($0.name) \($0.expandedURI)" })
        let expected = [
            "function tq_open reference.html#c.tq_open",
            "function tq_push_front reference.html#c.tq_push_front",
            "member tq_queue.length reference.html#c.tq_queue.length",
            "member tq_queue.on_full reference.html#c.tq_queue.on_full",
            "member tq_message.priority reference.html#c.tq_message.priority",
            // `c:var` describes a member, as in Sphinx.
            "member tq_debug_level reference.html#c.tq_debug_level",
            "member tq_net.tls.verify_depth reference.html#c.tq_net.tls.verify_depth",
            "macro TQ_MIN reference.html#c.TQ_MIN",
            "macro tq_net.PORT reference.html#c.tq_net.PORT",
            "struct tq_queue reference.html#c.tq_queue",
            "union tq_payload reference.html#c.tq_payload",
            "enum tq_status reference.html#c.tq_status",
            "enumerator tq_status.TQ_FULL reference.html#c.tq_status.TQ_FULL",
            "type tq_compare reference.html#c.tq_compare",
        ]
        for entry in expected { #expect(entries.contains(entry), "missing \(entry)") }
        // The alias line is a reference, not a second description.
        #expect(inventory.entries.filter { $0.domain == "c" }.count == 25)
    }

    @Test func oneBrokenReferenceOfEachCRoleIsReportedOnce() throws {
        let report = try buildFixture("domain-c-broken", output: nil)
        expectGolden(rendered(report.diagnostics, .text), "domain-c-broken/diagnostics.txt")
        let roles = ["func", "member", "var", "data", "macro", "struct", "union", "enum", "enumerator", "type"]
        #expect(report.errorCount == roles.count)
        for (offset, role) in roles.enumerated() {
            let found = report.diagnostics.filter { $0.id == "ref.c.\(role)" }
            #expect(found.count == 1, "ref.c.\(role)")
            #expect(found.first?.range?.start.line == 4 + offset, "ref.c.\(role)")
            #expect(found.first?.file?.path.hasSuffix("domain-c-broken/api.rst") == true)
        }
        let suggestions = Dictionary(uniqueKeysWithValues: report.diagnostics.map { ($0.id, $0.suggestions) })
        #expect(suggestions["ref.c.func"] == ["tq_open"])
        #expect(suggestions["ref.c.data"] == ["tq_queue.length"])
        #expect(suggestions["ref.c.enumerator"] == ["tq_status.TQ_FULL"])
        #expect(report.diagnostics.first { $0.id == "ref.c.type" }?.notes.first?.message.contains(":c:macro:") == true)
    }
}
