import DocTree
import Testing
@testable import CrossRef
import Domains

/// Builds small trees by hand, as the parsers would produce them.
enum Trees {
    static func section(_ title: String, id: String, _ children: [Node] = []) -> Node {
        Node(.section, attributes: ["ids": .list([id]), "names": .list([title.lowercased()])],
             children: [Node(.title, children: [.text(title)])] + children)
    }

    static func label(_ name: String) -> Node {
        Node(.target, attributes: ["ids": .list([name]), "names": .list([name])], range: SourceRange(line: 1))
    }

    static func xref(_ type: String, _ target: String, text: String? = nil, line: Int = 3) -> Node {
        Node(.pendingXref,
             attributes: ["refdomain": .string("std"), "reftype": .string(type), "reftarget": .string(target),
                          "refexplicit": .bool(text != nil)],
             children: [Node(.inline, attributes: ["classes": .list(["xref", "std", "std-\(type)"])],
                             children: [.text(text ?? target)])],
             range: SourceRange(start: .init(line: line, column: 5), end: .init(line: line, column: 12)))
    }

    static func document(_ name: String, _ children: [Node]) -> Document {
        Document(name: name, source: SourceFile(path: "\(name).rst", text: "a\nb\nsee :ref:`x`\n"),
                 root: Node(.document, children: children))
    }
}

@Suite struct ResolverTests {
    func index(_ documents: [Document]) -> (TargetIndex, [Document], [Diagnostic]) {
        let processed = documents.map(TargetCollector.process)
        let (index, diagnostics) = TargetIndex.collect(processed.map(\.1))
        return (index, processed.map(\.0), diagnostics)
    }

    @Test func labelBeforeSectionTakesItsTitleAndAnchor() throws {
        let page = Trees.document("guide/a", [Trees.section("Guide", id: "guide", [
            Trees.label("my-label"), Trees.section("Details here", id: "details-here"),
        ])])
        let other = Trees.document("index", [Trees.section("Home", id: "home", [
            Node(.paragraph, children: [Trees.xref("ref", "my-label"), Trees.xref("ref", "My-Label", text: "custom")]),
        ])])
        let (index, docs, problems) = index([page, other])
        #expect(problems.isEmpty)
        #expect(index.labels["my-label"]?.anchor == "my-label")
        #expect(index.labels["my-label"]?.title == "Details here")
        // The section now carries the label's id too.
        let section = docs[0].root.first { $0.kind == .section && $0.list("ids").contains("details-here") }
        #expect(section?.list("ids") == ["details-here", "my-label"])

        let outcome = Resolver(index: index, domains: BuiltinDomains.all()).resolve(docs[1])
        #expect(outcome.diagnostics.isEmpty)
        #expect(outcome.referencesChecked == 2)
        var references: [Node] = []
        outcome.document.root.walk { if $0.kind == .reference { references.append($0) } }
        #expect(references.map { $0.string("refuri") } == ["guide/a.html#my-label", "guide/a.html#my-label"])
        #expect(references.map(\.textContent) == ["Details here", "custom"])
    }

    @Test func brokenReferencesSuggestNearNames() {
        let page = Trees.document("index", [Trees.section("Home", id: "home", [
            Trees.label("replication-setup"), Trees.section("Setup", id: "setup"),
            Node(.paragraph, children: [Trees.xref("ref", "replication_setup"), Trees.xref("ref", "zzz"),
                                        Trees.xref("doc", "Index")]),
        ])])
        let (index, docs, _) = index([page])
        let outcome = Resolver(index: index, domains: BuiltinDomains.all()).resolve(docs[0])
        #expect(outcome.diagnostics.map(\.message) == [
            "undefined label 'replication_setup'", "undefined label 'zzz'", "unknown document 'Index'",
        ])
        #expect(outcome.diagnostics.map(\.suggestions) == [["replication-setup"], [], ["index"]])
        #expect(outcome.diagnostics.allSatisfy { $0.id == "ref.ref" || $0.id == "ref.doc" })
        #expect(outcome.diagnostics.allSatisfy { $0.range?.start.line == 3 })
    }

    @Test func labelWithoutTitleNeedsExplicitText() {
        let page = Trees.document("index", [Trees.section("Home", id: "home", [
            Trees.label("loose"), Node(.paragraph, children: [.text("plain")]),
            Node(.paragraph, children: [Trees.xref("ref", "loose"), Trees.xref("ref", "loose", text: "ok")]),
        ])])
        let (index, docs, _) = index([page])
        let outcome = Resolver(index: index, domains: BuiltinDomains.all()).resolve(docs[0])
        #expect(outcome.diagnostics.count == 1)
        #expect(outcome.diagnostics.first?.message.contains("not placed before a section title") == true)
    }

    @Test func duplicateLabelsNameBothPlaces() {
        let a = Trees.document("a", [Trees.label("dup"), Trees.section("A", id: "a")])
        let b = Trees.document("b", [Trees.label("dup"), Trees.section("B", id: "b")])
        let (_, _, problems) = index([b, a])
        #expect(problems.count == 1)
        #expect(problems.first?.file?.path == "b.rst")
        #expect(problems.first?.notes.first?.file?.path == "a.rst")
    }

    @Test func documentNamesResolveRelativeAndAbsolute() {
        #expect(PageURL.resolveDocument("setup", from: "guide/index") == "guide/setup")
        #expect(PageURL.resolveDocument("../index", from: "guide/setup") == "index")
        #expect(PageURL.resolveDocument("/api/x.rst", from: "guide/setup") == "api/x")
        #expect(PageURL.resolveDocument("../../x", from: "guide/setup") == nil)
        #expect(PageURL.relative(from: "guide/setup", to: "index") == "../index.html")
        #expect(PageURL.relative(from: "guide/setup", to: "guide/b", anchor: "x") == "b.html#x")
        #expect(PageURL.relative(from: "index", to: "a/b/c") == "a/b/c.html")
        #expect(PageURL.relative(from: "a/b/c", to: "a/d") == "../d.html")
    }
}
