import Foundation
import Testing
@testable import Site

/// conf.py is evaluated, never executed: what configuration files compute
/// comes out as values, and what needs Python (an import of the package)
/// comes out as unknown.
@Suite struct ConfPyTests {
    static let now = Date(timeIntervalSince1970: 1_796_083_200)  // 2026-12-01

    func evaluate(_ source: String, tags: Set<String> = []) -> ConfPyEvaluator.Result {
        ConfPyEvaluator.evaluate(source, environment: .init(directory: "/work/proj/docs", tags: tags, now: Self.now))
    }

    @Test func aTypicalConfiguration() {
        let result = evaluate(#"""
            import os
            import sys
            import datetime
            from pathlib import Path

            sys.path.insert(0, os.path.abspath(".."))
            ROOT = Path(__file__).parent.parent
            sys.path.append(str(ROOT / "src"))

            project = "Widgets"
            author = "The Widgets team"
            copyright = f"2014-{datetime.date.today().year}, {author}"
            version_info = (2, 5, 1)
            release = ".".join(str(part) for part in version_info)
            version = ".".join(release.split(".")[:2])
            extensions = ["sphinx.ext.autodoc", "sphinx.ext.intersphinx"]
            if tags.has("internal"):
                extensions.append("sphinx.ext.todo")
            else:
                extensions += ["sphinx.ext.viewcode"]
            source_suffix = {".rst": "restructuredtext", ".txt": "restructuredtext"}
            exclude_patterns = ["_build", "Thumbs.db"] + [f"drafts/{n}" for n in ("a", "b") if n != "b"]
            rst_epilog = """
            .. |project| replace:: %s
            """ % project
            intersphinx_mapping = {"python": ("https://docs.python.org/3", None)}

            def setup(app):
                app.add_css_file("widgets.css")

            def title(name, suffix="docs"):
                return "{} {}".format(name, suffix).title()

            html_title = title(project)
            nitpick_ignore = [("py:class", name) for name in ["Any", "Optional"]]
            numfig = True and not False
            today_fmt = "%B %d, %Y"
            primary = {"a": 1, **{"b": 2}}["b"] * 2 ** 3
            """#)
        #expect(result.syntaxError == nil)
        let g = result.globals
        #expect(g["project"] == .str("Widgets"))
        #expect(g["copyright"] == .str("2014-2026, The Widgets team"))
        #expect(g["release"] == .str("2.5.1"))
        #expect(g["version"] == .str("2.5"))
        #expect(g["extensions"] == .list([.str("sphinx.ext.autodoc"), .str("sphinx.ext.intersphinx"),
                                           .str("sphinx.ext.viewcode")]))
        #expect(g["exclude_patterns"] == .list([.str("_build"), .str("Thumbs.db"), .str("drafts/a")]))
        #expect(g["rst_epilog"] == .str("\n.. |project| replace:: Widgets\n"))
        #expect(g["html_title"] == .str("Widgets Docs"))
        #expect(g["nitpick_ignore"] == .list([.tuple([.str("py:class"), .str("Any")]),
                                               .tuple([.str("py:class"), .str("Optional")])]))
        #expect(g["numfig"] == .bool(true))
        #expect(g["primary"] == .int(16))
        #expect(result.sysPath == ["/work/proj", "/work/proj/src"])
        #expect(result.lines["release"] == 14)
        if case .dict(let mapping)? = g["intersphinx_mapping"] {
            #expect(mapping[.str("python")] == .tuple([.str("https://docs.python.org/3"), .none]))
        } else {
            Issue.record("intersphinx_mapping is \(String(describing: g["intersphinx_mapping"]))")
        }
    }

    @Test func tagsChooseBranches() {
        let source = "extensions = []\nif tags.has('internal'):\n    extensions.append('todo')\n"
        #expect(evaluate(source, tags: ["internal"]).globals["extensions"] == .list([.str("todo")]))
        #expect(evaluate(source).globals["extensions"] == .list([]))
    }

    @Test func whatNeedsPythonIsUnknown() {
        let result = evaluate("""
            import widgets
            from importlib.metadata import version as get_version
            release = widgets.__version__
            version = get_version("widgets")
            if widgets.DEBUG:
                html_theme = "debug"
            name = "x" if widgets.flag else "y"
            project = "Widgets"
            """)
        #expect(result.globals["release"]?.isUnknown == true)
        #expect(result.globals["version"]?.isUnknown == true)
        #expect(result.globals["html_theme"]?.isUnknown == true)
        #expect(result.globals["name"]?.isUnknown == true)
        #expect(result.globals["project"] == .str("Widgets"))
    }

    @Test func theEnvironmentIsNeverRead() {
        let result = evaluate("""
            import os
            on_rtd = os.environ.get("READTHEDOCS", None) == "True"
            theme = os.getenv("THEME", "alabaster")
            """)
        #expect(result.globals["on_rtd"] == .bool(false))
        #expect(result.globals["theme"] == .str("alabaster"))
    }

    @Test func hostileInputEndsQuickly() {
        let started = Date()
        #expect(evaluate("x = " + String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000))
            .syntaxError != nil)
        let loop = evaluate("def f(n):\n    return f(n)\nx = f(1)\nwhile True:\n    y = 1\nfor i in range(10**9):\n    z = i\n")
        #expect(loop.globals["x"]?.isUnknown == true)
        #expect(loop.globals["z"]?.isUnknown == true)
        #expect(Date().timeIntervalSince(started) < 10)
    }

    /// Found while writing the confpy fuzz target: the work bound counted
    /// statements only, so a loop of 100,000 iterations, each building a
    /// 100,000-item list, ran for hours, and two nested loops of `z = j` took
    /// 43 s of CPU in the fuzz build. Work is now counted in tokens evaluated
    /// and elements built; straight-line code still runs to the end.
    @Test func loopsThatBuildBigValuesRunOutOfWork() {
        let started = Date()
        let terms = Array(repeating: "i", count: 600).joined(separator: " + ")
        let result = evaluate("""
            for i in range(100000):
                x = sorted(range(100000))
            y = [0] * 100000
            for i in range(40):
                y = y + y
            for i in range(20000):
                z = \(terms)
            w = [\(terms) for i in range(20000)]
            """)
        for name in ["x", "y", "z", "w"] {
            #expect(result.globals[name]?.isUnknown != false, "\(name) is \(String(describing: result.globals[name]))")
        }
        #expect(Date().timeIntervalSince(started) < 10)
        let straight = evaluate((0..<5_000).map { "a\($0) = [\($0), \"x\" * 2, sorted([3, 2, 1])]\n" }.joined())
        #expect(straight.globals["a4999"] == .list([.int(4999), .str("xx"), .list([.int(1), .int(2), .int(3)])]))
    }

    /// Found while writing the confpy fuzz target: ints beyond Int's range
    /// trapped (`-`, `abs`, `sum`, `//`, `%`, `int()` of a float, `%d`,
    /// `range`, repetition) or wrapped (`+`, `-`, `*`). Python's ints have no
    /// bound, so such a result is unknown; floor division and modulo keep
    /// Python's signs.
    @Test func intsBeyondIntsRangeAreUnknown() {
        let result = evaluate("""
            big = 9223372036854775807
            small = -9223372036854775807 - 1
            negated = -small
            absolute = abs(small)
            total = sum([big, 1])
            added = big + 1
            subtracted = small - 1
            multiplied = big * 2
            quotient = small // -1
            remainder = small % -1
            wide = 9223372036854775806 % big
            truncated = int(1e300)
            formatted = "%d" % 1e300
            span = range(small, big, big)
            repeated = "ab" * big
            listed = [1, 2] * big
            floor = (-7 // 2, 7 // -2, -7 % 2, 7 % -2, small // 2, big // 1, 7 // 2, int(-2.5))
            """)
        let g = result.globals
        for name in ["negated", "absolute", "total", "added", "subtracted", "multiplied", "quotient", "truncated",
                     "formatted", "repeated", "listed"] {
            #expect(g[name]?.isUnknown == true, "\(name) is \(String(describing: g[name]))")
        }
        #expect(g["span"] == .list([.int(Int.min), .int(-1), .int(Int.max - 1)]))
        #expect(g["remainder"] == .int(0))
        #expect(g["wide"] == .int(9_223_372_036_854_775_806))
        #expect(g["floor"] == .tuple([.int(-4), .int(-4), .int(1), .int(-1), .int(Int.min / 2), .int(Int.max),
                                      .int(3), .int(-2)]))
    }
}
