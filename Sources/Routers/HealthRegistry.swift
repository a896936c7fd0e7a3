/// Tells routers which databases are currently able to serve queries.
///
/// Routers skip unhealthy replicas. Implement this protocol to plug in your
/// own health checks, or use ``HealthRegistry``.
public protocol HealthChecking: Sendable {
    /// Whether a database can serve queries right now.
    ///
    /// - Parameter database: The database to check.
    /// - Returns: `true` when queries may be sent to it.
    func isHealthy(_ database: DatabaseAlias) -> Bool
}

/// A thread-safe record of databases marked down by the application.
///
/// Every database is healthy until ``markUnhealthy(_:)`` is called for it,
/// for example by a connection-error handler or a periodic probe.
public final class HealthRegistry: HealthChecking {
    private let down = Locked(Set<DatabaseAlias>())

    /// Creates a registry in which every database is healthy.
    public init() {}

    /// Marks a database as unable to serve queries.
    ///
    /// - Parameter database: The database that failed.
    public func markUnhealthy(_ database: DatabaseAlias) {
        _ = down.withLock { $0.insert(database) }
    }

    /// Marks a database as serving queries again.
    ///
    /// - Parameter database: The database that recovered.
    public func markHealthy(_ database: DatabaseAlias) {
        _ = down.withLock { $0.remove(database) }
    }

    /// Whether a database is healthy.
    ///
    /// - Parameter database: The database to check.
    /// - Returns: `false` if the database was marked unhealthy and has not recovered since.
    public func isHealthy(_ database: DatabaseAlias) -> Bool {
        down.withLock { !$0.contains(database) }
    }

    /// The databases currently marked unhealthy, sorted by name.
    public var unhealthyDatabases: [DatabaseAlias] {
        down.withLock { $0.sorted() }
    }
}

/// A health check that considers every database healthy.
public struct AlwaysHealthy: HealthChecking {
    /// Creates the check.
    public init() {}

    /// Always healthy.
    ///
    /// - Parameter database: Ignored.
    /// - Returns: `true`.
    public func isHealthy(_ database: DatabaseAlias) -> Bool { true }
}
