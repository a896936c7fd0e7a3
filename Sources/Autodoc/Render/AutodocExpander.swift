import DocTree
import Domains
import RST

/// Replaces the `autodoc` nodes of a parsed page with object descriptions
/// rendered from the extracted APIs. Pure given the store: the same page and
/// store give the same tree. Call it after parsing and before
/// ``DomainContext/apply(_:)``.
public enum AutodocExpander {
    /// Diagnostic ids.
    public enum DiagnosticID {
        public static let missingModule = "autodoc.missing-module"
        public static let missingObject = "autodoc.missing-object"
        public static let missingMember = "autodoc.missing-member"
    }

    public static func expand(_ document: Document, store: APIStore, parserOptions: RSTOptions,
                              settings: AutodocSettings = AutodocSettings()) -> Document {
        var renderer = AutodocRenderer(store: store, documentName: document.name, parserOptions: parserOptions,
                                       settings: settings)
        var problems: [Diagnostic] = []
        var module: String?
        var copy = document
        copy.root = expand(document.root, module: &module, renderer: &renderer, problems: &problems, file: document.source)
        copy.diagnostics += problems + renderer.diagnostics
        return copy
    }

    /// `classPath`: the class whose `autoclass` body this is (`automethod:: run` inside means `Class.run`).
    static func expand(_ node: Node, module: inout String?, classPath: String? = nil, renderer: inout AutodocRenderer,
                       problems: inout [Diagnostic], file: SourceFile) -> Node {
        guard !node.children.isEmpty else { return node }
        var copy = node
        var children: [Node] = []
        for child in node.children {
            if child.kind == DomainContext.currentModuleKind {
                let name = child.string(AttributeKey.module) ?? ""
                module = name.isEmpty ? nil : name
            } else if child.kind == .target, child.attributes[AttributeKey.isModule] == .bool(true), let name = child.string(AttributeKey.fullname) {
                module = name
            }
            if child.kind == AutodocDirectives.nodeKind {
                let generated = render(child, module: &module, classPath: classPath, renderer: &renderer,
                                       problems: &problems, file: file)
                // Give the generated references their module/class context right away.
                children += DomainContext.apply(Node(.document, children: generated),
                                                addModuleNames: renderer.settings.addModuleNames).children
                continue
            }
            children.append(child.isText ? child : expand(child, module: &module, classPath: classPath,
                                                          renderer: &renderer, problems: &problems, file: file))
        }
        copy.children = children
        return copy
    }

