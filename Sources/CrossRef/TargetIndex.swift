import DocTree

/// The read-only index of everything the site defines, built once from all
/// pages' `PageTargets` and then shared by every page's resolve step.
public struct TargetIndex: Sendable {
    public struct DocumentEntry: Sendable {
        public var name: String
        public var title: String?
        public var file: SourceFile
        public var anchors: Set<String>
        public var outline: [SectionOutline]
    }

    public private(set) var documents: [String: DocumentEntry] = [:]
    public private(set) var labels: [String: Label] = [:]
    /// Described objects by domain, then full name (several types may share a name).
    public private(set) var objects: [String: [String: [ObjectTarget]]] = [:]

    public init() {}

    /// Merges all pages' targets, in a fixed (sorted) page order; duplicate
    /// labels are errors naming both places.
    public static func collect(_ pages: [PageTargets]) -> (TargetIndex, [Diagnostic]) {
        var index = TargetIndex()
        var diagnostics: [Diagnostic] = []
        for page in pages.sorted(by: { $0.document < $1.document }) {
            index.documents[page.document] = DocumentEntry(name: page.document, title: page.title, file: page.file,
                                                           anchors: page.anchors, outline: page.outline)
            for label in page.labels {
                if let existing = index.labels[label.name] {
                    diagnostics.append(Diagnostic(
                        id: "ref.duplicate-label", severity: .error,
                        message: "duplicate label '\(label.name)'",
                        file: label.file, range: label.range,
                        notes: [.init("'\(label.name)' was first defined here", file: existing.file, range: existing.range)]))
                    continue
                }
                index.labels[label.name] = label
            }
            for object in page.objects {
                // Changed in place: a copy of the domain's table for each object would make
                // collecting quadratic in the number of objects a domain has.
                if let position = index.objects[object.domain]?[object.name]?
                    .firstIndex(where: { $0.type == object.type && $0.overload == object.overload }) {
                    let first = index.objects[object.domain]![object.name]![position]
                    // A canonical alias gives way to a real description, and never warns.
                    if object.isAlias { continue }
                    if first.isAlias {
                        index.objects[object.domain]![object.name]![position] = object
                        continue
                    }
                    diagnostics.append(Diagnostic(
                        id: "ref.duplicate-object", severity: .warning,
                        message: "duplicate description of \(object.kindName) '\(object.name)'; links go to the first one",
                        file: object.file, range: object.range,
                        notes: [.init("first described here", file: first.file, range: first.range)]))
                    continue
                }
                index.objects[object.domain, default: [:]][object.name, default: []].append(object)
            }
        }
        // Sphinx's standard labels for the site's own pages (a project's label of the same name wins).
        for (name, page, title) in builtinLabels where index.labels[name] == nil {
            index.labels[name] = Label(name: name, document: page, anchor: "", title: title, elementKind: "page",
                                       file: SourceFile(path: page, text: ""), range: nil)
        }
        return (index, diagnostics)
    }

    /// `:ref:`genindex``, `modindex` and `search`: the general index, the Python module index, the search page.
    static let builtinLabels = [("genindex", "genindex", "Index"), ("modindex", "py-modindex", "Module Index"),
                                ("search", "search", "Search Page")]

    /// Names closest to `name` among `candidates` (see ``closestNames(to:among:limit:)``).
    public static func suggestions(for name: String, among candidates: some Sequence<String>, limit: Int = 3) -> [String] {
        closestNames(to: name, among: candidates, limit: limit)
    }
}

extension TargetIndex {
    /// The site's `objects.inv` entries: every document and every label.
    public func inventory(project: String, version: String) -> Inventory {
        var entries: [Inventory.Entry] = []
        for (name, document) in documents {
            entries.append(.init(name: name, domain: "std", role: "doc", priority: -1,
                                 uri: PageURL.path(of: name), displayName: document.title ?? "-"))
        }
        for (name, label) in labels {
            entries.append(.init(name: name, domain: "std", role: "label", priority: -1,
                                 uri: PageURL.path(of: label.document) + (label.anchor.isEmpty ? "" : "#" + label.anchor),
                                 displayName: label.title ?? "-"))
        }
        for (domain, byName) in objects {
            for (name, targets) in byName {
                for target in targets where target.inInventory {
                    entries.append(.init(name: name, domain: domain, role: target.type, priority: 1,
                                         uri: PageURL.path(of: target.document) + "#" + target.anchor))
                }
            }
        }
        return Inventory(project: project, version: version, entries: entries)
    }
}
