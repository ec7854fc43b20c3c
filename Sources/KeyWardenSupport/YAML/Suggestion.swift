/// "Did you mean ...?" for misspelt keys and names.
package enum Suggestion {
    /// The closest candidate within a small edit distance, if any.
    package static func closest(to word: String, among candidates: some Sequence<String>) -> String? {
        let lowered = word.lowercased()
        let scored = candidates.map { ($0, editDistance(lowered, $0.lowercased())) }
        guard let best = scored.min(by: { ($0.1, $0.0) < ($1.1, $1.0) }) else { return nil }
        let tolerance = max(2, word.count / 3)
        return best.1 <= tolerance ? best.0 : nil
    }

    /// The " (did you mean 'x'?)" suffix: a close spelling, or else a candidate the word starts
    /// (`maxKeyAge` -> `maxKeyAgeDays`); "" when nothing fits.
    package static func didYouMean(_ word: String, among candidates: some Sequence<String>) -> String {
        let candidates = Array(candidates)
        if let close = closest(to: word, among: candidates) { return " (did you mean '\(close)'?)" }
        let lowered = word.lowercased()
        guard lowered.count >= 3, let extended = candidates.first(where: { $0.lowercased().hasPrefix(lowered) }) else { return "" }
        return " (did you mean '\(extended)'?)"
    }

    /// Levenshtein distance over characters.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = Array(repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
