import Autodoc
import DocTree
import Domains
import RST
import Testing

@Suite struct RenderDocstringTests {
    /// A store over one in-memory module.
    static func store(_ source: String, name: String = "pkg.mod") throws -> (APIStore, SourceFile) {
        let file = SourceFile(path: "src/pkg/mod.py", text: source)
        let (module, diagnostics) = PythonExtractor.extract(source: file, moduleName: name)
        #expect(diagnostics.isEmpty)
        return (APIStore(modules: [try #require(module)]), file)
    }

    @Test func brokenMarkupInADocstringReportsThePythonLine() throws {
        let source = """
        def f():
            \"\"\"Summary.

            Text with *unclosed emphasis.

            See :py:func:`g`.
            \"\"\"

        """
        let (store, file) = try Self.store(source)
        let document = RenderSupport.build(".. automodule:: pkg.mod\n   :members:\n", name: "page", store: store)
        let warning = try #require(document.diagnostics.first { $0.id == "rst.inline-markup" || $0.message.contains("emphasis") },
                                   "\(document.diagnostics.map(\.message))")
        #expect(warning.file === file)
        #expect(warning.range?.start.line == 4)
        #expect(warning.range?.start.column == 15, "column of the `*` in the .py file")
        // The reference inside the docstring keeps its position in the .py file and gets the module context.
        let xref = try #require(document.root.first { $0.kind == .pendingXref && $0.string("reftarget") == "g" })
        #expect(xref.range?.start == SourceLocation(line: 6, column: 9))
        #expect(xref.string("py:module") == "pkg.mod")
        #expect(xref.string("source") == "src/pkg/mod.py", "the file the reference was written in")
        #expect(store.sourceFile(path: "src/pkg/mod.py") === file)
        let message = try #require(document.root.first { $0.kind == .systemMessage })
        #expect(message.attributes["line"] == .int(4))
    }

    /// `:meta private:` hides a member from `:members:`, `:meta public:` shows `_x`,
    /// and neither field is rendered (as Sphinx's autodoc does).
    @Test func metaFieldsDecideVisibility() throws {
        let source = """
        def shown():
            \"\"\"Shown.\"\"\"

        def hidden():
            \"\"\"Hidden.

            :meta private:
            \"\"\"

        def _helper():
            \"\"\"A helper made public.

            :meta public:
            \"\"\"

        """
        let (store, _) = try Self.store(source)
        let document = RenderSupport.build(".. automodule:: pkg.mod\n   :members:\n", name: "page", store: store)
        var names: [String] = []
        document.root.walk { node in
            if node.kind == "desc_signature", let name = node.string("fullname") { names.append(name) }
        }
        #expect(names == ["pkg.mod._helper", "pkg.mod.shown"])
        #expect(!document.root.textContent.contains("meta"))
    }

    @Test func googleSectionsAreConverted() throws {
        let source = """
        def f(a, b):
            \"\"\"Summary.

            Args:
                a (int): The first.
                b: The second.

            Returns:
                str: Joined.

            Raises:
                ValueError: When wrong.
                BadInput: When bad.
            \"\"\"

        """
        let (store, _) = try Self.store(source)
        let document = RenderSupport.build(".. autofunction:: pkg.mod.f\n", name: "page", store: store)
        #expect(document.diagnostics.isEmpty, "\(document.diagnostics.map(\.message))")
        let names = document.root.children.flatMap { node -> [String] in
            var found: [String] = []
            node.walk { if $0.kind == .fieldName { found.append($0.textContent) } }
            return found
        }
        #expect(names == ["Parameters", "Returns", "Return type", "Raises"])
        let xref = document.root.first { $0.kind == .pendingXref && $0.string("reftarget") == "BadInput" }
        #expect(xref?.string("reftype") == "exc")
        #expect(xref?.range?.start.line == 13, "the line of the Raises entry in the .py file")
        #expect(document.root.first { $0.kind == .pendingXref && $0.string("reftarget") == "ValueError" } == nil,
                "builtins are not links")
    }

    @Test func missingModuleAndSyntaxErrorAreErrorsAtTheDirective() throws {
        let document = RenderSupport.build("Title\n=====\n\n.. automodule:: fixturepkg.broken\n", name: "page")
        let error = try #require(document.diagnostics.first)
        #expect(error.id == AutodocExpander.DiagnosticID.missingModule)
        #expect(error.severity == .error)
        #expect(error.range?.start.line == 4)
        #expect(error.notes.first?.file?.path.hasSuffix("fixturepkg/broken.py") == true, "the syntax error is a note")
    }

    @Test func swiftSymbolLinksAndAnchors() throws {
        let document = RenderSupport.build(".. autoclass:: Routers.RouterChain\n   :members:\n", name: "page")
        #expect(document.diagnostics.isEmpty, "\(document.diagnostics.map(\.message))")
        let signature = try #require(document.root.first { $0.kind == "desc_signature" })
        #expect(signature.string("fullname") == "Routers.RouterChain")
        var ids: [String] = []
        document.root.walk { ids += $0.list("ids") }
        #expect(!ids.isEmpty)
        for id in ids {
            #expect(id.unicodeScalars.allSatisfy { $0.isASCII && !" <>\"'#%&?/".unicodeScalars.contains($0) }, "\(id)")
        }
        let link = document.root.first { $0.kind == .pendingXref && $0.string("refdomain") == "swift" }
        #expect(link?.string("reftype") == "symbol")
    }

    @Test func expansionIsDeterministic() {
        let text = ".. automodule:: RestAuth.common.routers\n   :members:\n"
        #expect(RenderSupport.build(text, name: "a").root == RenderSupport.build(text, name: "a").root)
    }
}

extension RenderDocstringTests {
    @Test func hostileDocCommentsStayFast() throws {
        let line = String(repeating: "*a `b [c ``d _e ", count: 4_000)
        let file = SourceFile(path: "Hostile.swift", text: "/// " + line + "\npublic func f() {}\n")
        let (module, _) = SwiftExtractor.extract(moduleName: "Hostile", files: [file])
        let store = APIStore(modules: [module])
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            _ = RenderSupport.build(".. automodule:: Hostile\n   :members:\n", name: "page", store: store)
        }
        #expect(elapsed < .seconds(5), "\(elapsed)")
    }

