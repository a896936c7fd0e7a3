import DocTree
import Foundation

/// `replace`, `unicode` and `date`: only valid inside substitution definitions.
enum SubstitutionDirectives {
    static func invalidContext(_ call: DirectiveCall, _ host: DirectiveHost) -> Node {
        DirectiveSupport.error(call, host, "Invalid context: the \"\(call.name)\" directive can only be used within a substitution definition.")
    }

    static func register(into r: inout DirectiveRegistry) {
        r.register("replace", Directive(DirectiveSpec(hasContent: true)) { call, host in
            guard call.inSubstitutionDefinition else { return [invalidContext(call, host)] }
            if let err = DirectiveSupport.contentRequired(call, host) { return [err] }
            let nodes = host.parseNested(call.content, line: call.contentLine, column: call.contentColumn,
                                         matchTitles: false, parent: "substitution_definition")
            var paragraph: Node? = nil
            var messages: [Node] = []
            for n in nodes {
                if paragraph == nil && n.kind == .paragraph {
                    paragraph = n
                } else if n.kind == .systemMessage {
                    var m = n
                    m.attributes["backrefs"] = nil
                    messages.append(m)
                } else {
                    return [host.report(.error, "rst.directive-error",
                                        "Error in \"\(call.name)\" directive: may contain a single paragraph only.",
                                        line: call.line, range: call.range, details: [])]
                }
            }
            return messages + (paragraph?.children ?? [])
        })
        r.register("unicode", Directive(DirectiveSpec(requiredArguments: 1, finalArgumentWhitespace: true,
                                                      options: ["trim": .flag, "ltrim": .flag, "rtrim": .flag])) { call, host in
            guard call.inSubstitutionDefinition else { return [invalidContext(call, host)] }
            var text = call.arguments[0]
            // text after ".. " is a comment
            for marker in [" .. ", "\n.. "] {
                if let r = text.range(of: marker) { text = String(text[..<r.lowerBound]) }
            }
            if text.hasPrefix(".. ") { text = "" }
            var out: [Node] = []
            if call.flag("trim") || call.flag("ltrim") { out.append(Node("#ltrim")) }
            if call.flag("trim") || call.flag("rtrim") { out.append(Node("#rtrim")) }
            for code in text.split(whereSeparator: { $0.isWhitespace }) {
                if let problem = OptionConverter.invalidCode(String(code)) {
                    return [DirectiveSupport.error(call, host, "Invalid character code: \(code)\n\(problem)")]
                }
                out.append(.text(OptionConverter.unicodeCode(String(code))))
            }
            return out
        })
        r.register("date", Directive(DirectiveSpec(hasContent: true)) { call, host in
            guard call.inSubstitutionDefinition else { return [invalidContext(call, host)] }
            let format = call.content.isEmpty ? "%Y-%m-%d" : call.content.joined(separator: "\n")
            return [.text(strftime(format))]
        })
    }

    static func strftime(_ format: String) -> String {
        var t = time(nil)
        var tmValue = tm()
        localtime_r(&t, &tmValue)
        var buffer = [Int8](repeating: 0, count: 512)
        let n = Foundation.strftime(&buffer, buffer.count, format, &tmValue)
        return String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
