import DocTree
import Domains
import RST
import Testing

@Suite struct DomainContextTests {
    @Test func applyIsIdempotent() {
        let text = ".. py:currentmodule:: m\n\n.. py:class:: C\n\n   .. py:method:: f()\n\n      See :py:meth:`g`.\n"
        let once = DomainsGolden.parse(text).root
        #expect(DomainContext.apply(once) == once)
        #expect(once.first { $0.kind == DomainContext.currentModuleKind } == nil, "markers are consumed")
        let method = once.first { $0.kind == "desc_signature" && $0.string("fullname") == "m.C.f" }
        #expect(method?.list("ids") == ["m.C.f"])
        let xref = once.first { $0.kind == .pendingXref }
        #expect(xref?.string("py:module") == "m")
        #expect(xref?.string("py:class") == "C")
    }

    @Test func classContextEndsWithTheClass() {
        let text = ".. py:class:: C\n\n   .. py:method:: f()\n\n:py:func:`g` outside\n"
        let root = DomainsGolden.parse(text).root
        let xref = root.first { $0.kind == .pendingXref }
        #expect(xref?.attributes["py:class"] == nil)
        #expect(xref?.attributes["py:module"] == nil)
    }

    @Test func signatureParser() throws {
        let s = try #require(PythonSignature.parse("a.b.f[T](x, y: dict[str, int] = {'a': (1, 2)}, *, z='),') -> list[T]"))
        #expect(s.prefix == "a.b")
        #expect(s.name == "f")
        #expect(s.typeParameters == "T")
        #expect(s.parameters == ["x", "y: dict[str, int] = {'a': (1, 2)}", "*", "z='),'"])
        #expect(s.returnAnnotation == "list[T]")
        #expect(PythonSignature.parse("f(") == nil)
        #expect(PythonSignature.parse("f() junk") == nil)
        #expect(PythonSignature.parse(".f") == nil)
        #expect(PythonSignature.parse("attr")?.parameters == nil)
    }

    @Test func anchors() {
        #expect(DomainID.make(prefix: "cmdoption-prog", "--verbose") == "cmdoption-prog-verbose")
        #expect(DomainID.make(prefix: "term", "Écrit à la main") == "term-Ecrit-a-la-main")
        #expect(DomainID.make(prefix: "envvar", "DATABASE_URL") == "envvar-DATABASE_URL")
        #expect(DomainID.make(prefix: "term", "???") == "term-0")
    }
}
