/// Option-list markers (`-a`, `--all=FILE`, `/V`, `-o <value>`), recognised by
/// a small backtracking matcher bounded by the line length.
enum OptionMarker {
    /// The offset after the marker and its separating spaces, or nil.
    static func match(_ t: ArraySlice<Unicode.Scalar>) -> Int? {
        let a = Array(t)
        return options(a, 0)
    }

    private static func options(_ a: [Unicode.Scalar], _ i: Int) -> Int? {
        for e in optionEnds(a, i) {
            if e + 1 < a.count, a[e] == ",", a[e + 1] == " ", let r = options(a, e + 2) { return r }
            if e == a.count { return e }
            if e + 1 == a.count && a[e] == " " { return a.count }
            if e + 1 < a.count && a[e] == " " && a[e + 1] == " " {
                var j = e
                while j < a.count && a[j] == " " { j += 1 }
                return j
            }
        }
        return nil
    }

    private static func isAlnumPlus(_ c: Unicode.Scalar) -> Bool {
        CharClasses.isASCIIAlnum(c) || c == "_" || c == "-"
    }

    /// Possible ends of an option argument starting at `i`.
    private static func argEnd(_ a: [Unicode.Scalar], _ i: Int) -> Int? {
        guard i < a.count else { return nil }
        if CharClasses.isASCIIAlpha(a[i]) {
            var j = i + 1
            while j < a.count && isAlnumPlus(a[j]) { j += 1 }
            return j
        }
        if a[i] == "<" {
            var j = i + 1
            while j < a.count && a[j] != "<" && a[j] != ">" { j += 1 }
            if j < a.count && a[j] == ">" && j > i + 1 { return j + 1 }
        }
        return nil
    }

    /// Candidate ends of one option at `i`, longest first.
    private static func optionEnds(_ a: [Unicode.Scalar], _ i: Int) -> [Int] {
        guard i < a.count else { return [] }
        var ends: [Int] = []
        if i + 1 < a.count && a[i] == "-" && a[i + 1] == "-" || a[i] == "/" {
            let s = a[i] == "/" ? i + 1 : i + 2
            guard s < a.count, CharClasses.isASCIIAlnum(a[s]) else { return [] }
            var j = s + 1
            while j < a.count && isAlnumPlus(a[j]) { j += 1 }
            if j < a.count && (a[j] == " " || a[j] == "="), let e = argEnd(a, j + 1) { ends.append(e) }
            ends.append(j)
            return ends
        }
        if a[i] == "-" || a[i] == "+" {
            guard i + 1 < a.count, CharClasses.isASCIIAlnum(a[i + 1]) else { return [] }
            let j = i + 2
            if j < a.count && a[j] == " ", let e = argEnd(a, j + 1) { ends.append(e) }
            if let e = argEnd(a, j) { ends.append(e) }
            ends.append(j)
        }
        return ends
    }
}
