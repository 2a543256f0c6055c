/// A term table compiled for matching. Build it once and share it: it is immutable and
/// safe to use from many threads at once.
///
/// What counts as a mention is stated once, in the match rules of `DESIGN.md`, which
/// the article <doc:MatchRules> shows with examples: rule 1, whole tokens,
/// leftmost-longest; rule 2, keys that ignore spelling, case, script, spaces and
/// hyphens; rule 3, Han and kana; rules 4 to 6, case (abbreviations, lowercase words,
/// all-caps words); rule 7, clitics; rule 8, the row a mention reports; rule 9, shared
/// spellings and how a paragraph, then its document, resolves them; rule 10, short forms
/// that count only after an introduction.
public final class Matcher: Sendable {
    /// The table this matcher was compiled from.
    public let table: TermTable
    let keyMaker: KeyMaker
    let variantsText: String
    let byteClasses: ByteClasses
    /// The function words that tell the language of a paragraph (`--to auto`), and the
    /// owner of their table's memory.
    let markerTable: LanguageMarkers.Table
    private let markerStorage = LanguageMarkers.Table.Storage()
    let trie: Trie
    let entries: [Entry]
    let concepts: [Concept]
    /// Concept id → index in `concepts`, built on first use (the scan never needs it).
    let conceptIndex: ConceptLookup
    /// The preferred terms of every concept, a concept's together (``Concept/preferred``).
    let preferredTerms: [PreferredTerm]
    let preferredTermBytes: [UInt8]
    /// The languages of the rows, each once: ``Entry/language`` indexes it.
    let languageNames: [String]
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
    /// Per abbreviation entry: its words in NFKC (rule 4's script test).
    let ownTexts: [UInt8]
    let ownRanges: [Range<Int32>]

    /// One row, compiled.
    struct Entry: Sendable {
        var row: Int
        var concept: Int32
        var form: TermForm
        /// A context word: evidence for its concept (rule 9), not a mention.
        var isContext: Bool { form == .context }
        var isAbbr: Bool { form == .abbr }
        /// The term is one word with a capital letter: it never matches an all-lowercase
        /// word (rule 5).
        var capitalizedSingleWord: Bool
        /// The term has a capital letter and more than one token: it needs a capital in
        /// the surface, and not only at the start of a sentence (rule 5).
        var capitalizedPhrase: Bool
        /// `+titlecase`: the abbreviation is also written with one capital (rule 4).
        var alsoTitlecase: Bool
        /// Lower ranks win when several rows of one concept match (rule 8).
        var rank: UInt8
        /// `+intro`: the row counts only where its concept is introduced (rule 10).
        var needsIntroduction: Bool
        /// Rule 11 holds for it: a short form, or the one-word name of a city (*Kazan*,
        /// *Washington*), which a capitalised name word before or after makes part of
        /// another name (*Elia Kazan*, *Denzel Washington*).
        var standsAlone: Bool = false
        /// A term of a concept whose kind is not a mention here (`kinds`): found and
        /// resolved like any other, then not reported.
        var silenced: Bool = false
        /// The term has no ASCII letter (*Дели*, *Ла-Пас*): it matches only a surface with
        /// a character beyond ASCII, never the plain Latin word its key romanizes to
        /// (*Deli*, *Lapas*), rule 2.
        var nativeScriptOnly: Bool = false
        /// The row's `+shared` or `+default`.
        var sharing: Sharing = .none
        /// The row's language, an index into ``Matcher/languageNames``.
        var language: UInt16 = 0
    }

    /// A concept's preferred terms.
    struct Concept: Sendable {
        var id: String
        /// Its preferred terms: a range of ``Matcher/preferredTerms`` (a handful: a flat
        /// list is cheaper to build and to load for 100,000 concepts than nested
        /// dictionaries, and the renderer caches what it looks up).
        var preferred: Range<Int32>
        /// Its kind, if the table says.
        var kind: ConceptKind?
    }

    /// A preferred term, with what the renderer needs to choose and write it.
    struct PreferredTerm: Sendable {
        var row: Int32
        /// An index into ``Matcher/languageNames``.
        var language: UInt16
        var form: TermForm
        /// Its UTF-8: a range of ``Matcher/preferredTermBytes``.
        var term: Range<Int32>
    }

    /// The kinds of concept whose terms are mentions; a concept without a `kind` row
    /// always is.
    public let kinds: Set<ConceptKind>
    /// Whether some entry is of a kind left out.
    let hasSilencedEntries: Bool

    /// Compiles a table. Throws a ``TableError`` when a term has no letters or digits,
    /// when two concepts' terms share a key without saying so (`+shared`), or when the
    /// variant rules do not compile. A `keyCache` made for the same rules saves the ICU
    /// work of keying the table's words; one that does not fit is ignored.
    ///
    /// `kinds` are the kinds of concept that are mentions: by default all but ideas
    /// (``ConceptKind/mentionedByDefault``). A mention of another kind is found and
    /// resolved as usual (its words are no other mention, and it is evidence for shared
    /// spellings), but it is not reported and `text` leaves it as written.
    public convenience init(
        table: TermTable, variants: VariantRules = .shipped, keyCache: KeyCache? = nil,
        kinds: Set<ConceptKind> = ConceptKind.mentionedByDefault
    ) throws(TableError) {
        // 1. The key maker: the variant rules compiled, and the saved keys of the words.
        let keyMaker = try Self.keyMaker(variants: variants)
        if let keyCache { keyMaker.preload(keyCache, variants: variants.text) }
        // 2. The concepts, in order of first appearance, with their preferred rows.
        let concepts = ConceptIndex(table: table)
        // 3. Every row keyed and checked, and the spellings that concepts share checked
        //    against their `+shared` and `+default` marks.
        let compiled = try CompiledEntries(table: table, conceptOfRow: concepts.conceptOfRow, languageOfRow: concepts.languageOfRow,
                                           keyMaker: keyMaker, kinds: kinds)
        // 4. The trie of the folded keys.
        let trie = Trie(keys: compiled.keys) { compiled.needsCapitals($0) }
        self.init(parts: Parts(
            table: table, kinds: kinds, keyMaker: keyMaker, variantsText: variants.text, trie: trie, entries: compiled.entries,
            concepts: concepts.concepts, preferredTerms: concepts.preferredTerms,
            preferredTermBytes: concepts.preferredTermBytes, languageNames: concepts.languageNames,
            casedKeys: compiled.casedKeys, casedRanges: compiled.casedRanges, entryAllCapsWords: compiled.allCapsWords,
            ownTexts: compiled.ownTexts, ownRanges: compiled.ownRanges))
    }

