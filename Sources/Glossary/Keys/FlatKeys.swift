/// Many byte strings in one buffer: key `i` is `bytes[offsets[i]..<offsets[i + 1]]`.
/// Compiling a table of 100,000 terms keeps its keys here instead of in 100,000 arrays.
struct FlatKeys {
    var bytes: [UInt8] = []
    private(set) var offsets: [Int] = [0]

    /// The number of keys.
    var count: Int { offsets.count - 1 }

    /// Ends the key being appended to `bytes`.
    mutating func end() { offsets.append(bytes.count) }

    subscript(index: Int) -> ArraySlice<UInt8> { bytes[offsets[index]..<offsets[index + 1]] }

    /// FNV-1a of a key.
    func hash(_ index: Int) -> Int {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in self[index] { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        return Int(truncatingIfNeeded: hash)
    }
}

/// A set of keys of a `FlatKeys`, by content: open addressing over key indexes, no
/// allocation per key.
struct FlatKeyIndex {
    private var slots: [Int32]
    private let mask: Int

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
    }

    /// The first key inserted with the same bytes as key `index`, if any.
    func find(_ index: Int, in keys: FlatKeys) -> Int? {
        var slot = keys.hash(index) & mask
        while slots[slot] >= 0 {
            if keys[Int(slots[slot])] == keys[index] { return Int(slots[slot]) }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Inserts key `index` (the caller checked it is not there yet).
    mutating func insert(_ index: Int, in keys: FlatKeys) {
        var slot = keys.hash(index) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(index)
    }
}
