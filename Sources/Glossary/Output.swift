/// What `normalize` writes.
public enum OutputFormat: String, Sendable, CaseIterable {
    /// The text with each mention replaced by its concept's preferred term.
    case text
    /// The text unchanged, each mention marked `⟦id|surface⟧` (see ``Tagging``).
    case tag
    /// One JSON object per mention.
    case jsonl
}

/// The markup of the `tag` format, and how to remove it.
///
/// A mention becomes `⟦id|surface⟧` (U+27E6, U+27E7); an ambiguous one lists its
/// candidate ids separated by commas: `⟦communist-party-of-china,pupuk-kalimantan-timur|PKT⟧`.
/// A `⟦` or `⟧` that was already in the text is doubled. Removing the markup gives the
/// input back byte for byte; with Perl, working on bytes so that invalid UTF-8 survives:
///
///     perl -pe 's/⟦⟦|⟧⟧|⟦[a-z0-9,-]+\|((?:(?!⟦|⟧).)*)⟧/defined $1 ? $1 : substr($&,0,3)/ge'
public enum Tagging {
    static let open: [UInt8] = Array("⟦".utf8)
    static let close: [UInt8] = Array("⟧".utf8)

    /// Removes the markup from tagged text (the inverse of the `tag` format).
    public static func untag(_ tagged: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(tagged.count)
        var i = 0
        func at(_ marker: [UInt8], _ j: Int) -> Bool {
            j + marker.count <= tagged.count && tagged[j..<(j + marker.count)].elementsEqual(marker)
        }
        while i < tagged.count {
            if at(open, i) {
                if at(open, i + 3) {
                    out += open
                    i += 6
                    continue
                }
                // ⟦ids|surface⟧
                var j = i + 3
                while j < tagged.count && tagged[j] != UInt8(ascii: "|") { j += 1 }
                j += 1
                while j < tagged.count && !at(close, j) {
                    out.append(tagged[j])
                    j += 1
                }
                i = j + 3
            } else if at(close, i) {
                out += close
                i += 6
            } else {
                out.append(tagged[i])
                i += 1
            }
        }
        return out
    }
}

/// Normalizes a stream paragraph by paragraph in one of the ``OutputFormat``s. Each
/// value belongs to one thread; make one per thread, sharing the ``Matcher``.
public struct LineNormalizer {
    /// The compiled table.
    public let matcher: Matcher
    /// What to write.
    public let format: OutputFormat
    /// The language of the preferred terms that replace mentions.
    public let language: String
    private var workspace = ScanWorkspace()
    /// What this normalizer has processed so far.
    public private(set) var counts = Counts()

    /// Running totals of a normalizer's work.
    public struct Counts: Sendable, Hashable {
        /// Bytes processed (line ends not counted).
        public var bytes = 0
        /// Calls of ``LineNormalizer/process(_:input:lineNumber:offset:into:)``: lines, or pieces of long lines.
        public var lines = 0
        /// Mentions found.
        public var mentions = 0
        /// Of those, mentions left ambiguous.
        public var ambiguous = 0
        /// Tokens that the general tokenizer read; the cold loop skipped the other words.
        /// It depends on the text and the table only, not on the machine, so it shows
        /// a change in the fast path's reach without timing noise.
        public var tokens = 0

        /// No work yet.
        public init() {}

        /// Adds another normalizer's totals.
        public mutating func add(_ other: Counts) {
            bytes += other.bytes
            lines += other.lines
            mentions += other.mentions
            ambiguous += other.ambiguous
            tokens += other.tokens
        }
    }
    /// Replacement bytes per entry (nil: the concept has no term in `language`).
    private var replacements: [Int32: [UInt8]?] = [:]

    /// A normalizer writing `format`, replacing mentions with terms in `language`.
    public init(matcher: Matcher, format: OutputFormat, language: String) {
        self.matcher = matcher
        self.format = format
        self.language = language
    }

