/// A name a Python module imports (`from .base import Router as BaseRouter`),
/// so that `__all__` entries defined elsewhere can be followed.
public struct APIImport: Hashable, Sendable {
    /// The name bound in the importing module (`BaseRouter`).
    public var name: String
    /// The absolute dotted module the name comes from (`pkg.base`), relative imports resolved.
    public var module: String
    /// The name in the source module (`Router`); nil for `import pkg.base` (a module import).
    public var originalName: String?
    /// 1-based source line of the import statement.
    public var line: Int
    /// Imported under `if TYPE_CHECKING:`: the name is not bound when the module runs.
    public var typeCheckingOnly: Bool

    public init(name: String, module: String, originalName: String?, line: Int, typeCheckingOnly: Bool = false) {
        self.typeCheckingOnly = typeCheckingOnly
        self.name = name
        self.module = module
        self.originalName = originalName
        self.line = line
    }
}
