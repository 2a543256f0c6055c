import ArgumentParser
import Glibc
import Glossary

struct Normalize: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Normalize the mentions in text: replace, tag or list them.",
        discussion: """
            Reads the files, or standard input, line by line and writes standard output. Every \
            mention of a concept of the term table becomes the concept's preferred term in the \
            language of --to, in the same form (an abbreviation stays an abbreviation where the \
            language has one): by default, in the language of its paragraph (Indonesian or \
            English, told by the paragraph's function words, else by its document's so far). \
            Everything else passes through byte for byte: other text, CR LF, a byte-order mark, \
            invalid UTF-8, NUL bytes.

            Formats (--format):
              text   mentions replaced:   Shoygu tiba  ->  Shoigu tiba
              tag    mentions marked:     ⟦sergei-shoigu|Shoygu⟧ tiba
              jsonl  one JSON object per mention, with byte offsets in its line
            glossary untag removes the marks of tag, giving the text back byte for byte.

            A paragraph is a line, and a document is each file, or the text up to a blank line \
            (see --documents). A spelling that several concepts share (PKT, PBB) goes to the \
            concept its paragraph supports, else to the one an earlier paragraph of the document \
            named, else to the table's default; only the concepts a document has named are kept, \
            never its text. Lines longer than --segment-bytes are processed in pieces cut at a \
            space, so memory stays bounded on any input.

            Kinds (--kinds): the table says what each concept is (person, country, territory, \
            city, region, place, organisation, event, idea). Ideas (hegemoni, dunia multipolar) \
            are common nouns, so they are not mentions unless asked for: --kinds all, or a list \
            such as --kinds person,country. The terms of the kinds left out still protect their \
            words, and pass through unchanged.

            Documents in JSON lines: --json-field PATH processes only the string at PATH of each \
            line's JSON value and leaves every other byte as it was (with --format jsonl, a field \
            NAME_mentions is added after it). A line that is not JSON stops the command with its \
            line number, or passes unchanged with --keep-bad-lines.

            Exit status: 0 success, 1 usage error, 2 a bad table or an unreadable input. A closed \
            pipe (| head) ends the command quietly with status 0.

            Examples:
              echo 'Menlu Rusia Sergey Lavrov tiba di Moskwa.' | glossary normalize
              glossary normalize --to id --format tag article.txt
              glossary normalize --format jsonl *.txt > mentions.jsonl
              glossary normalize --json-field body.text --to id < documents.jsonl
            """
    )

    @OptionGroup var table: TableOptions

    @OptionGroup var language: TargetLanguageOption

    @Option(name: .long, help: ArgumentHelp("Output format: text, tag or jsonl.", valueName: "format"))
    var format: OutputFormat = .text

    /// Where the documents of a text stream end: the unit of evidence for shared spellings.
    enum Documents: String, CaseIterable, ExpressibleByArgument {
        /// At a blank line, at a line that begins with a form feed, and at the end of each input.
        case blankLines = "blank-lines"
        /// At the end of every line (and of each input).
        case lines

        /// Whether a line (its first piece) begins a new document.
        func startsDocument(_ line: ArraySlice<UInt8>) -> Bool {
            switch self {
            case .lines: return true
            case .blankLines: return line.first == 0x0C || line.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0C }
            }
        }
    }

    @Option(name: .long, help: ArgumentHelp("Where a document of the text ends: blank-lines (at a blank line or a form feed, and at the end of each file) or lines (every line is a document). With --json-field every JSON line is a document.", valueName: "where"))
    var documents: Documents = .blankLines

    @Option(name: .long, help: ArgumentHelp("The kinds of concept that are mentions: all, or a comma-separated list of person, country, territory, city, region, place, organisation, event and idea (default: all but idea).", valueName: "kinds"))
    var kinds: String?

    /// The kinds of `--kinds`.
    var mentionedKinds: Set<ConceptKind> {
        get throws {
            guard let kinds else { return ConceptKind.mentionedByDefault }
            if kinds == "all" { return Set(ConceptKind.allCases) }
            var set = Set<ConceptKind>()
            for name in kinds.split(separator: ",", omittingEmptySubsequences: false) {
                guard let kind = ConceptKind(rawValue: String(name)) else {
                    throw ValidationError("--kinds: unknown kind “\(name)”; the kinds are all, \(ConceptKind.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                set.insert(kind)
            }
            return set
        }
    }

    @Flag(name: .long, help: "Flush the output after every line (the default when standard output is a terminal).")
    var lineBuffered = false

    @Option(name: .long, help: ArgumentHelp("Threads to normalize with (default: the number of cores). The output is the same for any number.", valueName: "n"))
    var jobs: Int?

    @Option(name: .long, help: ArgumentHelp("Longest piece of a line processed at once, in bytes.", valueName: "n"))
    var segmentBytes: Int = 1 << 20

    @Flag(name: .long, help: "At the end, print one JSON line of figures to standard error: seconds to load the table and to process, bytes, lines, mentions.")
    var stats = false

    @Option(name: .long, help: ArgumentHelp("Read JSON lines and process the string at this field (text, body.text, or a JSON Pointer such as /items/0/text); every other byte stays.", valueName: "path"))
    var jsonField: String?

    @Flag(name: .long, help: "With --json-field: pass a line that is not valid JSON, or whose field is not a string, through unchanged (and count it) instead of stopping.")
    var keepBadLines = false

    @Argument(help: ArgumentHelp("Files to read; none, or -, for standard input.", valueName: "file"))
    var files: [String] = []

    func validate() throws {
        guard segmentBytes >= 64 else { throw ValidationError("--segment-bytes must be at least 64") }
        if let jobs, jobs < 1 || jobs > 256 { throw ValidationError("--jobs must be from 1 to 256") }
        if let jsonField, JSONFieldNormalizer.parsePath(jsonField) == nil {
            throw ValidationError("--json-field must be a key path such as text or body.text, or a JSON Pointer such as /body/text")
        }
        if keepBadLines && jsonField == nil { throw ValidationError("--keep-bad-lines goes with --json-field") }
        _ = try mentionedKinds
    }

    func run() throws {
        let started = monotonicSeconds()
        let matcher = try table.loadMatcher(useCompiled: true, kinds: mentionedKinds)
        let loaded = monotonicSeconds()
        // Text keeps each paragraph in its own language; a list of mentions names one
        // canonical spelling per concept (DESIGN.md, "Languages").
        let to = language.to ?? (format == .text ? LineNormalizer.automatic : "en")
        if format == .text && to != LineNormalizer.automatic && !matcher.languages.contains(to) {
            printError("glossary: the table has no preferred terms in “\(to)”; it has: \(matcher.languages.joined(separator: ", "))")
            throw ExitStatus.usage
        }
        let inputs = try Input.openAll(files)

        signal(SIGPIPE, SIG_IGN)
        let interactive = lineBuffered || isatty(1) == 1
        var output = OutputStream(fd: 1, lineBuffered: interactive)
        // Line by line when the output is read as it comes; otherwise in parallel.
        let workers = interactive ? 1 : jobs ?? Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
        let path = jsonField.flatMap(JSONFieldNormalizer.parsePath)
        var pool = WorkerPool(matcher: matcher, format: format, language: to, jsonPath: path, keepBadLines: keepBadLines,
                              workers: max(1, workers))
        let documents = self.documents  // read once: an option's getter is slow in a loop
        for input in inputs {
            // A JSON document is never cut: its line is read whole.
            var reader = LineReader(fd: input.fd, segmentLimit: path == nil ? segmentBytes : Int.max / 2)
            var lineNumber = 0
            var offsetInLine = 0
            let inputNumber = pool.input(named: input.name)
            do {
                while let piece = try reader.next(into: &pool.bytes) {
                    var startsDocument = false
                    if offsetInLine == 0 {
                        lineNumber += 1
                        startsDocument = lineNumber == 1 || documents.startsDocument(pool.bytes.suffix(piece.count))
                    }
                    pool.add(Work(count: piece.count, input: inputNumber, lineNumber: lineNumber, offset: offsetInLine,
                                  lineEnd: (format != .jsonl || path != nil) && piece.hasNewline, startsDocument: startsDocument))
                    offsetInLine = piece.endsLine ? 0 : offsetInLine + piece.count
                    if pool.isFull || (interactive && piece.endsLine) {
                        try runBatch(&pool, &output)
                    }
                }
            } catch let error as SystemError {
                try runBatch(&pool, &output)
                try? output.flush()
                printError("glossary: \(input.name): \(error)")
                throw ExitStatus.failure
            }
            input.close()
        }
        try runBatch(&pool, &output)
        try output.flush()
        if pool.badLines.count > 0 {
            let shown = pool.badLines.prefix(5).map(\.description)
            printError("glossary: \(pool.badLines.count) line\(pool.badLines.count == 1 ? "" : "s") passed through unchanged (--keep-bad-lines):\n  "
                       + shown.joined(separator: "\n  ") + (pool.badLines.count > 5 ? "\n  …" : ""))
        }
        if stats {
            let counts = pool.counts
            printError(#"{"load_seconds":\#(loaded - started),"process_seconds":\#(monotonicSeconds() - loaded),"bytes":\#(counts.bytes),"lines":\#(counts.lines),"mentions":\#(counts.mentions),"ambiguous":\#(counts.ambiguous),"tokens":\#(counts.tokens)}"#)
        }
        // Everything is written: leave without tearing down the matcher, whose hundreds of
        // thousands of small allocations the kernel takes back at once.
        Glibc.exit(ExitStatus.success.rawValue)
    }
}

/// Runs a batch and writes its output; on a JSON line that cannot be processed (and
/// without --keep-bad-lines), writes the output of the lines before it, names the line
/// and exits with status 2.
private func runBatch(_ pool: inout WorkerPool, _ output: inout OutputStream) throws {
    pool.run(into: &output.buffer)
    if let failure = pool.failure {
        try output.flush()
        printError("glossary: \(failure.location): not a JSON document with a string at the field: \(failure.message)\n    fix: correct the line, or pass such lines through with --keep-bad-lines")
        throw ExitStatus.failure
    }
    try output.endLine()
}
