import DocTree
import Foundation
import Testing
@testable import Autodoc

/// Mutated copies of the fixture must never crash or hang the extractor:
/// each one either extracts or yields exactly one syntax diagnostic.
@Suite struct PythonRobustnessTests {
    @Test func mutatedSourcesNeverCrash() throws {
        let path = Golden.fixtures + "/python/fixturepkg/constructs.py"
        let original = Array(try String(contentsOfFile: path, encoding: .utf8).unicodeScalars)
        var generator = SplitMix(seed: 2026)
        let alphabet: [Unicode.Scalar] = ["(", ")", "[", "]", "{", "}", "'", "\"", "\\", "\n", "\t", " ", ":", "#", "@",
                                          "f", "=", ",", "*", "/", "é", "\r", "\u{0C}"]
        var failures = 0
        for _ in 0..<300 {
            var scalars = original
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                let position = Int.random(in: 0..<scalars.count, using: &generator)
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: scalars.remove(at: position)
                case 1: scalars.insert(alphabet.randomElement(using: &generator)!, at: position)
                default: scalars[position] = alphabet.randomElement(using: &generator)!
                }
            }
            var text = String.UnicodeScalarView()
            text.append(contentsOf: scalars)
            let (module, diagnostics) = PythonExtractor.extract(source: SourceFile(path: "m.py", text: String(text)),
                                                                moduleName: "m")
            #expect((module == nil) == (diagnostics.count == 1))
            if module == nil { failures += 1 }
        }
        #expect(failures > 0, "some mutations must be syntax errors")
    }
}

/// A tiny deterministic generator for the mutation test.
private struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
