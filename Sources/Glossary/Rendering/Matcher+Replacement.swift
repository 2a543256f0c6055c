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

    /// `adjustCase`, appending to `out` instead of making an array (the per-mention path
    /// of `text` output). The surface's case is read byte by byte where it is ASCII and
    /// through Unicode properties elsewhere, as `adjustCase` reads it; a term that is not
    /// plain ASCII (rare in the languages replaced into) goes through `adjustCase`.
    static func appendCaseAdjusted(
        _ term: UnsafeBufferPointer<UInt8>, to surface: UnsafeBufferPointer<UInt8>, abbreviation: Bool, into out: inout [UInt8]
    ) {
        var upper = 0, lower = 0
        // The case of the first letter: 0 none yet, 1 upper, 2 other.
        var firstLetter = 0
        var i = 0
        while i < surface.count {
            let byte = surface[i]
            if byte < 0x80 {
                if byte &- 0x41 < 26 {
                    upper += 1
                    if firstLetter == 0 { firstLetter = 1 }
                } else if byte &- 0x61 < 26 {
                    lower += 1
                    if firstLetter == 0 { firstLetter = 2 }
                }
                i += 1
                continue
            }
            guard let (scalar, length) = decodeScalar(surface, at: i) else {
                i += 1  // what String(decoding:) would make U+FFFD: neither cased nor a letter
                continue
            }
            let traits = ScalarTraits(scalar)
            // Unicode derives Alphabetic from Uppercase, Lowercase and more, so a cased
            // scalar is a letter without asking its properties again.
            if traits.isUppercase {
                upper += 1
                if firstLetter == 0 { firstLetter = 1 }
            } else if traits.isLowercase {
                lower += 1
                if firstLetter == 0 { firstLetter = 2 }
            } else if firstLetter == 0 && scalar.properties.isAlphabetic {
                firstLetter = scalar.properties.isUppercase ? 1 : 2
            }
            i += length
        }
        for byte in term where byte >= 0x80 {
            out += adjustCase(Array(term), to: surface, abbreviation: abbreviation)
            return
        }
        let start = out.count
        out.append(contentsOf: term)
        guard !term.isEmpty else { return }
        if upper >= 2 && lower == 0 && !abbreviation {
            out.withUnsafeMutableBufferPointer { bytes in
                for k in start..<bytes.count where bytes[k] &- 0x61 < 26 { bytes[k] -= 0x20 }
            }
        } else if firstLetter == 1 && term[0] &- 0x61 < 26 {
            out[start] -= 0x20
        }
    }
}
