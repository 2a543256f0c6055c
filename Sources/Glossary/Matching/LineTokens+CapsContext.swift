// Rule 6: where all-caps words are style (headlines and datelines), not abbreviations.

extension LineTokens {
    /// Marks a dateline: the all-caps words that open a line before a spaced dash
    /// (BEIJING – …, FAKTA GRUP – …), where all-caps is style, not an abbreviation.
    /// Headlines need the line's candidates, and the matcher marks them
    /// (`Matcher.markCapsContext`).
    mutating func markCapsContext(_ line: UnsafeBufferPointer<UInt8>) {
        guard tokens.contains(where: { $0.flags.contains(.allCaps) }) else { return }
        // Leading all-caps words (and the punctuation between them) up to a dash.
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

/// A headline (rule 6): a line with at least one all-caps word, in which the words that
/// no candidate covers (a run of tokens whose key is some row's key) hold at least three
/// times as many all-caps words as words with lower-case letters: SHOIGU BERTEMU LAVROV,
/// a lone SHOIGU on its line. Words that candidates cover do not count, because they
/// are what the output may change: so writing the output again gives the same headlines,
/// and normalizing twice changes nothing.
@inline(__always)
func isHeadline(allCapsWords: Int, freeAllCapsWords: Int, freeLowerWords: Int) -> Bool {
    allCapsWords >= 1 && freeAllCapsWords >= 3 * freeLowerWords
}
