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
    /// 64-bit hashes of the words, sorted: an eighth of the memory of a set of strings,
    /// and a binary search of 17 steps.
    private let hashes: [UInt64]

    /// The shipped list, read on first use (a few milliseconds, and only by the rare
    /// paragraph that asks).
    static let shipped = CommonWords(list: EmbeddedData.commonWords)

    /// Reads a list: one word per line, `#` comments.
    init(list: UnsafeBufferPointer<UInt8>) {
        var hashes: [UInt64] = []
        hashes.reserveCapacity(list.count / 8)
        var start = 0
        while start < list.count {
            var end = start
            while end < list.count && list[end] != 0x0A { end += 1 }
            if end > start && list[start] != UInt8(ascii: "#") {
                var hash = Self.seed
                for i in start..<end { hash = Self.mix(hash, asciiLower(list[i])) }
                hashes.append(hash)
            }
            start = end + 1
        }
        self.hashes = hashes.sorted()
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
        var low = 0, high = hashes.count
        while low < high {
            let mid = (low + high) / 2
            if hashes[mid] < hash { low = mid + 1 } else { high = mid }
        }
        return low < hashes.count && hashes[low] == hash
    }

    private static let seed: UInt64 = 0xCBF2_9CE4_8422_2325  // FNV-1a
    @inline(__always)
    private static func mix(_ hash: UInt64, _ byte: UInt8) -> UInt64 { (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
}