    /// Processes one line (without its line end) and appends the output to `out`.
    ///
    /// For `text` and `tag` that is the line's new content (the caller writes the line
    /// end); for `jsonl` it is one JSON line per mention.
    /// - Parameters:
    ///   - input: the input's name for `jsonl` (`-` for standard input).
    ///   - lineNumber: the 1-based line number for `jsonl`.
    ///   - offset: the byte offset of `line` within its whole line, when a very long
    ///     line is processed in pieces.
    public mutating func process(
        _ line: UnsafeBufferPointer<UInt8>, input: String = "-", lineNumber: Int = 1, offset: Int = 0, into out: inout [UInt8]
    ) {
        matcher.scan(line, &workspace)
        counts.bytes += line.count
        counts.lines += 1
        counts.mentions += workspace.found.count
        for found in workspace.found where found.resolution == .ambiguous { counts.ambiguous += 1 }
        counts.tokens += workspace.tokensRead
        workspace.tokensRead = 0
        switch format {
        case .text:
            var done = 0
            for found in workspace.found where found.resolution != .ambiguous {
                let ref = workspace.senses[found.senses.lowerBound]
                let surface = UnsafeBufferPointer(rebasing: line[found.start..<found.end])
                guard let replacement = replacement(for: ref, surface: surface),
                    !Matcher.replacementWouldJoin(line, found.start..<found.end, replacement)
                else { continue }
                out += line[done..<found.start]
                out += replacement
                done = found.end
            }
            out += line[done...]
        case .tag:
            var done = 0
            for found in workspace.found {
                appendEscaped(line[done..<found.start], to: &out)
                out += Tagging.open
                for (k, ref) in workspace.senses[found.senses].enumerated() {
                    if k > 0 { out.append(UInt8(ascii: ",")) }
                    out += matcher.concepts[Int(ref.concept)].id.utf8
                }
                out.append(UInt8(ascii: "|"))
                out += line[found.start..<found.end]
                out += Tagging.close
                done = found.end
            }
            appendEscaped(line[done...], to: &out)
        case .jsonl:
            for found in workspace.found {
                let mention = matcher.mention(found, in: line, offset: 0, workspace)
                appendJSON(mention, input: input, lineNumber: lineNumber, offset: offset, to: &out)
            }
        }
    }

    /// The replacement bytes of a resolved mention, cached per entry; adjusted to the
    /// surface's case when it is all caps or capitalised.
    private mutating func replacement(for ref: ScanWorkspace.SenseRef, surface: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        let entry = matcher.entries[Int(ref.entry)]
        let form = matcher.table.rows[entry.row].form
        let base: [UInt8]
        if let cached = replacements[ref.entry] {
            guard let cached else { return nil }
            base = cached
        } else {
            let row = matcher.preferredTerm(concept: ref.concept, language: language, form: form)
            replacements[ref.entry] = .some(row.map { Array($0.term.utf8) })
            guard let row else { return nil }
            base = Array(row.term.utf8)
        }
        return Matcher.adjustCase(base, to: surface, abbreviation: form == .abbr)
    }

