/// What lies between two tokens.
enum Gap: UInt8 {
    /// Nothing: the tokens touch (a word and the comma after it, two Han characters).
    case adjacent
    /// Only separators: spaces, tabs, no-break spaces, hyphens, invisible format
    /// characters. A term may span them; they do not count in its key.
    case soft
    /// The start of the line, a control character or a byte that is not UTF-8.
    /// No term spans it.
    case hard
}

/// One token of a line: a word, one Han or kana character, or one punctuation mark.
struct Token {
    enum Kind: UInt8 {
        /// A run of letters, marks and digits (any script but Han and kana).
        case word
        /// One Han or kana character: scripts written without spaces, where a match
        /// may start and end at any character.
        case han
        /// One punctuation mark or symbol. Its key is itself (NFKC), so a term such as
        /// `St. Petersburg` keeps its period.
        case punct
    }

    struct Flags: OptionSet {
        let rawValue: UInt8
        static let hasUpper = Flags(rawValue: 1)
        static let hasLower = Flags(rawValue: 2)
        /// At least two cased letters, none of them lower case.
        static let allCaps = Flags(rawValue: 4)
        /// Latin mixed with Cyrillic or Greek letters.
        static let mixedScript = Flags(rawValue: 8)
        /// An all-caps word in a headline or a dateline, where all-caps is style, not an
        /// abbreviation (see `markCapsContext`).
        static let capsContext = Flags(rawValue: 16)
        /// The word ends in an Indonesian clitic, and `stem*` describe it without.
        static let hasStem = Flags(rawValue: 32)
        /// The keys are the token's own bytes: the cased key is the bytes, the folded
        /// key their ASCII lower case (plain ASCII words and punctuation, the vast
        /// majority). Otherwise the keys are ranges of `LineTokens.keys`.
        static let keyInSource = Flags(rawValue: 64)
    }

    var kind: Kind
    var gapBefore: Gap
    var flags: Flags
    /// Byte range in the line.
    var start: Int32
    var end: Int32
    /// Ranges in `LineTokens.keys` (unless `keyInSource`).
    var folded: Range<Int32> = 0..<0
    var cased: Range<Int32> = 0..<0
    /// Without the clitic: where the stem ends in the line, and its keys (unless
    /// `keyInSource`, when the stem's keys are its bytes too).
    var stemEnd: Int32 = 0
    var stemFolded: Range<Int32> = 0..<0
    var stemCased: Range<Int32> = 0..<0
}
