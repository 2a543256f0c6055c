// What replaces a mention in `text` output: the preferred term, in the case of the
// surface, unless it would join a neighbouring word.

extension Matcher {
    /// Whether writing `replacement` in place of `line[range]` would join it to a letter
    /// or digit next to it that the mention itself was not joined to: a Han mention
    /// right before a Cyrillic or Latin letter (王毅у → Wang Yiу) would become part of a
    /// new word and read differently. Such a mention is left as it is, so that the
    /// output reads as the input does and normalizing it again changes nothing.
    static func replacementWouldJoin(_ line: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ replacement: [UInt8]) -> Bool {
        func isWord(_ scalar: Unicode.Scalar?) -> Bool { scalar.map { ScalarTraits($0).characterClass == .wordCharacter } ?? false }
        func scalar(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar? {
            guard index >= 0, index < bytes.count else { return nil }
            return decodeScalar(bytes, at: index)?.0
        }
        func start(before index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
            var i = index - 1
            while i > 0 && i > index - 4 && bytes[i] & 0xC0 == 0x80 { i -= 1 }
            return i
        }
        return replacement.withUnsafeBufferPointer { new in
            guard !new.isEmpty, !range.isEmpty else { return false }
            let joinsBefore = isWord(scalar(at: start(before: range.lowerBound, in: line), in: line))
                && isWord(scalar(at: 0, in: new)) && !isWord(scalar(at: range.lowerBound, in: line))
            let joinsAfter = isWord(scalar(at: range.upperBound, in: line))
                && isWord(scalar(at: start(before: new.count, in: new), in: new))
                && !isWord(scalar(at: start(before: range.upperBound, in: line), in: line))
            return joinsBefore || joinsAfter
        }
    }

    /// The text that replaces a mention when normalizing to `language`: its concept's
    /// preferred term of the same form (else the preferred full term). Nil for an
    /// ambiguous mention or a concept without a term in that language.
    ///
    /// With `keepCase`, an all-caps surface (a headline) gets an all-caps replacement,
    /// and a capitalised surface a capitalised one when the term is lowercase.
    public func replacement(for mention: Mention, language: String, keepCase: Bool = true) -> String? {
        guard let sense = mention.sense,
            let row = preferredTerm(conceptID: sense.conceptID, language: language, form: sense.term.form)
        else { return nil }
        guard keepCase else { return row.term }
        let adjusted = Matcher.adjustCase(Array(row.term.utf8), to: Array(mention.surface.utf8),
                                          abbreviation: sense.term.form == .abbr)
        return String(decoding: adjusted, as: UTF8.self)
    }

    /// `term` in the case of `surface`: all caps for an all-caps surface (a headline)
    /// unless the mention is an abbreviation, and capitalised for a capitalised surface
    /// when the term starts in lower case. Plain ASCII is handled byte by byte, which
    /// is the common case per mention; anything else through Unicode properties.
    static func adjustCase<Surface: Collection<UInt8>>(_ term: [UInt8], to surface: Surface, abbreviation: Bool) -> [UInt8] {
        if surface.allSatisfy({ $0 < 0x80 }) && term.allSatisfy({ $0 < 0x80 }) {
            var upper = 0, lower = 0
            for byte in surface {
                if byte &- 0x41 < 26 { upper += 1 } else if byte &- 0x61 < 26 { lower += 1 }
            }
            if upper >= 2 && lower == 0 && !abbreviation {
                return term.map { $0 &- 0x61 < 26 ? $0 - 0x20 : $0 }
            }
            if let first = surface.first(where: isASCIILetter), first &- 0x41 < 26, let head = term.first, head &- 0x61 < 26 {
                return [head - 0x20] + term.dropFirst()
            }
            return term
        }
        let surface = String(decoding: surface, as: UTF8.self), text = String(decoding: term, as: UTF8.self)
        var upper = 0, lower = 0
        for scalar in surface.unicodeScalars {
            let traits = ScalarTraits(scalar)
            if traits.isUppercase { upper += 1 } else if traits.isLowercase { lower += 1 }
        }
        if upper >= 2 && lower == 0 && !abbreviation {
            return Array(text.uppercased().utf8)
        }
        if let first = surface.unicodeScalars.first(where: { $0.properties.isAlphabetic }),
            first.properties.isUppercase,
            let head = text.first, head.isLowercase
        {
            return Array((head.uppercased() + text.dropFirst()).utf8)
        }
        return term
    }
}
