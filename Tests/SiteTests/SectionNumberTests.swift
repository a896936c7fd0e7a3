import Foundation
import Site
import Testing

/// Section numbers under a `:numbered:` toctree (the titles Sphinx 9 + myst-parser
/// write for the same project), and the `contents` directive's list.
@Suite struct SectionNumberTests {
    static func headings(_ html: String) -> [String] {
        html.components(separatedBy: "<h").dropFirst().compactMap { part -> String? in
            guard let level = part.first, level.isNumber, let close = part.range(of: "<a class=\"headerlink\"") else { return nil }
            let inner = part[part.index(part.startIndex, offsetBy: 2)..<close.lowerBound]
            return "h\(level) " + inner.replacingOccurrences(of: "<span class=\"section-number\">", with: "[")
                .replacingOccurrences(of: "</span>", with: "]")
        }
    }

    @Test func numberedToctreeNumbersItsPagesAndTheirSections() throws {
        let tmp = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let out = tmp.appendingPathComponent("site")
        let report = try buildFixture("numbered", output: out)
        #expect(report.diagnostics.isEmpty, "\(rendered(report.diagnostics))")
        func page(_ name: String) throws -> [String] {
            Self.headings(try String(contentsOf: out.appendingPathComponent(name + ".html"), encoding: .utf8))
        }
        #expect(try page("a") == ["h1 [1. ]Page A", "h2 [1.1. ]A one", "h3 [1.1.1. ]A one one", "h2 [1.2. ]A two"])
        // A toctree inside a numbered page goes on from the section that holds it.
        #expect(try page("b") == ["h1 [2. ]Page B", "h2 [2.2. ]B one"])
        #expect(try page("sub") == ["h1 [2.1. ]Sub", "h2 [2.1.1. ]Sub one"])
        // Pages of a toctree without :numbered: keep their titles.
        #expect(try page("intro") == ["h1 Intro"])
        // The toctree's entries carry the numbers too.
        let index = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        for entry in ["href=\"a.html#a-one\">1.1. A one</a>", "href=\"sub.html\">2.1. Sub</a>",
                      "href=\"b.html#b-one\">2.2. B one</a>", "href=\"intro.html\">Intro</a>"] {
            #expect(index.contains(entry), "\(entry)")
        }
    }

    @Test func contentsDirectiveListsTheSectionsOfItsSection() throws {
        let tmp = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let out = tmp.appendingPathComponent("site")
        _ = try buildFixture("numbered", output: out)
        let html = try String(contentsOf: out.appendingPathComponent("contents.html"), encoding: .utf8)
        let topic = try #require(html.range(of: "class=\"contents local\">"))
        let end = try #require(html[topic.upperBound...].range(of: "</nav>"))
        let list = html[topic.upperBound..<end.lowerBound]
        // The entries' ids as Sphinx numbers them: the table itself took `id1` ("contents" is the page's).
        #expect(list.contains("<a class=\"reference internal\" href=\"#first\" id=\"id2\">First</a>"))
        #expect(list.contains("<a class=\"reference internal\" href=\"#second\" id=\"id3\">Second</a>"))
        // :depth: 1 leaves out the subsections.
        #expect(!list.contains("#deeper"))
    }
}
