import DocTree

/// docutils' table shape (`table > tgroup > colspec*, thead?, tbody > row > entry`),
/// built the same way for RST's list and CSV tables and Markdown's pipe tables.
public enum TableNodes {
    public struct Cell: Sendable {
        public var content: [Node]
        /// Classes of the entry (`text-left`, `text-center`, `text-right` for aligned columns).
        public var classes: [String]

        public init(_ content: [Node], classes: [String] = []) {
            self.content = content
            self.classes = classes
        }
    }

    public static func build(_ widths: [Int?], head: [[Cell]], body: [[Cell]], stubColumns: Int = 0,
                             range: SourceRange?, classes: [String] = []) -> Node {
        var tgroup = Node("tgroup", attributes: ["cols": .int(widths.count)])
        var stubs = stubColumns
        for w in widths {
            var colspec = Node("colspec")
            if let w { colspec.attributes["colwidth"] = .int(w) }
            if stubs > 0 { colspec.attributes["stub"] = .int(1); stubs -= 1 }
            tgroup.children.append(colspec)
        }
        func row(_ cells: [Cell]) -> Node {
            Node("row", children: cells.map { cell in
                var entry = Node("entry", children: cell.content)
                if !cell.classes.isEmpty { entry.classes = cell.classes }
                return entry
            })
        }
        if !head.isEmpty { tgroup.children.append(Node("thead", children: head.map(row))) }
        tgroup.children.append(Node("tbody", children: body.map(row)))
        var table = Node(.table, children: [tgroup], range: range)
        if !classes.isEmpty { table.classes = classes }
        return table
    }
}
