import DocTree
import RST

extension MarkdownConverter {
    /// Runs a directive from the shared registry; nil when the registry does not know the name.
    func registryDirective(_ parsed: DirectiveBlock, block: CmarkNode, range: SourceRange, context: Context) -> [Node]? {
        guard let directive = settings.rst.directives.lookup(parsed.name) else { return nil }
        let spec = directive.spec
        let takesArguments = spec.requiredArguments > 0 || spec.optionalArguments > 0
        var content = parsed.body
        var contentLine = parsed.bodyFirstLine
        var argumentText = parsed.argument
        if !takesArguments, !argumentText.isEmpty {
            // MyST: a directive without arguments reads the text after its name as the first content line.
            content = [argumentText] + content
            contentLine = block.start.line
            argumentText = ""
        }
        func fail(_ message: String) -> [Node] {
            diagnose("md.directive-error", .error, "error in \"\(parsed.name)\" directive: \(message)", range)
            return []
        }
        var arguments: [String] = []
        if takesArguments {
            let words = argumentText.split(whereSeparator: { $0.isWhitespace }).map(String.init)
            let maximum = spec.requiredArguments + spec.optionalArguments
            if words.count < spec.requiredArguments {
                return fail("\(spec.requiredArguments) argument(s) required, \(words.count) supplied")
            } else if words.count > maximum {
                guard spec.finalArgumentWhitespace else {
                    return fail("maximum \(maximum) argument(s) allowed, \(words.count) supplied")
                }
                arguments = Array(words.prefix(maximum - 1))
                var rest = Substring(argumentText)
                for word in arguments {
                    if let found = rest.range(of: word) { rest = rest[found.upperBound...] }
                }
                arguments.append(rest.trimmingLeadingSpace())
            } else {
                arguments = words
            }
        }
        var options: [String: DirectiveOptionValue] = [:]
        for option in parsed.options {
            let name = option.name.lowercased()
            guard let kind = spec.options[name] else {
                return fail("unknown option: \"\(name)\"")
            }
            var value: String? = option.value.isEmpty ? nil : option.value
            if kind == .flag, let given = value {
                // YAML-style flags: `linenos: true` sets the flag, `false` leaves it out.
                switch given.lowercased() {
                case "true", "yes", "on": value = nil
                case "false", "no", "off": continue
                default: break
                }
            }
            switch OptionConverter.convert(value, kind) {
            case .success(let converted): options[name] = converted
            case .failure(let message):
                return fail("invalid option value: (option: \"\(name)\"; value: \(value.map { "'\($0)'" } ?? "None")) \(message)")
            }
        }
        while let last = content.last, last.trimmingLeadingSpace().isEmpty { content.removeLast() }
        if !content.isEmpty, !spec.hasContent { return fail("no content permitted") }
        let blockText = (block.start.line...max(block.start.line, block.end.line)).map {
            String(decoding: text.bytes(ofLine: $0), as: UTF8.self)
        }.joined(separator: "\n")
        let call = DirectiveCall(name: parsed.name.lowercased(), arguments: arguments, options: options,
                                 content: content, contentLine: contentLine,
                                 contentColumn: parsed.columnOffset + 1, line: block.start.line,
                                 range: range, blockText: blockText)
        let saved = currentContext
        currentContext = context
        defer { currentContext = saved }
        let earlierInsertions = pendingInsertions
        pendingInsertions = []
        let nodes = directive.run(call, self) + pendingInsertions
        pendingInsertions = earlierInsertions
        return nodes
    }

    /// Runs a role from the shared registry; nil when no role of that name exists.
    func registryRole(_ name: String, content: String, range: SourceRange) -> [Node]? {
        guard let role = lookupRole(name) else { return nil }
        let call = RoleCall(name: name.lowercased(), rawText: "{\(name)}`\(content)`", escapedText: content,
                            text: content, range: range, line: range.start.line)
        return role.run(call, self).nodes
    }
}
