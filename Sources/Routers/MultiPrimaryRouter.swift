/// Routes models to one of several writable primaries, each with its own read-only replicas.
///
/// A ``PrimaryRule`` names the primary that owns a model. Writes go to that
/// primary; reads are spread over its healthy replicas (and the primary) just
/// like ``PrimaryReplicaRouter`` does. Relations are allowed inside one
/// primary's cluster and forbidden across clusters. Migrations run on the
/// primary that owns the model, never on a replica.
///
/// Models the rule does not place, or places on a database that is not a
/// configured primary, get no opinion, so a ``RouterChain`` can handle them.
///
/// ```swift
/// let router = MultiPrimaryRouter(
///     clusters: ["db_auth": ["db_auth_r1"], "db_billing": ["db_billing_r1", "db_billing_r2"]],
///     rule: .named(prefix: "db_"))
/// ```
public struct MultiPrimaryRouter: DatabaseRouter {
    /// One primary/replica router per primary, sorted by primary name.
    public let clusters: [PrimaryReplicaRouter]
    /// The rule that names a model's primary.
    public let rule: PrimaryRule

    /// Creates a multi-primary router.
    ///
    /// - Parameters:
    ///   - clusters: Each writable primary mapped to its read-only replicas.
    ///   - rule: How a model's primary is chosen.
    ///   - readsFromPrimary: Whether primaries serve reads too; `true` by default.
    ///   - strategy: How reads are spread inside a cluster; shared by all clusters.
    ///   - health: Which databases are up; every database is healthy by default.
    public init(clusters: [DatabaseAlias: [DatabaseAlias]], rule: PrimaryRule, readsFromPrimary: Bool = true,
                strategy: any ReplicaSelectionStrategy = RoundRobinSelection(),
                health: any HealthChecking = AlwaysHealthy()) {
        self.clusters = clusters.keys.sorted().map { primary in
            PrimaryReplicaRouter(primary: primary, replicas: clusters[primary] ?? [],
                                 readsFromPrimary: readsFromPrimary, strategy: strategy, health: health)
        }
        self.rule = rule
    }

    /// The writable primaries, sorted by name.
    public var primaries: [DatabaseAlias] { clusters.map(\.primary) }

    /// The cluster that owns a model.
    ///
    /// - Parameters:
    ///   - model: The model to place.
    ///   - hints: Extra context passed to the rule.
    /// - Returns: The cluster of the primary that ``rule`` names, or `nil` if it names no configured primary.
    public func cluster(for model: ModelDescriptor, hints: RoutingHints = .none) -> PrimaryReplicaRouter? {
        guard let primary = rule.primary(for: model, hints: hints) else { return nil }
        return clusters.first { $0.primary == primary }
    }

    private func cluster(containing database: DatabaseAlias?) -> PrimaryReplicaRouter? {
        guard let database else { return nil }
        return clusters.first { $0.databases.contains(database) }
    }

    /// Reads from the owning cluster.
    ///
    /// - Parameters:
    ///   - model: The model being queried.
    ///   - hints: Extra context passed to the rule.
    /// - Returns: A healthy member of the model's cluster, or `nil` when the model has no cluster.
    public func databaseForRead(_ model: ModelDescriptor, hints: RoutingHints) -> DatabaseAlias? {
        cluster(for: model, hints: hints)?.databaseForRead(model, hints: hints)
    }

    /// Writes to the owning primary.
    ///
    /// - Parameters:
    ///   - model: The model being written.
    ///   - hints: Extra context passed to the rule.
    /// - Returns: The model's primary, or `nil` when the model has no cluster.
    public func databaseForWrite(_ model: ModelDescriptor, hints: RoutingHints) -> DatabaseAlias? {
        cluster(for: model, hints: hints)?.primary
    }

    /// Allows relations inside a cluster only.
    ///
    /// - Parameters:
    ///   - first: One end of the relation.
    ///   - second: The other end.
    ///   - hints: Extra context (not used).
    /// - Returns: `true` within one cluster, `false` across two clusters, `nil` if either database is unknown.
    public func allowRelation(_ first: RoutedObject, _ second: RoutedObject, hints: RoutingHints) -> Bool? {
        guard let a = cluster(containing: first.database), let b = cluster(containing: second.database) else {
            return nil
        }
        return a.primary == b.primary
    }

    /// Runs a model's migrations on its own primary.
    ///
    /// - Parameters:
    ///   - database: The database the migration would run on.
    ///   - appLabel: The application whose migration it is.
    ///   - modelName: The model the migration touches, when known.
    ///   - hints: Extra context; ``RoutingHints/model`` (with its tags) is used when present.
    /// - Returns: `false` on a replica; on a primary, whether it owns the model (`nil` if the rule
    ///   places the model nowhere); `nil` for databases this router does not know.
    public func allowMigrate(_ database: DatabaseAlias, appLabel: String, modelName: String?,
                             hints: RoutingHints) -> Bool? {
        guard let owner = cluster(containing: database) else { return nil }
        if owner.primary != database { return false }
        let model = hints.model ?? ModelDescriptor(appLabel: appLabel, modelName: modelName ?? "")
        guard let primary = rule.primary(for: model, hints: hints) else { return nil }
        return primary == database
    }
}
