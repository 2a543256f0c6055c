import Dispatch
import Glibc
import Glossary

/// One piece of input to normalize: a line, or a piece of a long line. Its bytes are
/// the next `count` bytes of the batch.
struct Work {
    var count: Int
    /// Where its bytes start in the batch (set by `WorkerPool.add`).
    var start = 0
    /// The input's name: an index into ``WorkerPool/inputNames`` (a number, not the
    /// string, so that copying work between threads costs no reference counting).
    var input: Int
    var lineNumber: Int
    var offset: Int
    /// Write a line feed after the output (text and tag formats, when the line had one).
    var lineEnd: Bool
    /// The piece begins a new document (see `Normalize.Documents`).
    var startsDocument: Bool
}

/// Normalizes batches of lines on several threads and gives back the output in input
/// order, byte-identical to one thread's. The `Matcher` is shared.
///
/// Documents: `main` reads the stream in order and holds what the current document has
/// introduced. On one thread it processes every paragraph. On several, each slice's
/// worker reads its paragraphs in order with documents of its own
/// (`LineNormalizer.processInSlice`); a paragraph of the document that goes on from the
/// slice before, which only the whole document can decide, comes back deferred, and
/// `main` finishes it in order, then takes in what the slice learned. So matching runs
/// in parallel, and what stays sequential is cheap.
struct WorkerPool {
    /// A worker's normalizer, in a box so that threads mutate disjoint objects.
    final class Worker: @unchecked Sendable {
        // @unchecked: each worker is used by one thread at a time (one slice of a batch).
        var normalizer: LineNormalizer
        /// With --json-field: the documents' normalizer (then `normalizer` is unused).
        var documents: JSONFieldNormalizer?
        let keepBadLines: Bool
        var output: [UInt8] = []
        /// The pieces of the slice that only the whole document can decide: their index
        /// in the slice, where their output would start in `output`, and the scan.
        var deferred: [(index: Int, outputAt: Int, paragraph: LineNormalizer.Deferred)] = []
        /// What the slice learned about its documents.
        var learned = LineNormalizer.SliceDocuments()
        /// The inputs' names: this worker's own copies, so that reading them on its
        /// thread touches no reference count that another thread touches.
        var names: [String] = []
        /// The first line of the slice that could not be processed (the slice stops there).
        var failure: InputError?
        /// Lines passed through unchanged with --keep-bad-lines.
        var badLines: [InputError] = []
        init(_ normalizer: LineNormalizer, documents: JSONFieldNormalizer?, keepBadLines: Bool) {
            self.normalizer = normalizer
            self.documents = documents
            self.keepBadLines = keepBadLines
        }
    }

    /// One worker per slice of a batch. There are three slices per thread, handed out
    /// as threads come free, so that a slow slice does not leave a core idle.
    let workers: [Worker]
    /// The normalizer that reads the documents in order (text, tag and jsonl, not JSON lines).
    private var main: LineNormalizer
    /// The threads.
    let threads: Int
    /// Bytes of input per slice: large enough to amortize the hand-off, small enough to
    /// bound memory (about 2 × this × slices).
    static let sliceBytes = 1 << 19
    private var batch: [Work] = []
    /// The names of the inputs, in the order they were first given to ``input(named:)``.
    private(set) var inputNames: [String] = []
    /// The batch's bytes, piece after piece (the reader appends to it).
    var bytes: [UInt8] = []
    private var batchBytes = 0

    init(matcher: Matcher, format: OutputFormat, language: String, jsonPath: [String]? = nil, keepBadLines: Bool = false, workers threads: Int) {
        self.threads = threads
        let slices = threads == 1 ? 1 : threads * 3
        self.main = LineNormalizer(matcher: matcher, format: format, language: language)
        self.workers = (0..<slices).map { _ in
            Worker(LineNormalizer(matcher: matcher, format: format, language: language),
                   documents: jsonPath.map { JSONFieldNormalizer(matcher: matcher, format: format, language: language, path: $0) },
                   keepBadLines: keepBadLines)
        }
    }

    /// The first line that stopped the last batch, if any (the output stops before it).
    private(set) var failure: InputError?
    /// Every line passed through with --keep-bad-lines, in input order.
    private(set) var badLines: [InputError] = []

