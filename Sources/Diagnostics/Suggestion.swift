/// "Did you mean …?" for misspelt keys and ids.
public enum Suggestion {
    /// The candidate closest to `word`, if it is close enough to be a plausible typo.
    public static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
        let target = Array(word.lowercased().unicodeScalars)
        var best: (String, Int)?
        for candidate in candidates {
            let distance = editDistance(target, Array(candidate.lowercased().unicodeScalars))
            if best == nil || distance < best!.1 { best = (candidate, distance) }
        }
        guard let (candidate, distance) = best else { return nil }
        let limit = max(1, min(3, (max(target.count, candidate.count) + 2) / 4))
        return distance <= limit ? candidate : nil
    }

    /// ` (did you mean 'x'?)`, or nothing.
    public static func hint(for word: String, in candidates: some Sequence<String>) -> Message {
        hint(closest(to: word, in: candidates))
    }

    /// ` (did you mean 'x'?)` for a known closest candidate, or nothing.
    public static func hint(_ meant: String?) -> Message {
        meant.map { Message(" (did you mean '\($0)'?)") } ?? ""
    }

    /// Damerau-Levenshtein distance (optimal string alignment), so swapped letters count once.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previous2[j - 2] + 1)
                }
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}