    private func appendEscaped(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, to out: inout [UInt8]) {
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

    private func appendJSON(_ mention: Mention, input: String, lineNumber: Int, offset: Int, to out: inout [UInt8]) {
        var json = JSONWriter()
        json.field("input", input)
        json.field("line", lineNumber)
        json.field("start", offset + mention.range.lowerBound)
        json.field("end", offset + mention.range.upperBound)
        json.field("surface", mention.surface)
        if let sense = mention.sense {
            json.field("id", sense.conceptID)
            json.field("term", sense.term.term)
            json.field("lang", sense.term.language)
            json.field("form", sense.term.form.rawValue)
            json.field("status", sense.term.status?.rawValue ?? "")
            json.field("canonical", matcher.replacement(for: mention, language: language, keepCase: false))
        } else {
            json.field("id", nil as String?)
            json.field("candidates") { json in
                json.array(mention.senses) { json, sense in
                    json.object { json in
                        json.field("id", sense.conceptID)
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

    /// The mentions in a text, paragraph by paragraph (a paragraph is a line).
    /// Ranges are UTF-8 byte offsets into `text`.
    public func mentions(in text: String) -> [Mention] {
        var text = text
        return text.withUTF8 { mentions(inUTF8: $0) }
    }

    /// The mentions in UTF-8 text, paragraph by paragraph (a paragraph is a line).
    /// Ranges are byte offsets into `bytes`; bytes that are not UTF-8 never match.
    public func mentions(inUTF8 bytes: [UInt8]) -> [Mention] {
        bytes.withUnsafeBufferPointer { mentions(inUTF8: $0) }
    }

    /// The mentions in UTF-8 text, paragraph by paragraph (a paragraph is a line).
    /// Ranges are byte offsets into `bytes`.
    public func mentions(inUTF8 bytes: UnsafeBufferPointer<UInt8>) -> [Mention] {
        withWorkspace { workspace in
            var result: [Mention] = []
            forEachLine(bytes) { line, start in
                result += mentions(inParagraph: line, offset: start, workspace: &workspace)
            }
            return result
        }
    }

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

/// Calls `body` with each line (without its LF) and the line's start offset. A final
/// line without LF counts; an empty text has no lines.
func forEachLine(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>, Int) -> Void) {
    var start = 0
    while start < bytes.count {
        var end = start
        while end < bytes.count && bytes[end] != 0x0A { end += 1 }
        body(UnsafeBufferPointer(rebasing: bytes[start..<end]), start)
        start = end + 1
    }
}

/// A minimal JSON object writer (the output needs nothing more): fields are written
/// in the order they are given, strings escaped as JSON requires.
public struct JSONWriter {
    private var bytes: [UInt8] = [UInt8(ascii: "{")]
    private var first = true

    /// Starts an object.
    public init() {}

    private mutating func key(_ name: String) {
        if !first { bytes.append(UInt8(ascii: ",")) }
        first = false
        JSONWriter.appendString(name, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
    }

    /// A string field (null for nil).
    public mutating func field(_ name: String, _ value: String?) {
        key(name)
        if let value { JSONWriter.appendString(value, to: &bytes) } else { bytes += "null".utf8 }
    }

    /// A number field.
    public mutating func field(_ name: String, _ value: Int) {
        key(name)
        bytes += String(value).utf8
    }

    /// A true or false field.
    public mutating func field(_ name: String, _ value: Bool) {
        key(name)
        bytes += (value ? "true" : "false").utf8
    }

    /// A field whose value `body` writes (an array or an object).
    public mutating func field(_ name: String, _ body: (inout JSONWriter) -> Void) {
        key(name)
        body(&self)
    }

    /// An array: `body` writes each item.
    public mutating func array<T>(_ items: [T], _ body: (inout JSONWriter, T) -> Void) {
        bytes.append(UInt8(ascii: "["))
        for (index, item) in items.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            body(&self, item)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    /// An object (inside an array): `body` writes its fields.
    public mutating func object(_ body: (inout JSONWriter) -> Void) {
        let savedFirst = first
        bytes.append(UInt8(ascii: "{"))
        first = true
        body(&self)
        bytes.append(UInt8(ascii: "}"))
        first = savedFirst
    }

    /// The object's bytes, closed.
    public func finish() -> [UInt8] { bytes + [UInt8(ascii: "}")] }

    static func appendString(_ text: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0x0A: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0D: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0x09: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0..<0x20, 0x7F:
                bytes += "\\u00".utf8
                let digits = Array("0123456789abcdef".utf8)
                bytes.append(digits[Int(byte >> 4)])
                bytes.append(digits[Int(byte & 15)])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
