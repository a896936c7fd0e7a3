extension Node {
    /// The tree in docutils' pseudo-XML form (what `rst2pseudoxml` prints):
    /// one element per line, children indented by four spaces, attributes
    /// sorted by name, list values joined by spaces with spaces escaped.
    public func pseudoXML() -> String {
        var out = ""
        writePseudoXML(into: &out, level: 0)
        return out
    }

    private func writePseudoXML(into out: inout String, level: Int) {
        let indent = String(repeating: "    ", count: level)
        if isText {
            // Python's str.splitlines(): a trailing newline adds no empty line.
            for line in text.pythonSplitLines() {
                out += indent
                out += line
                out += "\n"
            }
            return
        }
        out += indent
        out += "<"
        out += kind.rawValue
        for name in attributes.keys.sorted() {
            guard let value = attributes[name], let rendered = value.pseudoXMLValue else { continue }
            out += " \(name)=\"\(rendered)\""
        }
        out += ">\n"
        for child in children {
            child.writePseudoXML(into: &out, level: level + 1)
        }
    }
}

extension AttributeValue {
    /// The attribute as docutils prints it, or nil when it holds its default (an empty list).
    var pseudoXMLValue: String? {
        switch self {
        case .list(let values):
            if values.isEmpty { return nil }
            return values.map { $0.replacingBackslashesAndSpaces() }.joined(separator: " ")
        case .string(let s): return s
        case .int(let i): return String(i)
        case .bool(let b): return b ? "1" : "0"
        }
    }
}

extension String {
    /// Splits like Python's `str.splitlines()`.
    public func pythonSplitLines() -> [String] {
        var lines: [String] = []
        var current = ""
        var iterator = unicodeScalars.makeIterator()
        var pendingCR = false
        while let scalar = iterator.next() {
            if pendingCR {
                pendingCR = false
                if scalar == "\n" { continue }
            }
            switch scalar {
            case "\n", "\u{0B}", "\u{0C}", "\u{1C}", "\u{1D}", "\u{1E}", "\u{85}", "\u{2028}", "\u{2029}":
                lines.append(current)
                current = ""
            case "\r":
                lines.append(current)
                current = ""
                pendingCR = true
            default:
                current.unicodeScalars.append(scalar)
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    fileprivate func replacingBackslashesAndSpaces() -> String {
        var result = ""
        for ch in unicodeScalars {
            switch ch {
            case "\\": result += "\\\\"
            case " ": result += "\\ "
            default: result.unicodeScalars.append(ch)
            }
        }
        return result
    }
}
