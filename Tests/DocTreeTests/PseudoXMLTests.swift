import Testing
@testable import DocTree

@Suite struct PseudoXMLTests {
    @Test func dumpsElementsTextAndSortedAttributes() {
        var section = Node(.section, attributes: ["names": .list(["a title"]), "ids": .list(["a-title"])])
        section.children = [
            Node(.title, children: [.text("A title")]),
            Node(.paragraph, children: [.text("one\ntwo"), Node(.emphasis, children: [.text("em")])]),
            Node(.literalBlock, attributes: ["xml:space": .string("preserve"), "classes": .list([])],
                 children: [.text("x\n\ny")]),
        ]
        let doc = Node(.document, attributes: ["source": .string("test data")], children: [section])
        let expected = """
        <document source="test data">
            <section ids="a-title" names="a\\ title">
                <title>
                    A title
                <paragraph>
                    one
                    two
                    <emphasis>
                        em
                <literal_block xml:space="preserve">
                    x
                    
                    y

        """
        #expect(doc.pseudoXML() == expected)
    }

    @Test func splitLinesLikePython() {
        #expect("a\r\nb\rc\n".pythonSplitLines() == ["a", "b", "c"])
        #expect("".pythonSplitLines() == [])
        #expect("\n\n".pythonSplitLines() == ["", ""])
    }
}
