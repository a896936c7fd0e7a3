import DocTree
import Foundation

/// Parses reStructuredText into a `Document` (the tree docutils builds
/// before transforms, plus Sphinx's cross-reference nodes and diagnostics).
public struct RSTParser: Sendable {
    public var options: RSTOptions

    public init(options: RSTOptions = .init()) {
        self.options = options
    }

    /// Parses one file. `name` is the page name (`guide/replication`).
    /// Never throws: problems become diagnostics and `system_message` nodes.
    public func parse(_ file: SourceFile, name: String) -> Document {
        // Nesting recurses (even a short line such as `- - - - …` nests lists), and callers
        // may run on small-stack threads: parse on a large stack (inline when already on one).
        let options = self.options
        return LargeStack.run { RSTParser.parseOnCurrentThread(file, name: name, options: options) }
    }

    static func parseOnCurrentThread(_ file: SourceFile, name: String, options: RSTOptions) -> Document {
        let ctx = ParseContext(file: file, options: options, documentName: name)
        let parser = BlockParser(ctx: ctx)
        let lines = LineSplitter.lines(file.text)
        var children: [Node]
        if let long = lines.firstIndex(where: { $0.text.count > options.lineLengthLimit }) {
            var message = ctx.systemMessage(.error, "rst.line-length", "Line \(long + 1) exceeds the line-length-limit.",
                                            line: lines[long].number)
            message.attributes["line"] = nil
            children = [message]
        } else {
            children = parser.parseBody(withProlog(lines, options.prolog, ctx: ctx), matchTitles: true)
        }
        var root = Node(.document, attributes: ["source": .string(ctx.sourceLabel)], children: children,
                        range: SourceRange(start: SourceLocation(line: 1, column: 1),
                                           end: SourceLocation(line: Swift.max(1, lines.count + 1), column: 1)))
        for (k, v) in ctx.documentAttributes { root.attributes[k] = v }
        var start = ctx.documentStart.filter { $0.kind != "#header" && $0.kind != "#footer" }
        let header = ctx.documentStart.filter { $0.kind == "#header" }.flatMap { $0.children }
        let footer = ctx.documentStart.filter { $0.kind == "#footer" }.flatMap { $0.children }
        if !header.isEmpty || !footer.isEmpty {
            var decoration = Node("decoration")
            if !header.isEmpty { decoration.children.append(Node("header", children: header)) }
            if !footer.isEmpty { decoration.children.append(Node("footer", children: footer)) }
            start.insert(decoration, at: 0)
        }
        root.children.insert(contentsOf: start, at: 0)
        root = ctx.finish(root)
        var document = Document(name: name, source: file, root: root, diagnostics: ctx.diagnostics, metadata: ctx.metadata)
        document.includedFiles = ctx.includedSources.map(\.file)
        return document
    }

    /// Sphinx's `rst_prolog`: its lines go after the document's leading docinfo
    /// fields (`:orphan:`, `:tocdepth: 2`) and a blank line, then a blank line
    /// follows. They are numbered as a file of their own, like an included file,
    /// so that messages in the prolog name it and the page's lines keep their numbers.
    static func withProlog(_ lines: [Line], _ prolog: SourceFile?, ctx: ParseContext) -> [Line] {
        guard let prolog, !prolog.text.isEmpty else { return lines }
        ctx.includedSources.append((prolog.path, prolog))
        let base = ctx.includedSources.count * ParseContext.lineBase
        let blank = Line(text: [Unicode.Scalar]()[...], number: base)
        var prologLines = LineSplitter.lines(prolog.text, firstLine: base + 1)
        if prolog.text.hasSuffix("\n"), prologLines.last?.text.isEmpty == true { prologLines.removeLast() }
        let docinfo = lines.prefix(while: isDocinfoField).count
        return Array(lines[..<docinfo]) + (docinfo > 0 ? [blank] : []) + prologLines + [blank] + lines[docinfo...]
    }

    /// Whether a line starts like a docinfo field (`:name:`), as Sphinx tests before inserting the prolog.
    static func isDocinfoField(_ line: Line) -> Bool {
        var scalars = line.text.makeIterator()
        guard scalars.next() == ":" else { return false }
        var count = 0
        while let scalar = scalars.next() {
            if scalar == ":" { return count > 0 }
            guard scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar == "_" else { return false }
            count += 1
        }
        return false
    }
}
