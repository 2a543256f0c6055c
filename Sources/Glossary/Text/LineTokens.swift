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
        let entry = memo.lookup(bytes, kind: han ? .word : .punct, keyMaker: keyMaker)
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
        entry = memo.lookup(word, kind: ascii ? .asciiVariant : .word, keyMaker: keyMaker)
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
}

extension LineTokens {
    /// A token's cased key in place: its bytes, or its range of `keys`.
    @inline(__always)
    static func cased(_ token: Token, stem: Bool, _ line: UnsafeBufferPointer<UInt8>, _ keys: [UInt8]) -> ArraySlice<UInt8> {
        if token.flags.contains(.keyInSource) {
            return ArraySlice(line[Int(token.start)..<Int(stem ? token.stemEnd : token.end)])
        }
        let range = stem ? token.stemCased : token.cased
        return keys[Int(range.lowerBound)..<Int(range.upperBound)]
    }

    /// A token's folded key (allocates for in-place keys: used only off the hot path,
    /// for all-caps words outside headlines and when compiling terms).
    static func folded(_ token: Token, stem: Bool, _ line: UnsafeBufferPointer<UInt8>, _ keys: [UInt8]) -> ArraySlice<UInt8> {
        if token.flags.contains(.keyInSource) {
            return ArraySlice(line[Int(token.start)..<Int(stem ? token.stemEnd : token.end)].map(asciiLower))
        }
        let range = stem ? token.stemFolded : token.folded
        return keys[Int(range.lowerBound)..<Int(range.upperBound)]
    }
}
