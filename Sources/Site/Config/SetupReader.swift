import DocTree
import Foundation

/// `setup(app)` in conf.py and in the project's own extension modules, read
/// statically: the evaluator records each call of an application method
/// (``ConfPyEvaluator/SetupCall``) and this reader honours the ones whose
/// effect is declarative — `add_object_type`, `add_crossref_type`,
/// `add_config_value`, `add_generic_role`, and `add_role` with docutils'
/// `GenericRole`. Every other call is one `conf.unsupported-setup` warning at
/// its line, so the user knows what the build leaves out.
struct SetupReader {
    /// The values conf.py assigned (a declared config value takes conf.py's setting over its default).
    let globals: [String: PyValue]
    var diagnostics: [Diagnostic] = []

    /// The methods honoured, for the note of each skipped call.
    static let honoured = ["add_object_type", "add_crossref_type", "add_config_value", "add_generic_role",
                           "add_role (with docutils' GenericRole)"]

    /// Node classes a role or reference may wrap its text in (`docutils.nodes.emphasis`, `sphinx.addnodes.literal_strong`).
    static let nodeClasses: Set<String> = ["literal", "emphasis", "strong", "inline", "literal_strong", "literal_emphasis",
                                           "abbreviation", "subscript", "superscript", "title_reference", "math"]

    /// The node kind a `nodes.X` value names, if it is one Vellum writes.
    static func nodeKind(_ value: PyValue?) -> String? {
        guard case .module(let dotted)? = value,
              dotted.hasPrefix("docutils.nodes.") || dotted.hasPrefix("sphinx.addnodes."),
              let last = dotted.split(separator: ".").last, nodeClasses.contains(String(last)) else { return nil }
        return String(last)
    }

    mutating func apply(_ calls: [ConfPyEvaluator.SetupCall], file: SourceFile, to config: inout SiteConfig) {
        for call in calls {
            switch call.method {
            case "add_object_type", "add_crossref_type": addObjectType(call, file: file, to: &config)
            case "add_config_value": addConfigValue(call, file: file, to: &config)
            case "add_generic_role": addRole(call, node: call.argument(1, "nodeclass"), file: file, to: &config)
            case "add_role":
                if case .object("docutils.parsers.rst.roles.GenericRole", let arguments)? = call.argument(1, "role") {
                    addRole(call, node: arguments.dropFirst().first, file: file, to: &config)
                } else {
                    skipped(call, file: file, why: "its role is Python code")
                }
            default:
                skipped(call, file: file, why: nil)
            }
        }
    }

    /// `add_object_type(directivename, rolename, indextemplate='', parse_node=None, ref_nodeclass=None,
    /// objname='', doc_field_types=[])` and `add_crossref_type(directivename, rolename,
    /// indextemplate='', ref_nodeclass=None, objname='')`.
    mutating func addObjectType(_ call: ConfPyEvaluator.SetupCall, file: SourceFile, to config: inout SiteConfig) {
        let crossref = call.method == "add_crossref_type"
        guard case .str(let directive)? = call.argument(0, "directivename"), !directive.isEmpty,
              case .str(let role)? = call.argument(1, "rolename"), !role.isEmpty else {
            skipped(call, file: file, why: "its names cannot be evaluated")
            return
        }
        var type = SiteConfig.ObjectType(directive: directive, role: role, indexTemplate: "", targetOnly: crossref)
        var partial: [String] = []
        switch call.argument(2, "indextemplate") {
        case nil, .none?: break
        case .str(let template)?: type.indexTemplate = template
        default: partial.append("its index template cannot be evaluated, so the objects are not in the index")
        }
        switch call.argument(crossref ? 4 : 5, "objname") {
        case .str(let name)? where !name.isEmpty: type.label = name
        case nil, .none?, .str?: break
        default: partial.append("its objname cannot be evaluated")
        }
        let nodeClass = call.argument(crossref ? 3 : 4, "ref_nodeclass")
        if let kind = Self.nodeKind(nodeClass) {
            type.referenceNode = kind
        } else if let nodeClass, nodeClass != .none {
            partial.append("its ref_nodeclass is not one Vellum knows, so references show their text as code")
        }
        if !crossref {
            if let parse = call.argument(3, "parse_node"), parse != .none {
                partial.append("parse_node is Python code, so signatures are shown as written")
            }
            if let fields = call.argument(6, "doc_field_types"), fields.elements?.isEmpty != true, fields != .none {
                partial.append("doc_field_types are Python objects, so fields stay a plain field list")
            }
        }
        config.objectTypes[directive] = type
        if !partial.isEmpty {
            report(call, file: file, message: "setup() calls app.\(call.method)('\(directive)', …): the directive and role "
                   + "work, but " + partial.joined(separator: "; "))
        }
    }

    /// `add_config_value(name, default, rebuild)`: conf.py's setting, else the default.
    mutating func addConfigValue(_ call: ConfPyEvaluator.SetupCall, file: SourceFile, to config: inout SiteConfig) {
        guard case .str(let name)? = call.argument(0, "name") else {
            skipped(call, file: file, why: "its name cannot be evaluated")
            return
        }
        if let set = globals[name] {
            if !set.isUnknown { config.configValues[name] = set }
            return
        }
        guard let value = call.argument(1, "default"), !value.isUnknown, !Self.isCode(value) else {
            skipped(call, file: file, why: "its default cannot be evaluated")
            return
        }
        config.configValues[name] = value
    }

    static func isCode(_ value: PyValue) -> Bool {
        switch value {
        case .function, .module, .boundMethod, .object: return true
        default: return false
        }
    }

    /// `add_generic_role(name, nodeclass)`: `:name:`text`` is that node holding the text.
    mutating func addRole(_ call: ConfPyEvaluator.SetupCall, node: PyValue?, file: SourceFile, to config: inout SiteConfig) {
        guard case .str(let name)? = call.argument(0, "name"), !name.isEmpty else {
            skipped(call, file: file, why: "its name cannot be evaluated")
            return
        }
        guard let kind = Self.nodeKind(node) else {
            skipped(call, file: file, why: "its node class is not one Vellum knows")
            return
        }
        config.genericRoles[name] = kind
    }

    mutating func skipped(_ call: ConfPyEvaluator.SetupCall, file: SourceFile, why: String?) {
        var shown = "app.\(call.method)("
        if case .str(let first)? = call.arguments.first { shown += "'\(first)'" + (call.arguments.count > 1 ? ", …" : "") }
        else if !call.arguments.isEmpty || !call.keywords.isEmpty { shown += "…" }
        shown += ")"
        report(call, file: file, message: "setup() calls \(shown), which Vellum does not run"
               + (why.map { " (\($0))" } ?? "") + "; what it adds is left out")
    }

    mutating func report(_ call: ConfPyEvaluator.SetupCall, file: SourceFile, message: String) {
        diagnostics.append(Diagnostic(
            id: "conf.unsupported-setup", severity: .warning, message: message, file: file,
            range: SourceRange(start: call.location, end: call.location),
            notes: [.init("Vellum reads setup(app) without running Python; it honours "
                          + Self.honoured.joined(separator: ", ") + " with literal arguments")]))
    }
}
