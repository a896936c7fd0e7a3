import DocTree
import RST
import Testing

@Suite struct RegistryTests {
    @Test func hostCanRegisterADirective() {
        var options = RSTOptions()
        options.directives.register("automodule", Directive(DirectiveSpec(requiredArguments: 1,
                                                                           options: ["members": .flag])) { call, host in
            [Node("desc", attributes: ["module": .string(call.arguments[0]),
                                       "members": .bool(call.flag("members"))])]
        })
        let doc = RSTParser(options: options).parse(
            SourceFile(path: "p.rst", text: ".. automodule:: pkg.mod\n   :members:\n"), name: "p")
        #expect(doc.diagnostics.isEmpty)
        let desc = doc.root.children.first
        #expect(desc?.string("module") == "pkg.mod")
        #expect(desc?.attributes["members"] == .bool(true))
    }

    @Test func directiveNestedParseUsesTheHostMarkup() {
        var options = RSTOptions()
        options.directives.register("box", Directive(DirectiveSpec(hasContent: true)) { call, host in
            [Node(.container, children: host.parseNested(call.content, line: call.contentLine,
                                                         column: call.contentColumn, matchTitles: false))]
        })
        let doc = RSTParser(options: options).parse(
            SourceFile(path: "p.rst", text: ".. box::\n\n   *inside*\n"), name: "p")
        let emphasis = doc.root.first { $0.kind == .emphasis }
        #expect(emphasis?.textContent == "inside")
        #expect(emphasis?.range?.start == SourceLocation(line: 3, column: 4))
    }

    @Test func extraRolesAndExtlinks() {
        var options = RSTOptions()
        options.roles.register("setting", XrefRole(domain: "std", type: "setting").role)
        options.extlinks["issue"] = (url: "https://example.org/issues/%s", caption: "issue %s")
        let doc = RSTParser(options: options).parse(
            SourceFile(path: "p.rst", text: ":setting:`DEBUG` and :issue:`42`\n"), name: "p")
        #expect(doc.diagnostics.isEmpty)
        let xref = doc.root.first { $0.kind == .pendingXref }
        #expect(xref?.string("reftype") == "setting")
        let link = doc.root.first { $0.kind == .reference }
        #expect(link?.string("refuri") == "https://example.org/issues/42")
        #expect(link?.textContent == "issue 42")
    }
}
