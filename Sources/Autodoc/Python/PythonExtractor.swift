import DocTree
import Foundation

/// Extracts the API of Python modules from their source, without importing or running them.
///
/// ```swift
/// let extractor = PythonExtractor(searchPaths: ["src"])
/// let result = extractor.extract(moduleNames: ["RestAuth.common.routers"])
/// result.module(named: "RestAuth.common.routers")?.member(named: "MasterSlave")
/// ```
public struct PythonExtractor: Sendable {
    public var locator: PythonModuleLocator

    public init(searchPaths: [String]) {
        locator = PythonModuleLocator(searchPaths: searchPaths)
    }

    /// Diagnostic ids this extractor reports.
    public enum DiagnosticID {
        public static let syntaxError = "autodoc.python.syntax"
        public static let moduleNotFound = "autodoc.python.module-not-found"
        public static let unreadable = "autodoc.python.unreadable"
    }

    /// Extracts the named modules. A module that cannot be found, read or parsed
    /// is reported in the diagnostics; the others are still extracted.
    public func extract(moduleNames: [String]) -> ExtractionResult {
        var result = ExtractionResult()
        for name in moduleNames {
            let (module, diagnostics) = extract(moduleNamed: name)
            if let module { result.modules.append(module) }
            result.diagnostics += diagnostics
        }
        return result
    }

    /// Extracts one module found by dotted name under the search paths.
    public func extract(moduleNamed name: String) -> (APIModule?, [Diagnostic]) {
        guard let location = locator.locate(name) else {
            return (nil, [Diagnostic.error(DiagnosticID.moduleNotFound,
                                           "no Python module named '\(name)' under \(locator.searchPaths.joined(separator: ", "))")])
        }
        guard let data = FileManager.default.contents(atPath: location.path) else {
            return (nil, [Diagnostic.error(DiagnosticID.unreadable, "cannot read '\(location.path)'")])
        }
        switch PythonSourceDecoder.decode(data) {
        case let .success(text):
            return Self.extract(source: SourceFile(path: location.path, text: text), moduleName: name,
                                isPackage: location.isPackage)
        case let .failure(error):
            let file = SourceFile(path: location.path, text: String(decoding: data, as: UTF8.self))
            return (nil, [Diagnostic.error(DiagnosticID.syntaxError, "Python syntax error: \(error.message)", file: file,
                                           range: SourceRange(line: error.location.line, column: 1, length: 1))])
        }
    }

    /// Extracts a module from source text already in memory.
    ///
    /// Returns nil and one error diagnostic (with file, line and column) when the source has a syntax error.
    public static func extract(source: SourceFile, moduleName: String, isPackage: Bool = false) -> (APIModule?, [Diagnostic]) {
        func failure(_ error: PythonSyntaxError) -> (APIModule?, [Diagnostic]) {
            let range = SourceRange(start: error.location, end: SourceLocation(line: error.location.line,
                                                                               column: error.location.column + 1))
            return (nil, [Diagnostic.error(DiagnosticID.syntaxError, "Python syntax error: \(error.message)",
                                           file: source, range: range)])
        }
        switch PythonTokenizer.tokenize(source.text) {
        case let .failure(error):
            return failure(error)
        case let .success((tokens, comments)):
            do {
                let statements = try PythonStatement.parse(tokens)
                var builder = PythonModuleBuilder(file: source, moduleName: moduleName, isPackage: isPackage,
                                                  comments: comments)
                return (try builder.build(statements), [])
            } catch let error as PythonSyntaxError {
                return failure(error)
            } catch {
                return failure(PythonSyntaxError(message: "\(error)", location: SourceLocation(line: 1, column: 1)))
            }
        }
    }
}
