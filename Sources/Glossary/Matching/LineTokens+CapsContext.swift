// Rule 6: where all-caps words are style (headlines and datelines), not abbreviations.

extension LineTokens {
    /// All-caps is style, not an abbreviation, in two places:
    /// - a headline: a line with at least three times as many all-caps words as words
    ///   with lower-case letters (SHOIGU BERTEMU LAVROV; a lone SHOIGU on its line);
    /// - a dateline: the all-caps words that open a line before a spaced dash
    ///   (BEIJING – …, FAKTA GRUP – …).
    /// Elsewhere an all-caps word matches only terms written in capitals (rule 6).
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

/// A headline: a line with at least one all-caps word and at least three times as many
/// all-caps words as words with lower-case letters.
@inline(__always)
func isHeadline(allCapsWords: Int, lowerWords: Int) -> Bool {
    allCapsWords >= 1 && allCapsWords >= 3 * lowerWords
}
