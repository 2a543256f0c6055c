// Whole texts in one call: normalized, tagged, or rendered in any format.

extension Matcher {
    /// The text with every mention replaced by its concept's preferred term in
    /// `language` (a BCP 47 tag of the table, such as `en` or `id`). Ambiguous mentions
    /// and everything that is not a mention are left as they are.
    public func normalize(_ text: String, to language: String) -> String {
        String(decoding: render(text, format: .text, language: language), as: UTF8.self)
    }

    /// The text with every mention marked `⟦id|surface⟧` (see ``Tagging``).
    public func tag(_ text: String) -> String {
        String(decoding: render(text, format: .tag, language: "und"), as: UTF8.self)
    }

    /// Renders UTF-8 text line by line in a format. Bytes that are not mentions pass
    /// through unchanged, invalid UTF-8 included.
    public func render(_ bytes: [UInt8], format: OutputFormat, language: String, input: String = "-") -> [UInt8] {
        var normalizer = LineNormalizer(matcher: self, format: format, language: language)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        bytes.withUnsafeBufferPointer { buffer in
            var number = 0
            forEachLine(buffer) { line, start in
                number += 1
                normalizer.process(line, input: input, lineNumber: number, into: &out)
                let end = start + line.count
                if format != .jsonl && end < buffer.count { out.append(0x0A) }
            }
        }
        return out
    }

    /// Renders a string; see ``render(_:format:language:input:)-([UInt8],_,_,_)``.
    public func render(_ text: String, format: OutputFormat, language: String, input: String = "-") -> [UInt8] {
        render(Array(text.utf8), format: format, language: language, input: input)
    }
}
