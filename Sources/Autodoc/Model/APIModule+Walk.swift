extension APIModule {
    /// Every declaration with its path from the module, depth-first in source order.
    ///
    /// Use `"."` for Python-style paths (`MasterSlave.db_for_read`) and `"/"` for
    /// DocC symbol links (`RouterChain/readDatabase(for:hints:)`), which is how
    /// ``` ``Symbol`` ``` links in Swift doc comments name declarations.
    public func flattened(separator: String = ".") -> [(path: String, object: APIObject)] {
        var result: [(path: String, object: APIObject)] = []
        func visit(_ objects: [APIObject], prefix: String) {
            for object in objects {
                let path = prefix.isEmpty ? object.name : prefix + separator + object.name
                result.append((path, object))
                visit(object.members, prefix: path)
            }
        }
        visit(members, prefix: "")
        return result
    }
}

extension APIObject {
    /// The name without a Swift argument-label list: `readDatabase` for
    /// `readDatabase(for:hints:)`, `init` for `init(rawValue:)`, `<` for `<(lhs:rhs:)`.
    public var baseName: String {
        guard let open = name.firstIndex(of: "("), name.hasSuffix(")"), open != name.startIndex else { return name }
        return String(name[..<open])
    }
}
