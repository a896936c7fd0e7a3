/// Sends writes to one primary database and spreads reads over its replicas.
///
/// Reads go to the healthy members of the read pool — the replicas, plus the
/// primary unless ``readsFromPrimary`` is `false` — chosen by a
/// ``ReplicaSelectionStrategy``. When no member of the pool is healthy, reads
/// fall back to the primary. Relations are allowed between objects that both
/// live in the pool, and migrations run on the primary only.
///
/// ```swift
/// let router = PrimaryReplicaRouter(primary: "primary", replicas: ["replica-1", "replica-2"],
///                                   strategy: RandomSelection())
/// ```
public struct PrimaryReplicaRouter: DatabaseRouter {
    /// The database that receives every write.
    public let primary: DatabaseAlias
    /// The read-only copies of ``primary``.
    public let replicas: [DatabaseAlias]
    /// Whether the primary also serves reads alongside the replicas.
    public let readsFromPrimary: Bool
    /// How one database is chosen out of the healthy read pool.
    public let strategy: any ReplicaSelectionStrategy
    /// Which databases may currently serve reads.
    public let health: any HealthChecking

    /// Creates a primary/replica router.
    ///
    /// - Parameters:
    ///   - primary: The database that receives every write.
    ///   - replicas: Its read-only copies; duplicates and the primary itself are ignored.
    ///   - readsFromPrimary: Whether the primary serves reads too; `true` by default.
    ///   - strategy: How reads are spread; ``RoundRobinSelection`` by default.
    ///   - health: Which databases are up; every database is healthy by default.
    public init(primary: DatabaseAlias, replicas: [DatabaseAlias], readsFromPrimary: Bool = true,
                strategy: any ReplicaSelectionStrategy = RoundRobinSelection(),
                health: any HealthChecking = AlwaysHealthy()) {
        self.primary = primary
        var seen: Set<DatabaseAlias> = [primary]
        self.replicas = replicas.filter { seen.insert($0).inserted }
        self.readsFromPrimary = readsFromPrimary
        self.strategy = strategy
        self.health = health
    }

    /// Every database this router knows: the primary, then the replicas.
    public var databases: [DatabaseAlias] { [primary] + replicas }

    /// The healthy databases reads may currently go to, in a stable order.
    ///
    /// Empty when the whole read pool is down; reads then use ``primary``.
    public var readCandidates: [DatabaseAlias] {
        let pool = readsFromPrimary ? replicas + [primary] : replicas
        return pool.filter { health.isHealthy($0) }
    }

    /// Chooses a healthy database from the read pool.
    ///
    /// - Parameters:
    ///   - model: The model being queried (not used).
    ///   - hints: Extra context (not used).
    /// - Returns: A healthy pool member picked by ``strategy``, or ``primary`` when none is healthy.
    public func databaseForRead(_ model: ModelDescriptor, hints: RoutingHints) -> DatabaseAlias? {
        let candidates = readCandidates
        return candidates.isEmpty ? primary : strategy.select(from: candidates)
    }

    /// Sends every write to the primary.
    ///
    /// - Parameters:
    ///   - model: The model being written (not used).
    ///   - hints: Extra context (not used).
    /// - Returns: ``primary``.
    public func databaseForWrite(_ model: ModelDescriptor, hints: RoutingHints) -> DatabaseAlias? { primary }

    /// Allows relations inside the primary/replica set.
    ///
    /// - Parameters:
    ///   - first: One end of the relation.
    ///   - second: The other end.
    ///   - hints: Extra context (not used).
    /// - Returns: `true` when both objects come from databases of this router, otherwise `nil`.
    public func allowRelation(_ first: RoutedObject, _ second: RoutedObject, hints: RoutingHints) -> Bool? {
        guard let a = first.database, let b = second.database else { return nil }
        let known = databases
        return known.contains(a) && known.contains(b) ? true : nil
    }

    /// Runs migrations on the primary only.
    ///
    /// - Parameters:
    ///   - database: The database the migration would run on.
    ///   - appLabel: The application whose migration it is (not used).
    ///   - modelName: The model the migration touches (not used).
    ///   - hints: Extra context (not used).
    /// - Returns: `true` for ``primary``, `false` for a replica, `nil` for any other database.
    public func allowMigrate(_ database: DatabaseAlias, appLabel: String, modelName: String?,
                             hints: RoutingHints) -> Bool? {
        if database == primary { return true }
        return replicas.contains(database) ? false : nil
    }
}
