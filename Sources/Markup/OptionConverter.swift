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
        case .int, .nonNegativeInt, .positiveInt, .percentage:
            if raw == nil {
                return .failure("int() argument must be a string, a bytes-like object or a real number, not 'NoneType'")
            }
        default: break
        }
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
            let escaped = EscapedText.string(EscapedText.escapeToNull(Array(value.unicodeScalars)))
            return .success(.text(EscapedText.removeUnescapedWhitespace(escaped)))
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
            guard raw != nil else { return .failure("must supply an argument; choose from \(formatValues(values))") }
            let v = trimmed.lowercased()
            if values.contains(v) { return .success(.text(v)) }
            return .failure("\"\(value)\" unknown; choose from \(formatValues(values))")
        case .lengthOrUnitless:
            guard raw != nil else { return .failure("argument required but none supplied") }
            return measure(value, units: cssUnits + [""])
        case .lengthOrPercentage, .lengthOrPercentageOrUnitless:
            guard raw != nil else { return .failure("argument required but none supplied") }
            let first = measure(value, units: cssUnits + ["%"])
            if case .success = first { return first }
            if case .success(let v) = measure(value, units: [""]) {
                return .success(.text((v.text ?? "") + (kind == .lengthOrPercentage ? "px" : "")))
            }
            return first
        case .figwidth:
            guard raw != nil else { return .failure("argument required but none supplied") }
            if trimmed.lowercased() == "image" { return .success(.text("image")) }
            return convert(raw, .lengthOrPercentage)
        case .percentage:
            var v = value
            while let l = v.last, l == " " || l == "%" { v.removeLast() }
            return convert(v, .nonNegativeInt)
        case .valueOr(let words, let other):
            if words.contains(raw ?? "") { return .success(.text(raw ?? "")) }
            return convert(raw, other)
        case .singleChar(let allowWhitespace):
            guard let raw else { return .failure("argument required but none supplied") }
            if allowWhitespace && raw == "tab" { return .success(.text("\t")) }
            if allowWhitespace && raw == "space" { return .success(.text(" ")) }
            if let problem = invalidCode(raw) { return .failure(problem.replacingOccurrences(of: "ValueError: ", with: "")) }
            let c = unicodeCode(raw)
            if c.unicodeScalars.count > 1 {
                return .failure("'\(c)' invalid; must be a single character or a Unicode code")
            }
            return .success(.text(c))
        case .referenceName:
            guard raw != nil else { return .failure("argument required but none supplied") }
            return .success(.text(Names.whitespaceNormalized(value)))
        case .path:
            guard raw != nil else { return .failure("argument required but none supplied") }
            return .success(.text(value.split(separator: "\n").map { $0.trimmingWhitespace() }.joined()))
        case .encoding:
            return .success(.text(trimmed))
        case .positiveIntList:
            guard raw != nil else { return .failure("argument required but none supplied") }
            var out: [String] = []
            let entries = value.contains(",") ? value.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                : value.split(whereSeparator: { $0.isWhitespace }).map(String.init)
            for w in entries {
                guard let i = Int(w.trimmingWhitespace()) else { return .failure("invalid literal for int() with base 10: '\(w)'") }
                if i < 1 { return .failure("negative or zero value; must be positive") }
                out.append(String(i))
            }
            return .success(.list(out))
        }
    }

    static let cssUnits = ["em", "ex", "ch", "rem", "vw", "vh", "vmin", "vmax", "cm", "mm", "Q", "in", "pt", "pc", "px"]

    package static func formatValues(_ values: [String]) -> String {
        guard let last = values.last else { return "" }
        return values.dropLast().map { "\"\($0)\"" }.joined(separator: ", ") + ", or \"\(last)\""
    }

    /// docutils' parse_measure + unit check: "<number> *<unit>".
    package static func measure(_ v: String, units: [String]) -> Result {
        let a = Array(v.unicodeScalars)
        var k = 0
        if k < a.count && a[k] == "-" { k += 1 }
        let numStart = k
        while k < a.count && (("0"..."9").contains(a[k]) || a[k] == ".") { k += 1 }
        let number = EscapedText.string(a[0..<k])
        var u = k
        while u < a.count && a[u] == " " { u += 1 }
        let unit = EscapedText.string(a[u...])
        let unitOK = unit.isEmpty || unit == "%" || unit.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) || $0 == "µ" }
        guard k > numStart, unitOK, let value = Double(number) else {
            return .failure("\"\(v)\" is no valid measure.")
        }
        if value < 0 || !units.contains(unit) {
            return .failure("not a positive number or measure of one of the following units:\n"
                            + units.filter { !$0.isEmpty }.joined(separator: ", "))
        }
        let rendered: String
        if let i = Int(number) { rendered = String(i) } else { rendered = pythonFloat(value) }
        return .success(.text(rendered + unit))
    }

    package static func pythonFloat(_ d: Double) -> String {
        if d == d.rounded() && abs(d) < 1e16 { return String(Int(d)) + ".0" }
        return String(d)
    }

    /// Why a numeric character code cannot be converted (nil when it can, or is plain text).
    package static func invalidCode(_ code: String) -> String? {
        let lower = code.lowercased()
        var digits: Substring? = nil
        var radix = 16
        if !code.isEmpty, code.allSatisfy({ $0.isASCII && $0.isNumber }) { digits = Substring(code); radix = 10 }
        for p in ["0x", "\\x", "x", "u+", "\\u", "u"] where digits == nil && lower.hasPrefix(p) {
            digits = lower.dropFirst(p.count)
        }
        if digits == nil, lower.hasPrefix("&#x"), lower.hasSuffix(";") { digits = lower.dropFirst(3).dropLast() }
        guard let d = digits, !d.isEmpty, d.allSatisfy({ radix == 10 ? $0.isNumber : $0.isHexDigit }) else { return nil }
        guard let v = UInt64(d, radix: radix), v <= UInt64(Int32.max) else {
            return "ValueError: code too large (Python int too large to convert to C int)"
        }
        if v > 0x10FFFF { return "ValueError: chr() arg not in range(0x110000)" }
        return nil
    }

    /// docutils' unicode_code.
    package static func unicodeCode(_ code: String) -> String {
        if !code.isEmpty, code.allSatisfy({ $0.isASCII && $0.isNumber }), let v = UInt32(code), let s = Unicode.Scalar(v) {
            return String(s)
        }
        let lower = code.lowercased()
        var hex: Substring? = nil
        for p in ["0x", "\\x", "x", "u+", "\\u", "u"] where lower.hasPrefix(p) {
            hex = lower.dropFirst(p.count)
            break
        }
        if hex == nil, lower.hasPrefix("&#x"), lower.hasSuffix(";") { hex = lower.dropFirst(3).dropLast() }
        if let hex, !hex.isEmpty, hex.allSatisfy({ $0.isHexDigit }), let v = UInt32(hex, radix: 16), let s = Unicode.Scalar(v) {
            return String(s)
        }
        return code
    }
}

extension StringProtocol {
    package func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
