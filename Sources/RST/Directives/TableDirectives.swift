import DocTree

/// `table`, `csv-table` and `list-table`.
enum TableDirectives {
    static let align: DirectiveOptionKind = .choice(["left", "center", "right"])

    struct Failure: Error { let node: Node }

    static func register(into r: inout DirectiveRegistry) {
        r.register("table", Directive(DirectiveSpec(optionalArguments: 1, finalArgumentWhitespace: true, options: [
            "class": .classList, "name": .unchanged, "align": align, "width": .lengthOrPercentageOrUnitless,
            "widths": .valueOr(["auto", "grid"], .positiveIntList),
        ], hasContent: true)) { call, host in rstTable(call, host) })
        r.register("csv-table", Directive(DirectiveSpec(optionalArguments: 1, finalArgumentWhitespace: true, options: [
            "header-rows": .nonNegativeInt, "stub-columns": .nonNegativeInt, "header": .unchanged,
            "width": .lengthOrPercentageOrUnitless, "widths": .valueOr(["auto"], .positiveIntList),
            "file": .path, "url": .uri, "encoding": .encoding, "class": .classList, "name": .unchanged,
            "align": align, "delim": .singleChar(allowWhitespace: true), "keepspace": .flag,
            "quote": .singleChar(allowWhitespace: false), "escape": .singleChar(allowWhitespace: false),
        ], hasContent: true)) { call, host in
            do { return try csvTable(call, host) } catch let f as Failure { return [f.node] } catch { return [] }
        })
        r.register("list-table", Directive(DirectiveSpec(optionalArguments: 1, finalArgumentWhitespace: true, options: [
            "header-rows": .nonNegativeInt, "stub-columns": .nonNegativeInt,
            "width": .lengthOrPercentageOrUnitless, "widths": .valueOr(["auto"], .positiveIntList),
            "class": .classList, "name": .unchanged, "align": align,
        ], hasContent: true)) { call, host in
            do { return try listTable(call, host) } catch let f as Failure { return [f.node] } catch { return [] }
        })
    }

    static func title(_ call: DirectiveCall, _ host: DirectiveHost) -> (Node?, [Node]) {
        guard let text = call.arguments.first else { return (nil, []) }
        let (nodes, messages) = host.parseInline(text, line: call.line, column: 1)
        return (Node(.title, children: nodes), messages)
    }

    static func widthsOption(_ call: DirectiveCall) -> (String?, [Int]?) {
        switch call.options["widths"] {
        case .text(let t)?: return (t, nil)
        case .list(let l)?: return (nil, l.compactMap { Int($0) })
        default: return (nil, nil)
        }
    }

    static func finish(_ table: Node, _ call: DirectiveCall, _ host: DirectiveHost, title: Node?, widthsKeyword: String?,
                       explicitWidths: Bool) -> Node {
        var t = table
        var classes = t.classes
        if case .list(let c)? = call.options["class"] { classes += c }
        if let w = call.option("width") { t.attributes["width"] = .string(w) }
        if let a = call.option("align") { t.attributes["align"] = .string(a) }
        if widthsKeyword == "auto" { classes.append("colwidths-auto") } else if widthsKeyword != nil || explicitWidths { classes.append("colwidths-given") }
        if !classes.isEmpty { t.attributes[AttributeKey.classes] = .list(classes) }
        t = host.addName(t, name: call.option("name"))
        if let title { t.children.insert(title, at: 0) }
        return t
    }

