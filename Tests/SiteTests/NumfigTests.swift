import DocTree
import Foundation
import Testing
@testable import Site

/// Sphinx's `numfig`, `numfig_format` and `:numref:`: captioned figures,
/// tables and code blocks, labelled or not, numbered from the root document
/// through its toctrees, their captions and references in the configured
/// format (the numbers Sphinx 9.2 gives these pages).
@Suite struct NumfigTests {
    func build(_ files: [String: String]) throws -> (BuildReport, URL, URL) {
        let root = try temporaryProject(files)
        let out = root.appendingPathComponent("_site")
        return (try SiteBuilder.build(BuildOptions(sourceDirectory: root.path, outputDirectory: out.path)), root, out)
    }

    static let pages = [
        "a.png": "",
        "index.rst": """
            Home
            ====

            .. _first:

            .. figure:: a.png

               Before the toctree.

            .. toctree::

               chapter

            .. _last:

            .. figure:: a.png

               After the toctree.

            See :numref:`first`, :numref:`last`, :numref:`inner`, :numref:`Tab. {number}: {name} <roles>`,
            :numref:`listing %s <code>`.
            """,
        "chapter.rst": """
            Chapter
            =======

            .. figure:: a.png

               Not labelled, numbered all the same.

            .. _inner:

            .. figure:: a.png

               In the chapter.

            .. _roles:

            .. table:: Roles

               ==  ==
               a   b
               ==  ==

            .. code-block:: python
               :caption: A loop
               :name: code

               for x in y: pass
            """,
    ]

    @Test func numbersFollowTheToctreeAndTheFormat() throws {
        var files = Self.pages
        files["conf.py"] = "numfig = True\nnumfig_format = {'figure': 'Figure %s'}\n"
        let (report, root, out) = try build(files)
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(report.diagnostics.filter { $0.severity != .info }.isEmpty, "\(rendered(report.diagnostics))")
        let index = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        // The chapter's figures come between the two of the page that lists it, as in Sphinx.
        #expect(index.contains(">Figure 1</span></a>, <a class=\"reference internal\" href=\"#last\"><span class=\"xref std std-numref\">Figure 4</span>"))
        #expect(index.contains("href=\"chapter.html#inner\"><span class=\"xref std std-numref\">Figure 3</span>"))
        #expect(index.contains(">Tab. 1: Roles</span>"))
        #expect(index.contains(">listing 1</span>"))
        #expect(index.contains("<span class=\"caption-number\">Figure 1 </span>Before the toctree."))
        let chapter = try String(contentsOf: out.appendingPathComponent("chapter.html"), encoding: .utf8)
        #expect(chapter.contains("<span class=\"caption-number\">Table 1 </span>Roles"))
        #expect(chapter.contains("<span class=\"caption-number\">Listing 1 </span>A loop"))
        #expect(chapter.contains("<span class=\"caption-number\">Figure 2 </span>Not labelled"))
        #expect(chapter.contains("<span class=\"caption-number\">Figure 3 </span>In the chapter"))
    }

    @Test func withoutNumfigNumrefIsReportedAndShowsItsText() throws {
        var files = Self.pages
        files["conf.py"] = "project = 'Numbers'\n"
        let (report, root, out) = try build(files)
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(report.diagnostics.map(\.id) == Array(repeating: "numfig.disabled", count: 5))
        #expect(report.diagnostics.allSatisfy { $0.severity == .warning && [20, 21].contains($0.range?.start.line ?? 0) })
        let index = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(!index.contains("caption-number"))
        #expect(index.contains("See <span class=\"xref std std-numref\">first</span>"))
    }

    /// `:name:` makes a label (`:ref:` with a title, `:numref:`); the `contents` topic's name is implicit, as in docutils.
    @Test func explicitNamesAreLabelsButTheContentsTopicIsNot() throws {
        let (report, root, out) = try build([
            "index.rst": """
                Home
                ====

                .. contents::

                .. note::
                   :name: careful

                   Mind the step.

                .. toctree::

                   other

                See :ref:`the note <careful>`.
                """,
            "other.rst": "Other\n=====\n\n.. contents::\n\nText.\n",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(report.diagnostics.filter { $0.severity != .info }.isEmpty, "\(rendered(report.diagnostics))")
        let index = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.contains("href=\"#careful\""))
    }
}
