/// The markup of the `tag` format.
///
/// A mention becomes `⟦id|surface⟧` (U+27E6, U+27E7); an ambiguous one lists its
/// candidate ids separated by commas: `⟦communist-party-of-china,pupuk-kalimantan-timur|PKT⟧`.
/// A `⟦` or `⟧` that was already in the text is doubled (`⟦⟦`, `⟧⟧`), so that the markup
/// can be removed exactly: ``untag(_:source:)`` (and `glossary untag`) gives the input
/// back byte for byte, invalid UTF-8 included.
///
/// The grammar, which ``Untagger`` reads strictly:
///
///     tagged  = { text | "⟦⟦" | "⟧⟧" | tag }
///     tag     = "⟦" ids "|" surface "⟧"
///     ids     = id { "," id }          id = [a-z0-9] { [a-z0-9-] }
///     surface = one or more bytes, none of them a line feed, "⟦" or "⟧"
///     text    = any byte but those that begin "⟦" or "⟧"
public enum Tagging {
    static let open: [UInt8] = Array("⟦".utf8)
    static let close: [UInt8] = Array("⟧".utf8)

    /// Removes the markup from tagged text, the inverse of the `tag` format. Throws at the
    /// first place where the text is not well-formed markup, and gives nothing back.
    public static func untag(_ tagged: [UInt8], source: String = "-") throws(InputError) -> [UInt8] {
        var untagger = Untagger(source: source)
        var out: [UInt8] = []
        out.reserveCapacity(tagged.count)
        var failure: InputError?
        tagged.withUnsafeBufferPointer { bytes in
            do throws(InputError) { try untagger.feed(bytes, into: &out) } catch { failure = error }
        }
        if let failure { throw failure }
        try untagger.finish(into: &out)
        return out
    }

    /// Appends text that is not a mention, with every `⟦` and `⟧` doubled.
    static func appendEscaped(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, to out: inout [UInt8]) {
        // ⟦ is E2 9F A6, ⟧ is E2 9F A7: double them.
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let byte = bytes[i]
            out.append(byte)
            if byte == 0xE2, i + 2 < bytes.endIndex, bytes[i + 1] == 0x9F, bytes[i + 2] == 0xA6 || bytes[i + 2] == 0xA7 {
                out.append(0x9F)
                out.append(bytes[i + 2])
                out += [0xE2, 0x9F, bytes[i + 2]]
                i += 3
                continue
            }
            i += 1
        }
    }
}
