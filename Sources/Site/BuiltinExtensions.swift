import DocTree
import Autodoc
import CrossRef
import Domains
import Extensions
import Foundation
import RST

/// docutils' directives and roles and Sphinx's markup directives
/// (`toctree`, `code-block`, `only` …) and text roles, shared by both markups.
struct MarkupBuiltins: Extension {
    func setup(_ registry: inout Registry) {
        registry.directives.register(contentsOf: .standard)
        registry.roles.register(contentsOf: .standard)
    }
}

extension Registry {
    /// The extensions every site build installs, configured by the project.
    static func site(_ config: SiteConfig) -> Registry {
        var registry = Registry()
        let custom = config.objectTypes.map { name, type in
            StandardDomain.CustomType(name: name, directive: type.directive, role: type.role,
                                      indexTemplate: type.indexTemplate, targetOnly: type.targetOnly,
                                      label: type.label, referenceNode: type.referenceNode)
        }
        registry.install([MarkupBuiltins()])
        BuiltinDomains.install(into: &registry, customTypes: custom, declared: config.domains,
                               primary: config.primaryDomain)
        registry.install([DomainMarkupExtension()])
        registry.install([AutodocExtension(trio: config.unsupportedExtensions.contains("sphinxcontrib_trio")),
                          InventoryArtifact()])
        if config.unsupportedExtensions.contains("pallets_sphinx_themes") { registry.install([PalletsJinjaExtension()]) }
        if config.unsupportedExtensions.contains("sphinx_paramlinks") { registry.install([ParameterLinksExtension()]) }
        registry.install([GenericRoles(roles: config.genericRoles), IfConfig(config: config)])
        if let towncrier = TowncrierExtension(config: config) { registry.install([towncrier]) }
        return registry
    }
}

/// `objects.inv`: every document, label and object, for other projects' intersphinx.
struct InventoryArtifact: Extension {
    func setup(_ registry: inout Registry) {
        registry.add(Artifact(name: "objects.inv") { input in
            ["objects.inv": [UInt8](input.index.inventory(project: input.project, version: input.version).encoded())]
        })
    }
}

/// Roles that wrap their text in one node (Sphinx's `add_generic_role`, read from `setup(app)`).
struct GenericRoles: Extension {
    var roles: [String: String]

    func setup(_ registry: inout Registry) {
        for (name, kind) in roles {
            registry.roles.register(name, Role { call, _ in
                ([Node(NodeKind(kind), children: call.text.isEmpty ? [] : [.text(call.text)], range: call.range)], [])
            })
        }
    }
}
