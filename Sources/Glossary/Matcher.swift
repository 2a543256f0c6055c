
/// A term table compiled for matching. Build it once and share it: it is immutable and
/// safe to use from many threads at once.
///
/// Match semantics (DESIGN.md has the reasons):
/// 1. Whole tokens, leftmost-longest, no overlaps. A token is a word (letters, marks,
///    digits), one Han or kana character, or one punctuation mark. Spaces, tabs,
///    no-break spaces and hyphens separate tokens and do not count inside a term.
/// 2. A term matches when the folded keys of a run of tokens, joined, equal its key.
/// 3. An `abbr` term matches only in its own case. A one-word term with a capital
///    letter never matches an all-lowercase word. An all-caps word outside a headline or
///    dateline matches only a term that writes that word in capitals.
/// 4. A word ending in an Indonesian clitic (-nya, -lah, -pun, -kah) also matches as its
///    stem; the clitic is not part of the mention.
/// 5. A match in Han or kana covers at least two characters and no other script.
/// 6. A spelling shared by several concepts goes to the one its paragraph supports.
public final class Matcher: Sendable {
    /// The table this matcher was compiled from.
    public let table: TermTable
    let keyMaker: KeyMaker
    let variantsText: String
    let byteClasses: ByteClasses
    let trie: Trie
    let entries: [Entry]
    let concepts: [Concept]
    private let conceptIndex: [String: Int32]
    /// Workspaces kept between calls of the one-shot APIs, so that a call per document
    /// does not pay for fresh buffers and an empty word memo each time.
    private let workspaces = Lock<[ScanWorkspace]>([])

    /// Per entry: the cased key (for `abbr` terms and for choosing the row spelled
    /// like the surface; ranges of one buffer), and the folded keys of the term's
    /// all-caps words. Kept apart from `Entry` so that reading an entry in the hot loop
    /// copies no references.
    let casedKeys: [UInt8]
    let casedRanges: [Range<Int32>]
    let entryAllCapsWords: [[[UInt8]]]

    /// One row, compiled.
    struct Entry: Sendable {
        var row: Int
        var concept: Int32
        var isContext: Bool
        var isAbbr: Bool
        /// The term is one word with a capital letter: it never matches an all-lowercase word.
        var capitalizedSingleWord: Bool
        /// Lower ranks win when several rows of one concept match.
        var rank: Int
    }

    /// A concept's preferred terms.
    struct Concept: Sendable {
        var id: String
        /// The row indexes of its preferred terms (a handful: a flat list is cheaper to
        /// build for 100,000 concepts than nested dictionaries, and lookups are cached).
        var preferred: [Int]
    }

