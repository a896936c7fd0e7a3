/// Project-wide autodoc settings: Sphinx's `autodoc_*` and `autoclass_content`
/// configuration values (from `conf.py` or `[autodoc]` in `vellum.toml`).
public struct AutodocSettings: Hashable, Sendable {
    /// `autodoc_member_order`: `alphabetical` (Sphinx's default), `groupwise` or `bysource`.
    public var memberOrder = "alphabetical"
    /// `autodoc_default_options`: options every auto directive has unless it sets them itself
    /// (`members`, `undoc-members`, `show-inheritance` …); a flag's value is empty.
    public var defaultOptions: [String: String] = [:]
    /// `autodoc_typehints`: `signature` (default), `description`, `both` or `none`.
    /// Vellum shows annotations in the signature for all but `none`.
    public var typehints = "signature"
    /// `autodoc_typehints_description_target`: `all` (default), `documented` (types only for the
    /// parameters and return value the docstring describes) or `documented_params` (those parameters,
    /// and the return type whenever there is one).
    public var typehintsDescriptionTarget = "all"
    /// `autoclass_content`: the class docstring (`class`), the `__init__` one (`init`), or both.
    public var classContent = "class"
    /// `autodoc_class_signature`: `mixed` (the constructor's parameters on the class) or `separated`.
    public var classSignature = "mixed"
    /// `autodoc_preserve_defaults`: default values as written instead of their `repr`.
    public var preserveDefaults = false
    /// `autodoc_inherit_docstrings`: an undocumented method shows its base's docstring.
    public var inheritDocstrings = true
    /// Members whose docstring has a line `:internal:` are left out (pallets-sphinx-themes' `skip_internal`).
    public var skipInternal = false
    /// Sphinx's `add_module_names`, which the generated signatures follow (see ``DomainContext``).
    public var addModuleNames = true
    /// sphinx-paramlinks: the parameters of functions, methods and classes get anchors (``ParameterLinks``).
    public var parameterLinks = false

    public init() {}

    /// The options autodoc's directives take from `autodoc_default_options`.
    public static let defaultOptionNames: Set<String> = [
        "members", "undoc-members", "private-members", "special-members", "inherited-members", "show-inheritance",
        "member-order", "exclude-members", "ignore-module-all", "imported-members", "class-doc-from", "no-value",
        "no-index",
    ]
}
