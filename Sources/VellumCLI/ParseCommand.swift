import ArgumentParser
import DocTree
import Foundation
import Site

struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Parse one page and print its document tree.",
        discussion: """
        pseudoxml prints the tree in docutils' pseudo-XML form (as rst2pseudoxml does, before \
        transforms); html prints the page body as the HTML writer renders it, references unresolved. \
        Diagnostics go to standard error.
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case pseudoxml, html }

    @Argument(help: "A .rst or .md file ('-' reads reStructuredText from standard input).")
    var file: String

    @Option(help: "Output format: pseudoxml or html.")
    var format: Format = .pseudoxml

    @Option(help: "The value of the document's source attribute (defaults to the file path).")
    var sourceName: String?

    @Option(help: "Markup of the input: rst or md (defaults to the file extension).")
    var markup: String?

    func run() throws {
        let text: String
        if file == "-" {
            text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        } else {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw ValidationError("cannot read '\(file)'")
            }
            text = String(decoding: data, as: UTF8.self)
        }
        let isMarkdown = markup.map { $0 == "md" || $0 == "markdown" } ?? file.hasSuffix(".md")
        let (output, diagnostics) = SinglePage.render(text: text, path: file, sourceName: sourceName ?? file,
                                                      markdown: isMarkdown,
                                                      format: format == .html ? .html : .pseudoxml)
        FileHandle.standardOutput.write(Data(output.utf8))
        let rendered = DiagnosticFormatter(format: .text).render(diagnostics.sorted(by: Diagnostic.ordered))
        FileHandle.standardError.write(Data(rendered.utf8))
    }
}
