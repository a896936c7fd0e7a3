import Foundation
import Autodoc
import CrossRef
import Domains
import RST
import DocTree
import Testing

@Suite struct RenderGoldenTests {
    @Test func restAuthRouters() throws { try RenderSupport.check("restauth") }
    @Test func swiftRouters() throws { try RenderSupport.check("routers") }
}

extension RenderGoldenTests {
    @Test func memberOptions() throws { try RenderSupport.check("options") }
}

extension RenderGoldenTests {
    /// The seed page (shared/seeds/database-replication.rst, read in place, never
    /// copied into the repository) over the fixture package.
    @Test func seedPage() throws {
        // shared/ sits beside the repository (also in CI); /work/shared is where this workplace keeps it.
        let seed = [RenderSupport.repositoryRoot + "/../shared", "/work/shared"]
            .first { FileManager.default.fileExists(atPath: $0) }.map { $0 + "/seeds/database-replication.rst" }
            ?? RenderSupport.repositoryRoot + "/../shared/seeds/database-replication.rst"
        guard let text = try? String(contentsOfFile: seed, encoding: .utf8) else {
            Issue.record("the seed page is expected at \(seed) (shared/ beside the repository)")
            return
        }
        let document = RenderSupport.build(text, name: "seed")
        #expect(document.diagnostics.filter { $0.severity >= .warning }.isEmpty,
                "\(document.diagnostics.map(\.message))")
        var names: [String] = []
        document.root.walk { if $0.kind == "desc_signature", let name = $0.string("fullname") { names.append(name) } }
        #expect(names.contains("RestAuth.common.routers.MasterSlave"))
        #expect(names.contains("RestAuth.common.routers.MasterSlave.db_for_read"))
    }
}

extension RenderGoldenTests {
    /// The Swift extractor's sample (generics, failable and throwing initializers, subscripts, extensions).
    @Test func swiftSample() throws {
        let path = RenderSupport.fixtures + "/swift/Sample/Shapes.swift.fixture"
        let file = SourceFile(path: "Sample/Shapes.swift", text: try String(contentsOfFile: path, encoding: .utf8))
        let (module, _) = SwiftExtractor.extract(moduleName: "Sample", files: [file])
        try RenderSupport.check("sample", store: APIStore(modules: [module]))
    }
}

extension RenderGoldenTests {
    /// A package whose public names all come from re-exports: `from .x import Y [as Y]`,
    /// `from .x import *` with the source's `__all__`, module aliases, conditional imports,
    /// `__all__` built with `+=` and `.extend`, and an import cycle that ends in an error.
    @Test func reexportedPackage() throws { try RenderSupport.check("reexports") }

    @Test func importsAreFollowedToTheDefiningModule() throws {
        let store = RenderSupport.store
        let engine = try #require(store.follow("reexports.Engine"))
        #expect(engine.object.qualifiedName == "reexports.Engine")
        #expect(engine.canonicalName == "reexports._core.Engine")
        #expect(engine.definingModule.name == "reexports._core")
        #expect(engine.object.members.map(\.qualifiedName) == ["reexports.Engine.run"])
        #expect(store.follow("reexports.slugify")?.canonicalName == "reexports.util.slugify")
        #expect(store.follow("reexports.Reader")?.canonicalName == "reexports.io.Reader")
        #expect(store.follow("reexports.plainfmt.render")?.canonicalName == "reexports.formats.plain.render")
        #expect(store.follow("reexports.not_exported") == nil)
        #expect(store.follow("reexports.cycle_a.loop") == nil)
    }
}

extension RenderGoldenTests {
    /// A re-exported object answers to its public name and to its defining one (Sphinx's canonical names).
    @Test func reexportedObjectsResolveByBothNames() {
        let document = RenderSupport.build("""
            .. automodule:: reexports
               :members:

            :py:class:`reexports.Engine`, :py:class:`reexports._core.Engine`,
            :py:meth:`reexports._core.Engine.run` and :py:func:`reexports.util.slugify`.
            """, name: "api")
        let (page, targets) = TargetCollector.process(document)
        let (index, duplicates) = TargetIndex.collect([targets])
        #expect(duplicates.isEmpty)
        let outcome = Resolver(index: index, domains: BuiltinDomains.all()).resolve(page)
        #expect(outcome.referencesChecked >= 4)
        #expect(outcome.diagnostics.isEmpty, "\(outcome.diagnostics.map(\.message))")
        var hrefs: [String] = []
        outcome.document.root.walk { if $0.kind == .reference, let uri = $0.refuri { hrefs.append(uri) } }
        // The paragraph's four references come last (before them: the types named in the signatures).
        #expect(hrefs.suffix(4) == ["#reexports.Engine", "#reexports.Engine", "#reexports.Engine.run", "#reexports.slugify"])
    }
}

