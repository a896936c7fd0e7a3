import DocTree

/// Grid and simple tables.
struct TableParser {
    let parser: BlockParser

    func grid(_ lines: [Line], _ i: inout Int, _ out: inout [Node]) {
        parser.text(lines, &i, &out, matchTitles: false)
    }

    func simple(_ lines: [Line], _ i: inout Int, _ out: inout [Node]) {
        parser.text(lines, &i, &out, matchTitles: false)
    }
}
