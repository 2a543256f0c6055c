/// Finds spellings in a corpus that are probably variants of known terms but are not
/// in the table. Feed it lines with ``add(line:source:lineNumber:)``, then read
/// ``suggestions(limit:minimumCount:)``.
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
/// not be a common word: not a word of the language (`CommonWords`: *Selasa*, Tuesday,
/// is not a variant of the place *Sulasa*), and not a word the corpus itself writes in
/// lower case in more than a tenth of its uses. How often the concept itself is
/// mentioned does not matter: an archive whose house style writes *Shoigou* eighty
/// times and *Shoigu* once is exactly the one that needs the proposal.
///
/// Memory stays bounded on any corpus: only kept candidates are counted, and the memo of
/// rejected spellings and the counts of lower-case words are emptied when they reach
/// `memoLimit` entries.
public struct VariantSuggester: Sendable {
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
    private var rejected: Set<String> = []
    /// How often each word was seen in lower case, by a hash of its lower case.
    private var lowercaseUses: [UInt64: Int] = [:]
    /// The most rejected spellings remembered at once.
    public static let memoLimit = 500_000
    /// The most words in a candidate.
    public static let maxWords = 5

    /// Bytes of text read so far.
    public private(set) var bytesRead = 0

    /// A suggester for the table of `matcher`.
    ///
    /// - Parameters:
    ///   - matcher: the compiled table whose terms the spellings are compared with.
    ///   - preferredLanguage: when a spelling is as close to terms of several
    ///     languages, the row of this language is named (default: none preferred).
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
        let mentions = matcher.mentions(inUTF8: line).map(\.range)
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
            if token.kind == .word && token.flags.contains(.hasLower) && !token.flags.contains(.hasUpper) {
                if lowercaseUses.count >= Self.memoLimit { lowercaseUses.removeAll(keepingCapacity: true) }
                lowercaseUses[Self.hash(UnsafeBufferPointer(rebasing: line[Int(token.start)..<Int(token.end)])), default: 0] += 1
            }
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

    /// FNV-1a of a word's bytes in ASCII lower case (the case of other letters is the
    /// text's own: a lower-case use is already lower case).
    private static func hash(_ word: some Sequence<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in word { hash = (hash ^ UInt64(asciiLower(byte))) &* 0x100_0000_01B3 }
        return hash
    }

    /// Whether a one-word spelling is a common word: of the language, or of the corpus,
    /// which writes it in lower case in more than a tenth of its uses.
    private func isCommonWord(_ suggestion: Suggestion) -> Bool {
        var surface = suggestion.surface
        guard !surface.contains(" ") else { return false }
        let lowered = surface.withUTF8 { Self.hash($0) }
        if lowercaseUses[lowered, default: 0] * 10 > suggestion.count + lowercaseUses[lowered, default: 0] { return true }
        let bytes = Array(surface.utf8)
        return bytes.allSatisfy { $0 < 0x80 } && CommonWords.shipped.contains(bytes.map(asciiLower))
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
        var column = 1
        for index in 0..<Int(start) where line[index] & 0xC0 != 0x80 { column += 1 }
        let location = SourceLocation(file: source, line: lineNumber, column: column)
        found[identity] = Found(
            suggestion: Suggestion(surface: nfc(surface), term: matcher.table.rows[row], reason: reason, closeness: closeness,
                                   count: 1, example: .init(location: location, context: context)),
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
            // sentence, and not be a common word (see the type's documentation).
            return found.seenInsideSentence && !isCommonWord(suggestion)
        }.map(\.suggestion)
        return Array(kept.sorted { a, b in
            a.score != b.score ? a.score > b.score : a.surface < b.surface
        }.prefix(limit))
    }
}
