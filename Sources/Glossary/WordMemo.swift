/// A per-thread memo of word keys: the words that the byte loop cannot key by itself
/// (not plain ASCII, or holding a letter the variant rules may change) are looked up
/// here without a lock or an allocation, and computed by the shared ``KeyMaker`` only
/// the first time. Open addressing on an FNV-1a hash; emptied when full, so its memory
/// stays bounded.
struct WordMemo {
    enum Kind: UInt8 {
        /// A word or a Han character: `KeyMaker.key(ofWord:)`.
        case word
        /// A lower-case ASCII word that the variant rules may change.
        case asciiVariant
        /// A non-ASCII punctuation mark: its NFKC form.
        case punct
    }

    struct Entry {
        var hash: UInt32
        var kind: Kind
        var mixedScript: Bool
        var word: Range<Int32>
        var folded: Range<Int32>
        var cased: Range<Int32>
    }

    private var slots: [Int32]
    private var entries: [Entry] = []
    private(set) var bytes: [UInt8] = []
    private let mask: Int

    /// The most entries before the memo is emptied.
    static let capacity = 1 << 14

    init() {
        slots = [Int32](repeating: -1, count: WordMemo.capacity * 2)
        mask = WordMemo.capacity * 2 - 1
        bytes.reserveCapacity(1 << 16)
    }

    /// The keys of `word`, computing them with `compute` on a miss. The returned ranges
    /// index `bytes` until the next call.
    mutating func lookup(
        _ word: UnsafeBufferPointer<UInt8>, kind: Kind, compute: (UnsafeBufferPointer<UInt8>) -> WordKey
    ) -> Entry {
        var hash: UInt32 = 2_166_136_261 ^ UInt32(kind.rawValue)
        for byte in word { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        var slot = Int(hash) & mask
        while true {
            let index = slots[slot]
            if index < 0 { break }
            let entry = entries[Int(index)]
            if entry.hash == hash && entry.kind == kind && Int(entry.word.count) == word.count
                && bytes[Int(entry.word.lowerBound)..<Int(entry.word.upperBound)].elementsEqual(word)
            {
                return entry
            }
            slot = (slot + 1) & mask
        }
        if entries.count >= WordMemo.capacity {
            for i in slots.indices { slots[i] = -1 }
            entries.removeAll(keepingCapacity: true)
            bytes.removeAll(keepingCapacity: true)
            slot = Int(hash) & mask
        }
        let key = compute(word)
        func append<C: Collection>(_ part: C) -> Range<Int32> where C.Element == UInt8 {
            let start = Int32(bytes.count)
            bytes.append(contentsOf: part)
            return start..<Int32(bytes.count)
        }
        let entry = Entry(hash: hash, kind: kind, mixedScript: key.mixedScript, word: append(word),
                          folded: append(key.folded), cased: append(key.cased))
        slots[slot] = Int32(entries.count)
        entries.append(entry)
        return entry
    }
}
