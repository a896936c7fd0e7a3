import CrossRef
import DocTree
import Foundation

/// `:download:` references: the file is copied to `_downloads/` and the
/// reference becomes a link to the copy. A missing file is an error.
enum Downloads {
    static func resolve(_ document: Document, sourceURL: URL, project: ProjectFiles) -> (Node, [String], [Diagnostic]) {
        var files: [String] = []
        var diagnostics: [Diagnostic] = []
        let root = document.root.rewritten { node -> [Node] in
            guard node.kind == "download_reference", let target = node.string(AttributeKey.reftarget) else { return [node] }
            if target.contains("://") {
                var link = node
                link.attributes = ["refuri": .string(target)]
                link.kind = .reference
                return [link]
            }
            let path = PageURL.sourcePath(target, from: document.name)
            if let problem = project.assetProblem(sourceURL.appendingPathComponent(path).path) {
                diagnostics.append(problem.isMissing || problem.id == "read.directory"
                    ? .error("ref.download", "download file '\(target)' does not exist", file: document.source, range: node.range)
                    : .error(problem.id, "download file '\(target)' \(problem.message)", file: document.source, range: node.range))
                return [node]
            }
            files.append(path)
            var link = node
            link.attributes = ["refuri": .string(PageURL.relative(from: document.name, toPath: "_downloads/" + path)),
                               "internal": .bool(true)]
            return [link]
        }
        return (root.first ?? document.root, files, diagnostics)
    }
}
