// Swift-level benchmarks of the Glossary library: compiling tables, normalizing a
// corpus held in memory, and per-document calls on 2 KB documents.
//
//   swift run -c release glossary-benchmark [--table FILE]... [--corpus FILE] [--repeat N]
//
// Prints one line per measurement, medians of N runs. Times are wall-clock on this
// machine; compare them with each other, not with other machines.
import Glibc
import Glossary

func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

/// `value` with one decimal.
func fixed(_ value: Double) -> String {
    let tenths = Int((value * 10).rounded())
    return "\(tenths / 10).\(abs(tenths % 10))"
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted[sorted.count / 2]
}

func readFile(_ path: String) -> [UInt8] {
    guard let file = fopen(path, "rb") else { fatalError("cannot open \(path)") }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 20)
    while true {
        let n = fread(&chunk, 1, chunk.count, file)
        if n == 0 { break }
        bytes += chunk[0..<n]
    }
    return bytes
}

var tables: [String] = []
var corpusPath: String?
var repeats = 5
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "--table": tables.append(arguments.popFirst()!)
    case "--corpus": corpusPath = arguments.popFirst()!
    case "--repeat": repeats = Int(arguments.popFirst()!)!
    default: fatalError("usage: glossary-benchmark [--table FILE]... [--corpus FILE] [--repeat N]")
    }
}
if tables.isEmpty { tables = ["shipped"] }

let corpus = corpusPath.map(readFile)
for path in tables {
    var loads: [Double] = []
    var matcher: Matcher!
    for _ in 0..<repeats {
        let start = now()
        matcher = try! path == "shipped" ? Matcher.shipped() : Matcher(table: TermTable(contentsOfFile: path))
        loads.append(now() - start)
    }
    print("table \(path): \(matcher.table.rows.count) rows, load+compile median \(fixed(median(loads) * 1000)) ms")
    guard let corpus else { continue }

    // Streaming: the corpus line by line through one LineNormalizer (text format).
    var times: [Double] = []
    var out: [UInt8] = []
    out.reserveCapacity(corpus.count + corpus.count / 4)
    for _ in 0..<repeats {
        var normalizer = LineNormalizer(matcher: matcher, format: .text, language: "en")
        out.removeAll(keepingCapacity: true)
        let start = now()
        corpus.withUnsafeBufferPointer { buffer in
            var lineStart = 0
            while lineStart < buffer.count {
                var end = lineStart
                while end < buffer.count && buffer[end] != 0x0A { end += 1 }
                normalizer.process(UnsafeBufferPointer(rebasing: buffer[lineStart..<end]), into: &out)
                out.append(0x0A)
                lineStart = end + 1
            }
        }
        times.append(now() - start)
    }
    let mb = Double(corpus.count) / 1e6
    print("  stream: \(fixed(mb / median(times))) MB/s (median of \(repeats), \(fixed(mb)) MB)")

    // Per document: 2 KB documents, one mentions(inUTF8:) call each.
    var documents: [[UInt8]] = []
    var position = 0
    while position < corpus.count && documents.count < 5000 {
        let end = min(position + 2048, corpus.count)
        documents.append(Array(corpus[position..<end]))
        position = end
    }
    times.removeAll()
    var mentions = 0
    for _ in 0..<repeats {
        mentions = 0
        let start = now()
        for document in documents { mentions += matcher.mentions(inUTF8: document).count }
        times.append(now() - start)
    }
    let documentMB = Double(documents.reduce(0) { $0 + $1.count } as Int) / 1e6
    print("  per 2 KB document: \(fixed(documentMB / median(times))) MB/s, \(fixed(median(times) / Double(documents.count) * 1e6)) µs a call, \(mentions) mentions")
}
