import DocTree
import Foundation

/// `include`: inserts another file (confined to the source tree) into the
/// input, or shows it as a literal/code block.
enum Include {
    static let options: [String: DirectiveOptionKind] = [
        "literal": .flag, "code": .unchanged, "encoding": .encoding, "parser": .unchanged, "tab-width": .int,
        "start-line": .int, "end-line": .int, "start-after": .unchanged, "end-before": .unchanged,
        "number-lines": .valueOr([""], .int), "class": .classList, "name": .unchanged,
    ]

    static func register(into r: inout DirectiveRegistry) {
        r.register("include", Directive(DirectiveSpec(requiredArguments: 1, finalArgumentWhitespace: true,
                                                      options: options)) { call, host in run(call, host) })
    }

    /// Resolves a path the way docutils' adapt_path does, relative to the including file
    /// (a leading `/` means the source root); `inside` tells whether it stays below the root.
    static func resolve(_ raw: String, call: DirectiveCall, host: DirectiveHost)
        -> (display: String, absolute: String, inside: Bool)? {
        guard let root = host.options.includeRoot else { return nil }
        let current = host.currentSourcePath(line: call.line)
        let joined: String
        if raw.hasPrefix("/") {
            joined = (root as NSString).appendingPathComponent(String(raw.dropFirst()))
        } else {
            joined = ((current as NSString).deletingLastPathComponent as NSString).appendingPathComponent(raw)
        }
        let cwd = FileManager.default.currentDirectoryPath
        let absolute = ((joined.hasPrefix("/") ? joined : (cwd as NSString).appendingPathComponent(joined)) as NSString).standardizingPath
        let rootAbs = ((root.hasPrefix("/") ? root : (cwd as NSString).appendingPathComponent(root)) as NSString).standardizingPath
        let inside = rootAbs == "/" || absolute == rootAbs || absolute.hasPrefix(rootAbs + "/")
        // shown relative to the working directory when below it (as docutils does), else absolute
        let display = absolute.hasPrefix(cwd + "/") ? relativePath(absolute, from: cwd) : absolute
        return (display, absolute, inside)
    }

    /// Python's os.path.relpath for absolute, standardized paths.
    static func relativePath(_ path: String, from base: String) -> String {
        let p = path.split(separator: "/").map(String.init)
        let b = (base as NSString).standardizingPath.split(separator: "/").map(String.init)
        var common = 0
        while common < p.count && common < b.count && p[common] == b[common] { common += 1 }
        let parts = Array(repeating: "..", count: b.count - common) + p[common...]
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }

