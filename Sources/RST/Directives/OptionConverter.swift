/// Converts raw directive option text according to its declared kind.
public enum OptionConverter {
    public enum Result {
        case success(DirectiveOptionValue)
        case failure(String)
    }

    public static func convert(_ raw: String?, _ kind: DirectiveOptionKind) -> Result {
        let value = raw ?? ""
        let trimmed = value.trimmingWhitespace()
        switch kind {
        case .flag:
            if !trimmed.isEmpty { return .failure("no argument is allowed; \"\(value)\" supplied") }
            return .success(.flag)
        case .unchanged, .custom:
            return .success(.text(raw ?? ""))
        case .unchangedRequired:
            guard raw != nil else { return .failure("argument required but none supplied") }
            return .success(.text(value))
        case .int:
            guard let i = Int(trimmed) else { return .failure("invalid literal for int() with base 10: '\(value)'") }
            return .success(.int(i))
        case .nonNegativeInt:
            guard let i = Int(trimmed) else { return .failure("invalid literal for int() with base 10: '\(value)'") }
            if i < 0 { return .failure("negative value; must be positive or zero") }
            return .success(.int(i))
        case .positiveInt:
            guard let i = Int(trimmed) else { return .failure("invalid literal for int() with base 10: '\(value)'") }
            if i < 1 { return .failure("negative or zero value; must be positive") }
            return .success(.int(i))
        case .uri:
            guard raw != nil else { return .failure("argument required but none supplied") }
            return .success(.text(value.split(whereSeparator: { $0.isWhitespace }).joined()))
        case .classList:
            guard raw != nil else { return .failure("argument required but none supplied") }
            var out: [String] = []
            for word in value.split(whereSeparator: { $0.isWhitespace }) {
                let id = Names.makeID(String(word))
                if id.isEmpty { return .failure("cannot make \"\(word)\" into a class name") }
                out.append(id)
            }
            return .success(.list(out))
        case .choice(let values):
            let v = trimmed.lowercased()
            if values.contains(v) { return .success(.text(v)) }
            let quoted = values.map { "\"\($0)\"" }
            let list = quoted.count > 1 ? quoted.dropLast().joined(separator: ", ") + " or " + quoted.last! : quoted.joined()
            return .failure("\"\(value)\" unknown; choose from \(list)")
        case .lengthOrPercentage, .lengthOrUnitless, .lengthOrPercentageOrUnitless:
            return length(trimmed, kind)
        case .referenceName:
            guard raw != nil else { return .failure("argument required but none supplied") }
            return .success(.text(Names.whitespaceNormalized(value)))
        case .path:
            guard raw != nil else { return .failure("argument required but none supplied") }
            return .success(.text(value.split(separator: "\n").map { $0.trimmingWhitespace() }.joined()))
        case .encoding:
            return .success(.text(trimmed))
        case .positiveIntList:
            var out: [String] = []
            for w in value.split(whereSeparator: { $0 == "," || $0.isWhitespace }) {
                guard let i = Int(w), i > 0 else { return .failure("invalid literal for int() with base 10: '\(w)'") }
                out.append(String(i))
            }
            return .success(.list(out))
        }
    }

    static let units = ["em", "ex", "px", "in", "cm", "mm", "pt", "pc", "ch", "rem", "vw", "vh", "vmin", "vmax", "Q"]

    static func length(_ v: String, _ kind: DirectiveOptionKind) -> Result {
        var num = ""
        var unit = ""
        for c in v {
            if unit.isEmpty && (c.isNumber || c == ".") { num.append(c) } else if c != " " || !unit.isEmpty { unit.append(c) }
        }
        guard !num.isEmpty, Double(num) != nil else {
            return .failure("\"\(v)\" is not a valid length")
        }
        if unit.isEmpty {
            if kind == .lengthOrPercentage {
                return .success(.text(num + "px"))
            }
            return .success(.text(num))
        }
        if unit == "%" && kind != .lengthOrUnitless { return .success(.text(num + "%")) }
        if units.contains(unit) { return .success(.text(num + unit)) }
        return .failure("\"\(v)\" is not a valid length")
    }
}

extension StringProtocol {
    func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
