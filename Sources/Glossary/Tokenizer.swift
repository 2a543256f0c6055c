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

/// Splits one line into tokens and computes their keys. Reused from line to line so
/// that its buffers are allocated once; plain ASCII words, nearly all of the text, are
/// keyed in place without copying.
struct LineTokens {
    var tokens: [Token] = []
    /// The keys of tokens that are not `keyInSource`, back to back.
    var keys: [UInt8] = []
    var memo = WordMemo()

    /// Tokenizes a whole line: `tokens` and `keys` describe it afterwards.
    mutating func tokenize(_ line: UnsafeBufferPointer<UInt8>, keyMaker: KeyMaker) {
        tokens.removeAll(keepingCapacity: true)
        keys.removeAll(keepingCapacity: true)
        var position = 0
        var gap = Gap.hard
        while let token = nextToken(line, at: &position, gap: &gap, keyMaker: keyMaker) {
            tokens.append(token)
        }
        markCapsContext(line)
    }

    /// Reads the token at or after `position` and moves past it; nil at the end of the
    /// line. `gap` carries what was crossed since the previous token. The token's keys,
    /// unless `keyInSource`, are appended to `keys`; the token is not appended to
    /// `tokens` (the caller decides).
    @inline(__always)
    mutating func nextToken(
        _ line: UnsafeBufferPointer<UInt8>, at position: inout Int, gap: inout Gap, keyMaker: KeyMaker
    ) -> Token? {
        let count = line.count
        while position < count {
            let i = position
            let byte = line[i]
            if byte < 0x80 {
                if isASCIIAlnum(byte) {
                    let token = word(line, from: i, gap: gap, keyMaker: keyMaker)
                    position = Int(token.end)
                    gap = .adjacent
                    return token
                } else if byte == 0x20 || byte == 0x09 || byte == 0x2D {
                    if gap != .hard { gap = .soft }
                    position += 1
                } else if byte < 0x20 || byte == 0x7F {
                    gap = .hard
                    position += 1
                } else {
                    let token = Token(kind: .punct, gapBefore: gap, flags: .keyInSource, start: Int32(i), end: Int32(i + 1))
                    gap = .adjacent
                    position += 1
                    return token
                }
                continue
            }
            guard let (scalar, length) = decodeScalar(line, at: i) else {
                gap = .hard
                position += 1
                continue
            }
            let characterClass = CharacterClass(scalar)
            switch characterClass {
            case .han, .punctuation:
                let token = character(line, i..<(i + length), han: characterClass == .han, gap: gap, keyMaker: keyMaker)
                gap = .adjacent
                position += length
                return token
            case .wordCharacter:
                let token = word(line, from: i, gap: gap, keyMaker: keyMaker)
                position = Int(token.end)
                gap = .adjacent
                return token
            case .separator:
                if gap != .hard { gap = .soft }
                position += length
            case .control:
                gap = .hard
                position += length
            }
        }
        return nil
    }

    /// A one-character token that is not ASCII: a Han or kana character (keyed like a
    /// word), or a punctuation mark (keyed by `punctuationKey`).
    private mutating func character(
        _ line: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, han: Bool, gap: Gap, keyMaker: KeyMaker
    ) -> Token {
        let bytes = UnsafeBufferPointer(rebasing: line[range])
        let entry = han
            ? memo.lookup(bytes, kind: .word) { keyMaker.key(ofWord: $0) }
            : memo.lookup(bytes, kind: .punct) { bytes in
                let key = punctuationKey(bytes)
                return WordKey(cased: key, folded: key, mixedScript: false)
            }
        var token = Token(kind: han ? .han : .punct, gapBefore: gap, flags: [], start: Int32(range.lowerBound),
                          end: Int32(range.upperBound))
        token.cased = append(entry.cased)
        token.folded = append(entry.folded)
        return token
    }

