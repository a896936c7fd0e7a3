/// How ``MultiPrimaryRouter`` chooses the primary database that owns a model.
public enum PrimaryRule: Sendable {
    /// The primary is named after the model's application: `prefix + appLabel + suffix`.
    ///
    /// With `.named(prefix: "db_")`, models of the `billing` application live on `db_billing`.
    case named(prefix: String = "", suffix: String = "")
    /// The primary is found through the model's tags: the first tag, in sorted
    /// order, that has an entry in the map names the primary.
    case tagged([String: DatabaseAlias])
    /// Any other rule; return `nil` when the model belongs to no primary.
    case custom(@Sendable (ModelDescriptor, RoutingHints) -> DatabaseAlias?)

    /// Applies the rule.
    ///
    /// - Parameters:
    ///   - model: The model to place.
    ///   - hints: Extra context, passed to ``custom(_:)`` rules.
    /// - Returns: The name of the model's primary, or `nil` when the rule does not place the model.
    public func primary(for model: ModelDescriptor, hints: RoutingHints) -> DatabaseAlias? {
        switch self {
        case let .named(prefix, suffix):
            return DatabaseAlias(prefix + model.appLabel + suffix)
        case let .tagged(map):
            return model.tags.sorted().lazy.compactMap { map[$0] }.first
        case let .custom(rule):
            return rule(model, hints)
        }
    }
}
