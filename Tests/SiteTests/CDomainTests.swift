import CrossRef
import DocTree
@testable import Domains
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
        #expect(report.referencesChecked == 31)
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
            // C enums are unscoped: their enumerators are also named next to the enum.
            "enumerator TQ_FULL reference.html#c.tq_status.TQ_FULL",
            "type tq_compare reference.html#c.tq_compare",
            // Function parameters are objects inside the function, with its anchor (Sphinx's `functionParam`).
            "functionParam tq_push_front.length reference.html#c.tq_push_front",
        ]
        for entry in expected { #expect(entries.contains(entry), "missing \(entry)") }
        // The alias line is a reference, not a second description.
        #expect(inventory.entries.filter { $0.domain == "c" }.count == 38)
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
        #expect(suggestions["ref.c.enumerator"] == ["TQ_FULL"])
        #expect(report.diagnostics.first { $0.id == "ref.c.type" }?.notes.first?.message.contains(":c:macro:") == true)
    }

    /// The declared name of C and C++ declarations (what Sphinx takes as the object's name).
    @Test(arguments: [
        ("int *PyObject_Call(PyObject *callable, PyObject *args)", CDeclaration.Language.c, "PyObject_Call"),
        ("const char *name", .c, "name"),
        ("char *const label", .c, "label"),
        ("MAX(a, b)", .c, "MAX"),
        ("Py_BEGIN_ALLOW_THREADS", .c, "Py_BEGIN_ALLOW_THREADS"),
        ("int values[16]", .c, "values"),
        ("void (*cb)(int)", .c, "cb"),
        ("void (*(*table)(int))(double)", .c, "table"),
        ("PyObject *PyTypeObject.tp_bases", .c, "PyTypeObject.tp_bases"),
        ("unsigned flags : 3", .c, "flags"),
        ("RED = 1", .c, "RED"),
        ("template<class T> void swap(T&, T&)", .cpp, "swap"),
        ("std::size_t ns::Stack<T>::size() const noexcept", .cpp, "ns::Stack::size"),
        ("bool operator==(const Point &other) const", .cpp, "operator=="),
        ("operator bool() const", .cpp, "operator bool"),
        ("~Stack()", .cpp, "~Stack"),
        ("Handle = std::shared_ptr<Resource>", .cpp, "Handle"),
        ("std::vector<std::pair<int, int>> pairs", .cpp, "pairs"),
        ("int (Widget::*handler)(int)", .cpp, "handler"),
    ])
    func declarationNames(_ text: String, _ language: CDeclaration.Language, _ name: String) {
        #expect(CDeclaration.parse(text, language: language, shape: .declaration)?.name == name)
    }

    @Test func parameterTypesMakeOverloadKeys() {
        #expect(CFamilyNames.overloadKey(["const T &value = T()", "int"], qualifiers: ["const"]) == "(const T&,int) const")
        #expect(CFamilyNames.overloadKey(["void"], qualifiers: []) == "()")
        #expect(CFamilyNames.overloadKey(["std::string name", "unsigned int", "const Foo"], qualifiers: [])
                    == "(std::string,unsigned int,const Foo)")
        #expect(CFamilyNames.reference("ns::C<int>::f(const T&) const", language: .cpp) == ("ns::C::f", "(const T&) const"))
        #expect(CFamilyNames.reference("f()", language: .cpp) == ("f", nil))
        #expect(CFamilyNames.reference("point.x", language: .c) == ("point.x", nil))
    }

    /// Unbalanced or truncated declarations are refused (a warning at the directive), never a crash or a
    /// hang; brackets are matched once per declaration, so hostile nesting stays linear.
    @Test(arguments: ["", "(", "int f(", "))))", "operator", "template<", "template<typename T", "int (*", "::", "~",
                      "\"x\"", "<<<<", "a::", "[", "int a[", "f((((((((((",
                      "int " + String(repeating: "(*", count: 3000) + "p" + String(repeating: ")", count: 3000),
                      "void f" + String(repeating: "(", count: 4000) + String(repeating: ")", count: 4000),
                      "template" + String(repeating: "<", count: 8000), String(repeating: "a<", count: 4000),
                      "f(" + String(repeating: "a<", count: 4000) + ")"])
    func malformedDeclarationsAreRefused(_ text: String) {
        if text.hasPrefix("int (*(*") {
            #expect(CDeclaration.parse(text, language: .c, shape: .declaration) == nil)
        }
        for language in [CDeclaration.Language.c, .cpp] {
            for shape in [CDeclaration.Shape.declaration, .named] {
                let parsed = CDeclaration.parse(text, language: language, shape: shape)
                #expect(parsed == nil || parsed?.name.isEmpty == false)
            }
        }
    }
}
