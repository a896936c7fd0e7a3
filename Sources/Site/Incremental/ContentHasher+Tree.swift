import DocTree

extension ContentHasher {
    /// A tree: kinds, attributes (sorted by name), text, source ranges and children.
    mutating func add(_ node: Node) {
        add(node.kind.rawValue)
        add(node.text)
        add(node.range)
        add(node.attributes.count)
        for key in node.attributes.keys.sorted() {
            add(key)
            add(node.attributes[key]!)
        }
        add(node.children.count)
        for child in node.children { add(child) }
    }

    mutating func add(_ value: AttributeValue) {
        switch value {
        case .string(let s): add(1); add(s)
        case .list(let l): add(2); add(l.count); for item in l { add(item) }
        case .int(let i): add(3); add(i)
        case .bool(let b): add(4); add(b)
        }
    }

    mutating func add(_ range: SourceRange?) {
        guard let range else { add(false); return }
        add(true)
        add(range.start.line); add(range.start.column); add(range.end.line); add(range.end.column)
    }

    mutating func add(_ strings: [String]) {
        add(strings.count)
        for string in strings { add(string) }
    }

    /// A diagnostic: everything it says and where (its file's text by fingerprint).
    mutating func add(_ diagnostic: Diagnostic) {
        add(diagnostic.id); add(diagnostic.severity.rawValue); add(diagnostic.message)
        add(diagnostic.file?.path); add(diagnostic.file.map { ContentHash(bytes: Array($0.text.utf8)) })
        add(diagnostic.range)
        add(diagnostic.notes.count)
        for note in diagnostic.notes { add(note.message); add(note.file?.path); add(note.range) }
        add(diagnostic.suggestions)
    }
}
