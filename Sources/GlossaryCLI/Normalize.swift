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

            Exit status: 0 success, 1 usage error, 2 a bad table or an unreadable input. A closed \
            pipe (| head) ends the command quietly with status 0.

            Examples:
              echo 'Menlu Rusia Sergey Lavrov tiba di Moskwa.' | glossary normalize
              glossary normalize --to id --format tag article.txt
              glossary normalize --format jsonl *.txt > mentions.jsonl
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
    var segmentBytes: Int = 16 << 20

    @Flag(name: .long, help: "At the end, print one JSON line of figures to standard error: seconds to load the table and to process, bytes, lines, mentions.")
    var stats = false

    @Argument(help: ArgumentHelp("Files to read; none, or -, for standard input.", valueName: "file"))
    var files: [String] = []

    func validate() throws {
        guard OutputFormat(rawValue: format) != nil else {
            throw ValidationError("--format must be text, tag or jsonl, not “\(format)”")
        }
        guard segmentBytes >= 64 else { throw ValidationError("--segment-bytes must be at least 64") }
        if let jobs, jobs < 1 || jobs > 256 { throw ValidationError("--jobs must be from 1 to 256") }
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
        var pool = WorkerPool(matcher: matcher, format: format, language: to, workers: max(1, workers))
        for input in inputs {
            var reader = LineReader(fd: input.fd, segmentLimit: segmentBytes)
            var lineNumber = 0
            var offsetInLine = 0
            do {
                while let piece = try reader.next(into: &pool.bytes) {
                    if offsetInLine == 0 { lineNumber += 1 }
                    pool.add(Work(count: piece.count, input: input.name, lineNumber: lineNumber, offset: offsetInLine,
                                  lineEnd: format != .jsonl && piece.hasNewline))
                    offsetInLine = piece.endsLine ? 0 : offsetInLine + piece.count
                    if pool.isFull || (interactive && piece.endsLine) {
                        pool.run(into: &output.buffer)
                        try output.endLine()
                    }
                }
            } catch let error as ReadError {
                pool.run(into: &output.buffer)
                try? output.flush()
                printError("glossary: \(input.name): \(error.error)")
                throw ExitCode(Status.failure)
            }
            if input.fd != 0 { close(input.fd) }
        }
        pool.run(into: &output.buffer)
        try output.flush()
        if stats {
            let counts = pool.counts
            printError(#"{"load_seconds":\#(loaded - started),"process_seconds":\#(monotonicSeconds() - loaded),"bytes":\#(counts.bytes),"lines":\#(counts.lines),"mentions":\#(counts.mentions),"ambiguous":\#(counts.ambiguous),"tokens":\#(counts.tokens)}"#)
        }
        // Everything is written: leave without tearing down the matcher, whose hundreds of
        // thousands of small allocations the kernel takes back at once.
        Glibc.exit(Status.success)
    }
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
        var output: [UInt8] = []
        init(_ normalizer: LineNormalizer) { self.normalizer = normalizer }
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

    init(matcher: Matcher, format: OutputFormat, language: String, workers threads: Int) {
        self.threads = threads
        let slices = threads == 1 ? 1 : threads * 3
        self.workers = (0..<slices).map { _ in Worker(LineNormalizer(matcher: matcher, format: format, language: language)) }
    }

    var isFull: Bool { batchBytes >= workers.count * WorkerPool.sliceBytes }

    mutating func add(_ work: Work) {
        var work = work
        work.start = batchBytes
        batch.append(work)
        batchBytes += work.count
    }

    /// What all batches held, for `--stats`.
    var counts: LineNormalizer.Counts {
        workers.reduce(into: LineNormalizer.Counts()) { total, worker in total.add(worker.normalizer.counts) }
    }

    /// Normalizes the batch and appends its output, in order, to `out`.
    mutating func run(into out: inout [UInt8]) {
        guard !batch.isEmpty else { return }
        if workers.count == 1 || batch.count == 1 {
            Self.process(batch[...], bytes, with: workers[0])
            out += workers[0].output
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
            for index in slices.indices { out += workers[index].output }
        }
        batch.removeAll(keepingCapacity: true)
        bytes.removeAll(keepingCapacity: true)
        batchBytes = 0
    }

    private static func process(_ works: ArraySlice<Work>, _ input: [UInt8], with worker: Worker) {
        worker.output.removeAll(keepingCapacity: true)
        input.withUnsafeBufferPointer { all in
            for work in works {
                let bytes = UnsafeBufferPointer(rebasing: all[work.start..<(work.start + work.count)])
                worker.normalizer.process(bytes, input: work.input, lineNumber: work.lineNumber, offset: work.offset,
                                          into: &worker.output)
                if work.lineEnd { worker.output.append(0x0A) }
            }
        }
    }
}
