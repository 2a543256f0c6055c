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

/// The Indonesian clitics that may follow a name: *Rusianya*, *PKT-nya*, *Shoigu-lah*.
let clitics: [[UInt8]] = [Array("nya".utf8), Array("lah".utf8), Array("pun".utf8), Array("kah".utf8)]

/// Splits one line into tokens and computes their keys. Reused from line to line so
/// that its buffers are allocated once; plain ASCII words, nearly all of the text, are
/// keyed in place without copying.
struct LineTokens {
    var tokens: [Token] = []
    /// The keys of tokens that are not `keyInSource`, back to back.
    var keys: [UInt8] = []
    var memo = WordMemo()

    mutating func tokenize(_ line: UnsafeBufferPointer<UInt8>, keyMaker: KeyMaker) {
        tokens.removeAll(keepingCapacity: true)
        keys.removeAll(keepingCapacity: true)
        let count = line.count
        var gap = Gap.hard
        var i = 0
        while i < count {
            let byte = line[i]
            if byte < 0x80 {
                if isASCIIAlnum(byte) {
                    i = word(line, from: i, gap: gap, keyMaker: keyMaker)
                    gap = .adjacent
                } else if byte == 0x20 || byte == 0x09 || byte == 0x2D {
                    if gap != .hard { gap = .soft }
                    i += 1
                } else if byte < 0x20 || byte == 0x7F {
                    gap = .hard
                    i += 1
                } else {
                    tokens.append(Token(kind: .punct, gapBefore: gap, flags: .keyInSource, start: Int32(i), end: Int32(i + 1)))
                    gap = .adjacent
                    i += 1
                }
                continue
            }
            guard let (scalar, length) = decodeScalar(line, at: i) else {
                gap = .hard
                i += 1
                continue
            }
            switch CharacterClass(scalar) {
            case .han:
                let entry = memo.lookup(UnsafeBufferPointer(rebasing: line[i..<(i + length)]), kind: .word) {
                    keyMaker.key(ofWord: $0)
                }
                var token = Token(kind: .han, gapBefore: gap, flags: [], start: Int32(i), end: Int32(i + length))
                token.cased = append(entry.cased)
                token.folded = append(entry.folded)
                tokens.append(token)
                gap = .adjacent
                i += length
            case .wordCharacter:
                i = word(line, from: i, gap: gap, keyMaker: keyMaker)
                gap = .adjacent
            case .separator:
                if gap != .hard { gap = .soft }
                i += length
            case .control:
                gap = .hard
                i += length
            case .punctuation:
                let entry = memo.lookup(UnsafeBufferPointer(rebasing: line[i..<(i + length)]), kind: .punct) { bytes in
                    let key = punctuationKey(bytes)
                    return WordKey(cased: key, folded: key, mixedScript: false)
                }
                var token = Token(kind: .punct, gapBefore: gap, flags: [], start: Int32(i), end: Int32(i + length))
                token.cased = append(entry.cased)
                token.folded = append(entry.folded)
                tokens.append(token)
                gap = .adjacent
                i += length
            }
        }
        markCapsContext(line)
    }

    /// Reads a word from `start`; returns where it ends.
    private mutating func word(
        _ line: UnsafeBufferPointer<UInt8>, from start: Int, gap: Gap, keyMaker: KeyMaker
    ) -> Int {
        var i = start
        var ascii = true
        var sensitive = false
        var upper = 0, lower = 0
        while i < line.count {
            let byte = line[i]
            if byte < 0x80 {
                guard isASCIIAlnum(byte) else { break }
                if byte &- 0x41 < 26 { upper += 1 } else if byte &- 0x61 < 26 { lower += 1 }
                if keyMaker.variantSensitive(byte) { sensitive = true }
                i += 1
                continue
            }
            guard let (scalar, length) = decodeScalar(line, at: i), CharacterClass(scalar) == .wordCharacter else { break }
            ascii = false
            if scalar.properties.isUppercase { upper += 1 } else if scalar.properties.isLowercase { lower += 1 }
            i += length
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
        // A clitic after at least two characters of stem: keep the stem's keys too.
        if i - start >= 5 {
            let tail = i - 3
            let a = line[tail] | 0x20, b = line[tail + 1] | 0x20, c = line[tail + 2] | 0x20
            for clitic in clitics where a == clitic[0] && b == clitic[1] && c == clitic[2] {
                token.flags.insert(.hasStem)
                token.stemEnd = Int32(tail)
                if !plain {
                    let stem = key(UnsafeBufferPointer(rebasing: line[start..<tail]), ascii: ascii, keyMaker: keyMaker)
                    token.stemCased = append(stem.cased)
                    token.stemFolded = append(stem.folded)
                }
                break
            }
        }
        tokens.append(token)
        return i
    }

    /// The keys of a word that is not plain ASCII, from the memo.
    private mutating func key(_ word: UnsafeBufferPointer<UInt8>, ascii: Bool, keyMaker: KeyMaker) -> (cased: ArraySlice<UInt8>, folded: ArraySlice<UInt8>, mixedScript: Bool) {
        let entry: WordMemo.Entry
        if ascii {
            entry = memo.lookup(word, kind: .asciiVariant) { bytes in
                let lower = bytes.map(asciiLower)
                let folded = lower.withUnsafeBufferPointer { keyMaker.variantKey(ofLowerASCII: $0) }
                return WordKey(cased: Array(bytes), folded: folded, mixedScript: false)
            }
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

    /// A token's folded key, or its stem's (allocates: for compiling and rare checks).
    func foldedKey(_ token: Token, stem: Bool = false, in line: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        if token.flags.contains(.keyInSource) {
            return line[Int(token.start)..<Int(stem ? token.stemEnd : token.end)].map(asciiLower)
        }
        let range = stem ? token.stemFolded : token.folded
        return Array(keys[Int(range.lowerBound)..<Int(range.upperBound)])
    }

    /// A token's cased key, or its stem's.
    func casedKey(_ token: Token, stem: Bool = false, in line: UnsafeBufferPointer<UInt8>) -> ArraySlice<UInt8> {
        if token.flags.contains(.keyInSource) {
            return ArraySlice(line[Int(token.start)..<Int(stem ? token.stemEnd : token.end)])
        }
        let range = stem ? token.stemCased : token.cased
        return keys[Int(range.lowerBound)..<Int(range.upperBound)]
    }

    /// All-caps is style, not an abbreviation, in two places:
    /// - a headline: a line with at least three times as many all-caps words as words
    ///   with lower-case letters (SHOIGU BERTEMU LAVROV; a lone SHOIGU on its line);
    /// - a dateline: the all-caps words that open a line before a spaced dash
    ///   (BEIJING – …, FAKTA GRUP – …).
    /// Elsewhere an all-caps word matches only terms written in capitals (rule 4).
    private mutating func markCapsContext(_ line: UnsafeBufferPointer<UInt8>) {
        var allCaps = 0, withLower = 0
        for token in tokens where token.kind == .word {
            if token.flags.contains(.allCaps) { allCaps += 1 }
            if token.flags.contains(.hasLower) { withLower += 1 }
        }
        if allCaps == 0 { return }
        if allCaps >= 3 * withLower {
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

/// How the tokenizer treats a non-ASCII scalar.
enum CharacterClass {
    case wordCharacter, han, separator, control, punctuation

    init(_ scalar: Unicode.Scalar) {
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