    static func rstTable(_ call: DirectiveCall, _ host: DirectiveHost) -> [Node] {
        if call.content.isEmpty {
            return [DirectiveSupport.error(call, host, "Content block expected for the \"\(call.name)\" directive; none found.",
                                           severity: .warning)]
        }
        let (titleNode, messages) = title(call, host)
        let nodes = host.parseNested(call.content, line: call.contentLine, column: call.contentColumn,
                                     matchTitles: false, parent: .table)
        guard nodes.count == 1, nodes[0].kind == .table else {
            return [DirectiveSupport.error(call, host, "Error parsing content block for the \"\(call.name)\" directive: exactly one table expected.")]
        }
        var table = nodes[0]
        let (keyword, widths) = widthsOption(call)
        if let widths, let tg = table.children.firstIndex(where: { $0.kind == "tgroup" }) {
            var tgroup = table.children[tg]
            let cols: Int
            if case .int(let c)? = tgroup.attributes["cols"] { cols = c } else { cols = 0 }
            if widths.count != cols {
                return [DirectiveSupport.error(call, host, "\"\(call.name)\" widths do not match the number of columns in table (\(cols)).")]
            }
            var w = 0
            for k in tgroup.children.indices where tgroup.children[k].kind == "colspec" && w < widths.count {
                tgroup.children[k].attributes["colwidth"] = .int(widths[w])
                w += 1
            }
            table.children[tg] = tgroup
        }
        table = finish(table, call, host, title: titleNode, widthsKeyword: keyword, explicitWidths: widths != nil)
        return [table] + messages
    }

    static func columnWidths(_ call: DirectiveCall, _ host: DirectiveHost, _ n: Int) throws -> [Int] {
        let (_, widths) = widthsOption(call)
        if let widths {
            if widths.count != n {
                throw Failure(node: DirectiveSupport.error(call, host, "\"\(call.name)\" widths do not match the number of columns in table (\(n))."))
            }
            return widths
        }
        if n > 0 { return Array(repeating: 100 / n, count: n) }
        throw Failure(node: DirectiveSupport.error(call, host, "No table data detected in CSV file."))
    }

    static func checkDimensions(_ call: DirectiveCall, _ host: DirectiveHost, rows: [Int], headerRows: Int, stubColumns: Int) throws {
        if rows.count < headerRows {
            throw Failure(node: DirectiveSupport.error(call, host, "\(headerRows) header row(s) specified but only \(rows.count) row(s) of data supplied (\"\(call.name)\" directive)."))
        }
        if rows.count == headerRows && headerRows > 0 {
            throw Failure(node: DirectiveSupport.error(call, host, "Insufficient data supplied (\(rows.count) row(s)); no data remaining for table body, required by \"\(call.name)\" directive."))
        }
        for cols in rows {
            if cols < stubColumns {
                throw Failure(node: DirectiveSupport.error(call, host, "\(stubColumns) stub column(s) specified but only \(cols) columns(s) of data supplied (\"\(call.name)\" directive)."))
            }
            if cols == stubColumns && stubColumns > 0 {
                throw Failure(node: DirectiveSupport.error(call, host, "Insufficient data supplied (\(cols) columns(s)); no data remaining for table body, required by \"\(call.name)\" directive."))
            }
        }
    }

    static func build(_ widths: [Int?], head: [[[Node]]], body: [[[Node]]], stubColumns: Int, range: SourceRange) -> Node {
        TableNodes.build(widths, head: head.map { $0.map { TableNodes.Cell($0) } },
                         body: body.map { $0.map { TableNodes.Cell($0) } }, stubColumns: stubColumns, range: range)
    }

    // MARK: csv-table

