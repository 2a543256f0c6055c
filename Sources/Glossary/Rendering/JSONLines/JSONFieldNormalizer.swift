/// Documents in JSON lines: one JSON value per line, of which one string field is
/// normalized and every other byte is left as it was.
///
/// The line is checked as JSON (RFC 8259: UTF-8, strings without raw control
/// characters, valid escapes and numbers, nesting at most 512 deep) and the field is
/// found on the way. Its string is decoded, processed one paragraph (`\n`-separated
/// piece) at a time, and, only if that changes it, encoded again (`"`, `\` and control
/// characters escaped, everything else as UTF-8) and put back in place of the old value.
/// A field that a key appears twice for is the last one, as most JSON readers take it.
/// Each line is one document: its paragraphs' evidence flows forward to the later ones
/// (rule 9), and nothing carries over to the next line.
public struct JSONFieldNormalizer: Sendable {
    /// Where the field is: object keys, and array indexes, from the top.
    public let path: [String]
    private var normalizer: LineNormalizer
    /// Lines that were processed.
    public private(set) var documents = 0
    /// Of those, lines whose field was missing or null (passed as they were).
    public private(set) var withoutField = 0

    /// A path as the command line gives it: `text`, `body.text`, or a JSON Pointer
    /// (`/body/text`, `/items/0/text`, with `~1` for `/` and `~0` for `~`).
    public static func parsePath(_ text: String) -> [String]? {
        if text.hasPrefix("/") {
            return text.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map { segment in
                // ~1 is /, ~0 is ~ (in that order, as RFC 6901 says).
                var result = ""
                var rest = Substring(segment)
                while let tilde = rest.firstIndex(of: "~") {
                    result += rest[..<tilde]
                    let next = rest.index(after: tilde)
                    if next < rest.endIndex && rest[next] == "1" { result += "/" } else if next < rest.endIndex && rest[next] == "0" { result += "~" } else { result += "~"; rest = rest[next...]; continue }
                    rest = rest[rest.index(after: next)...]
                }
                return result + rest
            }
        }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        return parts.isEmpty || parts.contains("") ? nil : parts
    }

    /// A normalizer of the string at `path` (see ``parsePath(_:)``) of each line, writing
    /// `format` with the preferred terms of `language`.
    public init(matcher: Matcher, format: OutputFormat, language: String, path: [String]) {
        self.path = path
        self.normalizer = LineNormalizer(matcher: matcher, format: format, language: language)
    }

    /// The counts of the text normalized so far.
    public var counts: LineNormalizer.Counts { normalizer.counts }

    /// Processes one line (without its line end) and appends the new line to `out`
    /// (without a line end). On an error nothing is appended.
    ///
    /// For `text` and `tag` the field's string is replaced by its normalized or tagged
    /// text. For `jsonl` the string stays and a sibling field named after it with
    /// `_mentions` (`text_mentions`) is added right after it, holding the mentions as
    /// `normalize --format jsonl` lists them, with byte offsets into the decoded string.
    public mutating func process(
        _ line: UnsafeBufferPointer<UInt8>, input: String = "-", lineNumber: Int = 1, into out: inout [UInt8]
    ) throws(InputError) {
        var scanner = JSONScanner(line, path: path, line: SourceLocation(file: input, line: lineNumber))
        try scanner.scanDocument()
        documents += 1
        guard let target = scanner.target, !target.isNull else {
            withoutField += 1
            out += line
            return
        }
        guard target.isString else {
            throw InputError(at: scanner.location(of: target.range.lowerBound),
                                message: "the field \(path.joined(separator: ".")) is \(target.kind), not a string")
        }
        let text = scanner.decodedString(at: target.range)
        normalizer.endDocument()  // each line is a document of its own
        var result: [UInt8] = []
        var mentions: [UInt8] = []
        text.withUnsafeBufferPointer { all in
            var start = 0
            while start <= all.count {
                let end = all[start...].firstIndex(of: 0x0A) ?? all.count
                let piece = UnsafeBufferPointer(rebasing: all[start..<end])
                if normalizer.format == .jsonl {
                    normalizer.process(piece, input: input, lineNumber: lineNumber, offset: start, into: &mentions)
                } else {
                    normalizer.process(piece, input: input, lineNumber: lineNumber, into: &result)
                    if end < all.count { result.append(0x0A) }
                }
                start = end + 1
            }
        }
        if normalizer.format == .jsonl {
            guard let key = path.last, !scanner.targetIsInArray else {
                throw InputError(at: scanner.location(of: 0), message: "--format jsonl needs the field to be an object's member")
            }
            out += line[..<target.range.upperBound]
            out += Array(",".utf8)
            JSONWriter.appendString(key + "_mentions", to: &out)
            out += Array(":[".utf8)
            // The normalizer writes one JSON object per line: join them with commas.
            var first = true
            for object in mentions.split(separator: 0x0A) {
                if !first { out.append(UInt8(ascii: ",")) }
                first = false
                out += object
            }
            out.append(UInt8(ascii: "]"))
            out += line[target.range.upperBound...]
        } else if result == text {
            out += line  // unchanged: keep the value's own escapes
        } else {
            out += line[..<target.range.lowerBound]
            JSONWriter.appendString(result, to: &out)
            out += line[target.range.upperBound...]
        }
    }
}
