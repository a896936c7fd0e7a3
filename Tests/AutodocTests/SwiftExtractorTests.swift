import DocTree
import Foundation
import Testing
@testable import Autodoc

private func fixture(_ name: String) throws -> SourceFile {
    let path = Golden.fixtures + "/swift/Sample/" + name
    return SourceFile(path: "Sample/" + name, text: try String(contentsOfFile: path, encoding: .utf8))
}

/// The repository root, found from this file's path (Tests/AutodocTests/…).
private let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().path

@Suite struct SwiftExtractorTests {
    @Test func goldenSample() throws {
        let (module, diagnostics) = SwiftExtractor.extract(moduleName: "Sample", files: [try fixture("Shapes.swift.fixture")])
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
        Golden.check(module.dump(), against: "swift/Sample.txt")
    }

    @Test func goldenRouters() throws {
        let result = SwiftExtractor().extract(moduleName: "Routers", directory: repositoryRoot + "/Sources/Routers")
        #expect(result.diagnostics.isEmpty)
        let module = try #require(result.module(named: "Routers"))
        Golden.check(module.dump(relativeTo: repositoryRoot), against: "swift/Routers.txt")
    }

    @Test func syntaxErrorIsReportedAndExtractionContinues() throws {
        let (module, diagnostics) = SwiftExtractor.extract(moduleName: "Sample", files: [try fixture("Broken.swift.fixture")])
        let error = try #require(diagnostics.first)
        #expect(error.id == "autodoc.swift.syntax")
        #expect(error.file?.path == "Sample/Broken.swift.fixture")
        #expect(error.range?.start.line == 4)
        #expect(module.member(named: "Fine") != nil)
        #expect(module.member(named: "After")?.docstring?.text == "Still extracted after the error.")
    }

    @Test func missingDirectory() {
        let result = SwiftExtractor().extract(moduleName: "Nope", directory: "/nonexistent/dir")
        #expect(result.modules.isEmpty)
        #expect(result.diagnostics.first?.id == "autodoc.swift.module-not-found")
    }

    @Test func docFieldsAreStructured() throws {
        let (module, _) = SwiftExtractor.extract(moduleName: "Sample", files: [try fixture("Shapes.swift.fixture")])
        let draw = try #require(module.object(at: "Shape.draw(in:color:)"))
        let doc = try #require(draw.docstring)
        #expect(doc.text == "Draws the shape.")
        #expect(doc.fields.parameters.map(\.name) == ["context", "color"])
        #expect(doc.fields.parameters.first?.text == "Where to draw.\nA second line about the context.")
        #expect(doc.fields.parameters.first?.lineStarts == [SourceLocation(line: 21, column: 22),
                                                           SourceLocation(line: 22, column: 13)])
        #expect(doc.fields.throws?.text == "``DrawingError`` when the context is closed.")
        #expect(draw.modifiers.contains("default"))
        let scaled = try #require(module.object(at: "Shape.scaled(by:)")?.docstring)
        #expect(scaled.fields.parameters.first?.name == "factor")
        #expect(scaled.fields.returns?.text == "The scaled shape.")
        #expect(scaled.text == "Scales the shape.")
        let square = try #require(module.member(named: "Square")?.docstring)
        #expect(square.text == "A square.\n\nBlock comments work too.")
        #expect(square.lineStarts.first == SourceLocation(line: 29, column: 4))
    }

    @Test func visibilityAndMerging() throws {
        let (module, _) = SwiftExtractor.extract(moduleName: "Sample", files: [try fixture("Shapes.swift.fixture")])
        let square = try #require(module.member(named: "Square"))
        let names = square.members.map(\.name)
        #expect(names.contains("perimeter"))
        #expect(names.contains("description"))
        #expect(!names.contains("hidden") && !names.contains("alsoHidden") && !names.contains("secret()"))
        #expect(!names.contains("notPublic()"))
        #expect(square.bases == ["Shape", "Hashable", "CustomStringConvertible"])
        #expect(module.member(named: "Int") == nil, "extensions without public members are dropped")
        #expect(module.member(named: "Array")?.kind == .extension)
        #expect(module.member(named: "linuxOnly()") != nil && module.member(named: "otherPlatforms()") != nil)
    }
}

@Suite struct APIModuleWalkTests {
    @Test func symbolPathsAndBaseNames() throws {
        let (module, _) = SwiftExtractor.extract(moduleName: "Sample", files: [try fixture("Shapes.swift.fixture")])
        let paths = module.flattened(separator: "/").map(\.path)
        #expect(paths.contains("Square/init(side:)"))
        #expect(paths.contains("Shape/draw(in:color:)"))
        #expect(paths.contains("Base/Nested"))
        let plus = try #require(module.object(at: "Square")?.member(named: "+(_:_:)"))
        #expect(plus.baseName == "+")
        #expect(module.object(at: "Square")?.member(named: "init(side:)")?.baseName == "init")
        #expect(module.member(named: "Square")?.baseName == "Square")
    }
}

/// Opt-in: `VELLUM_SWIFT_CORPUS=/path/to/Sources/Module swift test --filter swiftCorpus` extracts a real
/// module and writes its dump to /tmp/vellum-swift-corpus.txt for review.
@Suite struct SwiftCorpusTests {
    @Test func swiftCorpus() throws {
        guard let directory = ProcessInfo.processInfo.environment["VELLUM_SWIFT_CORPUS"] else { return }
        let clock = ContinuousClock()
        var result = ExtractionResult()
        let elapsed = clock.measure {
            result = SwiftExtractor().extract(moduleName: (directory as NSString).lastPathComponent, directory: directory)
        }
        let module = try #require(result.modules.first)
        let summary = "files \(module.files.count), declarations \(module.flattened().count), "
            + "diagnostics \(result.diagnostics.count), \(elapsed)\n"
        try (summary + module.dump(relativeTo: directory)).write(toFile: "/tmp/vellum-swift-corpus.txt", atomically: true,
                                                                 encoding: .utf8)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
    }

