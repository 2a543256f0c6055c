/// Computes match keys. The ASCII path is a byte loop; every other word goes through
/// ICU once and is cached.
///
/// Shareable between threads: ICU transliterators are not thread-safe, so all ICU work
/// happens under one lock, which is cheap because it is taken only for words that are
/// not plain ASCII or that the variant rules may change, and those are cached.
final class KeyMaker: Sendable {
    /// Per byte: whether the variant rules may change its ASCII lower case. An ASCII
    /// word with none of these bytes has its lower case as its folded key.
    private let sensitiveLow: UInt64
    private let sensitiveHigh: UInt64
    private let state: Lock<State>

    /// The most words each cache keeps before it is emptied (bounded memory on any input).
    static let cacheLimit = 200_000

    struct State: ~Copyable {
        let variants: Transform
        let lazy = LazyICU()
        var words: [[UInt8]: WordKey] = [:]
        var asciiVariants: [[UInt8]: [UInt8]] = [:]
        /// Keys from a key file, taken into the caches above when a word is first
        /// keyed: so the caches (and the key file they export) hold exactly the words
        /// keyed so far, and a table edit never carries a removed word's key along.
        var loadedWords: [[UInt8]: WordKey] = [:]
        var loadedVariants: [[UInt8]: [UInt8]] = [:]
    }

    /// ICU objects opened on first use: opening Han-Latin alone takes about 70 ms.
    final class LazyICU {
        private var transforms: [String: Transform] = [:]
        private var checker: SpoofChecker?

        func transform(_ id: String) -> Transform? {
            if let made = transforms[id] { return made }
            let made = try? Transform(id: id)
            transforms[id] = made
            return made
        }

        func spoofChecker() -> SpoofChecker? {
            if checker == nil { checker = try? SpoofChecker() }
            return checker
        }
    }

    /// Compiles the variant rules (ICU transform rule text).
    init(variantRules: [UInt8], name: String) throws(ICUError) {
        let variants = try Transform(name: name, rules: variantRules)
        var low: UInt64 = 0, high: UInt64 = 0
        for byte in UInt8(0)..<128 where variants.mayChange(asciiByte: asciiLower(byte)) {
            if byte < 64 { low |= 1 << UInt64(byte) } else { high |= 1 << UInt64(byte - 64) }
        }
        sensitiveLow = low
        sensitiveHigh = high
        state = Lock(State(variants: variants))
    }

    /// Adds precomputed keys (from a key file), used instead of ICU when a word comes up.
    func insert(words: [([UInt8], WordKey)], variantWords: [([UInt8], [UInt8])]) {
        state.withLock { state in
            for (word, key) in words { state.loadedWords[word] = key }
            for (word, folded) in variantWords { state.loadedVariants[word] = folded }
        }
    }

    /// Everything cached so far.
    func snapshot() -> (words: [([UInt8], WordKey)], variantWords: [([UInt8], [UInt8])]) {
        state.withLock { state in
            (state.words.map { ($0.key, $0.value) }, state.asciiVariants.map { ($0.key, $0.value) })
        }
    }

    // MARK: ASCII

    /// Whether the variant rules may change this ASCII byte (in lower case).
    @inline(__always)
    func variantSensitive(_ byte: UInt8) -> Bool {
        byte < 64 ? (sensitiveLow >> UInt64(byte)) & 1 != 0 : byte < 128 && (sensitiveHigh >> UInt64(byte - 64)) & 1 != 0
    }

    /// The folded key of a lower-case ASCII word that the variant rules may change.
    func variantKey(ofLowerASCII word: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        let word = Array(word)
        return state.withLock { state in
            if let key = state.asciiVariants[word] { return key }
            let key = state.loadedVariants.removeValue(forKey: word)
                ?? word.withUnsafeBufferPointer { (try? state.variants.apply($0)) ?? Array($0) }
            if state.asciiVariants.count >= KeyMaker.cacheLimit { state.asciiVariants.removeAll(keepingCapacity: true) }
            state.asciiVariants[word] = key
            return key
        }
    }

    // MARK: Everything else

    /// The keys of a word that is not plain ASCII (a well-formed UTF-8 run of letters,
    /// marks and digits, or one Han or kana character).
    func key(ofWord word: UnsafeBufferPointer<UInt8>) -> WordKey {
        let word = Array(word)
        return state.withLock { state in
            if let key = state.words[word] { return key }
            let key = state.loadedWords.removeValue(forKey: word) ?? KeyMaker.compute(word, &state)
            if state.words.count >= KeyMaker.cacheLimit { state.words.removeAll(keepingCapacity: true) }
            state.words[word] = key
            return key
        }
    }

    /// Every step of the ICU pipeline for one word, for `glossary lookup`: the step's
    /// name and the text after it. Not cached; not for hot paths.
    func trace(ofWord word: [UInt8]) -> [(step: String, text: [UInt8])] {
        state.withLock { state in
            var steps: [(step: String, text: [UInt8])] = []
            _ = KeyMaker.compute(word, &state) { steps.append(($0, $1)) }
            return steps
        }
    }
}
