// The match keys of any text, as the table's terms are keyed (rule 2).

extension Matcher {
    /// The match key of a term or any other text, as the table's keys are made: every
    /// token's folded key, back to back.
    public func matchKey(of text: String) -> [UInt8] {
        var scratch = LineTokens()
        var key: [UInt8] = []
        var text = text
        text.withUTF8 { line in
            scratch.tokenize(line, keyMaker: keyMaker)
            for token in scratch.tokens { key += LineTokens.folded(token, stem: false, line, scratch.keys) }
        }
        return key
    }

    /// The folded keys of the words of a text (punctuation left out), each transliterated
    /// and folded as in the table.
    func wordKeys(of text: String) -> [[UInt8]] {
        var scratch = LineTokens()
        var words: [[UInt8]] = []
        var text = text
        text.withUTF8 { line in
            scratch.tokenize(line, keyMaker: keyMaker)
            for token in scratch.tokens where token.kind != .punct {
                words.append(Array(LineTokens.folded(token, stem: false, line, scratch.keys)))
            }
        }
        return words
    }
}
