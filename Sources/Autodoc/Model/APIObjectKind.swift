/// What an extracted declaration is. Python objects use the first group of
/// cases (named like Sphinx's `py` domain object types); Swift adds its own.
public enum APIObjectKind: String, Hashable, Sendable, CaseIterable {
    // Python
    case `class`
    case exception
    case function
    case method
    case property
    case attribute
    /// A module-level variable or constant.
    case data
    // Swift
    case `struct`
    case `enum`
    case `protocol`
    case actor
    case initializer
    case `subscript`
    case enumCase = "case"
    case `typealias`
    case associatedType = "associatedtype"
    /// A Swift global or member variable/constant.
    case variable
    /// A Swift `macro` declaration.
    case macro
    /// A Swift extension of a type declared outside the module.
    case `extension`
}
