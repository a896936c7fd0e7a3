import DocTree
import RST
import Testing

@Suite struct DiagnosticsTests {
    func parse(_ text: String) -> Document {
        RSTParser(options: .site()).parse(SourceFile(path: "page.rst", text: text), name: "page")
    }

    @Test func unknownDirectiveIsAnErrorAtItsName() {
        let doc = parse("Intro.\n\n.. frobnicate:: x\n")
        let errors = doc.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1)
        #expect(errors.first?.id == "rst.unknown-directive")
        #expect(errors.first?.range?.start == SourceLocation(line: 3, column: 4))
        #expect(doc.root.first { $0.kind == .systemMessage && $0.string("type") == "ERROR" } != nil)
    }

    @Test func unknownRoleIsAnErrorWithProblematicNode() {
        let doc = parse("Some :nope:`text` here.\n")
        let error = doc.diagnostics.first { $0.severity == .error }
        #expect(error?.id == "rst.unknown-role")
        #expect(error?.range?.start == SourceLocation(line: 1, column: 6))
        #expect(error?.range?.end == SourceLocation(line: 1, column: 18))
        #expect(doc.root.first { $0.kind == .problematic }?.textContent == ":nope:`text`")
    }

    @Test func directiveNamesAreCaseInsensitive() {
        let doc = parse(".. NOTE:: hi\n")
        #expect(doc.root.children.first?.kind == "note")
        #expect(doc.diagnostics.isEmpty)
    }

    @Test func unterminatedEmphasisWarnsAtItsColumn() {
        let doc = parse("a *b c\n")
        let w = doc.diagnostics.first
        #expect(w?.severity == .warning)
        #expect(w?.range?.start == SourceLocation(line: 1, column: 3))
    }

    @Test func xrefRangeSpansTheRole() {
        let doc = parse("See :ref:`label` now.\n")
        let xref = doc.root.first { $0.kind == .pendingXref }
        #expect(xref?.range == SourceRange(start: SourceLocation(line: 1, column: 5),
                                           end: SourceLocation(line: 1, column: 17)))
        #expect(xref?.string("reftarget") == "label")
        #expect(xref?.string("refdoc") == "page")
    }

    @Test func sectionsAndParagraphsCarryRanges() {
        let doc = parse("Title\n=====\n\nText here.\n")
        let section = doc.root.children.first
        #expect(section?.range?.start == SourceLocation(line: 1, column: 1))
        let para = section?.children.first { $0.kind == .paragraph }
        #expect(para?.range?.start == SourceLocation(line: 4, column: 1))
    }
}

/// Explicit titles as Sphinx reads them (issue 11, part 5).
@Suite struct ExplicitTitleTests {
    func xref(_ text: String) -> PendingXref? {
        let document = RSTParser(options: .site()).parse(SourceFile(path: "page.rst", text: text), name: "page")
        var found: PendingXref?
        document.root.walk { node in if found == nil, let xref = PendingXref(node) { found = xref } }
        return found
    }

    @Test func theSpaceBeforeTheTargetIsOptional() {
        #expect(xref(":doc:`title</path>`")?.target == "/path")
        #expect(xref(":doc:`title</path>`")?.explicit == true)
        #expect(xref(":ref:`x<lab>`")?.target == "lab")
        #expect(xref(":ref:`spaced <lab>`")?.target == "lab")
    }

    @Test func anEscapedAngleBracketIsPartOfTheTarget() {
        #expect(xref(":cpp:class:`RingBuffer\\<bool, 64>`")?.explicit == false)
        #expect(xref(":cpp:class:`RingBuffer\\<bool, 64>`")?.target == "RingBuffer<bool, 64>")
    }
}

/// A `replace::` whose content is a Sphinx role (issue 11, part 5).
@Suite struct SphinxRoleSubstitutionTests {
    @Test func aRoleInAReplaceDirective() {
        let document = RSTParser(options: .site()).parse(SourceFile(path: "page.rst", text: """
            Run |make| now.

            .. |make| replace:: :command:`make`
            """), name: "page")
        #expect(document.diagnostics.isEmpty, "\(document.diagnostics)")
        let definition = document.root.first(where: { $0.kind == .substitutionDefinition })
        #expect(definition?.children.first?.kind == "literal_strong")
    }
}
