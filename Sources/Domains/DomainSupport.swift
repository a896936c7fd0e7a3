/// Helpers shared by the domain directives.
enum DomainSupport {
    /// The signature lines of a directive argument (one object may have several signatures),
    /// with their line offsets; a backslash at a line end joins the next line.
    static func signatureLines(_ argument: String) -> [(offset: Int, text: String)] {
        var out: [(Int, String)] = []
        var current = ""
        var start = 0
        for (offset, raw) in argument.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = String(raw)
            if current.isEmpty { start = offset }
            if line.hasSuffix("\\") && !line.hasSuffix("\\\\") {
                line.removeLast()
                current += line
                continue
            }
            current += line
            let trimmed = current.trimming(" \t")
            if !trimmed.isEmpty { out.append((start, trimmed)) }
            current = ""
        }
        let trimmed = current.trimming(" \t")
        if !trimmed.isEmpty { out.append((start, trimmed)) }
        return out
    }
}

extension DomainSupport {
    /// Splits an argument list at commas outside brackets and quotes (`int a, f(b, c), "x,y"`).
    static func splitArguments(_ text: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var depth = 0
        var quote: Character?
        for c in text {
            if let q = quote {
                current.append(c)
                if c == q { quote = nil }
                continue
            }
            switch c {
            case "\"", "'": quote = c; current.append(c)
            case "(", "[", "{", "<": depth += 1; current.append(c)
            case ")", "]", "}", ">": depth = max(0, depth - 1); current.append(c)
            case "," where depth == 0:
                parts.append(current.trimming(" \t\n"))
                current = ""
            default: current.append(c)
            }
        }
        let last = current.trimming(" \t\n")
        if !last.isEmpty || !parts.isEmpty { parts.append(last) }
        return parts.filter { !$0.isEmpty }
    }
}
