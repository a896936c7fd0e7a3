import DocTree
import Extensions
import RST

/// `automodule`, `autoclass`, `autofunction`, `automethod`, `autoattribute`,
/// `autoexception`, `autodata` (and the `py:`-less Swift use of the same names).
///
/// Reading a page stays pure: the directive only records what was asked for
/// in an `autodoc` node (attributes `directive`, `argument`, and `option-<name>`
/// per option; children: the directive's own content, parsed), and
/// ``AutodocExpander`` replaces it with object descriptions later.
public enum AutodocDirectives {
    public static let names = ["automodule", "autoclass", "autofunction", "automethod", "autoattribute",
                               "autoexception", "autodata", "autoproperty", "autodecorator"]

    /// The options autodoc directives accept.
    public static let options: [String: DirectiveOptionKind] = [
        "members": .unchanged, "undoc-members": .flag, "private-members": .unchanged,
        "special-members": .unchanged, "inherited-members": .unchanged, "show-inheritance": .flag,
        "member-order": .choice(["alphabetical", "groupwise", "bysource"]), "exclude-members": .unchanged,
        "noindex": .flag, "no-index": .flag, "synopsis": .unchanged, "platform": .unchanged,
        "deprecated": .flag, "ignore-module-all": .flag, "imported-members": .flag,
        "no-value": .flag, "annotation": .unchanged, "module": .unchanged,
        "class-doc-from": .choice(["class", "init", "both"]), "no-undoc-members": .flag,
    ]

    /// What sphinxcontrib-trio adds to them: how a function is used (`with f() as x`, `await f()`,
    /// `for x in f()`, `@f`) and method kinds given by hand.
    public static let trioOptions: [String: DirectiveOptionKind] = [
        "with": .unchanged, "async-with": .unchanged, "for": .unchanged, "async-for": .unchanged,
        "async": .flag, "decorator": .flag, "abstractmethod": .flag, "classmethod": .flag, "staticmethod": .flag,
        "property": .flag, "no-auto-options": .flag,
    ]

    public static let nodeKind: NodeKind = "autodoc"

    public static func register(into registry: inout DirectiveRegistry, trio: Bool = false) {
        for name in names {
            registry.register(name, directive(name, options: trio ? options.merging(trioOptions) { a, _ in a } : options))
        }
    }

    static func directive(_ name: String, options: [String: DirectiveOptionKind]) -> Directive {
        Directive(DirectiveSpec(requiredArguments: 1, finalArgumentWhitespace: true, options: options,
                                hasContent: true)) { call, host in
            var node = Node(nodeKind, range: call.range)
            node.attributes["directive"] = .string(name)
            node.attributes["argument"] = .string((call.arguments.first ?? "").trimmingWhitespaceAndNewlines)
            for (option, value) in call.options {
                node.attributes["option-" + option] = .string(value.text ?? "")
            }
            node.children = host.parseNested(call.content, line: call.contentLine, column: call.contentColumn,
                                             matchTitles: false, parent: "desc_content")
            return [node]
        }
    }
}

extension String {
    var trimmingWhitespaceAndNewlines: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}

/// `automodule`, `autoclass` … as an extension: the directives leave
/// `autodoc` nodes that ``AutodocExpander`` fills from the extracted sources.
public struct AutodocExtension: Extension {
    /// Whether sphinxcontrib-trio's options are accepted (conf.py names `sphinxcontrib_trio`).
    public var trio: Bool

    public init(trio: Bool = false) { self.trio = trio }

    public func setup(_ registry: inout Registry) {
        AutodocDirectives.register(into: &registry.directives, trio: trio)
    }
}
