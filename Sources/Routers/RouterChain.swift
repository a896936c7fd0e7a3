/// Asks a list of routers in order and falls back to a default.
///
/// The first router with an opinion wins. When none has one:
///
/// - reads and writes go to the database of ``RoutingHints/instance`` if it
///   has one, otherwise to ``defaultDatabase``;
/// - a relation is allowed when both objects live in the same database;
/// - a migration is allowed.
///
/// ```swift
/// let chain = RouterChain([AnalyticsRouter(), PrimaryReplicaRouter(primary: "primary", replicas: ["r1"])])
/// let alias = chain.readDatabase(for: ModelDescriptor(appLabel: "auth", modelName: "user"))
/// ```
public struct RouterChain: Sendable {
    /// The routers, asked in this order.
    public var routers: [any DatabaseRouter]
    /// The database used when no router has an opinion.
    public var defaultDatabase: DatabaseAlias

    /// Creates a chain.
    ///
    /// - Parameters:
    ///   - routers: The routers to ask, in order.
    ///   - defaultDatabase: The fallback database; ``DatabaseAlias/default`` unless given.
    public init(_ routers: [any DatabaseRouter], defaultDatabase: DatabaseAlias = .default) {
        self.routers = routers
        self.defaultDatabase = defaultDatabase
    }

    /// The database to read a model from.
    ///
    /// - Parameters:
    ///   - model: The model being queried.
    ///   - hints: Extra context passed to each router.
    /// - Returns: The first router's answer, or the fallback described in ``RouterChain``.
    public func readDatabase(for model: ModelDescriptor, hints: RoutingHints = .none) -> DatabaseAlias {
        for router in routers {
            if let alias = router.databaseForRead(model, hints: hints) { return alias }
        }
        return hints.instance?.database ?? defaultDatabase
    }

    /// The database to write a model to.
    ///
    /// - Parameters:
    ///   - model: The model being written.
    ///   - hints: Extra context passed to each router.
    /// - Returns: The first router's answer, or the fallback described in ``RouterChain``.
    public func writeDatabase(for model: ModelDescriptor, hints: RoutingHints = .none) -> DatabaseAlias {
        for router in routers {
            if let alias = router.databaseForWrite(model, hints: hints) { return alias }
        }
        return hints.instance?.database ?? defaultDatabase
    }

    /// Whether two objects may be related.
    ///
    /// - Parameters:
    ///   - first: One end of the relation.
    ///   - second: The other end.
    ///   - hints: Extra context passed to each router.
    /// - Returns: The first router's answer; without one, whether both objects
    ///   live in the same database (unsaved objects count as ``defaultDatabase``).
    public func allowsRelation(_ first: RoutedObject, _ second: RoutedObject, hints: RoutingHints = .none) -> Bool {
        for router in routers {
            if let verdict = router.allowRelation(first, second, hints: hints) { return verdict }
        }
        return (first.database ?? defaultDatabase) == (second.database ?? defaultDatabase)
    }

    /// Whether a migration may run on a database.
    ///
    /// - Parameters:
    ///   - database: The database the migration would run on.
    ///   - appLabel: The application whose migration it is.
    ///   - modelName: The model the migration touches, when known.
    ///   - hints: Extra context passed to each router.
    /// - Returns: The first router's answer, or `true` when no router has an opinion.
    public func allowsMigration(on database: DatabaseAlias, appLabel: String, modelName: String? = nil,
                                hints: RoutingHints = .none) -> Bool {
        for router in routers {
            if let verdict = router.allowMigrate(database, appLabel: appLabel, modelName: modelName, hints: hints) {
                return verdict
            }
        }
        return true
    }
}