extension RenderGoldenTests {
    /// `automethod` in an `autoclass` body is the class's member; `automodule` and
    /// `py:currentmodule` set the module for what follows.
    @Test func directivesInsideBodiesTakeTheirContext() throws { try RenderSupport.check("context") }

    /// pallets-sphinx-themes' `jinja:nodes`: the class tree depth first, children by case-insensitive name,
    /// fields joined along the bases, own public methods of abstract classes, a `Node type` field.
    @Test func jinjaNodesDocumentTheClassTree() throws { try RenderSupport.check("jinja-nodes") }

    /// `jinja:filters`: a table of links and a function per dict entry under its longest name, aliases after.
    @Test func jinjaFiltersDocumentTheMapping() throws { try RenderSupport.check("jinja-filters") }

    /// What a module does at run time, read from the source: `__getattr__`'s lazy names, a class known by
    /// another name as an alias, `doc=` descriptors, property factories, `:inherited-members: Base`, `auto()`.
    @Test func runTimeBehaviourReadStatically() throws { try RenderSupport.check("runtime") }

    /// A class attribute bound to a class shows its doc comment where autodoc finds it (the module and
    /// class it is documented under), then "alias of" the class by its last name (as Sphinx 9.2 does).
    @Test func classValuedAttributesShowTheirCommentOrAlias() {
        func rendered(_ text: String) -> String {
            let parsed = RSTParser(options: RenderSupport.options).parse(SourceFile(path: "t.rst", text: text), name: "t")
            return AutodocExpander.expand(parsed, store: RenderSupport.store, parserOptions: RenderSupport.options)
                .root.pseudoXML()
        }
        let defining = rendered(".. autoclass:: runtime._impl.Store\n   :members: accessor_class\n")
        #expect(defining.contains("The class that reads one header.") && defining.contains("alias of"))
        let reexported = rendered(".. autoclass:: runtime.Store\n   :members: accessor_class\n")
        #expect(!reexported.contains("The class that reads one header.") && reexported.contains("alias of"))
        #expect(reexported.contains("reftarget=\"runtime._impl.Accessor\"") && !reexported.contains("runtime._impl.Accessor\n"))
        let inherited = rendered(".. autoclass:: runtime._impl._OldStore\n   :members: accessor_class\n   :inherited-members:\n")
        #expect(!inherited.contains("The class that reads one header.") && inherited.contains("alias of"))
    }

    /// `automodule` with `:members: Store` documents Store with all of its own members, as autodoc does
    /// (the list chooses the module's members, not the class's). Sphinx 9.2 gives these ids.
    @Test func aMemberListChoosesTheModulesMembersOnly() {
        let text = ".. automodule:: runtime._impl\n   :members: Store\n"
        let parsed = RSTParser(options: RenderSupport.options).parse(SourceFile(path: "t.rst", text: text), name: "t")
        var ids: [String] = []
        AutodocExpander.expand(parsed, store: RenderSupport.store, parserOptions: RenderSupport.options).root.walk { node in
            if node.kind == "desc_signature", let id = node.ids.first { ids.append(id) }
        }
        #expect(ids == ["runtime._impl.Store", "runtime._impl.Store.accessor_class", "runtime._impl.Store.age",
                        "runtime._impl.Store.close", "runtime._impl.Store.etag", "runtime._impl.Store.limit",
                        "runtime._impl.Store.make_header", "runtime._impl.Store.origin", "runtime._impl.Store.stream"])
    }

    /// pallets-sphinx-themes leaves out members whose docstring has a line `:internal:`.
    @Test func internalMembersAreLeftOutWithPalletsThemes() {
        let text = ".. autoclass:: runtime.Store\n   :members:\n"
        let parsed = RSTParser(options: RenderSupport.options).parse(SourceFile(path: "t.rst", text: text), name: "t")
        var settings = AutodocSettings()
        #expect(AutodocExpander.expand(parsed, store: RenderSupport.store, parserOptions: RenderSupport.options,
                                       settings: settings).root.pseudoXML().contains("runtime.Store.close"))
        settings.skipInternal = true
        let skipped = AutodocExpander.expand(parsed, store: RenderSupport.store, parserOptions: RenderSupport.options,
                                             settings: settings).root.pseudoXML()
        #expect(!skipped.contains("runtime.Store.close") && skipped.contains("runtime.Store.etag"))
    }
}