    /// What a matcher is made of: compiled from a table (``init(table:variants:keyCache:kinds:)``)
    /// or read from a compiled file (``CompiledTable``).
    struct Parts {
        var table: TermTable
        var kinds: Set<ConceptKind>
        var keyMaker: KeyMaker
        var variantsText: String
        var trie: Trie
        var entries: [Entry]
        var concepts: [Concept]
        var preferredTerms: [PreferredTerm]
        var preferredTermBytes: [UInt8]
        var languageNames: [String]
        var casedKeys: [UInt8]
        var casedRanges: [Range<Int32>]
        var entryAllCapsWords: [[[UInt8]]]
        var ownTexts: [UInt8]
        var ownRanges: [Range<Int32>]
    }

    init(parts: Parts) {
        self.table = parts.table
        self.kinds = parts.kinds
        self.keyMaker = parts.keyMaker
        self.variantsText = parts.variantsText
        self.byteClasses = ByteClasses(keyMaker: parts.keyMaker)
        self.markerTable = LanguageMarkers.Table(storage: markerStorage)
        self.concepts = parts.concepts
        self.conceptIndex = ConceptLookup(parts.concepts)
        self.preferredTerms = parts.preferredTerms
        self.preferredTermBytes = parts.preferredTermBytes
        self.languageNames = parts.languageNames
        self.entries = parts.entries
        self.hasSilencedEntries = parts.entries.contains { $0.silenced }
        self.casedKeys = parts.casedKeys
        self.casedRanges = parts.casedRanges
        self.entryAllCapsWords = parts.entryAllCapsWords
        self.ownTexts = parts.ownTexts
        self.ownRanges = parts.ownRanges
        self.trie = parts.trie
    }

    /// The key maker for these variant rules, or the error that names the failing rule.
    static func keyMaker(variants: VariantRules) throws(TableError) -> KeyMaker {
        do {
            return try KeyMaker(variantRules: Array(variants.text.utf8), name: variants.source)
        } catch {
            throw TableError([diagnostic(for: error, in: variants)])
        }
    }

    /// ICU reports the failing rule's text; the diagnostic points at its line in the file.
    private static func diagnostic(for error: ICUError, in rules: VariantRules) -> Diagnostic {
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
        return Diagnostic(at: SourceLocation(file: rules.source, line: line, column: column),
                          message: "the variant rules do not compile: \(error)",
                          fix: "correct the rule; the syntax is ICU's transform rule syntax")
    }

    /// The cased key of an entry.
    @inline(__always)
    func casedKey(ofEntry index: Int32) -> ArraySlice<UInt8> {
        let range = casedRanges[Int(index)]
        return casedKeys[Int(range.lowerBound)..<Int(range.upperBound)]
    }

    /// The shipped table with the shipped variant rules: read from its compiled form
    /// built into the library (``CompiledTable/shippedMatcher(variants:kinds:)``), or
    /// compiled with the shipped key cache when that form is out of date.
    public static func shipped(kinds: Set<ConceptKind> = ConceptKind.mentionedByDefault) throws(TableError) -> Matcher {
        if let compiled = CompiledTable.shippedMatcher(kinds: kinds) { return compiled }
        return try Matcher(table: TermTable.shipped(), keyCache: .shipped, kinds: kinds)
    }

    /// The keys of every word this matcher has keyed through ICU or the variant rules
    /// so far: right after `init`, exactly the table's. Save it beside the table to
    /// load the table faster next time (see ``KeyCache``).
    public func keyCache() -> KeyCache {
        keyMaker.exportCache(variants: variantsText)
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
        for term in preferredTerms { languages.insert(languageNames[Int(term.language)]) }
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
        preferred(concept: index, language: language, form: form).map { table.rows[Int($0.row)] }
    }

    /// The UTF-8 of a preferred term.
    func bytes(of term: PreferredTerm) -> ArraySlice<UInt8> {
        preferredTermBytes[Int(term.term.lowerBound)..<Int(term.term.upperBound)]
    }

    /// The preferred term that ``preferredTerm(conceptID:language:form:)`` chooses, from
    /// the matcher's own list (the renderer's way: it reads no table row).
    func preferred(concept index: Int32, language: String, form: TermForm) -> PreferredTerm? {
        let range = concepts[Int(index)].preferred
        let preferred = preferredTerms[Int(range.lowerBound)..<Int(range.upperBound)]
        for lang in [language, "und"] {
            if let term = preferred.first(where: { $0.form == form && languageNames[Int($0.language)] == lang })
                ?? preferred.first(where: { $0.form == .full && languageNames[Int($0.language)] == lang })
            {
                return term
            }
        }
        return nil
    }
}
