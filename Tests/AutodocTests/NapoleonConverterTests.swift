import DocTree
import Foundation
import Testing
@testable import Autodoc
import RST

/// Reads `=== name` separated blocks.
private func blocks(_ file: String) throws -> [(name: String, text: String)] {
    let text = try String(contentsOfFile: Golden.fixtures + "/napoleon/" + file, encoding: .utf8)
    var result: [(String, [Substring])] = []
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        if line.hasPrefix("=== ") {
            result.append((String(line.dropFirst(4)), []))
        } else if !result.isEmpty {
            result[result.count - 1].1.append(line)
        }
    }
    return result.map { name, lines in
        var lines = lines
        while lines.last == "" { lines.removeLast() }
        return (name, lines.joined(separator: "\n"))
    }
}

@Suite struct NapoleonConverterTests {
    /// expected.txt is produced by Sphinx's napoleon (Oracle/napoleon_expected.py), not by this code.
    @Test func matchesSphinxNapoleon() throws {
        let cases = try blocks("cases.txt")
        let expected = Dictionary(uniqueKeysWithValues: try blocks("expected.txt").map { ($0.name, $0.text) })
        #expect(cases.count == expected.count)
        for (name, text) in cases {
            var actual = NapoleonConverter.convert(text: text)
            while actual.hasSuffix("\n") { actual.removeLast() }
            #expect(actual == expected[name], "case '\(name)'")
        }
    }

    @Test func convertedLinesMapBackToTheSource() throws {
        // A Google-style docstring written in a scratch module.
        let text = """
        def f(path, count):
            \"\"\"Summary.

            Args:
                path (str): Where to :ref:`look <nowhere>`.
                count: How many.
            \"\"\"
        """
        let module = try #require(PythonExtractor.extract(source: SourceFile(path: "g.py", text: text), moduleName: "g").0)
        let doc = try #require(module.member(named: "f")?.docstring)
        let converted = NapoleonConverter.convert(doc)
        let lines = converted.text.split(separator: "\n", omittingEmptySubsequences: false)
        let index = try #require(lines.firstIndex { $0.hasPrefix(":param path:") })
        // `:ref:` is at line 5, column 30 of the source, wherever it sits in the converted line.
        let column = lines[index].distance(from: lines[index].startIndex, to: lines[index].range(of: ":ref:")!.lowerBound) + 1
        #expect(converted.sourceLocation(line: index + 1, column: column) == SourceLocation(line: 5, column: 30))
        let typeIndex = try #require(lines.firstIndex { $0 == ":type path: str" })
        #expect(converted.sourceLocation(line: typeIndex + 1, column: 13) == SourceLocation(line: 5, column: 15))
    }

    @Test func markdownIsLeftAlone() {
        let file = SourceFile(path: "x.swift", text: "")
        let doc = Docstring(text: "Args:\n    x: y", format: .markdown, file: file,
                            lineStarts: [SourceLocation(line: 1, column: 1), SourceLocation(line: 2, column: 1)])
        #expect(NapoleonConverter.convert(doc) == doc)
    }
}

@Suite struct NapoleonRobustnessTests {
    @Test func deeplyNestedSectionsAreBounded() {
        var text = ""
        for level in 0..<300 {
            let pad = String(repeating: " ", count: level * 2)
            text += pad + "Args:\n" + pad + "  x: y\n"
        }
        let converted = NapoleonConverter.convert(text: text)
        #expect(!converted.isEmpty)
    }

    @Test func mutatedCasesNeverCrash() throws {
        let source = Array(try String(contentsOfFile: Golden.fixtures + "/napoleon/cases.txt", encoding: .utf8).unicodeScalars)
        var state: UInt64 = 7
        func random(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        let alphabet: [Unicode.Scalar] = [":", "`", "(", ")", " ", "\n", "-", "*", "<", ">", "A", "s"]
        for _ in 0..<200 {
            var scalars = source
            for _ in 0..<8 {
                let position = random(scalars.count)
                if random(2) == 0 { scalars.remove(at: position) } else { scalars.insert(alphabet[random(alphabet.count)], at: position) }
            }
            var text = String.UnicodeScalarView()
            text.append(contentsOf: scalars)
            _ = NapoleonConverter.convert(text: String(text))
        }
    }
}

@Suite struct DocstringRSTTests {
    /// A reference and an RST error inside a docstring are reported at the `.py` position.
    @Test func parsedDocstringPointsAtThePythonSource() throws {
        let text = """
        class Router:
            \"\"\"Routes queries.

            Args:
                name (str): See :py:class:`MasterSlave` for details.

            .. nosuchdirective:: here
            \"\"\"
        """
        let file = SourceFile(path: "router.py", text: text)
        let module = try #require(PythonExtractor.extract(source: file, moduleName: "router").0)
        let doc = NapoleonConverter.convert(try #require(module.member(named: "Router")?.docstring))
        let (nodes, diagnostics) = doc.parseRST(with: RSTParser(options: RenderSupport.options), name: "api")
        func find(_ nodes: [Node], _ kind: NodeKind) -> Node? {
            for node in nodes {
                if node.kind == kind { return node }
                if let found = find(node.children, kind) { return found }
            }
            return nil
        }
        let xref = try #require(find(nodes, .pendingXref))
        #expect(xref.attributes["reftarget"]?.stringValue == "MasterSlave")
        #expect(xref.range?.start == SourceLocation(line: 5, column: 25))
        let error = try #require(diagnostics.first)
        #expect(error.file === file)
        #expect(error.range?.start.line == 7)
    }
}
