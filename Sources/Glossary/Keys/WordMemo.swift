import Glibc

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

    private var slots: [Int32] = []
    private var entries: [Entry] = []
    private(set) var bytes: [UInt8] = []
    private var mask = -1

    /// The most entries before the memo is emptied.
    static let capacity = 1 << 14

    /// An empty memo; it allocates on first use and grows with use, so that a
    /// workspace made for one short document costs little.
    init() {}

    /// Doubles the table (keeping it at most half full), or empties the memo at capacity.
    private mutating func grow() {
        if entries.count >= WordMemo.capacity {
            entries.removeAll(keepingCapacity: true)
            bytes.removeAll(keepingCapacity: true)
            for i in slots.indices { slots[i] = -1 }
            return
        }
        let size = max(256, slots.count * 2)
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
        for (index, entry) in entries.enumerated() {
            var slot = Int(entry.hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index)
        }
    }

    /// The keys of `word`, computed by `keyMaker` on a miss (`kind` says how). The
    /// returned ranges index `bytes` until the next call. The key maker is an argument,
    /// not captured by a closure, so that a lookup costs no reference counting: the key
    /// maker is shared by every thread, and a retain of a shared object is an atomic
    /// write to one cache line that all the threads then contend for.
    mutating func lookup(_ word: UnsafeBufferPointer<UInt8>, kind: Kind, keyMaker: KeyMaker) -> Entry {
        var hash: UInt32 = 2_166_136_261 ^ UInt32(kind.rawValue)
        for byte in word { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        if (entries.count + 1) * 2 > slots.count { grow() }
        var slot = Int(hash) & mask
        while true {
            let index = slots[slot]
            if index < 0 { break }
            let entry = entries[Int(index)]
            if entry.hash == hash && entry.kind == kind && Int(entry.word.count) == word.count
                && (word.isEmpty || bytes.withUnsafeBufferPointer { memcmp($0.baseAddress! + Int(entry.word.lowerBound), word.baseAddress!, word.count) == 0 })
            {
                return entry
            }
            slot = (slot + 1) & mask
        }
        let key: WordKey
        switch kind {
        case .word: key = keyMaker.key(ofWord: word)
        case .asciiVariant: key = asciiVariantKey(word, keyMaker: keyMaker)
        case .punct:
            let folded = punctuationKey(word)
            key = WordKey(cased: folded, folded: folded, mixedScript: false)
        }
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
