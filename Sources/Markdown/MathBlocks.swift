import Foundation
import Markup
import DocTree

extension MarkdownConverter {
    /// A paragraph's source lines as written (block-quote markers and indentation removed).
    func sourceLines(of block: CmarkNode, context: Context) -> [String] {
        guard block.start.line >= 1, block.end.line >= block.start.line else { return [] }
        var lines: [String] = []
        for line in block.start.line...block.end.line {
            let bytes = text.bytes(ofLine: line)
            // The first line starts where cmark says (after a list marker too); later ones at their content.
            let from = line == block.start.line ? max(block.start.column, 1)
                : text.firstContentColumn(line: line, quoteDepth: context.quoteDepth) ?? (bytes.count + 1)
            lines.append(String(decoding: bytes[min(from - 1, bytes.count)...], as: UTF8.self))
        }
        return lines
    }

    /// `dollarmath` display math: a paragraph that opens with `$$` and closes
    /// with `$$`, optionally followed by `(label)`, is one `math_block` (the
    /// same node as RST's `math` directive; a label numbers the equation).
    func displayMath(_ block: CmarkNode, context: Context) -> Node? {
        guard settings.extensions.contains("dollarmath") else { return nil }
        let lines = sourceLines(of: block, context: context)
        var whole = lines.joined(separator: "\n")
        while whole.last == " " || whole.last == "\t" { whole.removeLast() }
        guard whole.hasPrefix("$$"), whole.count >= 4 else { return nil }
        var label: String?
        if whole.hasSuffix(")"), let open = whole.range(of: "$$ (", options: .backwards) ?? whole.range(of: "$$(", options: .backwards),
           open.lowerBound > whole.index(whole.startIndex, offsetBy: 1) {
            let name = whole[open.upperBound..<whole.index(before: whole.endIndex)]
            if !name.isEmpty, !name.contains(where: { $0 == "(" || $0 == ")" || $0 == "\n" }) {
                label = String(name).trimmingWhitespace()
                whole = String(whole[..<whole.index(open.lowerBound, offsetBy: 2)])
            }
        }
        guard whole.hasSuffix("$$"), whole.count >= 4 else { return nil }
        let latex = String(whole.dropFirst(2).dropLast(2)).trimmingWhitespace()
        guard !latex.isEmpty, !latex.contains("$$") else { return nil }
        var node = Node(.mathBlock, attributes: ["xml:space": .string("preserve")], children: [.text(latex)],
                        range: range(of: block))
        if let label, !label.isEmpty { node.attributes[AttributeKey.label] = .string(label) }
        return node
    }

    /// The environments `amsmath` reads as display math.
    static let amsmathEnvironments: Set<String> = [
        "equation", "multline", "gather", "align", "alignat", "flalign", "matrix", "pmatrix", "bmatrix",
        "Bmatrix", "vmatrix", "Vmatrix", "eqnarray",
    ]

    /// `amsmath`: a paragraph that is one `\begin{env}` … `\end{env}` of an
    /// amsmath environment (starred or not) is a `math_block` passed through
    /// without a math wrapper (`nowrap`), its LaTeX exactly as written.
    func amsmathBlock(_ block: CmarkNode, context: Context) -> Node? {
        guard settings.extensions.contains("amsmath") else { return nil }
        let lines = sourceLines(of: block, context: context)
        let whole = lines.joined(separator: "\n").trimmingWhitespace()
        guard whole.hasPrefix("\\begin{"), let close = whole.firstIndex(of: "}") else { return nil }
        var environment = String(whole[whole.index(whole.startIndex, offsetBy: 7)..<close])
        let starred = environment.hasSuffix("*")
        if starred { environment.removeLast() }
        guard Self.amsmathEnvironments.contains(environment),
              whole.hasSuffix("\\end{\(environment)\(starred ? "*" : "")}") else { return nil }
        return Node(.mathBlock, attributes: ["xml:space": .string("preserve"), AttributeKey.nowrap: .bool(true),
                                             AttributeKey.classes: .list(["amsmath"])],
                    children: [.text(whole)], range: range(of: block))
    }
}
