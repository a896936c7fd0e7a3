import CrossRef
import DocTree
import Foundation
import Testing
@testable import Site

/// The `cpp` domain on whole projects: namespaces, nested classes, templates,
/// overloads, every directive and role (no diagnostics, golden HTML, the
/// objects in `objects.inv`, `:any:` finding a class), and one broken
/// reference of each role.
@Suite struct CppDomainTests {
    @Test func everyCppDirectiveAndRoleBuildsCleanly() throws {
        let tmp = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let out = tmp.appendingPathComponent("site")
        let report = try buildFixture("domain-cpp", output: out)
        #expect(report.diagnostics.isEmpty, "\(rendered(report.diagnostics))")
        #expect(report.referencesChecked == 43)
        for page in ["index", "containers", "geometry", "guide"] {
            let html = try String(contentsOf: out.appendingPathComponent(page + ".html"), encoding: .utf8)
            expectGolden(html, "domain-cpp/\(page).html")
        }
    }

    @Test func referencesPickOverloadsAndAnyFindsAClass() throws {
        let tmp = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let out = tmp.appendingPathComponent("site")
        _ = try buildFixture("domain-cpp", output: out)
        let guide = try String(contentsOf: out.appendingPathComponent("guide.html"), encoding: .utf8)
        // `:any:` consults the C++ domain.
        #expect(guide.contains(#"<a class="reference internal" href="containers.html#cpp.orb-SharedBuffer"><span class="xref any">orb::SharedBuffer</span></a>"#))
        // A parameter list picks the overload; template arguments in the name are ignored.
        #expect(guide.contains(#"href="containers.html#cpp.orb-RingBuffer-push-T-rref"><code class="docutils literal notranslate xref cpp cpp-func">orb::RingBuffer::push(T&amp;&amp;)</code>"#))
        #expect(guide.contains(#"href="containers.html#cpp.orb-RingBuffer-push-const-T-ref"><code class="docutils literal notranslate xref cpp cpp-func">orb::RingBuffer&lt;T, N&gt;::push(const T&amp;)</code>"#))
        #expect(guide.contains(#"href="geometry.html#cpp.orb-geo-area-const-Point-ref-const-Point-ref""#))
        // Template arguments find a specialisation.
        #expect(guide.contains(#"href="containers.html#cpp.orb-RingBuffer-bool-64""#))
        // The parameter types find `operator==(const RingBuffer&) const` without its `const`.
        #expect(guide.contains(#"href="containers.html#cpp.orb-RingBuffer-operator-eq-const-RingBuffer-ref-const""#))
        // An unscoped enum's enumerator is found next to the enum.
        #expect(guide.contains(#"href="geometry.html#cpp.orb-geo-Axis-horizontal""#))
    }