    /// Reads the word that starts at `start`.
    @inline(__always)
    private mutating func word(
        _ line: UnsafeBufferPointer<UInt8>, from start: Int, gap: Gap, keyMaker: KeyMaker
    ) -> Token {
        // The common case, a plain ASCII word, in a tight loop.
        var i = start
        var upper = 0, lower = 0
        var sensitive = false
        let count = line.count
        while i < count {
            let byte = line[i]
            if (byte | 0x20) &- 0x61 < 26 {
                if byte < 0x60 { upper += 1 } else { lower += 1 }
                sensitive = sensitive || keyMaker.variantSensitive(byte)
            } else if byte &- 0x30 >= 10 {
                break
            } else {
                sensitive = sensitive || keyMaker.variantSensitive(byte)
            }
            i += 1
        }
        var ascii = true
        if i < count && line[i] >= 0x80 {
            ascii = false
            i = restOfWord(line, from: i, upper: &upper, lower: &lower)
        }
        var token = Token(kind: .word, gapBefore: gap, flags: [], start: Int32(start), end: Int32(i))
        if upper > 0 { token.flags.insert(.hasUpper) }
        if lower > 0 { token.flags.insert(.hasLower) }
        if upper >= 2 && lower == 0 { token.flags.insert(.allCaps) }
        let plain = ascii && !sensitive
        if plain {
            token.flags.insert(.keyInSource)
        } else {
            let entry = key(UnsafeBufferPointer(rebasing: line[start..<i]), ascii: ascii, keyMaker: keyMaker)
            token.cased = append(entry.cased)
            token.folded = append(entry.folded)
            if entry.mixedScript { token.flags.insert(.mixedScript) }
        }
        // A clitic (-nya, -lah, -pun, -kah) after at least two characters of stem: keep
        // the stem's keys too.
        if i - start >= 5 {
            let tail = i - 3
            if hasClitic(line, i) {
                token.flags.insert(.hasStem)
                token.stemEnd = Int32(tail)
                if !plain {
                    let stem = key(UnsafeBufferPointer(rebasing: line[start..<tail]), ascii: ascii, keyMaker: keyMaker)
                    token.stemCased = append(stem.cased)
                    token.stemFolded = append(stem.folded)
                }
            }
        }
        return token
    }

    /// The rest of a word from its first non-ASCII byte: letters, marks and digits of
    /// any script but Han and kana. Counts cased letters; returns where the word ends.
    @inline(never)
    private func restOfWord(_ line: UnsafeBufferPointer<UInt8>, from start: Int, upper: inout Int, lower: inout Int) -> Int {
        var i = start
        while i < line.count {
            let byte = line[i]
            if byte < 0x80 {
                guard isASCIIAlnum(byte) else { break }
                if byte &- 0x41 < 26 { upper += 1 } else if byte &- 0x61 < 26 { lower += 1 }
                i += 1
                continue
            }
            guard let (scalar, length) = decodeScalar(line, at: i), ScalarTraits(scalar).characterClass == .wordCharacter else { break }
            let traits = ScalarTraits(scalar)
            if traits.isUppercase { upper += 1 } else if traits.isLowercase { lower += 1 }
            i += length
        }
        return i
    }

    /// The keys of a word that is not plain ASCII, from the memo.
    private mutating func key(_ word: UnsafeBufferPointer<UInt8>, ascii: Bool, keyMaker: KeyMaker) -> (cased: ArraySlice<UInt8>, folded: ArraySlice<UInt8>, mixedScript: Bool) {
        let entry: WordMemo.Entry
        if ascii {
            entry = memo.lookup(word, kind: .asciiVariant) { asciiVariantKey($0, keyMaker: keyMaker) }
        } else {
            entry = memo.lookup(word, kind: .word) { keyMaker.key(ofWord: $0) }
        }
        return (memo.bytes[Int(entry.cased.lowerBound)..<Int(entry.cased.upperBound)],
                memo.bytes[Int(entry.folded.lowerBound)..<Int(entry.folded.upperBound)], entry.mixedScript)
    }

    private mutating func append(_ bytes: ArraySlice<UInt8>) -> Range<Int32> {
        let start = Int32(keys.count)
        keys.append(contentsOf: bytes)
        return start..<Int32(keys.count)
    }

    private mutating func append(_ range: Range<Int32>) -> Range<Int32> {
        append(memo.bytes[Int(range.lowerBound)..<Int(range.upperBound)])
    }