    /// Compiles a table. Throws a ``TableError`` when a term has no letters or digits,
    /// when two concepts' terms share a key without saying so (`+shared`), or when the
    /// variant rules do not compile. A `keyCache` made for the same rules saves the ICU
    /// work of keying the table's words; one that does not fit is ignored.
    public init(table: TermTable, variants: VariantRules = .shipped, keyCache: KeyCache? = nil) throws(TableError) {
        self.table = table
        let keyMaker: KeyMaker
        do {
            keyMaker = try KeyMaker(variantRules: Array(variants.text.utf8), name: variants.source)
        } catch {
            throw TableError([Matcher.diagnostic(for: error, in: variants)])
        }
        self.keyMaker = keyMaker
        self.variantsText = variants.text
        if let keyCache { keyMaker.preload(keyCache, variants: variants.text) }
        self.byteClasses = ByteClasses(keyMaker: keyMaker)

        var conceptIndex: [String: Int32] = Dictionary(minimumCapacity: table.rows.count / 2)
        var concepts: [Concept] = []
        var conceptOfRow: [Int32] = []
        conceptOfRow.reserveCapacity(table.rows.count)
        for (index, row) in table.rows.enumerated() {
            let concept: Int32
            if let last = concepts.last, last.id == row.conceptID {  // rows of a concept are usually adjacent
                concept = Int32(concepts.count - 1)
            } else if let known = conceptIndex[row.conceptID] {
                concept = known
            } else {
                concept = Int32(concepts.count)
                conceptIndex[row.conceptID] = concept
                concepts.append(Concept(id: row.conceptID, preferred: []))
            }
            if row.status == .preferred {
                concepts[Int(concept)].preferred.append(index)
            }
            conceptOfRow.append(concept)
        }

        var diagnostics: [Diagnostic] = []
        var entries: [Entry] = []
        var casedKeys: [UInt8] = []
        var casedRanges: [Range<Int32>] = []
        var entryAllCapsWords: [[[UInt8]]] = []
        var keys = FlatKeys()
        entries.reserveCapacity(table.rows.count)
        casedRanges.reserveCapacity(table.rows.count)
        entryAllCapsWords.reserveCapacity(table.rows.count)
        var firstTermWithKey = FlatKeyIndex(capacity: table.rows.count)  // key -> entry index of a term row
        var defaultWithKey: [[UInt8]: Int] = [:]
        var scratch = LineTokens()
        for (index, row) in table.rows.enumerated() {
            func report(_ message: String, fix: String) {
                if diagnostics.count < TableError.limit {
                    diagnostics.append(Diagnostic(file: table.source, line: row.line, column: Matcher.termColumn(row),
                                                  message: message, fix: fix))
                }
            }
            // The key goes straight into the flat buffer (taken back if the row is bad);
            // the cased key likewise.
            let keyStart = keys.bytes.count, casedStart = casedKeys.count
            var allCapsWords: [[UInt8]] = []
            var words = 0, hasUpper = false
            var tokenCount = 0, firstKind = Token.Kind.punct, hardGapInside = false
            var term = row.term
            term.withUTF8 { line in
                scratch.tokenize(line, keyMaker: keyMaker)
                tokenCount = scratch.tokens.count
                for (index, token) in scratch.tokens.enumerated() {
                    if index == 0 { firstKind = token.kind } else if token.gapBefore == .hard { hardGapInside = true }
                    let folded = LineTokens.folded(token, stem: false, line, scratch.keys)
                    keys.bytes += folded
                    casedKeys += LineTokens.cased(token, stem: false, line, scratch.keys)
                    if token.kind == .word { words += 1 }
                    if token.flags.contains(.hasUpper) { hasUpper = true }
                    if token.flags.contains(.allCaps) { allCapsWords.append(Array(folded)) }
                }
            }
            func takeBack() {
                keys.bytes.removeSubrange(keyStart...)
                casedKeys.removeSubrange(casedStart...)
            }
            guard tokenCount > 0, keys.bytes.count > keyStart else {
                takeBack()
                report("the term “\(row.term)” has no letters or digits", fix: "write the spelling with letters or digits")
                continue
            }
            if firstKind == .punct {
                takeBack()
                report("the term “\(row.term)” starts with punctuation", fix: "start the term with a letter or digit")
                continue
            }
            if hardGapInside {
                takeBack()
                report("the term “\(row.term)” contains a control character", fix: "delete it")
                continue
            }
            if row.term.unicodeScalars.contains(where: { $0 == "\u{27E6}" || $0 == "\u{27E7}" }) {
                takeBack()
                report("the term “\(row.term)” contains ⟦ or ⟧, the markup of the tag format", fix: "remove the bracket")
                continue
            }
            keys.end()
            let keyIndex = keys.count - 1
            let concept = conceptOfRow[index]
            let statusRank = row.status == .preferred ? 0 : row.status == .admitted ? 1 : 2
            let entry = Entry(
                row: index, concept: concept, isContext: row.form == .context, isAbbr: row.form == .abbr,
                capitalizedSingleWord: words == 1 && tokenCount == 1 && hasUpper, rank: statusRank)

            if !entry.isContext {
                if let other = firstTermWithKey.find(keyIndex, in: keys) {
                    let otherRow = table.rows[entries[other].row]
                    if otherRow.conceptID != row.conceptID && (otherRow.sharing == .none || row.sharing == .none) {
                        report(
                            "the term “\(row.term)” of \(row.conceptID) has the same match key “\(String(decoding: keys[keyIndex], as: UTF8.self))” as “\(otherRow.term)” of \(otherRow.conceptID) at line \(otherRow.line)",
                            fix: "if the spelling really names both concepts, mark both rows +shared (one of them may be +default); otherwise remove or correct one of them")
                    }
                } else {
                    firstTermWithKey.insert(keyIndex, in: keys)
                }
                if row.sharing == .defaultSense {
                    let key = Array(keys[keyIndex])
                    if let other = defaultWithKey[key], table.rows[entries[other].row].conceptID != row.conceptID {
                        let otherRow = table.rows[entries[other].row]
                        report("“\(row.term)” is the default sense of two concepts: \(otherRow.conceptID) (line \(otherRow.line)) and \(row.conceptID)",
                               fix: "keep +default on one of them and make the other +shared")
                    } else {
                        defaultWithKey[key] = entries.count
                    }
                }
            }
            entries.append(entry)
            casedRanges.append(Int32(casedStart)..<Int32(casedKeys.count))
            entryAllCapsWords.append(allCapsWords)
        }
        if !diagnostics.isEmpty { throw TableError(diagnostics) }
        self.entries = entries
        self.casedKeys = casedKeys
        self.casedRanges = casedRanges
        self.entryAllCapsWords = entryAllCapsWords
        self.concepts = concepts
        self.conceptIndex = conceptIndex
        self.trie = Trie(keys: keys) { index in
            let entry = entries[index]
            if entry.isContext { return false }
            if entry.capitalizedSingleWord { return true }
            let range = casedRanges[index]
            return entry.isAbbr && casedKeys[Int(range.lowerBound)..<Int(range.upperBound)].contains { $0 &- 0x41 < 26 }
        }
    }

