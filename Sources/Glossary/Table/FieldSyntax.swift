/// Lowercase ASCII letters and digits in groups joined by single hyphens.
func isSlug<C: Collection>(_ bytes: C) -> Bool where C.Element == UInt8 {
    var previous: UInt8 = 0x2D  // a hyphen before the start: the id may not start with one
    for byte in bytes {
        if byte == 0x2D {
            if previous == 0x2D { return false }
        } else if !((byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)) {
            return false
        }
        previous = byte
    }
    return previous != 0x2D
}

func isSlug(_ text: String) -> Bool { isSlug(Array(text.utf8)) }

/// A BCP 47 tag in the forms a term table needs: a 2–3 letter language (or `und`),
/// then optionally a 4-letter script, a 2-letter or 3-digit region, and variants.
func isLanguageTag<C: Collection>(_ bytes: C) -> Bool where C.Element == UInt8 {
    // Subtags, checked in order without splitting the text.
    var subtag = 0  // which subtag this is
    var stage = 0  // 0 language, 1 script expected, 2 region expected, 3 variants
    var start = bytes.startIndex
    while true {
        let end = bytes[start...].firstIndex(of: 0x2D) ?? bytes.endIndex
        let part = bytes[start..<end]
        let count = part.count
        if subtag == 0 {
            guard (2...3).contains(count), part.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return false }
            stage = 1
        } else {
            if stage == 1 && count == 4 && part.allSatisfy(isASCIILetter) {
                stage = 2
            } else if stage <= 2 && ((count == 2 && part.allSatisfy(isASCIILetter)) || (count == 3 && part.allSatisfy { $0 >= 0x30 && $0 <= 0x39 })) {
                stage = 3
            } else {
                guard (4...8).contains(count), part.allSatisfy(isASCIIAlnum) else { return false }
                stage = 3
            }
        }
        subtag += 1
        if end == bytes.endIndex { return true }
        start = bytes.index(after: end)
    }
}
