/// Buffers reused from line to line by one thread, so that scanning a stream does not
/// allocate per line.
public struct ScanWorkspace: Sendable {
    var line = LineTokens()
    /// Every token of part of the paragraph: of all of it, for the rare line whose
    /// dateline matters (rule 6), or of the words around a short form that has a
    /// capitalised neighbour (rule 11). `wholeRange` is the part (the tokens' offsets
    /// count from its start), nil when it is not of the paragraph being scanned.
    var whole = LineTokens()
    var wholeRange: Range<Int>?
    /// Whether the paragraph is a headline (rule 6).
    var isHeadline = false
    /// Whether rule 11 may ask about the paragraph's evidence (`Found.evidenced`): false
    /// only where the caller knows that its document met no namesake, the common case,
    /// which spares most paragraphs that work.
    var evidenceMatters = true
    var candidates: [Candidate] = []
    var active: [Walk] = []
    var support: [Int32: Int] = [:]
    /// The mentions of the last paragraph scanned, before they become ``Mention``s.
    var found: [Found] = []
    /// The (concept, entry) pairs of `found`, back to back.
    var senses: [SenseRef] = []
    /// What the last paragraph resolved establishes for its document
    /// (``DocumentContext/Fact``): the concepts it introduces, the namesakes it met.
    var established: [Int32] = []
    /// The concepts whose short form the last paragraph found joined to another name
    /// (rule 11).
    var namesakes: [Int32] = []
    /// Where each of `namesakes` was first met: the token the rejected short form began at.
    var namesakeTokens: [Int] = []
    /// The last token of each namesake's name (`Matcher.settleNamesakes`).
    var namesakeEnds: [Int] = []
    /// Whether the scan counts the function words of each language (for `--to auto`),
    /// and what it counted in the last paragraph.
    var countsLanguage = false
    var languageCount = LanguageCount()
    /// Tokens read by the general path so far (the cold loop skips the rest): a figure
    /// that does not depend on the machine, for benchmarks.
    var tokensRead = 0

    /// Empty buffers; they grow to fit the longest line seen.
    public init() {}

    /// Whether the paragraph last scanned has a mention that only its document can
    /// decide: then its outcome depends on the paragraphs before it.
    var dependsOnDocument: Bool {
        found.contains { $0.undecided || $0.bare }
    }

    /// A trie walk in progress: it began at token `first` and is at `node`.
    struct Walk {
        var first: Int
        var node: Int32
    }

    struct Candidate {
        var first: Int
        var last: Int
        var stem: Bool
        var node: Int32
    }

    struct SenseRef {
        var concept: Int32
        var entry: Int32
        /// The paragraph's support for the concept (rule 9), once scored.
        var score: Int32 = 0
        /// The sense counts only if its concept is introduced (rule 10), and is not yet.
        var needsIntroduction = false
    }

    /// A mention in the internal form.
    struct Found {
        var first: Int
        var last: Int
        var stem: Bool
        /// Its range in the line.
        var start: Int
        var end: Int
        /// Its senses in `senses`; one after resolution unless ambiguous.
        var senses: Range<Int>
        var resolution: Resolution
        var mixedScript: Bool
        /// The paragraph left it to the document (rules 9 and 10).
        var undecided = false
        /// Found through bare forms only (short forms, abbreviations, a city's one-word
        /// name not right after a locative): a namesake
        /// that the document met (rules 11 and 12) takes it away, unless the concept was
        /// introduced.
        var bare = false
        /// Through a city's one-word name: a bare form unless a locative stands right
        /// before it, which `select` settles only where a namesake may ask.
        var cityName = false
        /// For a bare form: whether its paragraph holds other evidence of its concept
        /// (`Matcher.hasEvidence`).
        var evidenced = false
    }
}
