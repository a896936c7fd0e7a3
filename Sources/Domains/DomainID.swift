import Foundation

/// Sphinx-style anchor ids for object descriptions.
///
/// Unlike docutils' ids these keep case, dots and underscores: every run of
/// other characters becomes one hyphen, non-ASCII letters lose their accents,
/// and leading digits/dots/hyphens and trailing hyphens are dropped.
public enum DomainID {
    /// `make("envvar", "DATABASE_URL")` → `envvar-DATABASE_URL`; an empty prefix uses the term alone.
    public static func make(prefix: String, _ term: String) -> String {
        let raw = prefix.isEmpty ? term : prefix + "-" + term
        let id = clean(raw)
        if !prefix.isEmpty && (id == prefix || id.isEmpty) { return prefix + "-0" }
        return id
    }

    /// The id characters of `text`: `[A-Za-z0-9._]`, other runs collapsed to `-`.
    public static func clean(_ text: String) -> String {
        var out = ""
        var pendingHyphen = false
        for scalar in text.decomposedStringWithCompatibilityMapping.unicodeScalars {
            if isIDScalar(scalar) {
                if pendingHyphen && !out.isEmpty { out.append("-") }
                pendingHyphen = false
                out.unicodeScalars.append(scalar)
            } else if scalar.value < 0x80 || scalar.properties.isWhitespace {
                pendingHyphen = true
            }
            // Other non-ASCII scalars (combining accents, letters without an ASCII form) are dropped.
        }
        // Leading digits, dots, underscores and hyphens go.
        let scalars = out.unicodeScalars
        let kept = scalars.drop { $0 == "-" || $0 == "." || $0 == "_" || ("0"..."9").contains($0) }
        return String(String.UnicodeScalarView(kept))
    }

    static func isIDScalar(_ s: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(s) || ("A"..."Z").contains(s) || ("0"..."9").contains(s) || s == "." || s == "_"
    }
}

