/// Buffers reused from line to line by one thread, so that scanning a stream does not
/// allocate per line.
public struct ScanWorkspace: Sendable {
    var line = LineTokens()
    /// A whole-line tokenization, for the rare line whose dateline matters.
    var whole = LineTokens()
    var candidates: [Candidate] = []
    var active: [Walk] = []
    var support: [Int32: Int] = [:]
    /// The mentions of the last paragraph scanned, before they become ``Mention``s.
    var found: [Found] = []
    /// The (concept, entry) pairs of `found`, back to back.
    var senses: [SenseRef] = []
    /// Tokens read by the general path so far (the cold loop skips the rest): a figure
    /// that does not depend on the machine, for benchmarks.
    var tokensRead = 0

    /// Empty buffers; they grow to fit the longest line seen.
    public init() {}

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
    }
}
