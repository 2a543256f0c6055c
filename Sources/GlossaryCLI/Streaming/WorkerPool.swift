import Dispatch
import Glibc
import Glossary

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
    private(set) var failure: InputError?
    /// Every line passed through with --keep-bad-lines, in input order.
    private(set) var badLines: [InputError] = []

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
                    do throws(InputError) {
                        try worker.documents!.process(bytes, input: work.input, lineNumber: work.lineNumber, into: &worker.output)
                    } catch {
                        guard worker.keepBadLines else {
                            worker.failure = error
                            return
                        }
                        worker.badLines.append(error)
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
