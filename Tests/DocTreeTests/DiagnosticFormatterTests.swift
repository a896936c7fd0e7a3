import Testing
@testable import DocTree

@Suite struct DiagnosticFormatterTests {
    let file = SourceFile(path: "docs/page.rst", text: "Title\n=====\n\nsee :ref:`missing-label` here\n")

    var diagnostic: Diagnostic {
        Diagnostic(id: "ref.ref", severity: .error, message: "undefined label 'missing-label'",
                   file: file,
                   range: SourceRange(start: .init(line: 4, column: 5), end: .init(line: 4, column: 25)),
                   suggestions: ["missing_label"])
    }

    @Test func textShowsLocationLineAndCaret() {
        let text = DiagnosticFormatter(format: .text).render(diagnostic)
        #expect(text == """
        docs/page.rst:4:5: error: undefined label 'missing-label' [ref.ref]
         4 | see :ref:`missing-label` here
           |     ^^^^^^^^^^^^^^^^^^^^
        help: did you mean 'missing_label'?

        """)
    }

    @Test func jsonIsOneObjectPerLine() {
        let json = DiagnosticFormatter(format: .json).render(diagnostic)
        #expect(json == #"{"path":"docs/page.rst","line":4,"column":5,"end_line":4,"end_column":25,"severity":"error","id":"ref.ref","message":"undefined label 'missing-label'","notes":[],"suggestions":["missing_label"]}"# + "\n")
    }

    @Test func githubAnnotation() {
        let gh = DiagnosticFormatter(format: .github).render(diagnostic)
        #expect(gh == "::error file=docs/page.rst,line=4,col=5,endColumn=25,title=ref.ref::undefined label 'missing-label'%0Ahelp: did you mean 'missing_label'?\n")
    }

    @Test func sourceLinesHandleCRLF() {
        let f = SourceFile(path: "x", text: "a\r\nb\rc")
        #expect(f.line(1) == "a")
        #expect(f.line(2) == "b")
        #expect(f.line(3) == "c")
        #expect(f.line(4) == nil)
    }
}
