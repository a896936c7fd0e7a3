import DocTree
import Foundation
import SwiftParser
import SwiftSyntax

/// Extracts the public API of a Swift module (a directory of sources) with swift-syntax.
///
/// Public and open declarations are kept; extensions are merged into the
/// types they extend; `///` and `/** */` comments become Markdown docstrings
/// with DocC's parameter, return and throws fields split out.
///
/// ```swift
/// let result = SwiftExtractor().extract(moduleName: "Routers", directory: "Sources/Routers")
/// result.module(named: "Routers")?.member(named: "RouterChain")
/// ```
public struct SwiftExtractor: Sendable {
    public init() {}

    /// Diagnostic ids this extractor reports.
    public enum DiagnosticID {
        public static let syntaxError = "autodoc.swift.syntax"
        public static let moduleNotFound = "autodoc.swift.module-not-found"
    }

    /// Reads every `.swift` file under `directory` (recursively, in sorted order).
    public func extract(moduleName: String, directory: String) -> ExtractionResult {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            return ExtractionResult(diagnostics: [Diagnostic.error(
                DiagnosticID.moduleNotFound, "no Swift module directory '\(directory)' for module '\(moduleName)'")])
        }
        let base = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        // Enumerate through symbolic links to the directory itself; report paths as given.
        let resolved = URL(fileURLWithPath: base).resolvingSymlinksInPath().path
        let paths = (manager.subpaths(atPath: resolved) ?? []).filter { $0.hasSuffix(".swift") }.sorted()
        let files = paths.compactMap { relative -> SourceFile? in
            guard let data = manager.contents(atPath: base + "/" + relative) else { return nil }
            return SourceFile(path: base + "/" + relative, text: String(decoding: data, as: UTF8.self))
        }
        let (module, diagnostics) = Self.extract(moduleName: moduleName, files: files)
        return ExtractionResult(modules: [module], diagnostics: diagnostics)
    }

    /// Extracts a module from sources already in memory. Syntax errors are reported
    /// (the parser recovers, so the rest of the file is still extracted).
    /// Deeper `[` nesting than real code has; swift-syntax slows down exponentially past it
    /// (14 brackets in a type take over a second).
    static let maxBracketDepth = 12

    /// The line where `[` brackets first nest deeper than ``maxBracketDepth``, or nil.
    static func tooDeeplyBracketed(_ text: String) -> Int? {
        var depth = 0
        var line = 1
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "["):
                depth += 1
                if depth > maxBracketDepth { return line }
            case UInt8(ascii: "]"): depth = max(0, depth - 1)
            case UInt8(ascii: "\n"): line += 1
            default: break
            }
        }
        return nil
    }

    public static func extract(moduleName: String, files: [SourceFile]) -> (APIModule, [Diagnostic]) {
        var objects: [APIObject] = []
        var extensions: [SwiftDeclarationReader.Extension] = []
        var diagnostics: [Diagnostic] = []
        for file in files.sorted(by: { $0.path < $1.path }) {
            if let line = Self.tooDeeplyBracketed(file.text) {
                diagnostics.append(Diagnostic(
                    id: "autodoc.swift.too-deep", severity: .error,
                    message: "brackets nested more than \(Self.maxBracketDepth) deep; the file is not read "
                        + "(the Swift parser's time grows exponentially with such nesting)",
                    file: file, range: SourceRange(line: line)))
                continue
            }
            let tree = Parser.parse(source: file.text)
            var reader = SwiftDeclarationReader(file: file, moduleName: moduleName)
            if tree.hasError, let diagnostic = firstError(in: tree, file: file, lines: reader.lines) {
                diagnostics.append(diagnostic)
            }
            reader.read(tree)
            objects += reader.objects
            extensions += reader.extensions
        }
        for ext in extensions { merge(ext, into: &objects, moduleName: moduleName) }
        objects = SwiftOverloads.disambiguated(objects)
        let module = APIModule(name: moduleName, language: .swift, members: objects,
                               files: files.sorted { $0.path < $1.path })
        return (module, diagnostics)
    }

    /// The first missing or unexpected piece of syntax, as a diagnostic.
    static func firstError(in tree: SourceFileSyntax, file: SourceFile, lines: SwiftLineMap) -> Diagnostic? {
        for token in tree.tokens(viewMode: .all) {
            let unexpected = token.ancestorOrSelf { $0.is(UnexpectedNodesSyntax.self) ? $0 : nil } != nil
            guard token.presence == .missing || unexpected else { continue }
            let start = lines.location(utf8Offset: token.positionAfterSkippingLeadingTrivia.utf8Offset)
            let message = token.presence == .missing
                ? "expected '\(token.text.isEmpty ? "\(token.tokenKind)" : token.text)'"
                : "unexpected code '\(token.text)'"
            return Diagnostic.error(DiagnosticID.syntaxError, "Swift syntax error: \(message)", file: file,
                                    range: DocTree.SourceRange(start: start, end: DocTree.SourceLocation(line: start.line, column: start.column + 1)))
        }
        return nil
    }

    /// Adds an extension's members and conformances to the type it extends
    /// (`A.B` finds nested types); extensions of types outside the module become
    /// entries of their own when they add public members.
    static func merge(_ ext: SwiftDeclarationReader.Extension, into objects: inout [APIObject], moduleName: String) {
        let path = ext.typePath.split(separator: ".").map(String.init)
        if mergeInto(&objects, path: path[...], ext: ext) { return }
        guard !ext.members.isEmpty else { return }
        if let index = objects.firstIndex(where: { $0.kind == .extension && $0.name == ext.typePath }) {
            objects[index].members += ext.members
            objects[index].bases += ext.bases.filter { !objects[index].bases.contains($0) }
            return
        }
        objects.append(APIObject(kind: .extension, name: ext.typePath, qualifiedName: moduleName + "." + ext.typePath,
                                 location: ext.location, docstring: ext.docstring, bases: ext.bases,
                                 whereClause: ext.whereClause, members: ext.members))
    }

    private static func mergeInto(_ objects: inout [APIObject], path: ArraySlice<String>, ext: SwiftDeclarationReader.Extension) -> Bool {
        guard let first = path.first,
              let index = objects.firstIndex(where: { $0.name == first && $0.kind != .extension && $0.kind != .function }) else {
            return false
        }
        if path.count > 1 { return mergeInto(&objects[index].members, path: path.dropFirst(), ext: ext) }
        var target = objects[index]
        target.bases += ext.bases.filter { !target.bases.contains($0) }
        for var member in ext.members {
            // `extension Box where Value: Codable { func f() }`: the constraint is part of the member.
            if let constraint = ext.whereClause, !constraint.isEmpty {
                member.whereClause = member.whereClause.map { constraint + ", " + $0 } ?? constraint
            }
            if let existing = target.members.firstIndex(where: { $0.name == member.name && $0.kind == member.kind }),
               target.kind == .protocol {
                // A default implementation of a requirement: keep the requirement, borrow missing docs.
                if target.members[existing].docstring == nil { target.members[existing].docstring = member.docstring }
                if !target.members[existing].modifiers.contains("default") { target.members[existing].modifiers.append("default") }
                continue
            }
            target.members.append(member)
        }
        objects[index] = target
        return true
    }
}