    @Test func cppObjectsLandInTheInventory() throws {
        let tmp = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let out = tmp.appendingPathComponent("site")
        _ = try buildFixture("domain-cpp", output: out)
        let inventory = try Inventory.decode(Data(contentsOf: out.appendingPathComponent("objects.inv")))
        let entries = inventory.entries.filter { $0.domain == "cpp" }.map { "\($0.role) \($0.name) \($0.expandedURI)" }
        let expected = [
            "class orb::RingBuffer containers.html#cpp.orb-RingBuffer",
            // The specialisation is a second object of the same name, with its own anchor.
            "class orb::RingBuffer containers.html#cpp.orb-RingBuffer-bool-64",
            // `cpp:struct` describes a class, `cpp:var` a member, `cpp:enum-class` an enum, as in Sphinx.
            "class orb::RingBuffer::Cursor containers.html#cpp.orb-RingBuffer-Cursor",
            "member orb::RingBuffer::Cursor::index containers.html#cpp.orb-RingBuffer-Cursor-index",
            "enum orb::geo::Unit geometry.html#cpp.orb-geo-Unit",
            "function orb::RingBuffer::push containers.html#cpp.orb-RingBuffer-push-const-T-ref",
            "function orb::RingBuffer::push containers.html#cpp.orb-RingBuffer-push-T-rref",
            "function orb::RingBuffer::~RingBuffer containers.html#cpp.orb-RingBuffer-RingBuffer-dtor",
            "function orb::RingBuffer::operator== containers.html#cpp.orb-RingBuffer-operator-eq-const-RingBuffer-ref-const",
            "function orb::swap containers.html#cpp.orb-swap-T-ref-T-ref",
            "member orb::RingBuffer::capacity containers.html#cpp.orb-RingBuffer-capacity",
            "type orb::RingBuffer::value_type containers.html#cpp.orb-RingBuffer-value_type",
            "type orb::geo::Polygon geometry.html#cpp.orb-geo-Polygon",
            "concept orb::Sized containers.html#cpp.orb-Sized",
            "union orb::Slot containers.html#cpp.orb-Slot",
            "member orb::detail::counter containers.html#cpp.orb-detail-counter",
            "enumerator orb::geo::Unit::metre geometry.html#cpp.orb-geo-Unit-metre",
            // An unscoped enum's enumerators are also named next to the enum (Sphinx adds them to the parent).
            "enumerator orb::geo::Axis::horizontal geometry.html#cpp.orb-geo-Axis-horizontal",
            "enumerator orb::geo::horizontal geometry.html#cpp.orb-geo-Axis-horizontal",
            // Template and function parameters are objects inside their declaration, with its anchor.
            "templateParam orb::RingBuffer::N containers.html#cpp.orb-RingBuffer",
            "templateParam orb::swap::T containers.html#cpp.orb-swap-T-ref-T-ref",
            "functionParam orb::RingBuffer::push::value containers.html#cpp.orb-RingBuffer-push-T-rref",
            "functionParam orb::detail::hash::seed containers.html#cpp.orb-detail-hash-const-char-ptr-int",
        ]
        for entry in expected { #expect(entries.contains(entry), "missing \(entry)") }
        #expect(entries.count == 53)
        #expect(Set(entries).count == entries.count)
    }

    @Test func oneBrokenReferenceOfEachCppRoleIsReportedOnce() throws {
        let report = try buildFixture("domain-cpp-broken", output: nil)
        expectGolden(rendered(report.diagnostics, .text), "domain-cpp-broken/diagnostics.txt")
        let roles = ["any", "class", "struct", "union", "func", "member", "var", "type", "concept", "enum", "enumerator"]
        #expect(report.errorCount == roles.count)
        for (offset, role) in roles.enumerated() {
            let found = report.diagnostics.filter { $0.id == "ref.cpp.\(role)" }
            #expect(found.count == 1, "ref.cpp.\(role)")
            #expect(found.first?.range?.start.line == 4 + offset, "ref.cpp.\(role)")
            #expect(found.first?.file?.path.hasSuffix("domain-cpp-broken/api.rst") == true)
        }
        let suggestions = Dictionary(uniqueKeysWithValues: report.diagnostics.map { ($0.id, $0.suggestions) })
        // A name outside its namespace is not found (as in Sphinx), and the full name is suggested.
        #expect(suggestions["ref.cpp.class"] == ["orb::Buffer"])
        #expect(suggestions["ref.cpp.member"] == ["orb::Buffer::capacity"])
        // An `enum class` enumerator is only in its enum, as in Sphinx.
        #expect(suggestions["ref.cpp.enumerator"] == ["orb::Unit::metre"])
        // A missing overload lists the ones there are.
        #expect(report.diagnostics.first { $0.id == "ref.cpp.func" }?.notes.count == 2)
        #expect(report.diagnostics.first { $0.id == "ref.cpp.concept" }?.notes.first?.message.contains(":cpp:class:") == true)
    }

    /// A second description of the same declaration warns once (not once per parameter);
    /// overloads, which differ in their parameter types, are not duplicates.
    @Test func duplicatesWarnOnceAndOverloadsAreNotDuplicates() throws {
        let tmp = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: tmp) }
        try "[project]\nname = \"d\"\n".write(to: tmp.appendingPathComponent("vellum.toml"), atomically: true, encoding: .utf8)
        try """
            D
            =

            .. cpp:function:: void draw(int x, int y)
            .. cpp:function:: void draw(int x, int y)
            .. cpp:function:: void draw(double x, double y)
            .. c:function:: int area(int w, int h)
            .. c:function:: int area(int w, int h)

            :cpp:func:`draw(double, double)` and :c:func:`area`.
            """.write(to: tmp.appendingPathComponent("index.rst"), atomically: true, encoding: .utf8)
        let report = try SiteBuilder.build(BuildOptions(sourceDirectory: tmp.path, outputDirectory: nil))
        #expect(report.errorCount == 0)
        #expect(report.diagnostics.map(\.id) == ["ref.duplicate-object", "ref.duplicate-object"])
        #expect(report.diagnostics.map { $0.range?.start.line } == [5, 8])
    }
}