    static func render(_ node: Node, module current: inout String?, classPath: String?, renderer: inout AutodocRenderer,
                       problems: inout [Diagnostic], file: SourceFile) -> [Node] {
        let directive = node.string("directive") ?? "automodule"
        let argument = node.string("argument") ?? ""
        if PalletsJinjaExtension.generatingDirectives.contains(directive) {
            return jinja(directive, node, argument: argument, module: current, renderer: &renderer, problems: &problems,
                         file: file)
        }
        var options = AutodocOptions(node: node, settings: renderer.settings)
        var content = node.children
        let store = renderer.store
        if directive == "automodule" {
            guard let module = store.module(named: argument) else {
                problems.append(missing(DiagnosticID.missingModule, "no module named '\(argument)'", node: node, file: file,
                                        notes: store.failures(along: argument)))
                return []
            }
            if module.language == .python { current = module.name }
            content = expand(Node(.document, children: content), module: &current, renderer: &renderer,
                             problems: &problems, file: file).children
            if case .names(let names) = options.members {
                for name in names where (module.language == .python ? renderer.pythonModuleMember(module, name) == nil
                                         : member(name, in: module.members) == nil) {
                    problems.append(missingMember(name, in: module.name, node: node, file: file))
                }
            }
            return module.language == .python
                ? renderer.pythonModule(module, options: options, content: content, range: node.range)
                : renderer.swiftModule(module, options: options, content: content, range: node.range)
        }
        // `autofunction:: name(a, b)`: an explicit signature after the name (the extracted one is shown).
        var name = argument
        if let open = argument.firstIndex(of: "("), argument.hasSuffix(")"), open > argument.startIndex,
           store.follow(argument) == nil {
            let bare = String(argument[..<open])
            let known = store.follow(bare) != nil || current.map { store.follow($0 + "." + bare) != nil } == true
                || classPath.map { store.follow($0 + "." + bare) != nil } == true
            if known {
                name = bare
                options.explicitArguments = String(argument[argument.index(after: open)..<argument.index(before: argument.endIndex)])
            }
        }
        var candidates = [name]
        if let explicit = node.string("option-module"), !explicit.isEmpty { candidates.insert(explicit + "." + name, at: 0) }
        else if let current { candidates.append(current + "." + name) }
        if let classPath { candidates.insert(classPath + "." + name, at: 0) }
        for candidate in candidates {
            guard var found = store.follow(candidate) ?? inheritedMember(name, of: classPath, name: candidate,
                                                                       renderer: renderer) else { continue }
            // `autofunction:: pkg.s` where `s = attrs`: the function the name is bound to, under the name written.
            if directive != "autodata", directive != "autoattribute", let definition = renderer.boundDefinition(found) {
                found = definition
            }
            // A class found by another name than its own (`BaseCommand` for `_BaseCommand`) is documented
            // as autodoc does: an attribute that is an alias of the class.
            if found.object.kind == .class || found.object.kind == .exception,
               directive == "autoclass" || directive == "autoexception",
               let own = found.canonicalName.split(separator: ".").last, own != found.object.name {
                found.object = APIObject(kind: classPath == nil ? .data : .attribute, name: found.object.name,
                                         qualifiedName: found.object.qualifiedName, location: found.object.location,
                                         value: String(own))
                options.directive = nil
            }
            let object = found.object, module = found.publicModule
            if object.kind == .class || object.kind == .exception {
                // `automethod`, `autoattribute` … in the body document members of this class.
                var inner = current
                content = expand(Node(.document, children: content), module: &inner, classPath: object.qualifiedName,
                                 renderer: &renderer, problems: &problems, file: file).children
            }
            if case .names(let names) = options.members, options.inheritedMembers == nil {
                for name in names where member(name, in: object.members) == nil {
                    problems.append(missingMember(name, in: object.qualifiedName, node: node, file: file))
                }
            }
            if module.language == .swift {
                return [renderer.swiftDesc(object, module: module, parentPath: nil, options: options, content: content,
                                           range: node.range)]
            }
            // In a class body (`automethod:: run` inside `autoclass`), the class is not shown again before the name.
            let inClass = classPath.map { object.qualifiedName.hasPrefix($0 + ".") } == true
            return [renderer.pythonDesc(object, module: module, definedIn: found.definingModule,
                                        canonicalName: found.canonicalName, parentPath: inClass ? classPath : nil,
                                        options: options, content: content, range: node.range)]
        }
        let resolved = store.resolve(argument) ?? current.flatMap { store.resolve($0 + "." + argument) }
        let message = resolved.map { "module '\($0.module.name)' has no member '\($0.path ?? argument)' (\(directive))" }
            ?? "no module found for '\(argument)' (\(directive)); give the full dotted name or set the current module"
        problems.append(missing(DiagnosticID.missingObject, message, node: node, file: file,
                                notes: store.failures(along: argument)))
        return []
    }

