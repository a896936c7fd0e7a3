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
