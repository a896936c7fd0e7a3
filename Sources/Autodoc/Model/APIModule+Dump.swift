import DocTree

/// A stable, human-readable text form of extracted APIs: the format of the
/// extractors' golden tests and a debugging view (`vellum` can print it).
extension APIModule {
    /// Dumps the module. File paths are printed relative to `root` when they start with it.
    public func dump(relativeTo root: String? = nil) -> String {
        var out = "module \(name) [\(language.rawValue)]\n"
        for file in files { out += "  file: \(Self.relative(file.path, to: root))\n" }
        if let all { out += "  __all__: \(all.joined(separator: ", "))\n" }
        for item in imports {
            let original = item.originalName.map { ":" + $0 } ?? ""
            out += "  import \(item.name) <- \(item.module)\(original) (line \(item.line))\n"
        }
        if let docstring { docstring.dump(into: &out, indent: "  ") }
        for member in members {
            member.dump(into: &out, indent: "  ", root: root, moduleFiles: files, swift: language == .swift)
        }
        return out
    }

    static func relative(_ path: String, to root: String?) -> String {
        guard let root, !root.isEmpty else { return path }
        let prefix = root.hasSuffix("/") ? root : root + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}

extension APIObject {
    func dump(into out: inout String, indent: String, root: String?, moduleFiles: [SourceFile], swift: Bool) {
        var head = "\(indent)\(kind.rawValue) \(name)"
        if let genericParameters { head += genericParameters }
        if let signature, !swift { head += signature.dumpText() }
        if let annotation { head += ": \(annotation)" }
        if let value { head += " = \(value)" }
        var place = "\(location.start)"
        if moduleFiles.count != 1 || moduleFiles.first?.path != location.file.path {
            place = APIModule.relative(location.file.path, to: root) + ":" + place
        }
        out += head + "  @" + place + "\n"
        let inner = indent + "  "
        if qualifiedName != name { out += "\(inner)qualified: \(qualifiedName)\n" }
        if let signature, swift {
            var text = "(" + signature.swiftParameterList + ")"
            if let result = signature.returnAnnotation { text += " -> " + result }
            out += "\(inner)signature: \(text)\n"
        }
        if let whereClause { out += "\(inner)where: \(whereClause)\n" }
        if !bases.isEmpty { out += "\(inner)bases: \(bases.joined(separator: ", "))\n" }
        if !decorators.isEmpty { out += "\(inner)decorators: \(decorators.joined(separator: " | "))\n" }
        if !modifiers.isEmpty { out += "\(inner)modifiers: \(modifiers.joined(separator: " "))\n" }
        for overload in overloads { out += "\(inner)overload: \(overload.dumpText())\n" }
        if let signature, !signature.parameters.isEmpty, !swift {
            for parameter in signature.parameters {
                var line = "\(inner)param \(parameter.name) [\(parameter.kind.rawValue)]"
                if let label = parameter.label { line += " label=\(label)" }
                if let annotation = parameter.annotation { line += " type=\(annotation)" }
                if let value = parameter.defaultValue { line += " default=\(value)" }
                out += line + "\n"
            }
        }
        if let docstring { docstring.dump(into: &out, indent: inner) }
        for member in members { member.dump(into: &out, indent: inner, root: root, moduleFiles: moduleFiles, swift: swift) }
    }
}


extension APISignature {
    func dumpText() -> String {
        var text = "(" + pythonParameterList + ")"
        if let returnAnnotation { text += " -> " + returnAnnotation }
        return text
    }
}

extension Docstring {
    func dump(into out: inout String, indent: String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() {
            let start = index < lineStarts.count ? "\(lineStarts[index])" : "?"
            out += "\(indent)doc \(start) | \(line)\n"
        }
        for field in fields.parameters { field.dump(into: &out, indent: indent, label: "parameter \(field.name)") }
        if let returns = fields.returns { returns.dump(into: &out, indent: indent, label: "returns") }
        if let thrown = fields.throws { thrown.dump(into: &out, indent: indent, label: "throws") }
    }
}

extension DocFields.Field {
    func dump(into out: inout String, indent: String, label: String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() {
            let start = index < lineStarts.count ? "\(lineStarts[index])" : "?"
            out += "\(indent)\(label) \(start) | \(line)\n"
        }
    }
}