    @Test func docCMarkdownBlocks() throws {
        let comment = """
        /// Summary with *emphasis*, **strong**, `code`, [a link](https://example.org) and ``Other/member``.
        ///
        /// # Heading
        ///
        /// 1. first
        /// 2. second
        ///    continued
        ///
        /// > Note: Be careful.
        ///
        ///     indented code
        ///
        /// - Parameter x: The x.
        /// - Returns: Nothing.
        public func g(x: Int) {}

        """
        let file = SourceFile(path: "Doc.swift", text: comment)
        let (module, _) = SwiftExtractor.extract(moduleName: "Doc", files: [file])
        let document = RenderSupport.build(".. autofunction:: Doc.g\n", name: "page", store: APIStore(modules: [module]))
        let kinds = Set(document.root.first { $0.kind == "desc_content" }?.children.map(\.kind.rawValue) ?? [])
        #expect(kinds.isSuperset(of: ["paragraph", "rubric", "enumerated_list", "note", "literal_block", "field_list"]), "\(kinds)")
        let link = try #require(document.root.first { $0.kind == .pendingXref })
        #expect(link.string("reftarget") == "Other.member")
        #expect(link.range?.start == SourceLocation(line: 1, column: 84))
        #expect(document.root.first { $0.kind == .reference }?.string("refuri") == "https://example.org")
        let signature = try #require(document.root.first { $0.kind == "desc_signature" })
        #expect(signature.list("ids") == ["Doc.g(x:)"])
        #expect(signature.first { $0.kind == "desc_parameter" }?.textContent == "x: Int")
    }
}

extension RenderDocstringTests {
    @Test func napoleonAttributesBecomeAttributeDescriptions() throws {
        let source = """
        class C:
            \"\"\"A class.

            Attributes:
                size (int): How big.

            Example:
                >>> C()

            Note:
                Careful with :py:attr:`size`.
            \"\"\"

        """
        let (store, _) = try Self.store(source)
        let document = RenderSupport.build(".. autoclass:: pkg.mod.C\n", name: "page", store: store)
        #expect(document.diagnostics.isEmpty, "\(document.diagnostics.map(\.message))")
        let attribute = try #require(document.root.first { $0.kind == "desc_signature" && $0.textContent.hasPrefix("size") })
        #expect(attribute.string("fullname") == "pkg.mod.C.size")
        #expect(attribute.list("ids") == ["pkg.mod.C.size"])
        #expect(document.root.first { $0.kind == "note" } != nil)
        let xref = try #require(document.root.first { $0.kind == .pendingXref && $0.string("reftarget") == "size" })
        #expect(xref.string("py:class") == "C")
        #expect(xref.range?.start.line == 11)
    }
}
