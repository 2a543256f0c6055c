/// The replacement of each (entry, language slot) a normalizer has written: a range of
/// one byte buffer, found through open addressing on the key `entry << 2 | slot`.
/// Asked once per mention, so it hashes with one multiplication, where `Dictionary`
/// runs SipHash, and its values are plain, so a lookup retains nothing.
struct ReplacementCache {
    /// A replacement: `count` bytes at `start` in `bytes`, or `count` -1 when the
    /// concept has no term in the language; `abbreviation` keeps an abbreviation's case.
    struct Slot {
        var key: Int64 = -1
        var start: Int32 = 0
        var count: Int32 = 0
        var abbreviation = false
    }

    private var slots = [Slot](repeating: Slot(), count: 64)
    private var used = 0
    /// The replacements' bytes, back to back.
    private(set) var bytes: [UInt8] = []

    @inline(__always)
    private func home(_ key: Int64) -> Int {
        Int(truncatingIfNeeded: (UInt64(bitPattern: key) &* 0x9E37_79B9_7F4A_7C15) >> 32) & (slots.count - 1)
    }

    /// The cached replacement for `key` (at least 0), or nil.
    @inline(__always)
    func lookup(_ key: Int64) -> Slot? {
        var i = home(key)
        while true {
            let slot = slots[i]
            if slot.key == key { return slot }
            if slot.key < 0 { return nil }
            i = (i + 1) & (slots.count - 1)
        }
    }

    /// Caches `term` (nil: no term in the language) for `key` and returns its slot.
    mutating func insert(_ key: Int64, term: ArraySlice<UInt8>?, abbreviation: Bool) -> Slot {
        var slot = Slot(key: key, start: Int32(bytes.count), count: -1, abbreviation: abbreviation)
        if let term {
            bytes += term
            slot.count = Int32(bytes.count) - slot.start
        }
        if (used + 1) * 2 > slots.count { grow() }
        var i = home(key)
        while slots[i].key >= 0 { i = (i + 1) & (slots.count - 1) }
        slots[i] = slot
        used += 1
        return slot
    }

    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(), count: old.count * 2)
        for slot in old where slot.key >= 0 {
            var i = home(slot.key)
            while slots[i].key >= 0 { i = (i + 1) & (slots.count - 1) }
            slots[i] = slot
        }
    }
}
