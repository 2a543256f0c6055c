/// The words of Indonesian and English that are not names of people
/// (`Data/common-words.txt`, generated from Debian's dictionaries and CLDR; sources in
/// `Data/README.md`): match rule 11 asks whether a capitalised word next to a short
/// form is one of them, and `glossary suggest` whether a spelling is a word of the
/// language rather than a variant of a name.
///
/// A word is looked up by its folded key (lowercase ASCII). The Indonesian list holds
/// stems, so a word that is not listed is tried again without the commonest affixes
/// (*menurut* → *turut*, *mengatakan* → *kata*): the question is only whether a word
/// is a common word at all, so a stem found by stripping too much does no harm.
struct CommonWords: Sendable {
    /// 64-bit hashes of the words in an open-addressing table at most half full (0
    /// marks an empty slot): built in one pass, a few times faster than sorting, and a
    /// lookup is one or two probes. 2 MB for the shipped list's 92,000 words.
    private let slots: [UInt64]
    private let shift: UInt64

    /// The shipped list, read on first use (a few milliseconds, and only by a run that
    /// asks).
    static let shipped = CommonWords(list: EmbeddedData.commonWords)

    /// Reads a list: one word per line, `#` comments.
    init(list: UnsafeBufferPointer<UInt8>) {
        var lines = 0
        for byte in list where byte == 0x0A { lines += 1 }
        var bits: UInt64 = 4
        while (1 << bits) < 2 * (lines + 1) { bits += 1 }
        var slots = [UInt64](repeating: 0, count: 1 << bits)
        shift = 64 - bits
        var start = 0
        while start < list.count {
            var end = start
            while end < list.count && list[end] != 0x0A { end += 1 }
            if end > start && list[start] != UInt8(ascii: "#") {
                var hash = Self.seed
                for i in start..<end { hash = Self.mix(hash, asciiLower(list[i])) }
                var slot = Self.slot(of: hash, shift: shift)
                while slots[slot] != 0 && slots[slot] != Self.stored(hash) { slot = (slot + 1) & (slots.count - 1) }
                slots[slot] = Self.stored(hash)
            }
            start = end + 1
        }
        self.slots = slots
    }

    /// Whether a folded key is a common word, or an Indonesian affixed form of one.
    func contains(_ folded: some Collection<UInt8>) -> Bool {
        let word = Array(folded)
        if listed(word[...]) { return true }
        guard word.count >= 4, word.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return false }
        for stem in IndonesianMorphology.stems(of: word) where stem.count >= 2 && listed(stem) { return true }
        return false
    }

    private func listed(_ word: ArraySlice<UInt8>) -> Bool {
        var hash = Self.seed
        for byte in word { hash = Self.mix(hash, byte) }
        var slot = Self.slot(of: hash, shift: shift)
        while slots[slot] != 0 {
            if slots[slot] == Self.stored(hash) { return true }
            slot = (slot + 1) & (slots.count - 1)
        }
        return false
    }

    /// A hash as kept in a slot: never 0, which marks an empty one.
    @inline(__always)
    private static func stored(_ hash: UInt64) -> UInt64 { hash == 0 ? 1 : hash }

    /// The first slot to probe: the top bits of the hash, mixed again (Fibonacci hashing).
    @inline(__always)
    private static func slot(of hash: UInt64, shift: UInt64) -> Int { Int((hash &* 0x9E37_79B9_7F4A_7C15) >> shift) }

    private static let seed: UInt64 = 0xCBF2_9CE4_8422_2325  // FNV-1a
    @inline(__always)
    private static func mix(_ hash: UInt64, _ byte: UInt8) -> UInt64 { (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
}
