import Autodoc
import CrossRef
import DocTree
import Domains
import Extensions
import Foundation
import Markdown
import Markup
import RST

extension PageReader {
    /// Parser settings from the project configuration, shared by both markups.
    static func rstOptions(config: SiteConfig, sourceURL: URL, registry: Registry, files: ProjectFiles) -> RSTOptions {
        var extlinks: [String: (url: String, caption: String?)] = [:]
        for (name, link) in config.extlinks { extlinks[name] = (link.url, link.caption) }
        // Like Sphinx's HTML builder: `only:: html` content is kept.
        let tags = Set(config.tags).union(["html", "format_html", "builder_html"])
        // Included files come from the project only (`ProjectFiles`), whatever the path says.
        var options = RSTOptions(rawEnabled: config.rawEnabled, tags: tags, includeRoot: sourceURL.path,
                                 readFile: { path in
                                     try? files.read(path).map { String(decoding: $0, as: UTF8.self) }.get()
                                 },
                                 extlinks: extlinks, directives: registry.directives, roles: registry.roles)
        options.readBytes = { files.read($0) }
        options.defaultRole = config.defaultRole
        options.highlightLanguage = config.highlightLanguage
        // Sphinx sets docutils' auto_id_prefix to "id": made-up ids are `id1`, `id2`, … on every page.
        options.autoIDPrefix = "id"
        return options
    }

    /// Chooses the parser by markup, then expands API documentation from
    /// source and gives references their module/class context.
    func parse(_ file: SourceFile, page: PageSource, sourceName: String? = nil) -> Document {
        var options = rstOptions
        if let sourceName { options.sourceLabel = sourceName }
        var document: Document
        switch page.markup {
        case .markdown:
            var markdown = MarkdownOptions(rawHTMLEnabled: config.rawEnabled)
            markdown.rst = options
            markdown.extensions = Set(config.mystExtensions)
            markdown.substitutions = config.mystSubstitutions
            markdown.headingAnchors = config.mystHeadingAnchors
            markdown.urlSchemes = config.mystURLSchemes
            document = MarkdownParser(options: markdown).parse(file, name: page.name)
            document.root = GlossaryDirective.glossariesFromDefinitionLists(document.root)
        case .rst:
            // Sphinx's rst_epilog: read as if written at the end of every page (its lines follow the page's own).
            let source = config.rstEpilog.map { SourceFile(path: file.path, text: file.text + "\n\n" + $0 + "\n") } ?? file
            // Sphinx's rst_prolog: read before the page (after its docinfo), its lines numbered on their own.
            var rst = options
            rst.prolog = config.rstProlog.map { SourceFile(path: "<rst_prolog>", text: $0) }
            document = RSTParser(options: rst).parse(source, name: page.name)
        }
        // Docstrings may hold autodoc directives of their own (`.. autoclass::` in a module's
        // docstring, as Sphinx's automodule renders them): expanded in turn, a few levels deep.
        var passes = 0
        while let apiStore, passes < 4, document.root.first(where: { $0.kind == AutodocDirectives.nodeKind }) != nil {
            let seeds = inputs.map { _ in AutodocDependencies.seeds(in: document.root) }
            document = AutodocExpander.expand(document, store: apiStore, parserOptions: options, settings: config.autodocSettings)
            if let inputs, let seeds {
                AutodocDependencies.record(seeds, store: apiStore, swiftModules: config.swiftModules.map(\.name),
                                           into: inputs)
            }
            passes += 1
        }
        document.root = DomainContext.apply(document.root, addModuleNames: config.addModuleNames)
        document.root = ModuleTargets.apply(document.root)
        // Sphinx's AutoNumbering (ids for captioned figures, tables and code blocks), then the
        // `contents` tables, both numbering their ids after the page's own as Sphinx does.
        document.root = PageIDs.numberFiguresAndContents(document.root)
        // Sphinx's SmartQuotes transform runs on every page, MyST's as well as reStructuredText's.
        if let actions = config.smartQuotesActions {
            document.root = SmartQuotes.apply(document.root, actions: actions)
        }
        return document
    }
}
