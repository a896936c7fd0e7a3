import DocTree

/// `sphinx.ext.doctest`'s directives as the HTML builder shows them:
/// `doctest` and `testcode`/`testoutput` are code blocks (unless `:hide:`),
/// `testsetup` and `testcleanup` show nothing. Vellum does not run the tests.
enum DoctestDirectives {
    static let options: [String: DirectiveOptionKind] = [
        "hide": .flag, "options": .unchanged, "pyversion": .unchanged, "skipif": .unchanged,
        "trim-doctest-flags": .flag, "no-trim-doctest-flags": .flag,
    ]

    static func register(into r: inout DirectiveRegistry) {
        for (name, language) in [("doctest", "pycon"), ("testcode", "python"), ("testoutput", "none")] {
            r.register(name, Directive(DirectiveSpec(optionalArguments: 1, finalArgumentWhitespace: true,
                                                     options: options, hasContent: true)) { call, host in
                if let error = DirectiveSupport.contentRequired(call, host) { return [error] }
                if call.flag("hide") { return [] }
                var lines = call.content
                if name == "doctest", !call.flag("no-trim-doctest-flags") { lines = lines.map(trimmingFlags) }
                return [Node(.literalBlock, attributes: ["xml:space": .string("preserve"), "language": .string(language),
                                                         "classes": .list([name])],
                             children: [.text(lines.joined(separator: "\n"))], range: call.range)]
            })
        }
        for name in ["testsetup", "testcleanup"] {
            r.register(name, Directive(DirectiveSpec(optionalArguments: 1, finalArgumentWhitespace: true,
                                                     options: ["skipif": .unchanged], hasContent: true)) { _, _ in [] })
        }
    }

    /// `# doctest: +ELLIPSIS` comments are not shown (Sphinx's `trim_doctest_flags`).
    static func trimmingFlags(_ line: String) -> String {
        guard let range = line.range(of: "# doctest:") else { return line }
        var kept = String(line[..<range.lowerBound])
        while kept.last == " " { kept.removeLast() }
        return kept
    }
}
