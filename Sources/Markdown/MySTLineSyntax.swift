/// MyST's colon fences (`:::{note}` … `:::`), rewritten into backtick fences
/// before cmark sees the text, so they take the same directive path; and
/// MyST's `% comment` lines, blanked (a comment ends a paragraph, as in MyST).
///
/// Only lines change whose fence is rewritten; line numbers stay the same.
/// Each rewritten fence gets more backticks than any fence inside it, so
/// nesting survives, and colon fences inside code blocks are left alone.
enum MySTLineSyntax {
    private struct Open {
        var line: Int
        var colons: Int
        /// The longest backtick fence found inside so far.
        var innerFence = 0
    }

    static func rewrite(_ text: String) -> String {
        guard text.contains(":::") || text.hasPrefix("%") || text.contains("\n%") else { return text }
        var lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { String($0) }
        var stack: [Open] = []
        var code: (marker: Character, length: Int)?
        var replacements: [(open: Int, close: Int?, fence: Int)] = []

        for index in lines.indices {
            let line = lines[index]
            if code == nil, line.hasPrefix("%") {
                lines[index] = line.hasSuffix("\r") ? "\r" : ""
                continue
            }
            let (indent, rest) = split(line)
            guard indent <= 3 else { continue }
            if let current = code {
                let run = rest.prefix(while: { $0 == current.marker }).count
                if run >= current.length, rest.dropFirst(run).allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) {
                    code = nil
                }
                continue
            }
            let colons = rest.prefix(while: { $0 == ":" }).count
            if colons >= 3 {
                let after = rest.dropFirst(colons)
                if after.first == "{" {
                    stack.append(Open(line: index, colons: colons))
                    continue
                }
                if after.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }),
                   let top = stack.last, colons >= top.colons {
                    stack.removeLast()
                    let fence = max(3, top.innerFence + 1)
                    replacements.append((top.line, index, fence))
                    if !stack.isEmpty { stack[stack.count - 1].innerFence = max(stack[stack.count - 1].innerFence, fence) }
                    continue
                }
            }
            for marker in ["`", "~"] as [Character] {
                let run = rest.prefix(while: { $0 == marker }).count
                if run >= 3 {
                    if marker == "`", !stack.isEmpty {
                        stack[stack.count - 1].innerFence = max(stack[stack.count - 1].innerFence, run)
                    }
                    // A fence line with more text after its info string still opens a block.
                    if !(marker == "`" && rest.dropFirst(run).contains("`")) { code = (marker, run) }
                    break
                }
            }
        }
        // Unclosed colon fences run to the end of the document, like unclosed code fences.
        while let top = stack.popLast() {
            let fence = max(3, top.innerFence + 1)
            replacements.append((top.line, nil, fence))
            if !stack.isEmpty { stack[stack.count - 1].innerFence = max(stack[stack.count - 1].innerFence, fence) }
        }
        for replacement in replacements {
            let ticks = String(repeating: "`", count: replacement.fence)
            let (indent, rest) = split(lines[replacement.open])
            lines[replacement.open] = String(repeating: " ", count: indent) + ticks
                + String(rest.drop(while: { $0 == ":" }))
            if let close = replacement.close {
                let (closeIndent, closeRest) = split(lines[close])
                let trailingCR = closeRest.last == "\r" ? "\r" : ""
                lines[close] = String(repeating: " ", count: closeIndent) + ticks + trailingCR
            }
        }
        return lines.joined(separator: "\n")
    }

    /// Leading spaces (tabs count as reaching the next multiple of 4) and the rest of the line.
    private static func split(_ line: String) -> (Int, Substring) {
        var width = 0
        var index = line.startIndex
        while index < line.endIndex {
            if line[index] == " " {
                width += 1
            } else if line[index] == "\t" {
                width += 4 - width % 4
            } else {
                break
            }
            index = line.index(after: index)
        }
        return (width, line[index...])
    }
}
