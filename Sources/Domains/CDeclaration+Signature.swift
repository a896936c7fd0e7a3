import DocTree

extension CDeclaration {
    /// The signature nodes: `template<…>` and the object's keyword (`struct`, `enum class`,
    /// `typedef`) as annotations, the type before the name, the qualifier (`ns::`) and the
    /// name, the declarator's rest, the parameters, and what follows them.
    func parts(keyword: String?) -> [Node] {
        var parts: [Node] = []
        if let templatePrefix { parts.append(DescNodes.part("desc_annotation", templatePrefix + " ")) }
        if let keyword, !keyword.isEmpty { parts.append(DescNodes.part("desc_annotation", keyword + " ")) }
        if !prefix.isEmpty { parts.append(DescNodes.part("desc_type", prefix)) }
        if !qualifier.isEmpty { parts.append(DescNodes.part("desc_addname", qualifier)) }
        parts.append(DescNodes.part("desc_name", shortName))
        if !declaratorSuffix.isEmpty { parts.append(DescNodes.part("desc_type", declaratorSuffix)) }
        if let parameters { parts.append(DescNodes.parameterList(parameters)) }
        if !suffix.isEmpty { parts.append(DescNodes.part("desc_annotation", suffix)) }
        return parts
    }

    /// The keyword Sphinx shows before a type declaration: `typedef` for `int handle_t`,
    /// `using` for `Handle = std::shared_ptr<T>`, `type` for a bare name.
    var typeKeyword: String {
        if suffix.hasPrefix(" =") { return "using" }
        return prefix.isEmpty && parameters == nil && declaratorSuffix.isEmpty ? "type" : "typedef"
    }
}
