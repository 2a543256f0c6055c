/// The match keys of a table's terms, searchable by closeness: by edit distance on
/// keys, and by the fingerprint and bigram fingerprint keys of OpenRefine's clustering,
/// computed on the transliterated, folded words.
///
/// The edit-distance search walks the sorted keys as an implicit trie, carrying one row
/// of the Levenshtein table per prefix and leaving a prefix as soon as the row's
/// minimum exceeds the bound: it reads a few thousand prefixes of a 100,000-term table,
/// not its 100,000 keys.
struct TermKeyIndex {
    /// Term rows by key (context rows are not terms), sorted by key bytes.
    private var keys: [[UInt8]] = []
    private var rows: [Int] = []
    private var fingerprints: [[UInt8]: [Int]] = [:]
    private var bigramPrints: [[UInt8]: [Int]] = [:]
    /// The key of each row of the table (empty for context rows).
    private(set) var keyOfRow: [[UInt8]] = []

    init(matcher: Matcher) {
        var pairs: [([UInt8], Int)] = []
        for (index, row) in matcher.table.rows.enumerated() {
            guard row.form != .context else {
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

/// One spelling found in a corpus that is probably a variant of a known term.
public struct Suggestion: Sendable {
    /// The spelling, as first seen (in NFC).
    public var surface: String
    /// The row it resembles most.
    public var term: TermRow
    /// How it resembles it, in words: "same match key", "edit distance 1", …
    public var reason: String
    /// From 0 to 1: 1 for the same key, less for each edit.
    public var closeness: Double
    /// How often the spelling occurs.
    public var count: Int
    /// Where it first occurs: source, line, and the text around it.
    public var example: (source: String, line: Int, context: String)

    /// `count × closeness`: the order in which suggestions are listed.
    public var score: Double { Double(count) * closeness }
}

/// Finds spellings in a corpus that are probably variants of known terms but are not
/// in the table. Feed it lines with ``add(line:source:lineNumber:)``, then read
/// ``suggestions(limit:)``.
///
/// Candidates are capitalised words and runs of up to five of them (names are
/// capitalised in Indonesian and English), seen at least once other than as the first
/// word of a sentence (where capitals say nothing) unless their key is a term's key,
/// and not inside or across a mention the table already finds (*Petersburg* in *Saint
/// Petersburg*). A candidate is kept when its match
/// key equals a term's key, or has its fingerprint or bigram fingerprint, or is within
/// an edit distance that grows with its length (1 from 5 bytes, 2 from 9, 3 from 16);
/// and it is dropped when it is already a spelling of the table, in any case, or mixes
/// scripts within a word. A spelling that is only close (not the same key) must also
/// not be much more frequent than the mentions of its concept (at most twice as
/// frequent, plus two): variants are rarer than the names they vary, common words that
/// happen to look like a name are not.
///
/// Memory stays bounded on any corpus: only kept candidates are counted, and the memo of
/// rejected spellings is emptied when it reaches `memoLimit` entries.
public struct VariantSuggester {
    private let matcher: Matcher
    private let index: TermKeyIndex
    private let preferredLanguage: String?
    /// Lower-cased spellings of the table.
    private let listed: Set<String>
    private var scratch = LineTokens()

    private struct Found {
        var suggestion: Suggestion
        var seenInsideSentence: Bool
    }
    private var found: [String: Found] = [:]
    /// Mentions of each concept in the corpus so far.
    private var mentionsOfConcept: [String: Int] = [:]
    private var rejected: Set<String> = []
    /// The most rejected spellings remembered at once.
    public static let memoLimit = 500_000
    /// The most words in a candidate.
    public static let maxWords = 5

    /// Bytes of text read so far.
    public private(set) var bytesRead = 0

    /// - Parameter preferredLanguage: when a spelling is as close to terms of several
    ///   languages, the row of this language is named (default: none preferred).
    public init(matcher: Matcher, preferredLanguage: String? = nil) {
        self.matcher = matcher
        self.index = TermKeyIndex(matcher: matcher)
        self.preferredLanguage = preferredLanguage
        self.listed = Set(matcher.table.rows.map { $0.term.lowercased() })
    }

    /// Reads one line (or a piece of a long one).
    public mutating func add(line: UnsafeBufferPointer<UInt8>, source: String, lineNumber: Int) {
        bytesRead += line.count
        // Spellings inside or across a mention are parts of a known name (Petersburg in
        // Saint Petersburg), not variants of one; a mention itself is a candidate.
        let found = matcher.mentions(inUTF8: line)
        for mention in found { if let sense = mention.sense { mentionsOfConcept[sense.conceptID, default: 0] += 1 } }
        let mentions = found.map(\.range)
        scratch.tokenize(line, keyMaker: matcher.keyMaker)
        let tokens = scratch.tokens
        var run: [Token] = []  // the current run of capitalised words
        var runStartsSentence = false
        var sentenceStart = true  // the next word would be the first of a sentence

        func endRun() {
            for first in run.indices {
                for last in first..<min(run.count, first + Self.maxWords) {
                    let range = Int(run[first].start)..<Int(run[last].end)
                    if mentions.contains(where: { $0.overlaps(range) && $0 != range }) { continue }
                    // A word with look-alike letters of another script is a spoof or a typo,
                    // never a spelling to add (glossary check would flag it).
                    if run[first...last].contains(where: { $0.flags.contains(.mixedScript) }) { continue }
                    consider(line, run[first].start, run[last].end, source: source, lineNumber: lineNumber,
                             insideSentence: !(first == 0 && runStartsSentence))
                }
            }
            run.removeAll(keepingCapacity: true)
        }
        func isAllCapsWord(_ index: Int) -> Bool {
            index >= 0 && index < tokens.count && tokens[index].kind == .word && tokens[index].flags.contains(.allCaps)
        }
        for (index, token) in tokens.enumerated() {
            if token.flags.contains(.allCaps) {
                // An all-caps word counts alone (an abbreviation such as PKC), and not at
                // all inside an all-caps passage (a headline), where capitals say nothing.
                endRun()
                if token.kind == .word && !isAllCapsWord(index - 1) && !isAllCapsWord(index + 1) {
                    runStartsSentence = sentenceStart
                    run.append(token)
                    endRun()
                }
                sentenceStart = false
                continue
            }
            if token.kind == .word && Self.isCapitalised(line, Int(token.start)) {
                if token.gapBefore == .hard { endRun() }
                if run.isEmpty { runStartsSentence = sentenceStart }
                run.append(token)
                sentenceStart = false
                continue
            }
            endRun()
            if token.kind == .punct {
                switch line[Int(token.start)] {
                case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"): sentenceStart = true
                case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "("), 0x80...: break  // quotes and brackets
                default: sentenceStart = false
                }
            } else {
                sentenceStart = false
            }
        }
        endRun()
    }

    private static func isCapitalised(_ line: UnsafeBufferPointer<UInt8>, _ start: Int) -> Bool {
        let byte = line[start]
        if byte < 0x80 { return byte &- 0x41 < 26 }
        guard let (scalar, _) = decodeScalar(line, at: start) else { return false }
        return ScalarTraits(scalar).isUppercase
    }

    private mutating func consider(
        _ line: UnsafeBufferPointer<UInt8>, _ start: Int32, _ end: Int32, source: String, lineNumber: Int, insideSentence: Bool
    ) {
        let bytes = UnsafeBufferPointer(rebasing: line[Int(start)..<Int(end)])
        let surface = String(decoding: bytes, as: UTF8.self)
        // Spellings that differ only in case are one proposal (SHOYGU counts for Shoygu).
        let identity = surface.lowercased()
        if var known = found[identity] {
            known.suggestion.count += 1
            known.seenInsideSentence = known.seenInsideSentence || insideSentence
            let storedIsAllCaps = !known.suggestion.surface.unicodeScalars.contains { $0.properties.isLowercase }
            if storedIsAllCaps && surface.unicodeScalars.contains(where: { $0.properties.isLowercase }) {
                known.suggestion.surface = nfc(surface)  // a spelling in mixed case rather than all caps
            }
            found[identity] = known
            return
        }
        if rejected.contains(identity) { return }
        guard let (row, reason, closeness) = closest(to: surface) else {
            if rejected.count >= Self.memoLimit { rejected.removeAll(keepingCapacity: true) }
            rejected.insert(identity)
            return
        }
        let context = Self.context(line, Int(start), Int(end))
        found[identity] = Found(
            suggestion: Suggestion(surface: nfc(surface), term: matcher.table.rows[row], reason: reason, closeness: closeness,
                                   count: 1, example: (source, lineNumber, context)),
            seenInsideSentence: insideSentence)
    }

    /// The term a spelling most resembles, if it resembles one enough and is not
    /// listed already.
    private func closest(to surface: String) -> (row: Int, reason: String, closeness: Double)? {
        if listed.contains(nfc(surface).lowercased()) { return nil }
        let words = matcher.wordKeys(of: surface)
        let key = Array(words.joined())
        guard key.count >= 4 else { return nil }
        func pick(_ rows: [Int]) -> Int? {
            rows.first { matcher.table.rows[$0].language == preferredLanguage } ?? rows.first
        }
        if let row = pick(index.rows(withKey: key)) { return (row, "same match key", 1.0) }
        if words.count > 1, let row = pick(index.rows(withFingerprint: words)) { return (row, "same words in another order", 0.95) }
        if let row = pick(index.rows(withBigramFingerprint: key)) { return (row, "same letter pairs", 0.9) }
        let bound = key.count >= 16 ? 3 : key.count >= 9 ? 2 : key.count >= 5 ? 1 : 0
        guard bound > 0 else { return nil }
        let near = index.rows(near: key, maxDistance: bound)
        guard let best = near.map(\.distance).min() else { return nil }
        guard let row = pick(near.filter { $0.distance == best }.map(\.row)) else { return nil }
        return (row, "edit distance \(best)", 1 - Double(best) / Double(key.count))
    }

    /// Up to 60 characters of the line on each side of a spelling.
    private static func context(_ line: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> String {
        let text = String(decoding: line, as: UTF8.self)
        let before = String(decoding: UnsafeBufferPointer(rebasing: line[..<start]), as: UTF8.self)
        let scalars = Array(text.unicodeScalars)
        let from = max(0, before.unicodeScalars.count - 60)
        let middle = String(decoding: UnsafeBufferPointer(rebasing: line[start..<end]), as: UTF8.self).unicodeScalars.count
        let to = min(scalars.count, before.unicodeScalars.count + middle + 60)
        var result = String(String.UnicodeScalarView(scalars[from..<to]))
        result = result.onOneLine
        return (from > 0 ? "…" : "") + result + (to < scalars.count ? "…" : "")
    }

    /// The suggestions so far, best first (by count × closeness, then spelling).
    public func suggestions(limit: Int = .max, minimumCount: Int = 1) -> [Suggestion] {
        let kept = found.values.filter { found in
            let suggestion = found.suggestion
            guard suggestion.count >= minimumCount else { return false }
            if suggestion.closeness == 1 { return true }
            // A spelling only like a term (not the same key) must be seen inside a
            // sentence, and not much more often than the concept itself: a variant is
            // rarer than the name it varies, while a common word (Selasa, Tuesday, near a
            // place named Sulasa) is far more frequent.
            let concept = mentionsOfConcept[suggestion.term.conceptID, default: 0]
            return found.seenInsideSentence && suggestion.count <= 2 * concept + 2
        }.map(\.suggestion)
        return Array(kept.sorted { a, b in
            a.score != b.score ? a.score > b.score : a.surface < b.surface
        }.prefix(limit))
    }
}

extension String {
    /// The text with tabs, line breaks and other control characters as spaces: for a
    /// one-line example, or a field of a tab-separated file.
    var onOneLine: String {
        String(String.UnicodeScalarView(unicodeScalars.map { $0.properties.generalCategory == .control ? " " : $0 }))
    }
}

extension Matcher {
    /// The folded keys of the words of a text (punctuation left out), each transliterated
    /// and folded as in the table.
    func wordKeys(of text: String) -> [[UInt8]] {
        var scratch = LineTokens()
        var words: [[UInt8]] = []
        var text = text
        text.withUTF8 { line in
            scratch.tokenize(line, keyMaker: keyMaker)
            for token in scratch.tokens where token.kind != .punct {
                words.append(Array(LineTokens.folded(token, stem: false, line, scratch.keys)))
            }
        }
        return words
    }
}