    /// The cased key of an entry.
    @inline(__always)
    func casedKey(ofEntry index: Int32) -> ArraySlice<UInt8> {
        let range = casedRanges[Int(index)]
        return casedKeys[Int(range.lowerBound)..<Int(range.upperBound)]
    }

    /// Compiles the shipped table with the shipped variant rules and key cache.
    public static func shipped() throws(TableError) -> Matcher {
        try Matcher(table: TermTable.shipped(), keyCache: .shipped)
    }

    /// The keys of every word this matcher has keyed through ICU or the variant rules
    /// so far: right after `init`, exactly the table's. Save it beside the table to
    /// load the table faster next time (see ``KeyCache``).
    public func keyCache() -> KeyCache {
        keyMaker.exportCache(variants: variantsText)
    }

    private static func termColumn(_ row: TermRow) -> Int {
        row.conceptID.unicodeScalars.count + row.language.unicodeScalars.count + 3
    }

    private static func diagnostic(for error: ICUError, in rules: VariantRules) -> Diagnostic {
        // ICU reports the failing rule's text; find its line in the file.
        var line = 0, column = 1
        if !error.context.isEmpty {
            for (number, text) in rules.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                if let range = text.firstRange(of: error.context.trimmingSpaces()) {
                    line = number + 1
                    column = text.unicodeScalars.distance(from: text.startIndex, to: range.lowerBound) + 1
                    break
                }
            }
        }
        return Diagnostic(file: rules.source, line: line, column: column,
                          message: "the variant rules do not compile: \(error)",
                          fix: "correct the rule; the syntax is ICU's transform rule syntax")
    }

    /// Runs `body` with a workspace from the pool (or a new one), and returns it after.
    func withWorkspace<Result>(_ body: (inout ScanWorkspace) -> Result) -> Result {
        var workspace = workspaces.withLock { $0.popLast() } ?? ScanWorkspace()
        let result = body(&workspace)
        workspaces.withLock { pool in
            if pool.count < 16 { pool.append(workspace) }
        }
        return result
    }

    // MARK: Looking up concepts

    /// The languages in which the table has preferred terms, sorted.
    public var languages: [String] {
        var languages = Set<String>()
        for concept in concepts {
            for row in concept.preferred { languages.insert(table.rows[row].language) }
        }
        return languages.sorted()
    }

    /// Whether the table has a concept with this id.
    public func hasConcept(_ id: String) -> Bool { conceptIndex[id] != nil }

    /// The preferred term of a concept in a language and form, falling back as the
    /// normalizer does: the preferred term of that form, else the preferred full term;
    /// in `language`, else in `und`. Nil when there is none.
    public func preferredTerm(conceptID: String, language: String, form: TermForm) -> TermRow? {
        guard let index = conceptIndex[conceptID] else { return nil }
        return preferredTerm(concept: index, language: language, form: form)
    }

    func preferredTerm(concept index: Int32, language: String, form: TermForm) -> TermRow? {
        let preferred = concepts[Int(index)].preferred.map { table.rows[$0] }
        for lang in [language, "und"] {
            if let row = preferred.first(where: { $0.language == lang && $0.form == form })
                ?? preferred.first(where: { $0.language == lang && $0.form == .full })
            {
                return row
            }
        }
        return nil
    }
}

extension StringProtocol {
    func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}
