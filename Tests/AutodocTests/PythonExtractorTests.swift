import Foundation
import DocTree
import Testing
@testable import Autodoc

private let pythonRoot = Golden.fixtures + "/python"

@Suite struct PythonExtractorGoldenTests {
    @Test(arguments: ["fixturepkg", "fixturepkg.constructs", "fixturepkg.tabs", "RestAuth.common.routers",
                      "reexports", "reexports._core", "typed", "typed._model", "typed.records", "typed.attrsclasses",
                      "runtime", "runtime._impl", "astnodes.nodes", "astnodes.filters", "reexports.cycle_a",
                      "reexports.formats", "reexports.formats.plain", "reexports.util"])
    func golden(moduleName: String) throws {
        let (module, diagnostics) = PythonExtractor(searchPaths: [pythonRoot]).extract(moduleNamed: moduleName)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
        let extracted = try #require(module)
        Golden.check(extracted.dump(relativeTo: pythonRoot), against: "python/\(moduleName).txt")
    }
}

@Suite struct PythonExtractorTests {
    let extractor = PythonExtractor(searchPaths: ["/nonexistent", pythonRoot])

    @Test func syntaxErrorIsADiagnosticAndOtherModulesContinue() throws {
        let result = extractor.extract(moduleNames: ["fixturepkg.broken", "fixturepkg.tabs", "no.such.module"])
        #expect(result.modules.map(\.name) == ["fixturepkg.tabs"])
        #expect(result.diagnostics.count == 2)
        let syntax = try #require(result.diagnostics.first)
        #expect(syntax.id == "autodoc.python.syntax")
        #expect(syntax.severity == .error)
        #expect(syntax.file?.path.hasSuffix("fixturepkg/broken.py") == true)
        #expect(syntax.range?.start == SourceLocation(line: 6, column: 11))
        #expect(result.diagnostics.last?.id == "autodoc.python.module-not-found")
        let rendered = DiagnosticFormatter().render(syntax)
        #expect(rendered.contains("broken.py:6:11: error:"), "\(rendered)")
    }

    @Test func locatorFindsModulesAndPackages() throws {
        let locator = PythonModuleLocator(searchPaths: [pythonRoot])
        #expect(locator.locate("fixturepkg")?.isPackage == true)
        #expect(locator.locate("RestAuth.common.routers")?.path.hasSuffix("RestAuth/common/routers.py") == true)
        #expect(locator.locate("fixturepkg.missing") == nil)
        #expect(locator.locate("../etc") == nil)
        #expect(locator.locate("") == nil)
        #expect(locator.submodules(of: "fixturepkg") == ["fixturepkg.broken", "fixturepkg.constructs", "fixturepkg.tabs"])
    }

    @Test func allIsHonoured() throws {
        let (module, _) = extractor.extract(moduleNamed: "RestAuth.common.routers")
        let routers = try #require(module)
        #expect(routers.all == ["RouterBase", "MasterSlave", "MultiMaster", "NoHealthyDatabase"])
        #expect(routers.publicMembers.map(\.name) == ["RouterBase", "MasterSlave", "MultiMaster", "NoHealthyDatabase"])
        #expect(routers.member(named: "_helper") != nil)
        #expect(routers.member(named: "NoHealthyDatabase")?.kind == .exception)
        let package = try #require(extractor.extract(moduleNamed: "fixturepkg").0)
        #expect(package.all == ["Shape", "VERSION", "compute_area"])
        #expect(package.publicMembers.map(\.name) == ["VERSION"], "Shape and compute_area are imported")
        let imported = package.imports.first { $0.name == "compute_area" }
        #expect(imported?.module == "fixturepkg.constructs")
        #expect(imported?.originalName == "area")
    }

    @Test func docstringLinesMapToTheSource() throws {
        let routers = try #require(extractor.extract(moduleNamed: "RestAuth.common.routers").0)
        let method = try #require(routers.object(at: "MasterSlave.db_for_read"))
        let doc = try #require(method.docstring)
        #expect(doc.text.hasPrefix("Choose a healthy database for reading *model*.\n\n:return:"))
        #expect(doc.line == 74)
        #expect(doc.sourceLocation(line: 1, column: 1) == SourceLocation(line: 74, column: 12))
        #expect(doc.sourceLocation(line: 3, column: 3) == SourceLocation(line: 76, column: 11))
        let file = try #require(routers.files.first)
        #expect(file.line(76)?.contains(":return: a replica") == true)
        let master = try #require(routers.object(at: "MasterSlave.master"))
        #expect(master.kind == .attribute)
        #expect(master.docstring?.text == "Alias of the writable database.")
    }

    @Test func crlfAndFormFeedsAndBOM() throws {
        let text = "\u{FEFF}\"\"\"Doc.\r\n\r\n  More.\r\n\"\"\"\r\nclass A:\r\n    \"Short.\"\r\n\u{0C}\r\nX = 1  #: x\r\n"
        let (module, diagnostics) = PythonExtractor.extract(source: SourceFile(path: "crlf.py", text: text),
                                                            moduleName: "crlf")
        #expect(diagnostics.isEmpty)
        let m = try #require(module)
        #expect(m.docstring?.text == "Doc.\n\nMore.")
        #expect(m.docstring?.lineStarts.map(\.line) == [1, 2, 3])
        #expect(m.member(named: "A")?.docstring?.text == "Short.")
        #expect(m.member(named: "X")?.docstring?.text == "x")
    }