    var isFull: Bool { batchBytes >= workers.count * WorkerPool.sliceBytes }

    /// The number of the input called `name`, for ``Work/input``.
    mutating func input(named name: String) -> Int {
        if let known = inputNames.firstIndex(of: name) { return known }
        inputNames.append(name)
        for worker in workers { worker.names.append(String(decoding: Array(name.utf8), as: UTF8.self)) }
        return inputNames.count - 1
    }

    mutating func add(_ work: Work) {
        var work = work
        work.start = batchBytes
        batch.append(work)
        batchBytes += work.count
    }

    /// What all batches held, for `--stats`.
    var counts: LineNormalizer.Counts {
        workers.reduce(into: main.counts) { total, worker in total.add(worker.documents?.counts ?? worker.normalizer.counts) }
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
        let documents = workers[0].documents != nil
        if !documents && (workers.count == 1 || batch.count == 1) {
            // In order, on this thread: the main normalizer does it all.
            bytes.withUnsafeBufferPointer { all in
                for work in batch {
                    if work.startsDocument { main.endDocument() }
                    main.process(Self.bytes(of: work, all), input: inputNames[work.input], lineNumber: work.lineNumber, offset: work.offset,
                                 into: &out)
                    if work.lineEnd { out.append(0x0A) }
                }
            }
        } else if workers.count == 1 || batch.count == 1 {
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
            if documents {
                for index in slices.indices where !collect(workers[index], into: &out) { break }
            } else {
                input.withUnsafeBufferPointer { all in
                    for index in slices.indices { assemble(batch[slices[index]], all, from: workers[index], into: &out) }
                }
            }
        }
        batch.removeAll(keepingCapacity: true)
        bytes.removeAll(keepingCapacity: true)
        batchBytes = 0
    }

    /// Appends a slice's output in order: what its worker wrote, with the deferred
    /// paragraphs finished by `main` in their places; then `main` takes in what the
    /// slice learned about its documents.
    private mutating func assemble(_ works: ArraySlice<Work>, _ all: UnsafeBufferPointer<UInt8>, from worker: Worker, into out: inout [UInt8]) {
        var written = 0
        for item in worker.deferred {
            out += worker.output[written..<item.outputAt]
            written = item.outputAt
            let work = works[works.startIndex + item.index]
            main.finish(item.paragraph, line: Self.bytes(of: work, all), input: inputNames[work.input], lineNumber: work.lineNumber,
                        offset: work.offset, into: &out)
            if work.lineEnd { out.append(0x0A) }
        }
        out += worker.output[written...]
        main.takeIn(worker.learned, lastDocument: worker.normalizer.sliceDocument)
    }

    private static func bytes(of work: Work, _ all: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: all[work.start..<(work.start + work.count)])
    }

    /// A worker's slice: JSON lines (each a document), or paragraphs processed on their own.
    private static func process(_ works: ArraySlice<Work>, _ input: [UInt8], with worker: Worker) {
        worker.output.removeAll(keepingCapacity: true)
        worker.deferred.removeAll(keepingCapacity: true)
        worker.badLines.removeAll()
        worker.failure = nil
        if worker.documents == nil { worker.normalizer.beginSlice() }
        defer { if worker.documents == nil { worker.learned = worker.normalizer.endSlice() } }
        input.withUnsafeBufferPointer { all in
            for (index, work) in works.enumerated() {
                let bytes = bytes(of: work, all)
                if worker.documents != nil {
                    do throws(InputError) {
                        try worker.documents!.process(bytes, input: worker.names[work.input], lineNumber: work.lineNumber, into: &worker.output)
                    } catch {
                        guard worker.keepBadLines else {
                            worker.failure = error
                            return
                        }
                        worker.badLines.append(error)
                        worker.output += bytes
                    }
                    if work.lineEnd { worker.output.append(0x0A) }
                } else {
                    let at = worker.output.count
                    if let deferred = worker.normalizer.processInSlice(
                        bytes, startsDocument: work.startsDocument, input: worker.names[work.input], lineNumber: work.lineNumber,
                        offset: work.offset, into: &worker.output)
                    {
                        worker.deferred.append((index, at, deferred))
                    } else if work.lineEnd {
                        worker.output.append(0x0A)
                    }
                }
            }
        }
    }
}
