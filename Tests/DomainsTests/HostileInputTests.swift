import DocTree
import Domains
import RST
import Testing

@Suite struct HostileInputTests {
    func elapsed(_ body: () -> Void) -> Duration { ContinuousClock().measure(body) }

    @Test func longSignaturesAndNamesStayLinear() {
        let nested = String(repeating: "(", count: 20_000) + String(repeating: ")", count: 20_000)
        let digits = String(repeating: "1", count: 50_000) + "x"
        let time = elapsed {
            _ = PythonSignature.parse("f(" + nested + ")")
            _ = PythonSignature.parse("f(" + String(repeating: "a, ", count: 20_000) + ")")
            _ = PythonSignature.parse("f(" + String(repeating: "'", count: 20_001) + ")")
            #expect(DomainID.make(prefix: "", digits) == "x")
        }
        #expect(time < .seconds(5), "\(time)")
    }

    @Test func bigDirectivesParseWithoutTrouble() {
        var text = ".. glossary::\n   :sorted:\n\n"
        for k in 0..<2_000 { text += "   term \(k)\n      Definition \(k).\n\n" }
        text += ".. option:: " + (0..<500).map { "--opt\($0)" }.joined(separator: ", ") + "\n\n"
        text += ".. py:function:: f(" + String(repeating: "[", count: 5_000) + "\n"
        let time = elapsed {
            let document = DomainsGolden.parse(text)
            var terms = 0
            document.root.walk { if $0.kind == .term { terms += 1 } }
            #expect(terms == 2_000)
            #expect(document.diagnostics.contains { $0.id == "domain.py.signature" })
        }
        #expect(time < .seconds(20), "\(time)")
    }
}
