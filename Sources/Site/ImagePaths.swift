import CrossRef
import DocTree

/// Image paths as Sphinx reads them: `name.*` is the best file that exists of the types an HTML page
/// shows (SVG, then PNG, GIF, JPEG, WebP), and a path with a leading `/` is relative to the source
/// root. The page then names the file relative to itself, since images are copied to the same place.
enum ImagePaths {
    /// The extensions `name.*` tries, in Sphinx's HTML builder's order of preference.
    static let preferred = ["svg", "png", "gif", "jpg", "jpeg", "webp"]

    /// Every source path `uri` may name (all the candidates of `name.*`), relative to the source root.
    static func candidates(_ uri: String, document: String) -> [String] {
        guard uri.hasSuffix(".*") else { return [PageURL.sourcePath(uri, from: document)] }
        let base = String(uri.dropLast(2))
        return preferred.map { PageURL.sourcePath(base + "." + $0, from: document) }
    }

    /// The page's image nodes with `uri` naming the chosen file relative to the page; `exists` says whether
    /// a source path (relative to the source root) is a file. A `name.*` with no candidate stays as written.
    static func resolve(_ root: Node, document: String, exists: (String) -> Bool) -> Node {
        root.rewritten { node -> [Node] in
            guard node.kind == .image, let uri = node.string("uri"), !uri.contains("://"), !uri.hasPrefix("data:"),
                  uri.hasSuffix(".*") || uri.hasPrefix("/") else { return [node] }
            // Only `name.*` looks at the disk; `/path` names one file, checked with the page's other images.
            let options = candidates(uri, document: document)
            guard let chosen = uri.hasSuffix(".*") ? options.first(where: exists) : options.first else { return [node] }
            var copy = node
            copy.attributes["uri"] = .string(PageURL.relative(from: document, toPath: chosen))
            return [copy]
        }.first ?? root
    }
}