    static func csvTable(_ call: DirectiveCall, _ host: DirectiveHost) throws -> [Node] {
        let (titleNode, messages) = title(call, host)
        var data: [String]
        var dataLine = call.contentLine
        if !call.content.isEmpty {
            if call.options["file"] != nil || call.options["url"] != nil {
                throw Failure(node: DirectiveSupport.error(call, host, "\"\(call.name)\" directive may not both specify an external file and have content."))
            }
            data = call.content
        } else if let file = call.option("file") {
            if call.options["url"] != nil {
                throw Failure(node: DirectiveSupport.error(call, host, "The \"file\" and \"url\" options may not be simultaneously specified for the \"\(call.name)\" directive."))
            }
            let text: String
            switch IncludeSupport.readDecoded(file, call: call, host: host) {
            case .success(_, let t, _): text = t
            case .refused(let id, let message):
                throw Failure(node: DirectiveSupport.error(call, host, "Problems with \"\(call.name)\" directive path:\n\(message)", id: id, severity: .severe))
            case .missing, .undecodable:
                throw Failure(node: DirectiveSupport.error(call, host, "Problems with \"\(call.name)\" directive path:\n[Errno 2] No such file or directory: '\(file)'.", severity: .severe))
            }
            data = text.pythonSplitLines()
            dataLine = 1
        } else if call.options["url"] != nil {
            throw Failure(node: DirectiveSupport.error(call, host, "Problems with \"\(call.name)\" directive URL \"\(call.option("url") ?? "")\":\nURL access is disabled.", severity: .severe))
        } else {
            throw Failure(node: DirectiveSupport.error(call, host, "The \"\(call.name)\" directive requires content; none supplied.", severity: .warning))
        }
        var dialect = CSVReader.Dialect()
        if let d = call.option("delim") { dialect.delimiter = d.unicodeScalars.first ?? "," }
        if call.flag("keepspace") { dialect.skipInitialSpace = false }
        if let q = call.option("quote") { dialect.quote = q.unicodeScalars.first ?? "\"" }
        if let e = call.option("escape") { dialect.escape = e.unicodeScalars.first; dialect.doubleQuote = false }
        var headRows: [[String]] = []
        do {
            if let header = call.option("header") {
                headRows = try CSVReader.parse(header.components(separatedBy: "\n"), dialect)
            }
            let rows = try CSVReader.parse(data, dialect)
            let headerRows: Int
            if case .int(let h)? = call.options["header-rows"] { headerRows = h } else { headerRows = 0 }
            let stubColumns: Int
            if case .int(let s)? = call.options["stub-columns"] { stubColumns = s } else { stubColumns = 0 }
            let maxCols = Swift.max(rows.map { $0.count }.max() ?? 0, headRows.map { $0.count }.max() ?? 0)
            try checkDimensions(call, host, rows: rows.map { $0.count }, headerRows: headerRows, stubColumns: stubColumns)
            headRows += rows.prefix(headerRows)
            let bodyRows = Array(rows.dropFirst(headerRows))
            let widths = try columnWidths(call, host, maxCols)
            func cells(_ row: [String]) -> [[Node]] {
                var out: [[Node]] = row.map { cell in
                    let lines = cell.pythonSplitLines()
                    if lines.joined().isEmpty { return [] }
                    return host.parseNested(lines, line: dataLine, column: 1, matchTitles: false, parent: "entry")
                }
                while out.count < maxCols { out.append([]) }
                return out
            }
            let (keyword, explicit) = widthsOption(call)
            var table = build(widths, head: headRows.map(cells), body: bodyRows.map(cells), stubColumns: stubColumns,
                              range: call.range)
            table = finish(table, call, host, title: titleNode, widthsKeyword: keyword, explicitWidths: explicit != nil)
            return [table] + messages
        } catch let e as CSVReader.CSVError {
            throw Failure(node: DirectiveSupport.error(call, host, "Error with CSV data in \"\(call.name)\" directive:\n\(e.message)"))
        }
    }

    // MARK: list-table

    static func listTable(_ call: DirectiveCall, _ host: DirectiveHost) throws -> [Node] {
        if call.content.isEmpty {
            throw Failure(node: DirectiveSupport.error(call, host, "The \"\(call.name)\" directive is empty; content required."))
        }
        let (titleNode, messages) = title(call, host)
        let nodes = host.parseNested(call.content, line: call.contentLine, column: call.contentColumn,
                                     matchTitles: false, parent: .table)
        guard nodes.count == 1, nodes[0].kind == .bulletList else {
            throw Failure(node: DirectiveSupport.error(call, host, "Error parsing content block for the \"\(call.name)\" directive: exactly one bullet list expected."))
        }
        var numCols = 0
        var rows: [[[Node]]] = []
        for (index, item) in nodes[0].children.enumerated() {
            guard item.children.count == 1, item.children[0].kind == .bulletList else {
                throw Failure(node: DirectiveSupport.error(call, host, "Error parsing content block for the \"\(call.name)\" directive: two-level bullet list expected, but row \(index + 1) does not contain a second-level bullet list."))
            }
            let cols = item.children[0].children.count
            if index > 0 {
                if cols != numCols {
                    throw Failure(node: DirectiveSupport.error(call, host, "Error parsing content block for the \"\(call.name)\" directive: uniform two-level bullet list expected, but row \(index + 1) does not contain the same number of items as row 1 (\(cols) vs \(numCols))."))
                }
            } else {
                numCols = cols
            }
            rows.append(item.children[0].children.map { $0.children })
        }
        let widths = try columnWidths(call, host, numCols)
        let headerRows: Int
        if case .int(let h)? = call.options["header-rows"] { headerRows = h } else { headerRows = 0 }
        let stubColumns: Int
        if case .int(let s)? = call.options["stub-columns"] { stubColumns = s } else { stubColumns = 0 }
        try checkDimensions(call, host, rows: rows.map { $0.count }, headerRows: headerRows, stubColumns: stubColumns)
        let (keyword, explicit) = widthsOption(call)
        var table = build(widths, head: Array(rows.prefix(headerRows)), body: Array(rows.dropFirst(headerRows)),
                          stubColumns: stubColumns, range: call.range)
        table = finish(table, call, host, title: titleNode, widthsKeyword: keyword, explicitWidths: explicit != nil)
        return [table] + messages
    }
}

