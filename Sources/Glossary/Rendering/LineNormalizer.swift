/// Normalizes a stream paragraph by paragraph in one of the ``OutputFormat``s. Each
/// value belongs to one thread; make one per thread, sharing the ``Matcher``.
///
/// The paragraphs it is given are one document until ``endDocument()``: a shared
/// spelling that its paragraph leaves undecided goes to the candidate that an earlier
/// paragraph introduced (rule 9). The normalizer keeps the document's concepts, never
/// its text.
public struct LineNormalizer: Sendable {
    /// The compiled table.
    public let matcher: Matcher
    /// What to write.
    public let format: OutputFormat
    /// The language of the preferred terms that replace mentions, or
    /// ``LineNormalizer/automatic``.
    public let language: String

    /// `auto`: each paragraph's mentions in the language the paragraph is written in,
    /// told by its function words (Indonesian or English); a paragraph too short to tell
    /// takes its document's language so far, and a document that cannot tell is taken
    /// for English.
    public static let automatic = "auto"
    /// The language of the paragraph being written, and its slot in the replacement
    /// cache (0 for the fixed `language`, 1 for `id`, 2 for `en` under `auto`).
    var paragraphLanguage: String
    private var paragraphSlot: Int64 = 0
    var workspace = ScanWorkspace()
    /// What the current document has introduced.
    var document = DocumentContext()
    /// When processing a slice of a stream on its own thread: what it has learned.
    var slice = SliceDocuments()
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
    /// The replacement of each entry per language.
    private var replacements = ReplacementCache()
    /// The buffer in which `render` makes each replacement.
    private var scratch: [UInt8] = []

    /// A normalizer writing `format`, replacing mentions with terms in `language`.
    public init(matcher: Matcher, format: OutputFormat, language: String) {
        self.matcher = matcher
        self.format = format
        self.language = language
        self.paragraphLanguage = language == Self.automatic ? "en" : language
        workspace.countsLanguage = language == Self.automatic && format != .tag
    }

    /// Processes one line (without its line end) and appends the output to `out`.
    ///
    /// For `text` and `tag` that is the line's new content (the caller writes the line
    /// end); for `jsonl` it is one JSON line per mention.
    /// - Parameters:
    ///   - line: the line's UTF-8 bytes; ill-formed bytes are allowed, never match, and
    ///     pass through.
    ///   - input: the input's name for `jsonl` (`-` for standard input).
    ///   - lineNumber: the 1-based line number for `jsonl`.
    ///   - offset: the byte offset of `line` within its whole line, when a very long
    ///     line is processed in pieces.
    ///   - out: where the output is appended.
    public mutating func process(
        _ line: UnsafeBufferPointer<UInt8>, input: String = "-", lineNumber: Int = 1, offset: Int = 0, into out: inout [UInt8]
    ) {
        workspace.evidenceMatters = document.hasNamesakes
        scan(line)
        document.languageCount.add(workspace.languageCount)
        chooseLanguage(document: document.languageCount)
        matcher.resolve(&workspace, document: document)
        document.insert(facts: workspace.established)
        render(line, input: input, lineNumber: lineNumber, offset: offset, into: &out)
    }

    /// Ends the current document: the next paragraph starts a new one.
    public mutating func endDocument() {
        document.reset()
    }

    mutating func scan(_ line: UnsafeBufferPointer<UInt8>) {
        matcher.scan(line, &workspace)
        counts.bytes += line.count
        counts.lines += 1
        counts.tokens += workspace.tokensRead
        workspace.tokensRead = 0
    }

    /// With `auto`, the language of the paragraph in `workspace`: its own, else its
    /// document's so far (`document`, this paragraph included), else English.
    mutating func chooseLanguage(document: LanguageCount) {
        guard workspace.countsLanguage else { return }
        let chosen = workspace.languageCount.language ?? document.language ?? "en"
        paragraphSlot = chosen == "id" ? 1 : 2
        paragraphLanguage = chosen
    }

    /// Whether the paragraph in `workspace` needs its document to choose its language.
    var needsDocumentLanguage: Bool {
        workspace.countsLanguage && workspace.languageCount.language == nil && !workspace.found.isEmpty
    }

    /// Writes the resolved mentions of the paragraph in `workspace`.
    mutating func render(
        _ line: UnsafeBufferPointer<UInt8>, input: String, lineNumber: Int, offset: Int, into out: inout [UInt8]
    ) {
        counts.mentions += workspace.found.count
        for found in workspace.found where found.resolution == .ambiguous { counts.ambiguous += 1 }
        switch format {
        case .text:
            var done = 0
            // The replacement is made in a buffer kept between paragraphs: a mention
            // allocates nothing once its entry's term is cached.
            var replacement = self.scratch
            self.scratch = []
            defer { self.scratch = replacement }
            for found in workspace.found where found.resolution != .ambiguous {
                let ref = workspace.senses[found.senses.lowerBound]
                let surface = UnsafeBufferPointer(rebasing: line[found.start..<found.end])
                replacement.removeAll(keepingCapacity: true)
                guard self.replacement(for: ref, surface: surface, into: &replacement),
                    !Matcher.replacementWouldJoin(line, found.start..<found.end, replacement)
                else { continue }
                out += UnsafeBufferPointer(rebasing: line[done..<found.start])
                out += replacement
                done = found.end
            }
            out += UnsafeBufferPointer(rebasing: line[done...])
        case .tag:
            var done = 0
            for found in workspace.found {
                Tagging.appendEscaped(line[done..<found.start], to: &out)
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
            Tagging.appendEscaped(line[done...], to: &out)
        case .jsonl:
            for found in workspace.found {
                let mention = matcher.mention(found, in: line, offset: 0, workspace)
                appendJSON(mention, input: input, lineNumber: lineNumber, offset: offset, to: &out)
            }
        }
    }

    /// Appends the replacement of a resolved mention to `out`: the term cached per entry
    /// and language, adjusted to the surface's case when it is all caps or capitalised.
    /// False when the concept has no term in the language.
    private mutating func replacement(
        for ref: ScanWorkspace.SenseRef, surface: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]
    ) -> Bool {
        let key = Int64(ref.entry) << 2 | paragraphSlot
        let cached: ReplacementCache.Slot
        if let known = replacements.lookup(key) {
            cached = known
        } else {
            let form = matcher.entries[Int(ref.entry)].form
            let preferred = matcher.preferred(concept: ref.concept, language: paragraphLanguage, form: form)
            cached = replacements.insert(key, term: preferred.map { matcher.bytes(of: $0) }, abbreviation: form == .abbr)
        }
        guard cached.count >= 0 else { return false }
        return replacements.bytes.withUnsafeBufferPointer { bytes in
            let term = UnsafeBufferPointer(rebasing: bytes[Int(cached.start)..<Int(cached.start + cached.count)])
            Matcher.appendCaseAdjusted(term, to: surface, abbreviation: cached.abbreviation, into: &out)
            return true
        }
    }
}
