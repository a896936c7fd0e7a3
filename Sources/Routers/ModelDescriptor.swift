/// Identifies a model (a table-backed type) that a query is about.
///
/// Routers decide where queries go by looking at the model's application
/// label, its name, and optional free-form tags (for example `"analytics"`).
public struct ModelDescriptor: Hashable, Sendable, CustomStringConvertible {
    /// The label of the application that defines the model, such as `"auth"`.
    public var appLabel: String
    /// The model's name in lower case, such as `"user"`.
    public var modelName: String
    /// Free-form tags that tagging rules (see ``PrimaryRule/tagged(_:)``) can match.
    public var tags: Set<String>

    /// Creates a model descriptor.
    ///
    /// - Parameters:
    ///   - appLabel: The label of the application that defines the model.
    ///   - modelName: The model's name.
    ///   - tags: Tags used by tagging rules; empty by default.
    public init(appLabel: String, modelName: String, tags: Set<String> = []) {
        self.appLabel = appLabel
        self.modelName = modelName
        self.tags = tags
    }

    /// `appLabel.modelName`, the usual way to name a model in logs.
    public var description: String { "\(appLabel).\(modelName)" }
}

/// A model instance as seen by a router: which model it belongs to and which
/// database it was loaded from (if any).
public struct RoutedObject: Hashable, Sendable {
    /// The instance's model.
    public var model: ModelDescriptor
    /// The database the instance was read from or saved to; `nil` for a new, unsaved instance.
    public var database: DatabaseAlias?

    /// Creates a routed object.
    ///
    /// - Parameters:
    ///   - model: The instance's model.
    ///   - database: The database the instance came from, if known.
    public init(model: ModelDescriptor, database: DatabaseAlias? = nil) {
        self.model = model
        self.database = database
    }
}

/// Extra context passed along with a routing question.
///
/// The ORM fills in what it knows; routers may ignore all of it.
public struct RoutingHints: Hashable, Sendable {
    /// The instance the query concerns (for example the object being saved).
    public var instance: RoutedObject?
    /// The model concerned by a migration question, when it is known.
    public var model: ModelDescriptor?
    /// Any other application-defined hints.
    public var extra: [String: String]

    /// No hints at all.
    public static let none = RoutingHints()

    /// Creates a set of hints.
    ///
    /// - Parameters:
    ///   - instance: The instance the query concerns.
    ///   - model: The model a migration question concerns.
    ///   - extra: Application-defined hints.
    public init(instance: RoutedObject? = nil, model: ModelDescriptor? = nil, extra: [String: String] = [:]) {
        self.instance = instance
        self.model = model
        self.extra = extra
    }
}
