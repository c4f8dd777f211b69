/// The closest candidate to a misspelt word ("titel" → "title"), or nil when
/// nothing is close enough to be a useful hint.
func suggestion(for word: String, among candidates: [String]) -> String? {
    let scored = candidates.map { ($0, editDistance(word.lowercased(), $0.lowercased())) }
    guard let best = scored.min(by: { $0.1 < $1.1 || ($0.1 == $1.1 && byteOrder($0.0, $1.0)) }) else { return nil }
    let allowed = max(2, min(word.count, best.0.count) / 3)
    return best.1 <= allowed ? best.0 : nil
}

/// Levenshtein distance over characters.
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}

/// "a, b, c" — for hints that list the valid values; long lists are cut.
func listForHint(_ values: [String], limit: Int = 15) -> String {
    let sorted = values.sorted(by: byteOrder)
    if sorted.count <= limit { return sorted.joined(separator: ", ") }
    return sorted.prefix(limit).joined(separator: ", ") + ", … (\(sorted.count) in all)"
}