    @Test func escapesInDocstrings() throws {
        let text = #"""
        def f():
            "Tab:    quote:\" hex:\x41 uni:\u00e9 octal:\101 keep:\q"
        def g():
            r"Raw \t stays"
        def h():
            b"bytes are not docstrings"
        def i():
            f"f-strings are not docstrings"
        """#
        let m = try #require(PythonExtractor.extract(source: SourceFile(path: "e.py", text: text), moduleName: "e").0)
        #expect(m.member(named: "f")?.docstring?.text == "Tab:    quote:\" hex:A uni:é octal:A keep:\\q")
        #expect(m.member(named: "g")?.docstring?.text == "Raw \\t stays")
        #expect(m.member(named: "h")?.docstring == nil)
        #expect(m.member(named: "i")?.docstring == nil)
    }

    @Test func signaturesRenderLikePython() throws {
        let m = try #require(extractor.extract(moduleNamed: "fixturepkg.constructs").0)
        let area = try #require(m.member(named: "area")?.signature)
        #expect(area.pythonParameterList == #"width: float, height: float = 1.0, /, *, unit: str = "m", **extra"#)
        #expect(m.member(named: "only_positional")?.signature?.pythonParameterList == "a, b, /")
        #expect(m.member(named: "fetch")?.modifiers == ["async"])
        #expect(m.object(at: "Shape")?.signature?.pythonParameterList == #"size: int = DEFAULT_SIZE, *, color: str = "red""#)
        #expect(m.object(at: "Point")?.signature?.pythonParameterList == #"x: int, y: int = 0, label: str = "p""#)
        #expect(m.object(at: "Shape.perimeter")?.kind == .property)
        #expect(m.object(at: "Shape.Meta.Deeper")?.qualifiedName == "fixturepkg.constructs.Shape.Meta.Deeper")
        #expect(m.member(named: "coerce")?.overloads.count == 2)
        #expect(m.member(named: "TooSmall")?.kind == .exception)
        #expect(m.member(named: "inner") == nil)
    }
}

/// Opt-in robustness check over a real corpus: `VELLUM_PY_CORPUS=/path/to/Lib swift test --filter corpus`.
/// Every file must either extract or fail with a syntax diagnostic; the failures are printed
/// so they can be compared with what Python's own parser says about the same files.
@Suite struct PythonCorpusTests {
    @Test func corpus() throws {
        guard let root = ProcessInfo.processInfo.environment["VELLUM_PY_CORPUS"] else { return }
        let files = (FileManager.default.enumerator(atPath: root)?.allObjects as? [String] ?? [])
            .filter { $0.hasSuffix(".py") }.sorted()
        var failures: [String] = []
        var objects = 0
        var listing: [String] = []
        func list(_ members: [APIObject], file: String, prefix: String) {
            for member in members where [.class, .exception, .function, .method, .property].contains(member.kind) {
                let kind = member.kind == .class || member.kind == .exception ? "class" : "def"
                listing.append("\(file) \(prefix)\(member.name) \(kind) \(member.location.start.line)")
                list(member.members, file: file, prefix: prefix + member.name + ".")
            }
        }
        for relative in files {
            guard let data = FileManager.default.contents(atPath: root + "/" + relative) else { continue }
            let source = SourceFile(path: relative, text: String(decoding: data, as: UTF8.self))
            let (module, diagnostics) = PythonExtractor.extract(source: source, moduleName: "m")
            if let module {
                objects += module.members.count
                list(module.members, file: relative, prefix: "")
            } else if let first = diagnostics.first {
                failures.append("\(relative):\(first.range?.start.description ?? "?"): \(first.message)")
            }
        }
        let report = "files \(files.count), top-level objects \(objects), failures \(failures.count)\n"
            + failures.joined(separator: "\n")
        try (listing.joined(separator: "\n") + "\n").write(toFile: "/tmp/vellum-py-corpus-listing.txt",
                                                            atomically: true, encoding: .utf8)
        try report.write(toFile: ProcessInfo.processInfo.environment["VELLUM_PY_CORPUS_REPORT"] ?? "/tmp/vellum-py-corpus.txt",
                         atomically: true, encoding: .utf8)
    }
}

@Suite struct PythonAllFollowingTests {
    @Test func importedNamesInAllAreFollowed() throws {
        let extractor = PythonExtractor(searchPaths: [Golden.fixtures + "/python"])
        let package = try #require(extractor.extract(moduleNamed: "fixturepkg").0)
        let (members, diagnostics) = extractor.documentedMembers(of: package)
        #expect(diagnostics.isEmpty)
        #expect(members.map(\.name) == ["Shape", "VERSION", "compute_area"])
        #expect(members.map(\.qualifiedName) == ["fixturepkg.Shape", "fixturepkg.VERSION", "fixturepkg.compute_area"])
        #expect(members.first?.member(named: "perimeter")?.qualifiedName == "fixturepkg.Shape.perimeter")
        var broken = package
        broken.all = ["Nope"]
        let (none, warnings) = extractor.documentedMembers(of: broken)
        #expect(none.isEmpty)
        #expect(warnings.first?.id == "autodoc.python.missing-all-member")
        let shape = try #require(extractor.extract(moduleNamed: "fixturepkg.constructs").0?.member(named: "Shape"))
        #expect(shape.member(named: "create")?.sphinxObjectType == "classmethod")
        #expect(shape.member(named: "draw")?.sphinxObjectType == "method")
        #expect(shape.sphinxObjectType == "class")
    }
}