    static func run(_ call: DirectiveCall, _ host: DirectiveHost) -> [Node] {
        if let parser = call.option("parser"), parser != "rst", parser != "restructuredtext" {
            return [host.report(.error, "rst.directive-error",
                                "Error in \"\(call.name)\" directive:\ninvalid option value: (option: \"parser\"; value: '\(parser)')\nParser \"\(parser)\" not found. No module named '\(parser)'.",
                                line: call.line, range: call.range, details: [DirectiveSupport.literal(call.blockText)])]
        }
        guard case .success(let pathValue) = OptionConverter.convert(call.arguments[0], .path), let raw = pathValue.text else { return [] }
        let tabWidth: Int
        if case .int(let t)? = call.options["tab-width"] { tabWidth = t } else { tabWidth = 8 }
        let display: String
        var text: String
        let messages: [Node]
        switch IncludeSupport.readDecoded(raw, call: call, host: host) {
        case .success(let d, let t, let m):
            display = d
            text = t
            messages = m
        case .undecodable(let message):
            return [DirectiveSupport.error(call, host, "Problem with \"\(call.name)\" directive:\n\(message)", id: "rst.include")]
        case .missing:
            let reason = host.options.includeRoot == nil ? "file inclusion is disabled" : "InputError: [Errno 2] No such file or directory: '\(raw)'"
            return [DirectiveSupport.error(call, host, "Problems with \"\(call.name)\" directive path:\n\(reason).",
                                           id: "rst.include")]
        case .refused(let id, let message):
            return [DirectiveSupport.error(call, host, "Problems with \"\(call.name)\" directive path:\n\(message)", id: id)]
        }
        // clipping
        let startLine: Int? = { if case .int(let v)? = call.options["start-line"] { return v } else { return nil } }()
        let endLine: Int? = { if case .int(let v)? = call.options["end-line"] { return v } else { return nil } }()
        if startLine != nil || endLine != nil {
            let lines = text.pythonSplitLines()
            let n = lines.count
            func clamp(_ v: Int?, _ def: Int) -> Int {
                guard var v else { return def }
                if v < 0 { v += n }
                return Swift.max(0, Swift.min(n, v))
            }
            let a = clamp(startLine, 0), b = clamp(endLine, n)
            text = a < b ? lines[a..<b].joined(separator: "\n") : ""
        }
        if var after = call.option("start-after") {
            if after.isEmpty { after = "\n\n" }
            guard let r = text.range(of: after) else {
                return [DirectiveSupport.error(call, host, "Problem with \"start-after\" option of \"\(call.name)\" directive:\nText not found.")]
            }
            text = String(text[r.upperBound...])
        }
        if let before = call.option("end-before") {
            if before.isEmpty {
                if let r = text.range(of: "\n\n"), r.lowerBound > text.startIndex {
                    text = String(text[...r.lowerBound])
                }
            } else {
                guard let r = text.range(of: before) else {
                    return [DirectiveSupport.error(call, host, "Problem with \"end-before\" option of \"\(call.name)\" directive:\nText not found.")]
                }
                text = String(text[..<r.lowerBound])
            }
        }
        if call.flag("literal") || call.options["code"] != nil {
            if tabWidth >= 0 { text = expandTabs(text, tabWidth) }
            var classes: [String] = []
            if let lang = call.option("code") {
                classes.append("code")
                if !lang.trimmingWhitespace().isEmpty { classes.append(lang.trimmingWhitespace()) }
                if text.hasSuffix("\n") { text.removeLast() }
            }
            if case .list(let c)? = call.options["class"] { classes += c }
            var node = Node(.literalBlock, attributes: ["source": .string(display), "xml:space": .string("preserve")],
                            range: call.range)
            if !classes.isEmpty { node.attributes[AttributeKey.classes] = .list(classes) }
            if let numbering = call.options["number-lines"] {
                var first = 1
                if case .int(let f) = numbering { first = f }
                if text.hasSuffix("\n") { text.removeLast() }
                node.children = numberLines(text, first: first)
            } else if !text.isEmpty {
                node.children = [.text(text)]
            }
            return messages + [host.addName(node, name: call.option("name"))]
        }
        for (k, line) in text.pythonSplitLines().enumerated() where Include.expandTabs(line, tabWidth).count > host.options.lineLengthLimit {
            let number = k + 1 + ((call.options["start-line"]).flatMap { if case .int(let v) = $0 { return v } else { return nil } } ?? 0)
            return [DirectiveSupport.error(call, host, "\"\(display)\": line \(number) exceeds the line-length-limit.",
                                           id: "rst.line-length", severity: .warning)]
        }
        let clipKey = [call.option("start-line"), call.option("end-line"), call.option("start-after"),
                       call.option("end-before")].map { $0 ?? "-" }.joined(separator: "\u{1}")
        if let error = host.insertInput(text, path: display, tabWidth: tabWidth, clipKey: clipKey) {
            return messages + [DirectiveSupport.error(call, host, error, id: "rst.include", severity: .warning)]
        }
        return messages
    }

    static func expandTabs(_ text: String, _ width: Int) -> String {
        guard width > 0, text.contains("\t") else { return text }
        var out = ""
        var column = 0
        for c in text {
            if c == "\t" {
                let n = width - column % width
                out += String(repeating: " ", count: n)
                column += n
            } else {
                out.append(c)
                column = c.isNewline ? 0 : column + 1
            }
        }
        return out
    }

    static func numberLines(_ text: String, first: Int) -> [Node] {
        let last = first + text.pythonSplitLines().count
        let width = String(last).count
        func label(_ n: Int) -> Node {
            let s = String(n)
            return Node(.inline, attributes: ["classes": .list(["ln"])],
                        children: [.text(String(repeating: " ", count: Swift.max(0, width - s.count)) + s + " ")])
        }
        var out: [Node] = [label(first)]
        let parts = text.components(separatedBy: "\n")
        var n = first
        for (k, part) in parts.enumerated() {
            if k < parts.count - 1 {
                out.append(.text(part + "\n"))
                n += 1
                out.append(label(n))
            } else if !part.isEmpty {
                out.append(.text(part))
            }
        }
        return out
    }
}
