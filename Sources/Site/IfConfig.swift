import DocTree
import Extensions
import Foundation
import Markup

/// `sphinx.ext.ifconfig`: `.. ifconfig:: expression` keeps its content when
/// the Python expression is true over the configuration values (`project`,
/// `version`, `release`, `language` and those the project's extensions
/// declare with `add_config_value`), evaluated by the conf.py evaluator,
/// never by Python. An expression it cannot evaluate is reported, and the
/// content is left out.
struct IfConfig: Extension {
    var names: [String: PyValue]

    init(config: SiteConfig) {
        var names = config.configValues
        names["project"] = .str(config.projectName)
        names["version"] = .str(config.version)
        names["release"] = .str(config.release ?? config.version)
        names["language"] = .str(config.language)
        names["root_doc"] = .str(config.rootDocument)
        names["master_doc"] = .str(config.rootDocument)
        names["copyright"] = .str(config.copyright ?? "")
        names["tags"] = .list(config.tags.map { .str($0) })
        self.names = names
    }

    func setup(_ registry: inout Registry) {
        let names = self.names
        registry.directives.register("ifconfig", Directive(DirectiveSpec(requiredArguments: 1, finalArgumentWhitespace: true,
                                                                         hasContent: true)) { call, host in
            let expression = call.arguments.first ?? ""
            let value = ConfPyEvaluator.evaluateExpression(expression, names: names)
            guard let truth = value.truth else {
                let reason: String
                if case .unknown(let why) = value { reason = why } else { reason = "it is not a truth value" }
                return [host.report(.warning, "ifconfig.unevaluated",
                                    "ifconfig: '\(expression)' could not be evaluated (\(reason)); its content is left out",
                                    line: call.line, range: call.range, details: [])]
            }
            guard truth else { return [] }
            return host.parseNested(call.content, line: call.contentLine, column: call.contentColumn,
                                    matchTitles: call.matchTitles, parent: call.parentKind)
        })
    }
}
