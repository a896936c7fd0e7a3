import Autodoc
import DocTree
import Domains

/// Which API sources a page's autodoc directives may have used. Errs on the
/// side of too many: every dotted prefix of every name the directives give
/// (alone and after every module the page sets as current), and, for each
/// module found, the modules it imports, transitively; modules looked for
/// and not found count too (creating one changes the page). A page with
/// autodoc directives depends on every configured Swift module.
enum AutodocDependencies {
    /// The dotted names a page's autodoc directives and module context give, before expansion.
    struct Seeds: Sendable {
        var names: Set<String> = []
        var modules: Set<String> = []
    }

    static func seeds(in root: Node) -> Seeds {
        var seeds = Seeds()
        root.walk { node in
            if node.kind == AutodocDirectives.nodeKind {
                for key in ["argument", "option-module"] {
                    if let value = node.string(key), !value.isEmpty { seeds.names.insert(bareName(value)) }
                }
            } else if node.kind == DomainContext.currentModuleKind, let name = node.string(AttributeKey.module), !name.isEmpty {
                seeds.modules.insert(name)
            } else if node.kind == .target, node.attributes[AttributeKey.isModule] == .bool(true),
                      let name = node.string(AttributeKey.fullname) {
                seeds.modules.insert(name)
            }
        }
        return seeds
    }

    /// Records the modules (found or not) that the seeds and their imports reach.
    static func record(_ seeds: Seeds, store: APIStore, swiftModules: [String], into log: InputLog) {
        var queue: [String] = []
        var seen: Set<String> = []
        func enqueue(_ dotted: String) {
            var prefix = ""
            for part in dotted.split(separator: ".", omittingEmptySubsequences: false) {
                prefix = prefix.isEmpty ? String(part) : prefix + "." + part
                if seen.insert(prefix).inserted { queue.append(prefix) }
            }
        }
        for name in seeds.names.sorted() {
            enqueue(name)
            for module in seeds.modules.sorted() { enqueue(module + "." + name) }
        }
        for module in seeds.modules.sorted() { enqueue(module) }
        let swift = Set(swiftModules)
        var next = 0
        while next < queue.count, next < 4096 {
            let name = queue[next]
            next += 1
            if swift.contains(name) { continue }
            let module = store.module(named: name)
            log.record(pythonModule: name, extractedText: module?.files.first?.text)
            for item in module?.imports ?? [] {
                enqueue(item.module)
                if let original = item.originalName, original != "*" { enqueue(item.module + "." + original) }
            }
        }
        for name in swiftModules.sorted() { log.record(swiftModule: name) }
    }

    /// `name(a, b)` → `name`.
    static func bareName(_ text: String) -> String {
        text.firstIndex(of: "(").map { String(text[..<$0]) } ?? text
    }
}
