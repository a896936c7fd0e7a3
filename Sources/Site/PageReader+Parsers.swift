import DocTree
import Foundation
import Markdown
import RST

extension PageReader {
    /// Parser settings from the project configuration, shared by both markups.
    static func rstOptions(config: SiteConfig, sourceURL: URL) -> RSTOptions {
        var extraRoles: [String: (domain: String, type: String)] = [:]
        for (name, type) in config.objectTypes { extraRoles[type.role] = ("std", name) }
        var extlinks: [String: (url: String, caption: String?)] = [:]
        for (name, link) in config.extlinks { extlinks[name] = (link.url, link.caption) }
        return RSTOptions(rawEnabled: config.rawEnabled, tags: Set(config.tags), includeRoot: sourceURL.path,
                          readFile: { path in
                              FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
                          },
                          extraRoles: extraRoles, extlinks: extlinks)
    }

    /// Chooses the parser by markup.
    func parse(_ file: SourceFile, page: PageSource, sourceName: String? = nil) -> Document {
        var options = rstOptions
        if let sourceName { options.sourceLabel = sourceName }
        switch page.markup {
        case .markdown:
            var markdown = MarkdownOptions(rawHTMLEnabled: config.rawEnabled)
            markdown.rst = options
            return MarkdownParser(options: markdown).parse(file, name: page.name)
        case .rst:
            return RSTParser(options: options).parse(file, name: page.name)
        }
    }
}
