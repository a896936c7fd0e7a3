import CrossRef
import DocTree
import HTMLWriter
import Markup

/// What a feature adds to a build. Built-in features (docutils' and
/// Sphinx's directives, the std/py/swift/c/cpp/js/rst/math domains,
/// autodoc) are extensions too, and use nothing a new one could not use.
public protocol Extension: Sendable {
    func setup(_ registry: inout Registry)
}

/// Everything the extensions of one build registered: the directives and
/// roles both markups look up, the domains the resolver dispatches to, HTML
/// writers for node kinds, and site-wide artifacts. A value: each build
/// makes its own; nothing is global.
public struct Registry: Sendable {
    public var directives: DirectiveRegistry
    public var roles: RoleRegistry
    /// Domains by name.
    public private(set) var domains: [String: any Domain] = [:]
    /// The domain whose directives and roles also go without prefix (`py` unless configured).
    public private(set) var primaryDomain: String?
    /// HTML for node kinds the writer does not know on its own.
    public var nodeWriters: [NodeKind: NodeHTMLWriter] = [:]
    /// Files written once per site (`objects.inv`, indices), in registration order.
    public private(set) var artifacts: [Artifact] = []

    public init(directives: DirectiveRegistry = DirectiveRegistry(), roles: RoleRegistry = RoleRegistry()) {
        self.directives = directives
        self.roles = roles
    }

    public mutating func install(_ extensions: [any Extension]) {
        for item in extensions { item.setup(&self) }
    }

    /// Adds a domain: its directives as `name:directive` and roles as
    /// `:name:role:`; the standard domain's also without prefix.
    public mutating func add(_ domain: any Domain) {
        domains[domain.name] = domain
        let bare = domain.name == "std"
        for (directive, implementation) in domain.directives() {
            directives.register("\(domain.name):\(directive)", implementation)
            if bare { directives.register(directive, implementation) }
        }
        for (role, implementation) in domain.roles() {
            roles.register("\(domain.name):\(role)", implementation)
            if bare { roles.register(role, implementation) }
        }
    }

    /// Makes `name` the primary domain (Sphinx's `primary_domain`): its
    /// directives and roles also work without prefix. docutils' `class`
    /// directive stays available as `rst-class` when a domain takes the name.
    public mutating func setPrimaryDomain(_ name: String) {
        guard let domain = domains[name] else { return }
        primaryDomain = name
        for (directive, implementation) in domain.directives() {
            if let shadowed = directives.lookup(directive), directives.lookup("rst-" + directive) == nil {
                directives.register("rst-" + directive, shadowed)
            }
            directives.register(directive, implementation)
        }
        for (role, implementation) in domain.roles() {
            roles.register(role, implementation)
        }
    }

    public mutating func add(_ artifact: Artifact) {
        artifacts.append(artifact)
    }

    /// The domains in name order (for deterministic iteration).
    public var sortedDomains: [any Domain] {
        domains.keys.sorted().compactMap { domains[$0] }
    }
}

/// What an artifact is made from: the whole site's index and the project's name and version.
public struct ArtifactInput: Sendable {
    public var index: TargetIndex
    public var domains: [String: any Domain]
    public var project: String
    public var version: String

    public init(index: TargetIndex, domains: [String: any Domain], project: String, version: String) {
        self.index = index
        self.domains = domains
        self.project = project
        self.version = version
    }
}

/// A site-wide output file (or several), made after every page is resolved.
public struct Artifact: Sendable {
    public var name: String
    /// Output path (relative, `/`-separated) → bytes.
    public var make: @Sendable (ArtifactInput) -> [String: [UInt8]]

    public init(name: String, make: @escaping @Sendable (ArtifactInput) -> [String: [UInt8]]) {
        self.name = name
        self.make = make
    }
}
