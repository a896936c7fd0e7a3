import DocTree

extension MarkdownConverter {
    /// Removes leading `(label)=` lines from a paragraph's inlines and returns
    /// them as `target` nodes (what `.. _label:` gives in RST).
    func leadingTargets(_ children: inout [CmarkNode]) -> [Node] {
        var targets: [Node] = []
        while let first = children.first, first.kind == .text,
              children.count == 1 || children[1].kind == .softBreak || children[1].kind == .lineBreak,
              let label = Self.targetLabel(first.literal) {
            targets.append(target(label, range: range(of: first)))
            children.removeFirst(min(2, children.count))
        }
        return targets
    }

    /// `label` when `line` is `(label)=` (surrounding spaces allowed).
    static func targetLabel(_ line: String) -> String? {
        let trimmed = line.trimmingLeadingSpace()
        guard trimmed.hasPrefix("("), trimmed.hasSuffix(")="), trimmed.count > 3 else { return nil }
        let label = String(trimmed.dropFirst().dropLast(2)).trimmingLeadingSpace()
        guard !label.isEmpty, !label.contains("(") , !label.contains(")") else { return nil }
        return label
    }

    /// A label target with docutils' ids/names; duplicates are reported.
    func target(_ label: String, range: SourceRange) -> Node {
        let name = Identifiers.normalizeName(label)
        let earlier = names.define(name, explicit: true)
        if earlier.contains(true) {
            diagnose("md.duplicate-label", .warning, "duplicate label '\(name)' in this page", range)
        } else if !earlier.isEmpty {
            diagnose("md.duplicate-name", .info, "duplicate implicit target name: \"\(name)\"", range)
        }
        var ids = [names.makeID(names: [name], tag: "target")]
        // `[text](#my_label)` links name the label as written: keep that spelling as an anchor too.
        if label != ids[0], !label.contains(where: { $0.isWhitespace }), !names.ids.contains(label) {
            names.reserve(label)
            ids.append(label)
        }
        return Node(.target, attributes: ["ids": .list(ids), "names": .list([name])], range: range)
    }
}
