import DocTree
import Foundation
import RST
import Testing

/// Parses every `Fixtures/<case>.rst` and compares the tree with
/// `Fixtures/<case>.pseudoxml`. Cases named `docutils-*` were produced by
/// docutils 0.23 (rst2pseudoxml); the others were reviewed by hand.
/// Regenerate with VELLUM_UPDATE_GOLDEN=1 (then review the diff).
@Suite struct GoldenTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static var cases: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: fixtures.path)) ?? []
        return names.filter { $0.hasSuffix(".rst") }.map { String($0.dropLast(4)) }.sorted()
    }

    static func parse(_ name: String) throws -> Document {
        let text = try String(contentsOf: fixtures.appendingPathComponent(name + ".rst"), encoding: .utf8)
        let parser = RSTParser(options: name.hasPrefix("sphinx") ? .site(sourceLabel: "test data") : RSTOptions(sourceLabel: "test data"))
        return parser.parse(SourceFile(path: name + ".rst", text: text), name: name)
    }

    @Test(arguments: cases)
    func golden(_ name: String) throws {
        let actual = try Self.parse(name).root.pseudoXML()
        let expectedURL = Self.fixtures.appendingPathComponent(name + ".pseudoxml")
        if ProcessInfo.processInfo.environment["VELLUM_UPDATE_GOLDEN"] == "1" {
            try actual.write(to: expectedURL, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: expectedURL, encoding: .utf8)
        #expect(actual == expected, "tree differs from \(name).pseudoxml")
    }

    @Test func fixturesExist() {
        #expect(Self.cases.count >= 5)
    }
}
