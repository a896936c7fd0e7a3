import DocTree
import Foundation
import Testing
@testable import Autodoc

/// Opt-in timing: `VELLUM_PY_PERF=dir swift test --filter PythonPerformance` extracts every `.py` in dir and prints times.
@Suite struct PythonPerformanceTests {
    @Test func timing() throws {
        guard let directory = ProcessInfo.processInfo.environment["VELLUM_PY_PERF"] else { return }
        for name in try FileManager.default.contentsOfDirectory(atPath: directory).sorted() where name.hasSuffix(".py") {
            let text = try String(contentsOfFile: directory + "/" + name, encoding: .utf8)
            let clock = ContinuousClock()
            var tokens: [PythonToken] = []
            let tokenizing = clock.measure { tokens = (try? PythonTokenizer.tokenize(text).get().tokens) ?? [] }
            var count = 0
            let total = clock.measure {
                count = PythonExtractor.extract(source: SourceFile(path: name, text: text), moduleName: "m").0?.members.count ?? -1
            }
            print("PERF \(name): \(tokens.count) tokens in \(tokenizing), \(count) members, total \(total)")
        }
    }
}
