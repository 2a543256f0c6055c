// Rule 6: where all-caps words are style (headlines and datelines), not abbreviations.

extension LineTokens {
    /// Marks a dateline: the all-caps words that open a line before a spaced dash
    /// (BEIJING – …, FAKTA GRUP – …), or before a wire service's credit and date and then
    /// the dash (MOSCOW (AP) - …, WASHINGTON, Jan 21 (Reuters) - …), where all-caps is
    /// style, not an abbreviation. Headlines need the line's candidates, and the matcher
    /// marks them (`Matcher.markCapsContext`).
    mutating func markCapsContext(_ line: UnsafeBufferPointer<UInt8>) {
        guard tokens.contains(where: { $0.flags.contains(.allCaps) }) else { return }
        func isDash(_ index: Int) -> Bool {
            let token = tokens[index]
            if index > 0 && token.gapBefore == .soft {
                let gapBytes = line[Int(tokens[index - 1].end)..<Int(token.start)]
                if gapBytes.contains(0x2D) && gapBytes.contains(0x20) { return true }  // " - "
            }
            guard token.kind == .punct else { return false }
            let bytes = line[Int(token.start)..<Int(token.end)]
            return bytes.elementsEqual("\u{2013}".utf8) || bytes.elementsEqual("\u{2014}".utf8)  // – —
        }
        func isPunct(_ index: Int, _ marks: [UInt8]) -> Bool {
            tokens[index].kind == .punct && tokens[index].end - tokens[index].start == 1 && marks.contains(line[Int(tokens[index].start)])
        }
        // Leading all-caps words (and the periods and commas between them).
        var index = 0
        var sawCaps = false
        var dash = false
        while index < tokens.count {
            if isDash(index) { dash = true; break }
            if isPunct(index, [0x2E, 0x2C]) { index += 1; continue }  // . ,
            guard tokens[index].kind == .word, tokens[index].flags.contains(.allCaps) else { break }
            sawCaps = true
            index += 1
        }
        guard sawCaps, index < tokens.count else { return }
        let capsEnd = index
        if !dash && (isPunct(index, [0x28]) || isPunct(index - 1, [0x2C])) {
            // A credit in parentheses, or a date after a comma, then the dash: at most
            // eight tokens of words, numbers and the marks ( ) , . /.
            var k = index
            while k < tokens.count && k < index + 8 {
                if isDash(k) { dash = true; break }
                guard tokens[k].kind == .word || isPunct(k, [0x28, 0x29, 0x2C, 0x2E, 0x2F]) else { break }
                k += 1
            }
        }
        guard dash else { return }
        for i in 0..<capsEnd where tokens[i].flags.contains(.allCaps) {
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