    /// `jinja:nodes:: jinja2.nodes.Node` (the `autoclass` directives ``AutodocRenderer/jinjaNodesMarkup(_:)``
    /// writes, expanded in the class's module) and `jinja:filters`/`jinja:tests` (a table and `function`
    /// directives, in the current module); all of it stands at the directive.
    static func jinja(_ directive: String, _ node: Node, argument: String, module current: String?,
                      renderer: inout AutodocRenderer, problems: inout [Diagnostic], file: SourceFile) -> [Node] {
        let store = renderer.store
        let candidates = [argument] + (current.map { [$0 + "." + argument] } ?? [])
        let found = candidates.lazy.compactMap({ store.follow($0) }).first
        var module = current
        let text: String?
        if directive == PalletsJinjaExtension.nodesDirective {
            let isClass = found.map { $0.object.kind == .class || $0.object.kind == .exception } == true
            text = isClass ? found.map { renderer.jinjaNodesMarkup($0) } : nil
            module = found?.publicModule.name
        } else {
            text = found.flatMap { $0.object.isVariable ? renderer.jinjaFunctionsMarkup($0) : nil }
        }
        guard let text else {
            let what = directive == PalletsJinjaExtension.nodesDirective ? "class" : "dict of functions"
            problems.append(missing(DiagnosticID.missingObject, "no \(what) found for '\(argument)' (\(directive))",
                                    node: node, file: file, notes: store.failures(along: argument)))
            return []
        }
        let markup = SourceFile(path: file.path, text: text)
        let parsed = RSTParser(options: renderer.parserOptions).parse(markup, name: renderer.documentName)
        let located = parsed.root.children.flatMap { child in
            child.rewritten { part in
                var copy = part
                if copy.range != nil { copy.range = node.range }
                return [copy]
            }
        }
        problems += parsed.diagnostics.map { diagnostic in
            var copy = diagnostic
            copy.file = file
            copy.range = node.range
            return copy
        }
        // The `function` directives it writes belong to the current module (`py:currentmodule:: jinja-filters`).
        let context = module.map { [DomainContext.currentModuleMarker($0, range: node.range)] } ?? []
        return expand(Node(.document, children: context + located), module: &module, renderer: &renderer,
                      problems: &problems, file: file).children
    }

    /// `automethod:: stop` in the body of a class that inherits `stop`: the base's member,
    /// documented under the class (as autodoc finds it through `getattr`).
    static func inheritedMember(_ argument: String, of classPath: String?, name: String,
                                renderer: AutodocRenderer) -> APIStore.Found? {
        guard let classPath, name == classPath + "." + argument, !argument.contains("."),
              let owner = renderer.store.follow(classPath) else { return nil }
        for (base, _) in renderer.baseClasses(owner.object, module: owner.definingModule) {
            guard let inherited = member(argument, in: base.members) else { continue }
            var found = owner
            found.object = inherited.renamed(qualifiedName: name)
            found.canonicalName = inherited.qualifiedName
            return found
        }
        return nil
    }

    /// An object by dotted path inside a module (dots in parentheses do not split).
    static func lookup(_ path: String, in module: APIModule) -> APIObject? {
        var parts = APIStore.splitPath(path)[...]
        guard let first = parts.popFirst(), var current = member(first, in: module.members) else { return nil }
        for part in parts {
            guard let next = member(part, in: current.members) else { return nil }
            current = next
        }
        return current
    }

    static func member(_ name: String, in members: [APIObject]) -> APIObject? {
        members.first { $0.name == name } ?? members.first { AutodocRenderer.baseName($0.name) == name }
    }

    static func missingMember(_ name: String, in owner: String, node: Node, file: SourceFile) -> Diagnostic {
        Diagnostic(id: DiagnosticID.missingMember, severity: .warning,
                   message: "autodoc: '\(owner)' has no member '\(name)' (listed in :members:)", file: file, range: node.range)
    }

    static func missing(_ id: String, _ message: String, node: Node, file: SourceFile, notes: [Diagnostic]) -> Diagnostic {
        Diagnostic(id: id, severity: .error, message: "autodoc: " + message, file: file, range: node.range,
                   notes: notes.map { Diagnostic.Note($0.message, file: $0.file, range: $0.range) })
    }
}
