/// The name of a configured database connection, such as `"default"` or `"replica-1"`.
///
/// Aliases are plain strings with a type of their own so that routers cannot
/// confuse them with model or application names. A string literal can be used
/// wherever an alias is expected:
///
/// ```swift
/// let primary: DatabaseAlias = "primary"
/// ```
public struct DatabaseAlias: RawRepresentable, Hashable, Comparable, Sendable,
    ExpressibleByStringLiteral, CustomStringConvertible
{
    /// The alias as written in the application's database configuration.
    public var rawValue: String

    /// The alias that ``RouterChain`` falls back to when no router has an opinion.
    public static let `default`: DatabaseAlias = "default"

    /// Creates an alias from its configured name.
    ///
    /// - Parameter rawValue: The connection name.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Creates an alias from its configured name.
    ///
    /// - Parameter name: The connection name.
    public init(_ name: String) { rawValue = name }

    /// Creates an alias from a string literal.
    ///
    /// - Parameter value: The connection name.
    public init(stringLiteral value: String) { rawValue = value }

    /// The connection name.
    public var description: String { rawValue }

    /// Orders aliases by their names.
    ///
    /// - Parameters:
    ///   - lhs: The first alias.
    ///   - rhs: The second alias.
    /// - Returns: `true` when `lhs` sorts before `rhs`.
    public static func < (lhs: DatabaseAlias, rhs: DatabaseAlias) -> Bool { lhs.rawValue < rhs.rawValue }
}
