import ArgumentParser
import Dispatch
import Glibc
import Glossary

struct Normalize: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Normalize the mentions in text: replace, tag or list them.",
        discussion: """
            Reads the files, or standard input, line by line and writes standard output. Every \
            mention of a concept of the term table becomes the concept's preferred term in the \
            language of --to, in the same form (an abbreviation stays an abbreviation where the \
            language has one). Everything else passes through byte for byte: other text, CR LF, \
            a byte-order mark, invalid UTF-8, NUL bytes.

            Formats (--format):
              text   mentions replaced:   Shoygu tiba  ->  Shoigu tiba
              tag    mentions marked:     ⟦sergei-shoigu|Shoygu⟧ tiba
              jsonl  one JSON object per mention, with byte offsets in its line

            A paragraph is a line: a spelling that several concepts share (PKT, PBB) goes to the \
            concept its line supports. Lines longer than --segment-bytes are processed in pieces \
            cut at a space, so memory stays bounded on any input.

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

    @Option(name: .long, help: ArgumentHelp("Language of the replacements: a BCP 47 tag of the table (en, id, ru, zh).", valueName: "lang"))
    var to: String = "en"

    @Option(name: .long, help: ArgumentHelp("Output format: text, tag or jsonl.", valueName: "format"))
    var format: String = "text"

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
        guard OutputFormat(rawValue: format) != nil else {
            throw ValidationError("--format must be text, tag or jsonl, not “\(format)”")
        }
        guard segmentBytes >= 64 else { throw ValidationError("--segment-bytes must be at least 64") }
        if let jobs, jobs < 1 || jobs > 256 { throw ValidationError("--jobs must be from 1 to 256") }
        if let jsonField, JSONFieldNormalizer.parsePath(jsonField) == nil {
            throw ValidationError("--json-field must be a key path such as text or body.text, or a JSON Pointer such as /body/text")
        }
        if keepBadLines && jsonField == nil { throw ValidationError("--keep-bad-lines goes with --json-field") }
    }

    func run() throws {
        let started = monotonicSeconds()
        let matcher = try table.loadMatcher()
        let loaded = monotonicSeconds()
        guard let format = OutputFormat(rawValue: format) else { throw ExitCode(Status.usage) }
        if format == .text && !matcher.languages.contains(to) {
            printError("glossary: the table has no preferred terms in “\(to)”; it has: \(matcher.languages.joined(separator: ", "))")
            throw ExitCode(Status.usage)
        }

        // Open every input before writing anything, so that a typo in a file name
        // fails cleanly instead of after half the output.
        var inputs: [(name: String, fd: Int32)] = []
        for name in files.isEmpty ? ["-"] : files {
            if name == "-" {
                inputs.append((name, 0))
                continue
            }
            let fd = open(name, O_RDONLY | O_CLOEXEC)
            if fd < 0 {
                printError("glossary: \(name): \(SystemError(errno))")
                throw ExitCode(Status.failure)
            }
            inputs.append((name, fd))
        }

        signal(SIGPIPE, SIG_IGN)
        let interactive = lineBuffered || isatty(1) == 1
        var output = OutputStream(fd: 1, lineBuffered: interactive)
        // Line by line when the output is read as it comes; otherwise in parallel.
        let workers = interactive ? 1 : jobs ?? Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
        let path = jsonField.flatMap(JSONFieldNormalizer.parsePath)
        var pool = WorkerPool(matcher: matcher, format: format, language: to, jsonPath: path, keepBadLines: keepBadLines,
                              workers: max(1, workers))
        for input in inputs {
            // A JSON document is never cut: its line is read whole.
            var reader = LineReader(fd: input.fd, segmentLimit: path == nil ? segmentBytes : Int.max / 2)
            var lineNumber = 0
            var offsetInLine = 0
            do {
                while let piece = try reader.next(into: &pool.bytes) {
                    if offsetInLine == 0 { lineNumber += 1 }
                    pool.add(Work(count: piece.count, input: input.name, lineNumber: lineNumber, offset: offsetInLine,
                                  lineEnd: (format != .jsonl || path != nil) && piece.hasNewline))
                    offsetInLine = piece.endsLine ? 0 : offsetInLine + piece.count
                    if pool.isFull || (interactive && piece.endsLine) {
                        try runBatch(&pool, &output)
                    }
                }
            } catch let error as ReadError {
                try runBatch(&pool, &output)
                try? output.flush()
                printError("glossary: \(input.name): \(error.error)")
                throw ExitCode(Status.failure)
            }
            if input.fd != 0 { close(input.fd) }
        }
        try runBatch(&pool, &output)
        try output.flush()
        if pool.badLines.count > 0 {
            let shown = pool.badLines.prefix(5).map { "\($0.input):\($0.line):\($0.error.column): \($0.error.message)" }
            printError("glossary: \(pool.badLines.count) line\(pool.badLines.count == 1 ? "" : "s") passed through unchanged (--keep-bad-lines):\n  "
                       + shown.joined(separator: "\n  ") + (pool.badLines.count > 5 ? "\n  …" : ""))
        }
        if stats {
            let counts = pool.counts
            printError(#"{"load_seconds":\#(loaded - started),"process_seconds":\#(monotonicSeconds() - loaded),"bytes":\#(counts.bytes),"lines":\#(counts.lines),"mentions":\#(counts.mentions),"ambiguous":\#(counts.ambiguous),"tokens":\#(counts.tokens)}"#)
        }
        // Everything is written: leave without tearing down the matcher, whose hundreds of
        // thousands of small allocations the kernel takes back at once.
        Glibc.exit(Status.success)
    }
}

/// Runs a batch and writes its output; on a JSON line that cannot be processed (and
/// without --keep-bad-lines), writes the output of the lines before it, names the line
/// and exits with status 2.
private func runBatch(_ pool: inout WorkerPool, _ output: inout OutputStream) throws {
    pool.run(into: &output.buffer)
    if let failure = pool.failure {
        try output.flush()
        printError("glossary: \(failure.input):\(failure.line):\(failure.error.column): not a JSON document with a string at the field: \(failure.error.message)\n    fix: correct the line, or pass such lines through with --keep-bad-lines")
        throw ExitCode(Status.failure)
    }
    try output.endLine()
}

/// Seconds on the monotonic clock.
func monotonicSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// One piece of input to normalize: a line, or a piece of a long line. Its bytes are
/// the next `count` bytes of the batch.
struct Work {
    var count: Int
    /// Where its bytes start in the batch (set by `WorkerPool.add`).
    var start = 0
    var input: String
    var lineNumber: Int
    var offset: Int
    /// Write a line feed after the output (text and tag formats, when the line had one).
    var lineEnd: Bool
}

/// Normalizes batches of lines on several threads and gives back the output in input
/// order, so that the result is byte-identical to one thread. Each worker owns a
/// `LineNormalizer`; the `Matcher` is shared.
struct WorkerPool {
    /// A worker's normalizer, in a box so that threads mutate disjoint objects.
    final class Worker: @unchecked Sendable {
        // @unchecked: each worker is used by one thread at a time (one slice of a batch).
        var normalizer: LineNormalizer
        /// With --json-field: the documents' normalizer (then `normalizer` is unused).
        var documents: JSONFieldNormalizer?
        let keepBadLines: Bool
        var output: [UInt8] = []
        /// The first line of the slice that could not be processed (the slice stops there).
        var failure: BadLine?
        /// Lines passed through unchanged with --keep-bad-lines.
        var badLines: [BadLine] = []
        init(_ normalizer: LineNormalizer, documents: JSONFieldNormalizer?, keepBadLines: Bool) {
            self.normalizer = normalizer
            self.documents = documents
            self.keepBadLines = keepBadLines
        }
    }

    struct BadLine {
        var input: String
        var line: Int
        var error: JSONLineError
    }

    /// One worker per slice of a batch. There are three slices per thread, handed out
    /// as threads come free, so that a slow slice does not leave a core idle.
    let workers: [Worker]
    /// The threads.
    let threads: Int
    /// Bytes of input per slice: large enough to amortize the hand-off, small enough to
    /// bound memory (about 2 × this × slices).
    static let sliceBytes = 1 << 19
    private var batch: [Work] = []
    /// The batch's bytes, piece after piece (the reader appends to it).
    var bytes: [UInt8] = []
    private var batchBytes = 0

    init(matcher: Matcher, format: OutputFormat, language: String, jsonPath: [String]? = nil, keepBadLines: Bool = false, workers threads: Int) {
        self.threads = threads
        let slices = threads == 1 ? 1 : threads * 3
        self.workers = (0..<slices).map { _ in
            Worker(LineNormalizer(matcher: matcher, format: format, language: language),
                   documents: jsonPath.map { JSONFieldNormalizer(matcher: matcher, format: format, language: language, path: $0) },
                   keepBadLines: keepBadLines)
        }
    }

    /// The first line that stopped the last batch, if any (the output stops before it).
    private(set) var failure: BadLine?
    /// Every line passed through with --keep-bad-lines, in input order.
    private(set) var badLines: [BadLine] = []

    var isFull: Bool { batchBytes >= workers.count * WorkerPool.sliceBytes }

    mutating func add(_ work: Work) {
        var work = work
        work.start = batchBytes
        batch.append(work)
        batchBytes += work.count
    }

    /// What all batches held, for `--stats`.
    var counts: LineNormalizer.Counts {
        workers.reduce(into: LineNormalizer.Counts()) { total, worker in total.add(worker.documents?.counts ?? worker.normalizer.counts) }
    }

    /// Appends a worker's output and notes its bad lines; false when it stopped at one.
    private mutating func collect(_ worker: Worker, into out: inout [UInt8]) -> Bool {
        out += worker.output
        badLines += worker.badLines
        if let failure = worker.failure {
            self.failure = failure
            return false
        }
        return true
    }

    /// Normalizes the batch and appends its output, in order, to `out`.
    mutating func run(into out: inout [UInt8]) {
        failure = nil
        guard !batch.isEmpty else { return }
        if workers.count == 1 || batch.count == 1 {
            Self.process(batch[...], bytes, with: workers[0])
            _ = collect(workers[0], into: &out)
        } else {
            // Cut the batch into one contiguous slice per worker, of about equal bytes.
            var slices: [Range<Int>] = []
            var start = 0, bytes = 0
            let share = batchBytes / workers.count + 1
            for (index, work) in batch.enumerated() {
                bytes += work.count
                if bytes >= share && slices.count < workers.count - 1 {
                    slices.append(start..<(index + 1))
                    start = index + 1
                    bytes = 0
                }
            }
            slices.append(start..<batch.count)
            let batch = self.batch
            let workers = self.workers
            let ranges = slices
            let input = self.bytes
            DispatchQueue.concurrentPerform(iterations: ranges.count) { index in
                Self.process(batch[ranges[index]], input, with: workers[index])
            }
            for index in slices.indices where !collect(workers[index], into: &out) { break }
        }
        batch.removeAll(keepingCapacity: true)
        bytes.removeAll(keepingCapacity: true)
        batchBytes = 0
    }

    private static func process(_ works: ArraySlice<Work>, _ input: [UInt8], with worker: Worker) {
        worker.output.removeAll(keepingCapacity: true)
        worker.badLines.removeAll()
        worker.failure = nil
        input.withUnsafeBufferPointer { all in
            for work in works {
                let bytes = UnsafeBufferPointer(rebasing: all[work.start..<(work.start + work.count)])
                if worker.documents != nil {
                    do throws(JSONLineError) {
                        try worker.documents!.process(bytes, input: work.input, lineNumber: work.lineNumber, into: &worker.output)
                    } catch {
                        let bad = BadLine(input: work.input, line: work.lineNumber, error: error)
                        guard worker.keepBadLines else {
                            worker.failure = bad
                            return
                        }
                        worker.badLines.append(bad)
                        worker.output += bytes
                    }
                } else {
                    worker.normalizer.process(bytes, input: work.input, lineNumber: work.lineNumber, offset: work.offset,
                                              into: &worker.output)
                }
                if work.lineEnd { worker.output.append(0x0A) }
            }
        }
    }
}
