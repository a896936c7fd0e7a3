import DocTree
import Foundation
import Testing
@testable import Site

/// `:any:` in Python as Sphinx searches: `()` dropped, the current module
/// first, then any object whose name ends with the target.
@Suite struct AnyRoleTests {
    @Test func anyFindsPythonObjectsInContextAndBySuffix() throws {
        let root = try temporaryProject([
            "conf.py": "default_role = 'any'\n",
            "index.rst": """
                API
                ===

                .. py:module:: kit

                .. py:function:: evolve(inst)

                   See `copy()` and `kit.evolve()`.

                .. py:function:: copy(inst)

                .. py:module:: kit.old

                .. py:function:: evolve(inst)

                   The old one: `evolve` is this module's.

                .. py:currentmodule:: None

                `copy` is found by its last part; `evolve` is ambiguous.
                :py:class:`kit.copy()` finds the function, as Sphinx drops the parentheses for every role.
                """,
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("site")
        let report = try SiteBuilder.build(BuildOptions(sourceDirectory: root.path, outputDirectory: out.path))
        let problems = report.diagnostics.map { "\($0.range?.start.line ?? 0) \($0.id) \($0.message)" }
        #expect(problems == ["20 ref.any ambiguous :any: reference 'evolve'"])
    }
}
