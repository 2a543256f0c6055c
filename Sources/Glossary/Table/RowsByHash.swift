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
