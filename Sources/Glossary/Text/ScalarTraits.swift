/// What the tokenizer and the case rules ask of a scalar: its ``CharacterClass`` and
/// whether it is an upper- or lower-case letter. Unicode's property lookups cost a
/// search each, so the answers for the first 2,048 scalars (ASCII, Latin, Greek,
/// Cyrillic and the other alphabets of two-byte UTF-8, the letters of almost every
/// non-ASCII word in the news) are computed once into a table.
struct ScalarTraits {
    private let bits: UInt8

    static let tableSize: UInt32 = 0x800
    static let table: [ScalarTraits] = (0..<tableSize).map { ScalarTraits(computing: Unicode.Scalar($0) ?? "\u{FFFD}") }

    @inline(__always)
    init(_ scalar: Unicode.Scalar) {
        self = scalar.value < Self.tableSize ? Self.table[Int(scalar.value)] : ScalarTraits(computing: scalar)
    }

    private init(computing scalar: Unicode.Scalar) {
        var bits = CharacterClass(computing: scalar).rawValue
        if scalar.properties.isUppercase { bits |= 0x10 } else if scalar.properties.isLowercase { bits |= 0x20 }
        self.bits = bits
    }

    var characterClass: CharacterClass { CharacterClass(rawValue: bits & 0x0F)! }
    var isUppercase: Bool { bits & 0x10 != 0 }
    var isLowercase: Bool { bits & 0x20 != 0 }
}
