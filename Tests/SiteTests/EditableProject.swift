import Foundation

/// A small reproducible random source (SplitMix64): the same seed gives the same edits.
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A fixture project held as a model and written to disk: pages with titles,
/// labels, text, references, includes; a toctree; an included file; a Python
/// module documented with `automodule`; `vellum.toml`. `apply` makes one random
/// edit of the kinds an author makes and says what it did.
struct EditableProject {
    struct Page {
        var title: String
        var label: String
        var text: String
        var references: [String] = []
        var includesShared = false
        var documentsModule = false
        var sections: [String] = []
    }

    let root: URL
    var pages: [String: Page] = [:]
    var toctree: [String] = []
    var maxDepth = 2
    var shared = "Shared text, version 1."
    var functions: [String: String] = ["route": "Routes a query.", "replicate": "Copies writes."]
    var copyright = "2026, the fixture"
    var version = "1.0"
    var nextNumber = 0

    init(root: URL) throws {
        self.root = root
        for k in 0..<5 {
            let name = "page\(k)"
            pages[name] = Page(title: "Page \(k)", label: "label-\(k)", text: "Text of page \(k).",
                               references: k > 0 ? [":ref:`label-\(k - 1)`", ":doc:`page\(k - 1)`"] : [],
                               includesShared: k % 2 == 0, documentsModule: k == 3, sections: ["Details"])
            toctree.append(name)
        }
        nextNumber = 5
        try write()
    }

    /// Writes every file of the model (unchanged files get the same bytes) and removes pages that are gone.
    func write() throws {
        let fm = FileManager.default
        try fm.createDirectory(at: root.appendingPathComponent("py/shop"), withIntermediateDirectories: true)
        let existing = (try fm.contentsOfDirectory(atPath: root.path)).filter { $0.hasSuffix(".rst") && $0 != "index.rst" }
        for file in existing where pages[String(file.dropLast(4))] == nil {
            try fm.removeItem(at: root.appendingPathComponent(file))
        }
        try save("vellum.toml", """
            [project]
            name = "Fixture"
            version = "\(version)"
            copyright = "\(copyright)"

            [autodoc]
            python_paths = ["py"]

            """)
        try save("shared.inc", shared + "\n")
        var module = "\"\"\"The shop module.\"\"\"\n\n"
        for name in functions.keys.sorted() {
            module += "def \(name)(query):\n    \"\"\"\(functions[name]!)\"\"\"\n\n\n"
        }
        try save("py/shop/__init__.py", "")
        try save("py/shop/routing.py", module)
        var index = "Fixture\n=======\n\nThe front page. See :ref:`label-0`.\n\n.. toctree::\n   :maxdepth: \(maxDepth)\n\n"
        for name in toctree { index += "   \(name)\n" }
        try save("index.rst", index)
        for (name, page) in pages {
            var text = ".. _\(page.label):\n\n\(page.title)\n\(String(repeating: "=", count: page.title.count))\n\n\(page.text)\n\n"
            if !page.references.isEmpty { text += "See " + page.references.joined(separator: ", ") + ".\n\n" }
            if page.includesShared { text += ".. include:: shared.inc\n\n" }
            if page.documentsModule { text += ".. automodule:: shop.routing\n   :members:\n\n" }
            for section in page.sections {
                text += "\(section)\n\(String(repeating: "-", count: section.count))\n\nAbout \(section.lowercased()).\n\n"
            }
            try save(name + ".rst", text)
        }
    }

    private func save(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        if (try? String(contentsOf: url, encoding: .utf8)) == text { return }
        try Data(text.utf8).write(to: url)
    }

    private var labels: [String] { pages.keys.sorted().map { pages[$0]!.label } }

    /// One random edit; returns its description.
    mutating func apply(using random: inout SeededRandom) throws -> String {
        let names = pages.keys.sorted()
        let pick = names.randomElement(using: &random)!
        let word = ["alpha", "beta", "gamma", "delta", "omega"].randomElement(using: &random)!
        let description: String
        switch Int.random(in: 0..<14, using: &random) {
        case 0 where pages.count < 9:
            let name = "page\(nextNumber)"
            nextNumber += 1
            pages[name] = Page(title: "New \(word)", label: "label-\(name)", text: "Fresh \(word).",
                               references: [":ref:`\(labels.randomElement(using: &random)!)`"])
            if Bool.random(using: &random) { toctree.append(name) } else { pages[name]!.text = ":orphan:\n\n" + pages[name]!.text }
            description = "add \(name)"
        case 1 where pages.count > 2:
            pages[pick] = nil
            if Bool.random(using: &random) { toctree.removeAll { $0 == pick } }
            description = "remove \(pick)"
        case 2:
            let name = "page\(nextNumber)"
            nextNumber += 1
            pages[name] = pages.removeValue(forKey: pick)
            toctree = toctree.map { $0 == pick ? name : $0 }
            description = "rename \(pick) to \(name)"
        case 3, 4:
            pages[pick]!.text = "Text of \(pick), now \(word)."
            description = "edit text of \(pick)"
        case 5:
            pages[pick]!.title = "Title \(word)"
            description = "retitle \(pick)"
        case 6:
            pages[pick]!.label = "label-\(word)-\(Int.random(in: 0..<3, using: &random))"
            description = "relabel \(pick)"
        case 7:
            let target = Bool.random(using: &random)
                ? ":ref:`\(labels.randomElement(using: &random)!)`" : ":doc:`\(names.randomElement(using: &random)!)`"
            pages[pick]!.references.append(target)
            if pages[pick]!.references.count > 4 { pages[pick]!.references.removeFirst() }
            description = "\(pick) references \(target)"
        case 8:
            toctree.shuffle(using: &random)
            maxDepth = Int.random(in: 1...3, using: &random)
            description = "reorder toctree, maxdepth \(maxDepth)"
        case 9:
            shared = "Shared text, \(word)."
            description = "edit shared.inc"
        case 10:
            pages[pick]!.includesShared.toggle()
            description = "toggle include in \(pick)"
        case 11:
            let function = ["route", "replicate", "balance"].randomElement(using: &random)!
            if functions[function] != nil, Bool.random(using: &random) {
                functions[function] = nil
            } else {
                functions[function] = "Does \(word)."
            }
            if Int.random(in: 0..<3, using: &random) == 0 { pages[pick]!.documentsModule.toggle() }
            description = "docstring of \(function)"
        case 12:
            if Bool.random(using: &random) { copyright = "2026, \(word)" } else { version = "1.\(Int.random(in: 0..<4, using: &random))" }
            description = "config: copyright \(copyright), version \(version)"
        default:
            pages[pick]!.sections = Bool.random(using: &random) ? ["Details", "More \(word)"] : ["Notes"]
            description = "sections of \(pick)"
        }
        try write()
        return description
    }
}
