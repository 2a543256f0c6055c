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

/// Rows by a 64-bit hash of some of their fields: open addressing, no allocation per
/// row. Hashes may collide, so a lookup hands every row stored under the same hash to
/// a predicate that compares the fields themselves.
struct RowsByHash {
    private var hashes: [UInt64]
    private var rows: [Int32]
    private let mask: Int
    private(set) var count = 0

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        hashes = [UInt64](repeating: 0, count: size)
        rows = [Int32](repeating: -1, count: size)
        mask = size - 1
    }

    /// The first row stored under `hash` for which `isSame` holds.
    func first(hash: UInt64, where isSame: (Int) -> Bool) -> Int? {
        var slot = Int(truncatingIfNeeded: hash) & mask
        while rows[slot] >= 0 {
            if hashes[slot] == hash && isSame(Int(rows[slot])) { return Int(rows[slot]) }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Stores a row under `hash`. The table never grows: the capacity given to `init`
    /// is a promise of the most rows that will be stored.
    mutating func insert(hash: UInt64, row: Int) {
        precondition(count * 2 < hashes.count, "RowsByHash is over capacity")
        var slot = Int(truncatingIfNeeded: hash) & mask
        while rows[slot] >= 0 { slot = (slot + 1) & mask }
        hashes[slot] = hash
        rows[slot] = Int32(row)
        count += 1
    }
}
