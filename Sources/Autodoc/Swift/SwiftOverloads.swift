/// Overloads that share a name and argument labels (`init(help:)` in two
/// constrained extensions, `index(of:)` for `Int` and `String`) get distinct
/// names the way DocC disambiguates them: the first keeps its name, each other
/// one gains a suffix — its parameter types, `-(Int,String)`, when those tell
/// it apart, else a short hash of its whole declaration, `-3fa2`.
/// Deterministic: files are read in sorted order and the hash is FNV-1a.
enum SwiftOverloads {
    static func disambiguated(_ objects: [APIObject]) -> [APIObject] {
        var out = objects
        for index in out.indices where !out[index].members.isEmpty {
            out[index].members = disambiguated(out[index].members)
        }
        var groups: [String: [Int]] = [:]
        for (index, object) in out.enumerated() where object.kind != .extension {
            groups[object.qualifiedName, default: []].append(index)
        }
        for indices in groups.values where indices.count > 1 {
            let typeSuffixes = indices.map { typeSuffix(out[$0]) }
            let typesDistinguish = Set(typeSuffixes).count == typeSuffixes.count
            var used: Set<String> = []
            for (position, index) in indices.enumerated() where position > 0 {
                var suffix = typesDistinguish ? typeSuffix(out[index]) : hashSuffix(out[index])
                while used.contains(suffix) { suffix += "x" }
                used.insert(suffix)
                out[index] = out[index].renamed(qualifiedName: out[index].qualifiedName + suffix)
            }
        }
        return out
    }

    /// `-(Int,String?)`: the parameter types, spaces removed.
    static func typeSuffix(_ object: APIObject) -> String {
        let types = object.signature?.parameters.map { ($0.annotation ?? "_").filter { $0 != " " } } ?? []
        return "-(" + types.joined(separator: ",") + ")" + (object.signature?.returnAnnotation.map { "->" + $0.filter { $0 != " " } } ?? "")
    }

    /// `-3fa2`: FNV-1a of the declaration's kind, generics, parameters, result and constraints.
    static func hashSuffix(_ object: APIObject) -> String {
        let text = [object.kind.rawValue, object.genericParameters ?? "", typeSuffix(object), object.whereClause ?? "",
                    object.annotation ?? "", object.modifiers.joined(separator: " ")].joined(separator: "|")
        var hash: UInt32 = 2_166_136_261
        for byte in text.utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 16_777_619
        }
        return "-" + String(String(hash, radix: 16).suffix(4))
    }
}