    /// All-caps is style, not an abbreviation, in two places:
    /// - a headline: a line with at least three times as many all-caps words as words
    ///   with lower-case letters (SHOIGU BERTEMU LAVROV; a lone SHOIGU on its line);
    /// - a dateline: the all-caps words that open a line before a spaced dash
    ///   (BEIJING – …, FAKTA GRUP – …).
    /// Elsewhere an all-caps word matches only terms written in capitals (rule 4).
    mutating func markCapsContext(_ line: UnsafeBufferPointer<UInt8>) {
        var allCaps = 0, withLower = 0
        for token in tokens where token.kind == .word {
            if token.flags.contains(.allCaps) { allCaps += 1 }
            if token.flags.contains(.hasLower) { withLower += 1 }
        }
        if allCaps == 0 { return }
        if isHeadline(allCapsWords: allCaps, lowerWords: withLower) {
            for index in tokens.indices where tokens[index].flags.contains(.allCaps) {
                tokens[index].flags.insert(.capsContext)
            }
            return
        }
        // Dateline: leading all-caps words (and the punctuation between them) up to a dash.
        var index = 0
        var sawCaps = false
        while index < tokens.count {
            let token = tokens[index]
            if index > 0 && token.gapBefore == .soft {
                let gapBytes = line[Int(tokens[index - 1].end)..<Int(token.start)]
                if gapBytes.contains(0x2D) && gapBytes.contains(0x20) { break }  // " - "
            }
            if token.kind == .punct {
                let bytes = line[Int(token.start)..<Int(token.end)]
                if bytes.elementsEqual("\u{2013}".utf8) || bytes.elementsEqual("\u{2014}".utf8) { break }  // – —
                if bytes.elementsEqual([0x2E]) || bytes.elementsEqual([0x2C]) { index += 1; continue }  // . ,
                return
            }
            guard token.kind == .word, token.flags.contains(.allCaps) else { return }
            sawCaps = true
            index += 1
        }
        guard sawCaps, index < tokens.count else { return }
        for i in 0..<index where tokens[i].flags.contains(.allCaps) {
            tokens[i].flags.insert(.capsContext)
        }
    }
}

/// The key of a punctuation mark that is not ASCII: its NFKC form (fullwidth marks
/// become ASCII), with typographic apostrophes as `'`.
func punctuationKey(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
    if bytes.elementsEqual("\u{2019}".utf8) || bytes.elementsEqual("\u{2018}".utf8) { return [0x27] }
    return (try? Normalization.normalize(bytes, to: .nfkc)) ?? Array(bytes)
}

/// The keys of an ASCII word that the variant rules may change.
func asciiVariantKey(_ bytes: UnsafeBufferPointer<UInt8>, keyMaker: KeyMaker) -> WordKey {
    let lower = bytes.map(asciiLower)
    let folded = lower.withUnsafeBufferPointer { keyMaker.variantKey(ofLowerASCII: $0) }
    return WordKey(cased: Array(bytes), folded: folded, mixedScript: false)
}

/// A headline: a line with at least one all-caps word and at least three times as many
/// all-caps words as words with lower-case letters.
@inline(__always)
func isHeadline(allCapsWords: Int, lowerWords: Int) -> Bool {
    allCapsWords >= 1 && allCapsWords >= 3 * lowerWords
}

/// Whether the word ending at `end` (at least four bytes long) ends in -nya, -lah, -pun
/// or -kah, in any case.
@inline(__always)
func hasClitic(_ line: UnsafeBufferPointer<UInt8>, _ end: Int) -> Bool {
    let a = line[end - 3] | 0x20, b = line[end - 2] | 0x20, c = line[end - 1] | 0x20
    return (a == 0x6E && b == 0x79 && c == 0x61)  // nya
        || (b == 0x61 && c == 0x68 && (a == 0x6C || a == 0x6B))  // lah, kah
        || (a == 0x70 && b == 0x75 && c == 0x6E)  // pun
}

/// Per-byte classes for the tokenizer's fast loop, with the variant rules' sensitive
/// bytes folded in. Owned by a ``Matcher``; immutable once built.
final class ByteClasses: @unchecked Sendable {
    // @unchecked: written in init only.
    static let alnum: UInt8 = 1 << 7
    static let upper: UInt8 = 1 << 0
    static let lower: UInt8 = 1 << 2
    static let sensitive: UInt8 = 1 << 3
    static let separator: UInt8 = 1 << 4
    static let punct: UInt8 = 1 << 5

