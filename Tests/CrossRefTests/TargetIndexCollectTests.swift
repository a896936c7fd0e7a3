import DocTree
import Foundation
import Testing
@testable import CrossRef

/// ``TargetIndex/collect(_:)`` over many objects: the same index and warnings as one object
/// at a time would give, in time that grows with the number of objects, not its square.
@Suite struct TargetIndexCollectTests {
    private func object(_ name: String, type: String = "function", document: String, isAlias: Bool = false,
                        overload: String? = nil) -> ObjectTarget {
        ObjectTarget(domain: "py", type: type, name: name, document: document, anchor: name,
                     file: SourceFile(path: document + ".rst", text: ""), range: nil, overload: overload, isAlias: isAlias)
    }

    private func page(_ name: String, _ objects: [ObjectTarget]) -> PageTargets {
        var page = PageTargets(document: name, title: name, file: SourceFile(path: name + ".rst", text: ""))
        page.objects = objects
        return page
    }

    @Test func aliasesDuplicatesAndOverloads() throws {
        let pages = [
            page("a", [object("m.f", document: "a", isAlias: true), object("m.g", document: "a"),
                       object("m.h", document: "a", overload: "int")]),
            page("b", [object("m.f", document: "b"), object("m.g", document: "b"), object("m.g", type: "class", document: "b"),
                       object("m.h", document: "b", overload: "double"), object("m.g", document: "b", isAlias: true)]),
        ]
        let (index, diagnostics) = TargetIndex.collect(pages)
        let py = try #require(index.objects["py"])
        // The alias gave way to the real description, without a warning.
        #expect(py["m.f"]?.map(\.document) == ["b"])
        #expect(py["m.f"]?.first?.isAlias == false)
        // The first description stays; the second warns; another type is another object.
        #expect(py["m.g"]?.map { "\($0.type)@\($0.document)" } == ["function@a", "class@b"])
        #expect(py["m.h"]?.map(\.overload) == ["int", "double"])
        #expect(diagnostics.map(\.id) == ["ref.duplicate-object"])
        #expect(diagnostics.first?.file?.path == "b.rst")
    }

    @Test func manyObjectsInOneDomain() {
        // 40,000 objects in one domain: copying its table for each one would copy ~800 million entries.
        let pages = (0..<200).map { p in
            page(String(format: "api%03d", p), (0..<200).map { object("m\(p).f\($0)", document: String(format: "api%03d", p)) })
        }
        let started = Date()
        let (index, diagnostics) = TargetIndex.collect(pages)
        #expect(index.objects["py"]?.count == 40_000)
        #expect(index.objects["py"]?["m123.f45"]?.first?.document == "api123")
        #expect(diagnostics.isEmpty)
        #expect(Date().timeIntervalSince(started) < 20)
    }
}
