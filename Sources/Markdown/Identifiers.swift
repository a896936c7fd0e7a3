import Foundation

/// Identifier rules shared by headings and labels.
enum Identifiers {
    /// docutils' reference-name normalisation: lower case, whitespace runs collapsed to one space.
    static func normalizeName(_ name: String) -> String {
        name.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// Letters that Unicode decomposition does not reduce to ASCII, spelled the way docutils spells them.
    private static let transliterations: [Character: String] = [
        "ø": "o", "đ": "d", "ħ": "h", "ı": "i", "ł": "l", "ŀ": "l", "ŧ": "t", "ƀ": "b", "ƈ": "c",
        "ƌ": "d", "ƒ": "f", "ƙ": "k", "ƚ": "l", "ƞ": "n", "ƥ": "p", "ƫ": "t", "ƭ": "t", "ƴ": "y",
        "ƶ": "z", "ǥ": "g", "ȥ": "z", "ȴ": "l", "ȵ": "n", "ȶ": "t", "ȷ": "j", "ȼ": "c", "ȿ": "s",
        "ɀ": "z", "ß": "sz", "æ": "ae", "œ": "oe", "ð": "d", "þ": "th", "ĳ": "ij",
    ]

    /// An identifier in docutils' `make_id` style: ASCII letters and digits
    /// joined by single hyphens, starting with a letter ("" when nothing is left).
    static func docutilsID(_ string: String) -> String {
        var lowered = ""
        for character in string.lowercased() {
            if let replacement = transliterations[character] {
                lowered += replacement
            } else {
                lowered.append(character)
            }
        }
        let decomposed = lowered.decomposedStringWithCompatibilityMapping
        var result = ""
        var pendingHyphen = false
        for scalar in decomposed.unicodeScalars {
            let isIDCharacter = (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9")
            if isIDCharacter {
                if pendingHyphen, !result.isEmpty { result += "-" }
                pendingHyphen = false
                // An identifier starts with a letter: leading digits and hyphens are dropped.
                if result.isEmpty, !(scalar >= "a" && scalar <= "z") { continue }
                result.unicodeScalars.append(scalar)
            } else if scalar.value < 0x80 {
                pendingHyphen = true
            } else if scalar.properties.isWhitespace {
                pendingHyphen = true
            }
            // Other non-ASCII scalars (combining marks, symbols) vanish without a hyphen.
        }
        return result
    }

    /// The anchor GitHub gives a heading: lower case, punctuation removed,
    /// each space turned into a hyphen (not de-duplicated here).
    static func githubSlug(_ string: String) -> String {
        var result = ""
        for scalar in string.lowercased().unicodeScalars {
            if scalar == " " {
                result += "-"
            } else if scalar == "-" || scalar == "_" {
                result.unicodeScalars.append(scalar)
            } else {
                switch scalar.properties.generalCategory {
                case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                     .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark,
                     .enclosingMark, .connectorPunctuation:
                    result.unicodeScalars.append(scalar)
                default:
                    break
                }
            }
        }
        return result
    }
}