    let pointer: UnsafeMutablePointer<UInt8>

    init(keyMaker: KeyMaker) {
        pointer = .allocate(capacity: 256)
        for value in 0..<256 {
            let byte = UInt8(value)
            var cls: UInt8 = 0
            if isASCIIAlnum(byte) { cls |= ByteClasses.alnum }
            if byte &- 0x41 < 26 { cls |= ByteClasses.upper }
            if byte &- 0x61 < 26 { cls |= ByteClasses.lower }
            if keyMaker.variantSensitive(byte) { cls |= ByteClasses.sensitive }
            if byte == 0x20 || byte == 0x09 || byte == 0x2D { cls |= ByteClasses.separator }
            if byte > 0x20 && byte < 0x7F && !isASCIIAlnum(byte) && byte != 0x2D { cls |= ByteClasses.punct }
            pointer[value] = cls
        }
    }

    deinit { pointer.deallocate() }
}

/// How the tokenizer treats a non-ASCII scalar.
enum CharacterClass: UInt8 {
    case wordCharacter, han, separator, control, punctuation

    init(_ scalar: Unicode.Scalar) {
        if scalar.value < ScalarTraits.tableSize {
            self = ScalarTraits.table[Int(scalar.value)].characterClass
        } else {
            self.init(computing: scalar)
        }
    }

    fileprivate init(computing scalar: Unicode.Scalar) {
        let value = scalar.value
        if (0x3400...0x4DBF).contains(value) || (0x4E00...0x9FFF).contains(value) || (0xF900...0xFAFF).contains(value)
            || (0x20000...0x3134F).contains(value) || (0x3040...0x30FF).contains(value)
        {
            self = .han
            return
        }
        if value == 0x2010 || value == 0x2011 || value == 0x00AD || value == 0x2E3A {
            self = .separator  // hyphens, soft hyphen
            return
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber:
            self = .wordCharacter
        case .spaceSeparator, .format:
            self = .separator
        case .control, .lineSeparator, .paragraphSeparator, .surrogate, .privateUse, .unassigned:
            self = .control
        default:
            self = .punctuation
        }
    }
}

@inline(__always)
func isASCIIAlnum(_ byte: UInt8) -> Bool {
    isASCIILetter(byte) || (byte >= 0x30 && byte <= 0x39)
}

/// Decodes one well-formed UTF-8 scalar at `i` (no overlongs, no surrogates, at most
/// U+10FFFF); nil for anything else, which the caller passes through untouched.
@inline(__always)
func decodeScalar(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (Unicode.Scalar, Int)? {
    let b0 = bytes[i]
    let count = bytes.count
    func continuation(_ j: Int) -> UInt32? {
        guard j < count, bytes[j] & 0xC0 == 0x80 else { return nil }
        return UInt32(bytes[j] & 0x3F)
    }
    if b0 < 0x80 { return (Unicode.Scalar(b0), 1) }
    if b0 >= 0xC2 && b0 <= 0xDF {
        guard let c1 = continuation(i + 1) else { return nil }
        return Unicode.Scalar((UInt32(b0 & 0x1F) << 6) | c1).map { ($0, 2) }
    }
    if b0 >= 0xE0 && b0 <= 0xEF {
        guard let c1 = continuation(i + 1), let c2 = continuation(i + 2) else { return nil }
        let value = (UInt32(b0 & 0x0F) << 12) | (c1 << 6) | c2
        guard value >= 0x800, !(0xD800...0xDFFF).contains(value) else { return nil }
        return Unicode.Scalar(value).map { ($0, 3) }
    }
    if b0 >= 0xF0 && b0 <= 0xF4 {
        guard let c1 = continuation(i + 1), let c2 = continuation(i + 2), let c3 = continuation(i + 3) else { return nil }
        let value = (UInt32(b0 & 0x07) << 18) | (c1 << 12) | (c2 << 6) | c3
        guard value >= 0x10000, value <= 0x10FFFF else { return nil }
        return Unicode.Scalar(value).map { ($0, 4) }
    }
    return nil
}

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