    /// Found by the swiftdoc fuzz target: swift-syntax's time doubles with each `[` nested in a
    /// type, so deep nesting is refused with a diagnostic instead of hanging the build.
    @Test func deeplyNestedBracketsAreRefusedQuickly() {
        let started = Date()
        let source = "/// Doc.\nfunc f(_ x" + String(repeating: "[", count: 36) + ": Int) {}\n"
        let (module, diagnostics) = SwiftExtractor.extract(moduleName: "M", files: [SourceFile(path: "M/f.swift", text: source)])
        #expect(module.members.isEmpty)
        #expect(diagnostics.map(\.id) == ["autodoc.swift.too-deep"])
        #expect(diagnostics.first?.range?.start.line == 2)
        #expect(Date().timeIntervalSince(started) < 2)
    }
}

/// Overloads that share their argument labels, as real packages declare them
/// (`init(help:)` in two constrained extensions, `first(where:)` for two
/// element types), and extensions of the standard library's types.
@Suite struct SwiftOverloadTests {
    static let source = """
        public struct Box<Value> {
            /// Any value.
            public init(help: String) {}
            /// Indexes by integer.
            public func item(at index: Int) -> Value { fatalError() }
            /// Indexes by name.
            public func item(at name: String) -> Value { fatalError() }
        }

        extension Box where Value: Equatable {
            /// Equatable values.
            public init(help: String) {}
        }

        extension Box where Value == Int {
            /// Integers.
            public init(help: String) {}
        }

        extension Collection {
            /// Everything but the first element.
            public var tail: SubSequence { dropFirst() }
        }
        """

    static func module() -> APIModule {
        SwiftExtractor.extract(moduleName: "Kit", files: [SourceFile(path: "Kit/Box.swift", text: source)]).0
    }

    @Test func sameLabelsGetDistinctNamesDocCStyle() throws {
        let box = try #require(Self.module().member(named: "Box"))
        let names = box.members.map(\.qualifiedName)
        // Different parameter types tell `item(at:)` apart; the initializers differ only by constraints (a hash).
        #expect(names.contains("Kit.Box.item(at:)"))
        #expect(names.contains("Kit.Box.item(at:)-(String)->Value"))
        let inits = names.filter { $0.hasPrefix("Kit.Box.init(help:)") }
        #expect(inits.count == 3)
        #expect(Set(inits).count == 3)
        #expect(inits.first == "Kit.Box.init(help:)")
        #expect(inits.dropFirst().allSatisfy { $0.range(of: #"^Kit\.Box\.init\(help:\)-[0-9a-f]{1,4}$"#, options: .regularExpression) != nil })
        // The constraint of the extension is the member's.
        #expect(box.members.filter { $0.name == "init(help:)" }.map(\.whereClause) == [nil, "Value: Equatable", "Value == Int"])
    }

    @Test func disambiguationIsStable() throws {
        func names() throws -> [String] { try #require(Self.module().member(named: "Box")).members.map(\.qualifiedName) }
        #expect(try names() == names())
    }

    @Test func extensionsOfOtherModulesTypesAreDocumentedUnderThem() throws {
        let ext = try #require(Self.module().member(named: "Collection"))
        #expect(ext.kind == .extension)
        #expect(ext.members.map(\.qualifiedName) == ["Kit.Collection.tail"])
    }
}

/// `#if` branches as a plain `swift build` reads them, and operators named as DocC names them.
@Suite struct SwiftConditionTests {
    static func names(_ source: String) -> [String] {
        SwiftExtractor.extract(moduleName: "Kit", files: [SourceFile(path: "Kit/A.swift", text: source)]).0
            .members.map(\.name)
    }

    @Test func compilerVersionsAndUndefinedFlagsDecide() {
        let source = """
            #if compiler(<6.2)
            /// Old.
            public struct Old {}
            #else
            /// New.
            public struct New {}
            #endif
            #if !SOME_UNDEFINED_FLAG && swift(>=5.9)
            /// Kept.
            public struct Kept {}
            #endif
            #if SOME_UNDEFINED_FLAG
            /// Dropped.
            public struct Dropped {}
            #endif
            """
        #expect(Self.names(source) == ["New", "Kept"])
    }

    @Test func platformConditionsKeepEveryBranch() {
        let source = """
            #if os(Linux)
            /// On Linux.
            public struct OnLinux {}
            #elseif canImport(Darwin)
            /// On Darwin.
            public struct OnDarwin {}
            #else
            /// Elsewhere.
            public struct Elsewhere {}
            #endif
            """
        #expect(Self.names(source) == ["OnLinux", "OnDarwin", "Elsewhere"])
    }

    @Test func operatorsHaveNoArgumentLabels() throws {
        let source = """
            /// A box.
            public struct Box {
                /// Equal.
                public static func ==(left: Box, right: Box) -> Bool { true }
            }
            """
        let box = try #require(SwiftExtractor.extract(moduleName: "Kit", files: [SourceFile(path: "Kit/A.swift", text: source)]).0
            .member(named: "Box"))
        #expect(box.members.map(\.name) == ["==(_:_:)"])
    }
}
