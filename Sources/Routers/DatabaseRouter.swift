/// Decides which database a query goes to.
///
/// A router answers four questions. Every answer is optional: `nil` means
/// "no opinion", and a ``RouterChain`` then asks the next router. All four
/// methods have default implementations that return `nil`, so a router only
/// implements the questions it cares about.
///
/// ```swift
/// struct AnalyticsRouter: DatabaseRouter {
///     func databaseForRead(_ model: ModelDescriptor, hints: RoutingHints) -> DatabaseAlias? {
///         model.appLabel == "analytics" ? "warehouse" : nil
///     }
/// }
/// ```
///
/// Routers are shared between threads, so they must be `Sendable`.
public protocol DatabaseRouter: Sendable {
    /// Chooses the database to read objects of a model from.
    ///
    /// - Parameters:
    ///   - model: The model being queried.
    ///   - hints: Extra context about the query.
    /// - Returns: The database to read from, or `nil` for no opinion.
    func databaseForRead(_ model: ModelDescriptor, hints: RoutingHints) -> DatabaseAlias?

    /// Chooses the database to write objects of a model to.
    ///
    /// - Parameters:
    ///   - model: The model being written.
    ///   - hints: Extra context about the write.
    /// - Returns: The database to write to, or `nil` for no opinion.
    func databaseForWrite(_ model: ModelDescriptor, hints: RoutingHints) -> DatabaseAlias?

    /// Decides whether a relation (a foreign key, a many-to-many link) between two objects is allowed.
    ///
    /// - Parameters:
    ///   - first: One end of the relation.
    ///   - second: The other end of the relation.
    ///   - hints: Extra context.
    /// - Returns: `true` to allow, `false` to forbid, `nil` for no opinion.
    func allowRelation(_ first: RoutedObject, _ second: RoutedObject, hints: RoutingHints) -> Bool?

    /// Decides whether a migration may run on a database.
    ///
    /// - Parameters:
    ///   - database: The database the migration would run on.
    ///   - appLabel: The application whose migration it is.
    ///   - modelName: The model the migration touches, when known.
    ///   - hints: Extra context, such as ``RoutingHints/model``.
    /// - Returns: `true` to allow, `false` to forbid, `nil` for no opinion.
    func allowMigrate(_ database: DatabaseAlias, appLabel: String, modelName: String?, hints: RoutingHints) -> Bool?
}

extension DatabaseRouter {
    /// No opinion.
    ///
    /// - Parameters:
    ///   - model: The model being queried.
    ///   - hints: Extra context about the query.
    /// - Returns: `nil`.
    public func databaseForRead(_ model: ModelDescriptor, hints: RoutingHints) -> DatabaseAlias? { nil }

    /// No opinion.
    ///
    /// - Parameters:
    ///   - model: The model being written.
    ///   - hints: Extra context about the write.
    /// - Returns: `nil`.
    public func databaseForWrite(_ model: ModelDescriptor, hints: RoutingHints) -> DatabaseAlias? { nil }

    /// No opinion.
    ///
    /// - Parameters:
    ///   - first: One end of the relation.
    ///   - second: The other end of the relation.
    ///   - hints: Extra context.
    /// - Returns: `nil`.
    public func allowRelation(_ first: RoutedObject, _ second: RoutedObject, hints: RoutingHints) -> Bool? { nil }

    /// No opinion.
    ///
    /// - Parameters:
    ///   - database: The database the migration would run on.
    ///   - appLabel: The application whose migration it is.
    ///   - modelName: The model the migration touches, when known.
    ///   - hints: Extra context.
    /// - Returns: `nil`.
    public func allowMigrate(_ database: DatabaseAlias, appLabel: String, modelName: String?, hints: RoutingHints) -> Bool? {
        nil
    }
}
