/// The match keys of a table's terms, searchable by closeness: by edit distance on
/// keys, and by the fingerprint and bigram fingerprint keys of OpenRefine's clustering,
/// computed on the transliterated, folded words.
///
/// The edit-distance search walks the sorted keys as an implicit trie, carrying one row
/// of the Levenshtein table per prefix and leaving a prefix as soon as the row's
/// minimum exceeds the bound: it reads a few thousand prefixes of a 100,000-term table,
/// not its 100,000 keys.
struct TermKeyIndex {
    /// Term rows by key (context words, titles and protected names are not terms), sorted by key bytes.
    private var keys: [[UInt8]] = []
    private var rows: [Int] = []
    private var fingerprints: [[UInt8]: [Int]] = [:]
    private var bigramPrints: [[UInt8]: [Int]] = [:]
    /// The key of each row of the table (empty for rows that are not terms).
    private(set) var keyOfRow: [[UInt8]] = []

    init(matcher: Matcher) {
        var pairs: [([UInt8], Int)] = []
        for (index, row) in matcher.table.rows.enumerated() {
            guard row.form.isTerm else {
                keyOfRow.append([])
                continue
            }
            let words = matcher.wordKeys(of: row.term)
            let key = Array(words.joined())
            keyOfRow.append(key)
            pairs.append((key, index))
            fingerprints[Self.fingerprint(words), default: []].append(index)
            bigramPrints[Self.bigramFingerprint(key), default: []].append(index)
        }
        pairs.sort { $0.0.lexicographicallyPrecedes($1.0) }
        keys = pairs.map(\.0)
        rows = pairs.map(\.1)
    }

    /// OpenRefine's fingerprint: the distinct words, sorted, joined by spaces.
    static func fingerprint(_ words: [[UInt8]]) -> [UInt8] {
        Array(Set(words).sorted { $0.lexicographicallyPrecedes($1) }.joined(separator: [0x20]))
    }

    /// OpenRefine's n-gram fingerprint with n = 2: the distinct byte pairs of the key
    /// without spaces, sorted, back to back.
    static func bigramFingerprint(_ key: [UInt8]) -> [UInt8] {
        guard key.count >= 2 else { return key }
        var pairs = Set<UInt16>()
        for i in 0..<(key.count - 1) { pairs.insert(UInt16(key[i]) << 8 | UInt16(key[i + 1])) }
        return pairs.sorted().flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    }

    /// Rows with exactly this key.
    func rows(withKey key: [UInt8]) -> [Int] {
        var lower = 0, upper = keys.count
        while lower < upper {
            let middle = (lower + upper) / 2
            if keys[middle].lexicographicallyPrecedes(key) { lower = middle + 1 } else { upper = middle }
        }
        var result: [Int] = []
        while lower < keys.count && keys[lower] == key {
            result.append(rows[lower])
            lower += 1
        }
        return result
    }

    func rows(withFingerprint words: [[UInt8]]) -> [Int] { fingerprints[Self.fingerprint(words)] ?? [] }
    func rows(withBigramFingerprint key: [UInt8]) -> [Int] { bigramPrints[Self.bigramFingerprint(key)] ?? [] }

    /// Rows whose key is within `maxDistance` edits (insertions, deletions,
    /// substitutions of bytes) of `query`, with the distance.
    func rows(near query: [UInt8], maxDistance: Int) -> [(row: Int, distance: Int)] {
        guard !query.isEmpty, !keys.isEmpty else { return [] }
        var results: [(row: Int, distance: Int)] = []
        let n = query.count
        func visit(_ lower: Int, _ upper: Int, _ depth: Int, _ previous: [Int]) {
            var lower = lower
            while lower < upper && keys[lower].count == depth {  // keys that end here come first
                if previous[n] <= maxDistance { results.append((rows[lower], previous[n])) }
                lower += 1
            }
            var current = [Int](repeating: 0, count: n + 1)
            while lower < upper {
                let byte = keys[lower][depth]
                var a = lower + 1, b = upper  // the end of the keys with this byte here
                while a < b {
                    let middle = (a + b) / 2
                    if keys[middle][depth] <= byte { a = middle + 1 } else { b = middle }
                }
                current[0] = previous[0] + 1
                var minimum = current[0]
                for j in 1...n {
                    current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (query[j - 1] == byte ? 0 : 1))
                    minimum = min(minimum, current[j])
                }
                if minimum <= maxDistance { visit(lower, a, depth + 1, current) }
                lower = a
            }
        }
        visit(0, keys.count, 0, Array(0...n))
        return results
    }
}
