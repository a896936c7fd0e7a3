import Foundation
import DocTree
import Markup

/// The standard domain's object descriptions: `program`, `option`, `envvar`,
/// `describe`/`object` and custom object types declared in vellum.toml.
enum StandardDomainDirectives {
    static let indexOptions: [String: DirectiveOptionKind] = [
        "noindex": .flag, "no-index": .flag, "no-index-entry": .flag, "noindexentry": .flag,
        "no-contents-entry": .flag, "nocontentsentry": .flag, "no-typesetting": .flag,
    ]

    /// The directives by name (the registry adds the `std:` spellings).
    static var directives: [String: Directive] {
        var directives: [String: Directive] = ["program": program, "option": option, "cmdoption": option,
                                                "envvar": generic(objtype: "envvar")]
        for name in ["describe", "object"] { directives[name] = describe(objtype: name) }
        return directives
    }

    /// `program`: sets the program the following options belong to (a marker for ``DomainContext``).
    static let program = Directive(DirectiveSpec(requiredArguments: 1, finalArgumentWhitespace: true)) { call, _ in
        let name = (call.arguments.first ?? "").split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
            .joined(separator: "-")
        return [DomainContext.programMarker(name == "None" ? "" : name, range: call.range)]
    }

    static func isNoindex(_ call: DirectiveCall) -> Bool { call.flag("noindex") || call.flag("no-index") }

    static func content(_ call: DirectiveCall, _ host: DirectiveHost) -> [Node] {
        host.parseNested(call.content, line: call.contentLine, column: call.contentColumn, matchTitles: false,
                         parent: "desc_content")
    }

    /// `option`: `-v, --verbose <level>` → names `-v` and `--verbose`, ids `cmdoption-[program-]name`.
    static let option = Directive(DirectiveSpec(requiredArguments: 1, finalArgumentWhitespace: true,
                                                options: indexOptions, hasContent: true)) { call, host in
        let noindex = isNoindex(call)
        var signatures: [Node] = []
        var messages: [Node] = []
        for (offset, text) in DomainSupport.signatureLines(call.arguments.first ?? "") {
            let range = SourceRange(line: call.line + offset)
            var node = Node("desc_signature", range: range)
            var names: [String] = []
            for piece in text.components(separatedBy: ", ") {
                let trimmed = piece.trimming(" \t")
                guard let (name, args) = splitOption(trimmed) else {
                    messages.append(host.report(.warning, "domain.std.option",
                        "malformed option description '\(trimmed)', should look like \"opt\", \"-opt args\", \"--opt args\", \"/opt args\" or \"+opt args\"",
                        line: call.line + offset, range: range, details: []))
                    continue
                }
                if !names.isEmpty {
                    node.children.append(DescNodes.part("desc_addname", ", "))
                }
                node.children.append(DescNodes.part("desc_name", name))
                if !args.isEmpty { node.children.append(DescNodes.part("desc_addname", args)) }
                names.append(name)
            }
            guard let first = names.first else { continue }
            node.attributes[AttributeKey.allNames] = .list(names)
            node.attributes[AttributeKey.fullname] = .string(first)
            if !noindex { node.attributes[AttributeKey.ids] = .list(optionIDs(names, program: nil)) }
            signatures.append(node)
        }
        return [DescNodes.desc(domain: "std", objtype: "option", noindex: noindex, signatures: signatures,
                               content: content(call, host), range: call.range)] + messages
    }

    /// `--opt=args` / `-o args` / `/opt` / `+opt` → (name, args); nil when malformed.
    static func splitOption(_ text: String) -> (String, String)? {
        var chars = Substring(text)
        var name = ""
        for prefix in ["--", "-", "/", "+"] where chars.hasPrefix(prefix) {
            name = prefix
            chars = chars.dropFirst(prefix.count)
            break
        }
        let body = chars.prefix { $0 != "=" && !$0.isWhitespace }
        guard !body.isEmpty else { return nil }
        name += body
        var args = String(chars.dropFirst(body.count))
        if name.hasSuffix("["), args.hasSuffix("]") {
            name.removeLast()
            args = "[" + args
        }
        return (name, args)
    }

    /// Sphinx's option anchors: `cmdoption-<program>-<name>`, with `arg-` for names without a dash.
    public static func optionIDs(_ names: [String], program: String?) -> [String] {
        names.map { name in
            var prefix = "cmdoption"
            if let program, !program.isEmpty { prefix += "-" + program }
            if !(name.hasPrefix("-") || name.hasPrefix("/")) { prefix += "-arg" }
            return DomainID.make(prefix: prefix, name)
        }
    }

    /// `envvar` and custom object types: the signature is the name; anchor `<objtype>-<name>`.
    static func generic(objtype: String) -> Directive {
        Directive(DirectiveSpec(requiredArguments: 1, finalArgumentWhitespace: true, options: indexOptions,
                                hasContent: true)) { call, host in
            let noindex = isNoindex(call)
            var signatures: [Node] = []
            for (offset, text) in DomainSupport.signatureLines(call.arguments.first ?? "") {
                let name = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
                var node = Node("desc_signature", children: [DescNodes.part("desc_name", name)],
                                range: SourceRange(line: call.line + offset))
                node.attributes[AttributeKey.fullname] = .string(name)
                if !noindex { node.attributes[AttributeKey.ids] = .list([DomainID.make(prefix: objtype, name)]) }
                signatures.append(node)
            }
            return [DescNodes.desc(domain: "std", objtype: objtype, noindex: noindex, signatures: signatures,
                                   content: content(call, host), range: call.range)]
        }
    }

    /// A cross-reference type's directive (Sphinx's `add_crossref_type`): `.. topic:: name`
    /// shows nothing; it is a target named by its whitespace-collapsed argument.
    static func target(objtype: String) -> Directive {
        Directive(DirectiveSpec(requiredArguments: 1, finalArgumentWhitespace: true)) { call, _ in
            let name = (call.arguments.first ?? "").split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
                .joined(separator: " ")
            var node = Node(.target, range: call.range)
            node.attributes[AttributeKey.ids] = .list([DomainID.make(prefix: objtype, name)])
            node.attributes[AttributeKey.domain] = .string("std")
            node.attributes[AttributeKey.objtype] = .string(objtype)
            node.attributes[AttributeKey.fullname] = .string(name)
            return [node]
        }
    }

    /// `describe` / `object`: a signature shown as written, not a cross-reference target.
    static func describe(objtype: String) -> Directive {
        Directive(DirectiveSpec(requiredArguments: 1, finalArgumentWhitespace: true, options: indexOptions,
                                hasContent: true)) { call, host in
            let signatures = DomainSupport.signatureLines(call.arguments.first ?? "").map { offset, text in
                Node("desc_signature", children: [DescNodes.part("desc_name", text)],
                     range: SourceRange(line: call.line + offset))
            }
            return [DescNodes.desc(domain: "std", objtype: objtype, noindex: isNoindex(call), signatures: signatures,
                                   content: content(call, host), range: call.range)]
        }
    }
}
