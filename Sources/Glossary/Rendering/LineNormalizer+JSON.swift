// The `jsonl` format: one JSON object per mention.

extension LineNormalizer {
    /// Appends one mention as a JSON object and a line feed.
    func appendJSON(_ mention: Mention, input: String, lineNumber: Int, offset: Int, to out: inout [UInt8]) {
        var json = JSONWriter()
        json.field("input", input)
        json.field("line", lineNumber)
        json.field("start", offset + mention.range.lowerBound)
        json.field("end", offset + mention.range.upperBound)
        json.field("surface", mention.surface)
        if let sense = mention.sense {
            json.field("id", sense.conceptID)
            json.field("kind", sense.kind?.rawValue)
            json.field("term", sense.term.term)
            json.field("lang", sense.term.language)
            json.field("form", sense.term.form.rawValue)
            json.field("status", sense.term.status?.rawValue ?? "")
            json.field("canonical", matcher.replacement(for: mention, language: paragraphLanguage, keepCase: false))
        } else {
            json.field("id", nil as String?)
            json.field("candidates") { json in
                json.array(mention.senses) { json, sense in
                    json.object { json in
                        json.field("id", sense.conceptID)
                        json.field("kind", sense.kind?.rawValue)
                        json.field("term", sense.term.term)
                        json.field("lang", sense.term.language)
                    }
                }
            }
        }
        json.field("resolution", mention.resolution.rawValue)
        json.field("mixed_script", mention.isMixedScript)
        out += json.finish()
        out.append(0x0A)
    }
}
