/// Levenshtein distance between two strings (by Unicode scalar), used for
/// "did you mean" suggestions. O(n·m) time, O(m) memory.
public func editDistance(_ a: String, _ b: String) -> Int {
    let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
    if x.isEmpty { return y.count }
    if y.isEmpty { return x.count }
    var previous = Array(0...y.count)
    var current = [Int](repeating: 0, count: y.count + 1)
    for i in 1...x.count {
        current[0] = i
        for j in 1...y.count {
            let cost = x[i - 1] == y[j - 1] ? 0 : 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        }
        swap(&previous, &current)
    }
    return previous[y.count]
}

/// Names closest to `name` among `candidates`: case and separator
/// differences first, then small edit distances.
public func closestNames(to name: String, among candidates: some Sequence<String>, limit: Int = 3) -> [String] {
    func squash(_ s: String) -> String {
        String(s.lowercased().unicodeScalars.filter { !"-_ ./:".unicodeScalars.contains($0) })
    }
    let key = squash(name)
    var scored: [(Int, String)] = []
    for candidate in candidates {
        if candidate == name { continue }
        let squashed = squash(candidate)
        if squashed == key {
            scored.append((0, candidate))
            continue
        }
        let distance = editDistance(key, squashed)
        let allowed = max(1, min(key.count, squashed.count) / 3)
        if distance <= allowed {
            scored.append((distance, candidate))
        } else if key.count >= 4, squashed.hasSuffix(key) || key.hasSuffix(squashed) && squashed.count >= 4 {
            scored.append((allowed + 1, candidate))
        }
    }
    scored.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
    // Only the close runners-up: a typo's fix should not come with distant alternatives.
    guard let best = scored.first?.0 else { return [] }
    let cutoff = max(best * 2, best + 1)
    return Array(scored.prefix { $0.0 <= cutoff }.prefix(limit).map(\.1))
}
