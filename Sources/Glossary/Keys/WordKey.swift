/// The two keys of one word.
///
/// - `cased`: the word in Latin letters and digits, case kept: NFKC, look-alike letters
///   of another script replaced, transliterated, diacritics removed, everything but
///   letters and digits dropped. `Шойгу` → `Shoygu`, `Ｐ Ｂ Ｂ` → `PBB`.
/// - `folded`: `cased`, case folded, with the romanization variant rules applied.
///   `Шойгу` → `shoigu`. Two spellings with equal folded keys are the same word.
struct WordKey: Sendable, Equatable {
    var cased: [UInt8]
    var folded: [UInt8]
    /// The word mixed Latin with Cyrillic or Greek letters (a likely look-alike spelling).
    var mixedScript: Bool
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