/// A small CSV reader following Python's csv module with docutils' dialect
/// (skipinitialspace, strict quoting).
enum CSVReader {
    struct Dialect {
        var delimiter: Unicode.Scalar = ","
        var quote: Unicode.Scalar = "\""
        var escape: Unicode.Scalar? = nil
        var doubleQuote = true
        var skipInitialSpace = true
    }

    struct CSVError: Error { let message: String }

    static func parse(_ lines: [String], _ d: Dialect) throws -> [[String]] {
        var rows: [[String]] = []
        var k = 0
        while k < lines.count {
            var fields: [String] = []
            var field = String.UnicodeScalarView()
            enum State { case start, unquoted, quoted, quoteInQuoted, escape, quotedEscape }
            var state = State.start
            var line = Array(lines[k].unicodeScalars) + ["\n"]
            var i = 0
            var rowDone = false
            while !rowDone {
                if i >= line.count {
                    // quoted field continues on the next line
                    k += 1
                    if k >= lines.count { throw CSVError(message: "unexpected end of data") }
                    line = Array(lines[k].unicodeScalars) + ["\n"]
                    i = 0
                }
                let c = line[i]
                i += 1
                switch state {
                case .start:
                    if c == "\n" {
                        if !fields.isEmpty || !field.isEmpty { fields.append(String(field)) }
                        rowDone = true
                    } else if c == d.quote {
                        state = .quoted
                    } else if c == d.delimiter {
                        fields.append(String(field)); field = .init()
                    } else if c == " " && d.skipInitialSpace {
                        continue
                    } else if let e = d.escape, c == e {
                        state = .escape
                    } else {
                        field.append(c); state = .unquoted
                    }
                case .unquoted:
                    if c == "\n" {
                        fields.append(String(field)); field = .init(); rowDone = true
                    } else if c == d.delimiter {
                        fields.append(String(field)); field = .init(); state = .start
                    } else if let e = d.escape, c == e {
                        state = .escape
                    } else {
                        field.append(c)
                    }
                case .escape:
                    field.append(c); state = .unquoted
                case .quoted:
                    if let e = d.escape, c == e {
                        state = .quotedEscape
                    } else if c == d.quote {
                        state = d.doubleQuote ? .quoteInQuoted : .unquoted
                    } else {
                        field.append(c)
                    }
                case .quotedEscape:
                    field.append(c); state = .quoted
                case .quoteInQuoted:
                    if c == d.quote {
                        field.append(c); state = .quoted
                    } else if c == d.delimiter {
                        fields.append(String(field)); field = .init(); state = .start
                    } else if c == "\n" {
                        fields.append(String(field)); field = .init(); rowDone = true
                    } else {
                        throw CSVError(message: "'\(String(d.delimiter))' expected after '\(String(d.quote))'")
                    }
                }
            }
            rows.append(fields)
            k += 1
        }
        return rows.filter { !$0.isEmpty }
    }
}
